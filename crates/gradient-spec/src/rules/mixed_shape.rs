//! `mixed-shape`: fields of the shape the spec does not take (checked in `shape.rs`).

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `mixed-shape` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::MixedShape,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Fields of both shapes",
    what: "The spec holds fields of the legacy shape (`port`, `models`, `repositories`, `instanceType`) together with v1 fields (`integrations`, `basicAuthKey`, `machineType`, `ports`), or fields of one shape when `apiVersion` (or, when it names no fixed version, a Paperspace `$schema` URL) names the other.",
    why: "Each API version reads one shape; fields of the other are rejected or ignored.",
    fix: "Rewrite the marked fields in the spec's shape: `instanceType` ↔ `machineType`, `port` ↔ `resources.ports`, `models`/`repositories` ↔ `integrations`.",
};
