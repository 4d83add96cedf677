//! `misplaced-field`: a known field at the wrong level. Reported by the
//! catalogue-driven structure checker (`structure.rs`).

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `misplaced-field` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::MisplacedField,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Field at the wrong level",
    what: "A known field written at the wrong level, e.g. `replicas` at the top instead of under `resources`, or a `spec:` wrapper around the whole spec.",
    why: "The server only looks for each field in its own place, so a misplaced one is ignored.",
    fix: "Move it under its parent; the fix does it.",
};
