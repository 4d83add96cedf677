//! `replicas`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_a_support::{expect, expect_none};
use crate::shared::values::*;
use gradient_spec::Severity::{Error, Info};

#[test]
fn replica_counts() {
    expect(
        &format!("{HEAD}resources:\n  instanceType: C4\n  replicas: -1\n"),
        "replicas",
        Error,
        "5:13",
    );
    expect(
        &format!("{HEAD}resources:\n  instanceType: C4\n  replicas: 1.5\n"),
        "replicas",
        Error,
        "5:13",
    );
    expect(
        &format!("{HEAD}resources:\n  instanceType: C4\n  replicas: \"2\"\n"),
        "replicas",
        Error,
        "5:13",
    );
    expect(
        &format!("{HEAD}resources:\n  instanceType: C4\n  replicas: 0\n"),
        "replicas",
        Info,
        "5:13",
    );
    let auto = legacy("  autoscaling:\n    maxReplicas: -2\n    metrics:\n      - metric: cpu\n        summary: average\n        value: 50\n");
    let d = expect(&auto, "replicas", Error, "6:18");
    assert_eq!(d.path, "resources.autoscaling.maxReplicas");
}

#[test]
fn replica_near_misses() {
    expect_none(
        &format!("{HEAD}resources:\n  instanceType: C4\n  replicas: 2\n"),
        "replicas",
    );
    expect_none(&legacy(""), "replicas");
}
