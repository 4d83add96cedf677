//! `unknown-key`: a key no version of the spec has. Reported by the catalogue-driven
//! structure checker (`structure.rs`).

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `unknown-key` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::UnknownKey,
    severities: &[Severity::Warning],
    usual: Severity::Warning,
    title: "Unknown key",
    what: "A key that no version of the spec has, often a typo of a known one.",
    why: "The server ignores or rejects it, so whatever it was meant to set is not set.",
    fix: "Rename it to the suggested key, or remove it.",
};
