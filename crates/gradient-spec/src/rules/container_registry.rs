//! `container-registry`: the registry connection for a private image (checked in `general.rs`).

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `container-registry` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::ContainerRegistry,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Container registry",
    what: "`containerRegistry` is empty or not a string.",
    why: "It names a registry connection saved in the team's settings, needed to pull a private image.",
    fix: "Write the name of the saved registry connection, or remove the field for a public image.",
};
