//! `multiple-documents`: more than one YAML document in the file. The YAML parser
//! reports it; this file holds its entry.

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `multiple-documents` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::MultipleDocuments,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "More than one document",
    what: "The file holds several YAML documents separated by `---`.",
    why: "A deployment spec is one document; tools read only the first or refuse the file.",
    fix: "Keep one spec per file and remove the other documents (or the stray `---`).",
};
