//! `repo-name`: repository names (checked in `repositories.rs`).

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `repo-name` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::RepoName,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Repository name",
    what: "A repository `name` is empty, contains `/`, is `.` or `..`, or repeats another's.",
    why: "Each repository is cloned into `<mountPath>/<name>`, which must be one new directory.",
    fix: "Use a unique single directory name.",
};
