//! `duplicate-key`: a key written twice in one mapping. The YAML and JSON parsers
//! report it; this file holds its entry.

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `duplicate-key` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::DuplicateKey,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Duplicate key",
    what: "A key appears twice in the same mapping.",
    why: "YAML forbids it, and loaders that accept it silently keep only the last value.",
    fix: "Remove one of the two, or merge their values.",
};
