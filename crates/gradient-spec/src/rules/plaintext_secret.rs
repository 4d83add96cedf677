//! `plaintext-secret`: credentials written in the spec (checked in `secrets.rs`).

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `plaintext-secret` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::PlaintextSecret,
    severities: &[Severity::Error, Severity::Warning],
    usual: Severity::Error,
    title: "Plaintext secret",
    what: "A password, key or credential is written in the spec instead of referencing a secret: a repository `password`, `basicAuthKey`, an integration `secretAccessKey`, an env `value` that looks like a token (`ghp_…`, `hf_…`, `sk-…`, `AKIA…`), or any literal env `value` under a name that says it holds a credential (`SECRET`, `TOKEN`, `PASSWORD`, `PASSWD`, `API_KEY`, `ACCESS_KEY`, `PRIVATE_KEY`, in any case, anywhere in the name: `SECRET_KEY`, `hf_token`, `DB_PASSWORD`). A word that merely starts with one of these names none (`TOKENIZERS_PARALLELISM`, `MAX_TOKENS`); empty values and placeholders in angle brackets are not plaintext.",
    why: "Specs are committed and shared; a plaintext secret leaks to everyone who reads them. The message never repeats the value.",
    fix: "Store the value as a team or project secret and write `secret:NAME`.",
};
