//! `missing-field`: a required field absent or empty. Reported by the
//! catalogue-driven structure checker (`structure.rs`).

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `missing-field` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::MissingField,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Missing field",
    what: "A required field is absent or empty: `image`, `resources`, the machine, v1 `ports`, a repository's `url` or `name`, an env `name` or `value`, …",
    why: "The API rejects a spec without its required fields.",
    fix: "Add the field; the fix inserts it with a placeholder value to replace.",
};
