//! `limit`: input over a limit (size, nesting, alias expansion). The parsers report
//! it before any rule runs; our addition to the catalogue's ids.

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `limit` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::Limit,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Input limit",
    what: "The document is too large or too deeply nested to check.",
    why: "Limits keep the editor responsive; a real spec is a few kilobytes.",
    fix: "Check that the right file was opened.",
};
