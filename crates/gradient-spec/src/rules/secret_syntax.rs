//! `secret-syntax`: malformed `secret:NAME` references (checked in `secrets.rs`).

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `secret-syntax` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::SecretSyntax,
    severities: &[Severity::Error, Severity::Warning],
    usual: Severity::Error,
    title: "Secret reference syntax",
    what: "A secret reference is malformed (`SECRET:`, `secrets:x`, `${X}`, an empty or invalid name).",
    why: "Only `secret:NAME` is resolved; anything else reaches the container as literal text.",
    fix: "Write `secret:NAME` in lower case, with a name of letters, digits and `_`.",
};
