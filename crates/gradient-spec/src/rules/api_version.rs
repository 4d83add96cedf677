//! `api-version`: the `apiVersion` a spec declares (checked in `shape.rs`).

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `api-version` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::ApiVersion,
    severities: &[Severity::Error, Severity::Warning],
    usual: Severity::Error,
    title: "API version",
    what: "`apiVersion` is not one of `v0alpha0`, `v0alpha1`, `v1`, `latest`; is absent; is `latest` on a legacy-shaped spec; or disagrees with the version a Paperspace `$schema` URL names (`https://api.paperspace.com/schemas/v0alpha0`).",
    why: "When a spec has no `apiVersion`, Paperspace's GitHub deploy action sends `latest`, and `latest` now means the v1 shape: a legacy spec marked `latest`, or unmarked, is read as v1. A `$schema` naming another version than `apiVersion` leaves tools disagreeing on the shape.",
    fix: "Write the explicit version of the spec's shape: `v0alpha0` for legacy, `v1` for v1; make `$schema` name the same version.",
};
