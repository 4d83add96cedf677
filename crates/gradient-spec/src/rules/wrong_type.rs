//! `wrong-type`: a value of the wrong kind. Reported by the catalogue-driven
//! structure checker (`structure.rs`), which walks every field once.

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `wrong-type` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::WrongType,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Wrong kind of value",
    what: "A value has the wrong kind: text where a list is needed, a mapping where a single value belongs, a number where text is needed, a probe written as `...`.",
    why: "The API rejects values of the wrong type with a generic \"invalid values\" error.",
    fix: "Write the kind the field expects (see its help); a single item that should be a list can be wrapped in one.",
};
