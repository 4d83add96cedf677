//! `repo-credentials`: a repository's `username` and `password` come together; GitHub
//! takes tokens, not passwords. Called by the walker of the legacy `repositories`
//! block (`repositories.rs`).

use super::context::value_span;
use super::registry::Rule;
use super::repo_url;
use super::spec_body::is_set;
use super::RuleId;
use crate::diag::{Diagnostic, Severity};
use crate::path::SpecPath;
use crate::yaml::{Mapping, Node};

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

/// `repo-credentials`: `username` and `password` go together; GitHub refuses account
/// passwords, so a GitHub URL with a password gets a reminder about tokens.
pub(super) fn check(repo: &Mapping, p: &SpecPath, out: &mut Vec<Diagnostic>) {
    const RULE: RuleId = RuleId::RepoCredentials;
    let (user, pass) = (is_set(repo, "username"), is_set(repo, "password"));
    let at = |key: &str| repo.get_entry(key).map(value_span);
    if user && !pass {
        if let Some(span) = at("username") {
            let msg = "`username` without `password`: a private repository needs both (the password as `secret:NAME`)";
            out.push(Diagnostic::new(
                RULE,
                Severity::Warning,
                span,
                p.key("username").to_string(),
                msg,
            ));
        }
    }
    if pass && !user {
        if let Some(span) = at("password") {
            let msg = "`password` without `username`: git needs both to authenticate";
            out.push(Diagnostic::new(
                RULE,
                Severity::Warning,
                span,
                p.key("password").to_string(),
                msg,
            ));
        }
    }
    let github = repo
        .get("url")
        .and_then(Node::as_str)
        .is_some_and(repo_url::is_github);
    if pass && github {
        if let Some(span) = at("password") {
            let msg = "GitHub no longer accepts account passwords: the secret must hold a personal access token";
            out.push(Diagnostic::new(
                RULE,
                Severity::Info,
                span,
                p.key("password").to_string(),
                msg,
            ));
        }
    }
}
