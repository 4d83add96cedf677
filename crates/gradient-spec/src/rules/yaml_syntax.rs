//! `yaml-syntax`: text that is not well-formed YAML (or JSON). The parsers report it
//! (`crate::yaml`, `crate::json`) where they find it; this file holds its entry.

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `yaml-syntax` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::YamlSyntax,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "YAML syntax",
    what: "The text is not well-formed YAML: an unclosed quote or bracket, bad or tab indentation, a stray `:`.",
    why: "Nothing can read the spec until it parses; the rest of the document is still checked where it parsed.",
    fix: "Look at the marked place: close the quote or bracket, indent with spaces, and quote values that contain `: `.",
};
