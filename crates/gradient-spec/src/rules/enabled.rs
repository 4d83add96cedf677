//! `enabled`: whether the deployment runs (checked in `general.rs`).

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `enabled` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::Enabled,
    severities: &[Severity::Error, Severity::Info],
    usual: Severity::Error,
    title: "Enabled",
    what: "`enabled` is not a boolean, or is absent.",
    why: "`pspace` reports a spec without `enabled` as disabled.",
    fix: "Write `enabled: true` (or `false` to stop the deployment).",
};
