//! Keys that are not plain catalogue fields: known fields written at the wrong level,
//! keys no version of the spec has, accepted alternative spellings, and the pairs of
//! fields that do the same job in the two shapes.

use super::types::Shape;

/// A known field written at the wrong level (`misplaced-field`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Misplaced {
    /// The pattern of the mapping it was found in (`""` for the top level).
    pub found_in: &'static str,
    pub key: &'static str,
    /// Where it belongs in a legacy spec, as a full path.
    pub legacy: &'static str,
    /// Where it belongs in a v1 spec, as a full path.
    pub v1: &'static str,
}

impl Misplaced {
    /// Where the field belongs in a spec of `shape`.
    pub fn target(&self, shape: Shape) -> &'static str {
        match shape {
            Shape::Legacy => self.legacy,
            Shape::V1 => self.v1,
        }
    }
}

const fn misplaced(
    found_in: &'static str,
    key: &'static str,
    legacy: &'static str,
    v1: &'static str,
) -> Misplaced {
    Misplaced {
        found_in,
        key,
        legacy,
        v1,
    }
}

/// Fields people put at the wrong level. The first five are what the seed document's
/// flattened example shows (its `resources:` and `repositories:` lines were lost).
pub const MISPLACED: &[Misplaced] = &[
    misplaced("", "replicas", "resources.replicas", "resources.replicas"),
    misplaced(
        "",
        "instanceType",
        "resources.instanceType",
        "resources.machineType",
    ),
    misplaced(
        "",
        "machineType",
        "resources.instanceType",
        "resources.machineType",
    ),
    misplaced(
        "",
        "dataset",
        "repositories.dataset",
        "repositories.dataset",
    ),
    misplaced(
        "",
        "mountPath",
        "repositories.mountPath",
        "repositories.mountPath",
    ),
    misplaced("resources", "port", "port", "resources.ports"),
    misplaced("", "ports", "port", "resources.ports"),
    misplaced(
        "",
        "autoscaling",
        "resources.autoscaling",
        "resources.autoscaling",
    ),
    misplaced(
        "",
        "maxReplicas",
        "resources.autoscaling.maxReplicas",
        "resources.autoscaling.maxReplicas",
    ),
    misplaced(
        "",
        "liveness",
        "healthChecks.liveness",
        "healthChecks.liveness",
    ),
    misplaced(
        "",
        "readiness",
        "healthChecks.readiness",
        "healthChecks.readiness",
    ),
    misplaced(
        "",
        "startup",
        "healthChecks.startup",
        "healthChecks.startup",
    ),
];

/// A `spec:` mapping around a whole spec (Kubernetes habit): reported as
/// `misplaced-field` when it holds at least one top-level field.
pub const SPEC_WRAPPER: &str = "spec";

/// The misplacement of `key` found in the mapping at pattern `found_in`.
pub fn misplaced_field(found_in: &str, key: &str) -> Option<&'static Misplaced> {
    MISPLACED
        .iter()
        .find(|m| m.found_in == found_in && m.key == key)
}

/// A key that exists in no version of the spec but is common enough to explain.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct StrayKey {
    pub key: &'static str,
    /// Why it is not part of the spec, and what to write instead.
    pub hint: &'static str,
    /// A key to rename it to, when that is the obvious intent.
    pub rename_to: Option<&'static str>,
}

/// Keys seen in real files that no version of the spec has.
pub const STRAY_KEYS: &[StrayKey] = &[
    StrayKey {
        key: "kind",
        hint: "`kind` is a Kubernetes field; a Gradient deployment spec has none",
        rename_to: None,
    },
    StrayKey {
        key: "volumes",
        hint: "Gradient deployments have no `volumes`; mount data with `integrations` (v1) or `repositories` and `models` (legacy)",
        rename_to: None,
    },
    StrayKey {
        key: "healthCheck",
        hint: "the health checks live under `healthChecks` (plural), keyed by `liveness`, `readiness` and `startup`",
        rename_to: Some("healthChecks"),
    },
    StrayKey {
        key: "minReplicas",
        hint: "there is no `minReplicas`: autoscaling scales between `resources.replicas` and `maxReplicas`",
        rename_to: None,
    },
    StrayKey {
        key: "successThreshold",
        hint: "Gradient probes have no `successThreshold` (one success marks a replica healthy)",
        rename_to: None,
    },
];

/// The explanation of a key no version of the spec has.
pub fn stray_key(key: &str) -> Option<&'static StrayKey> {
    STRAY_KEYS.iter().find(|s| s.key == key)
}

/// Another spelling of a field that some tool accepts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Alias {
    /// The pattern of the mapping it may appear in.
    pub found_in: &'static str,
    pub alias: &'static str,
    /// The catalogue key it stands for.
    pub canonical: &'static str,
    /// The rule that warns about the spelling.
    pub rule: &'static str,
}

/// `healthchecks`: the v1 API also takes this spelling (`probe` warns about it).
pub const ALIASES: &[Alias] = &[Alias {
    found_in: "",
    alias: "healthchecks",
    canonical: "healthChecks",
    rule: "probe",
}];

/// The canonical key for `key` in the mapping at pattern `found_in`.
pub fn canonical_key<'k>(found_in: &str, key: &'k str) -> &'k str {
    match ALIASES
        .iter()
        .find(|a| a.found_in == found_in && a.alias == key)
    {
        Some(a) => a.canonical,
        None => key,
    }
}

/// Fields that do the same job in the two shapes (legacy, v1): when a spec holds one,
/// the other is not reported missing; `mixed-shape` says which to use instead.
pub const COUNTERPARTS: &[(&str, &str)] = &[
    ("resources.instanceType", "resources.machineType"),
    ("port", "resources.ports"),
];

/// The field doing the job of `path` in the other shape.
pub fn counterpart(path: &str) -> Option<&'static str> {
    COUNTERPARTS.iter().find_map(|&(l, v)| {
        if l == path {
            Some(v)
        } else if v == path {
            Some(l)
        } else {
            None
        }
    })
}

/// Mappings whose unknown keys another rule reports (structure stays silent).
pub(super) const OTHER_KEYS_REPORTED_BY: &[(&str, &str)] = &[("healthChecks", "probe")];

/// The rule reporting unknown keys in the mapping at `pattern`, when not `unknown-key`.
pub fn other_keys_rule(pattern: &str) -> Option<&'static str> {
    OTHER_KEYS_REPORTED_BY
        .iter()
        .find(|(p, _)| *p == pattern)
        .map(|(_, r)| *r)
}
