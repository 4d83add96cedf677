//! Fixed vocabularies of the spec: versions, machines, metrics, integration types.

/// Every `apiVersion` the API accepts.
pub const API_VERSIONS: &[&str] = &["v0alpha0", "v0alpha1", "v1", "latest"];
/// `apiVersion` values that name the legacy shape (`latest` meant it until mid-2023).
pub const LEGACY_API_VERSIONS: &[&str] = &["v0alpha0", "latest"];
/// `apiVersion` values that name the v1 shape (`latest` means it now).
pub const V1_API_VERSIONS: &[&str] = &["v1", "v0alpha1", "latest"];

/// The explicit `apiVersion` of each shape, used by fixes.
pub const fn explicit_version(shape: super::Shape) -> &'static str {
    match shape {
        super::Shape::Legacy => "v0alpha0",
        super::Shape::V1 => "v1",
    }
}

/// Autoscaling metrics.
pub const METRICS: &[&str] = &["cpu", "memory", "requestDuration"];
/// Autoscaling summaries (`average` is the only one).
pub const SUMMARIES: &[&str] = &["average"];
/// Health check probes, the keys of `healthChecks`.
pub const PROBES: &[&str] = &["liveness", "readiness", "startup"];
/// The HTTP-form keys of a probe (the exec form has `exec` instead).
pub const HTTP_PROBE_KEYS: &[&str] = &["path", "port", "host", "headers"];

/// v1 integration types. `do-spaces` is the docs' spelling of `spaces`.
pub const INTEGRATION_TYPES: &[&str] = &["git-lfs", "s3", "spaces", "do-spaces", "volume", "model"];
/// The most integrations one spec may hold.
pub const MAX_INTEGRATIONS: usize = 5;

const CPU: &str = "CPU machine";
const GPU: &str = "GPU machine";
const MULTI_GPU: &str = "multi-GPU machine";
const IPU: &str = "Graphcore IPU machine (private clusters)";

/// Known machine names, each with its family as completion describes it. No
/// authoritative list exists and the API takes any string, so an unknown name is only
/// a warning (`machine-type`).
pub const MACHINES: &[(&str, &str)] = &[
    ("C3", CPU),
    ("C4", CPU),
    ("C5", CPU),
    ("C7", CPU),
    ("P4000", GPU),
    ("P5000", GPU),
    ("P6000", GPU),
    ("RTX4000", GPU),
    ("RTX5000", GPU),
    ("A4000", GPU),
    ("A5000", GPU),
    ("A6000", GPU),
    ("V100", GPU),
    ("V100-32G", GPU),
    ("A100", GPU),
    ("A100-80G", GPU),
    ("H100", GPU),
    ("P4000x2", MULTI_GPU),
    ("P4000x4", MULTI_GPU),
    ("P5000x2", MULTI_GPU),
    ("P5000x4", MULTI_GPU),
    ("P6000x2", MULTI_GPU),
    ("P6000x4", MULTI_GPU),
    ("RTX4000x2", MULTI_GPU),
    ("RTX4000x4", MULTI_GPU),
    ("RTX5000x2", MULTI_GPU),
    ("RTX5000x4", MULTI_GPU),
    ("A4000x2", MULTI_GPU),
    ("A4000x4", MULTI_GPU),
    ("A5000x2", MULTI_GPU),
    ("A5000x4", MULTI_GPU),
    ("A6000x2", MULTI_GPU),
    ("A6000x4", MULTI_GPU),
    ("V100x2", MULTI_GPU),
    ("V100x4", MULTI_GPU),
    ("V100-32Gx2", MULTI_GPU),
    ("V100-32Gx4", MULTI_GPU),
    ("A100x2", MULTI_GPU),
    ("A100x4", MULTI_GPU),
    ("A100x8", MULTI_GPU),
    ("A100-80Gx2", MULTI_GPU),
    ("A100-80Gx4", MULTI_GPU),
    ("A100-80Gx8", MULTI_GPU),
    ("H100x2", MULTI_GPU),
    ("H100x4", MULTI_GPU),
    ("H100x8", MULTI_GPU),
    ("IPU-POD4", IPU),
    ("IPU-POD16", IPU),
];

/// The names of [`MACHINES`], in order (for selects and completion).
pub const MACHINE_NAMES: &[&str] = &[
    "C3",
    "C4",
    "C5",
    "C7",
    "P4000",
    "P5000",
    "P6000",
    "RTX4000",
    "RTX5000",
    "A4000",
    "A5000",
    "A6000",
    "V100",
    "V100-32G",
    "A100",
    "A100-80G",
    "H100",
    "P4000x2",
    "P4000x4",
    "P5000x2",
    "P5000x4",
    "P6000x2",
    "P6000x4",
    "RTX4000x2",
    "RTX4000x4",
    "RTX5000x2",
    "RTX5000x4",
    "A4000x2",
    "A4000x4",
    "A5000x2",
    "A5000x4",
    "A6000x2",
    "A6000x4",
    "V100x2",
    "V100x4",
    "V100-32Gx2",
    "V100-32Gx4",
    "A100x2",
    "A100x4",
    "A100x8",
    "A100-80Gx2",
    "A100-80Gx4",
    "A100-80Gx8",
    "H100x2",
    "H100x4",
    "H100x8",
    "IPU-POD4",
    "IPU-POD16",
];

/// Free-tier machines start with this (any case); they cannot run deployments.
pub const FREE_TIER_PREFIX: &str = "Free-";

/// True for a free-tier name (`Free-CPU`, `free-gpu`, …).
pub fn is_free_tier(name: &str) -> bool {
    name.len() >= FREE_TIER_PREFIX.len()
        && name.as_bytes()[..FREE_TIER_PREFIX.len()]
            .eq_ignore_ascii_case(FREE_TIER_PREFIX.as_bytes())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn machine_names_match_the_table() {
        let names: Vec<&str> = MACHINES.iter().map(|(n, _)| *n).collect();
        assert_eq!(names, MACHINE_NAMES);
    }

    #[test]
    fn free_tier() {
        assert!(is_free_tier("Free-GPU"));
        assert!(is_free_tier("free-p5000"));
        assert!(!is_free_tier("Free"));
        assert!(!is_free_tier("P5000"));
    }
}
