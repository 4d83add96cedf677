//! `repo-credentials`: repository usernames and passwords (checked in `repositories.rs`).

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `repo-credentials` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::RepoCredentials,
    severities: &[Severity::Warning, Severity::Info],
    usual: Severity::Warning,
    title: "Repository credentials",
    what: "A repository has a `username` without a `password` or the reverse, or a GitHub URL with a password.",
    why: "Private clones need both; GitHub accepts personal access tokens, not account passwords.",
    fix: "Give both, with the password as `secret:NAME` holding a token.",
};
