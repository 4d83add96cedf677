//! `replicas`: replica counts (checked in `scaling.rs`).

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `replicas` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::Replicas,
    severities: &[Severity::Error, Severity::Info],
    usual: Severity::Error,
    title: "Replicas",
    what: "`replicas` or `maxReplicas` is negative or not an integer; `replicas: 0` stops the deployment.",
    why: "Replica counts are whole numbers; zero replicas serve nothing.",
    fix: "Write a whole number, 1 or more to serve traffic.",
};
