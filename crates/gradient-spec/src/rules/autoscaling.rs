//! `autoscaling`: the autoscaling block (checked in `scaling.rs`).

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `autoscaling` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::Autoscaling,
    severities: &[Severity::Error, Severity::Warning],
    usual: Severity::Error,
    title: "Autoscaling",
    what: "`autoscaling` lacks `maxReplicas` or `metrics`, `maxReplicas` is below `replicas`, or a metric is malformed or listed twice.",
    why: "The API rejects incomplete autoscaling; targets out of range never or always trigger.",
    fix: "Give `maxReplicas` ≥ `replicas` and metrics `cpu`/`memory` (1–100) or `requestDuration` (seconds) with `summary: average`.",
};
