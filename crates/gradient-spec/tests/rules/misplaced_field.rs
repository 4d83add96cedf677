//! `misplaced-field`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_a_support::{expect, expect_fix, expect_none};
use crate::shared::structure::*;
use gradient_spec::Severity::{Error, Warning};

#[test]
fn top_level_replicas_moves_into_resources() {
    let text = "image: x\nreplicas: 2 # two\nresources:\n  instanceType: C4\n";
    let d = expect_fix(
        text,
        "misplaced-field",
        Error,
        "2:1",
        "image: x\nresources:\n  instanceType: C4\n  replicas: 2 # two\n",
    );
    assert_eq!(d.path, "replicas");
}

#[test]
fn missing_parent_is_created_in_place() {
    let text = "image: x\nreplicas: 2\ninstanceType: C4\n";
    expect_fix(
        text,
        "misplaced-field",
        Error,
        "2:1",
        "image: x\nresources:\n  replicas: 2\ninstanceType: C4\n",
    );
    expect_fix(
        text,
        "misplaced-field",
        Error,
        "3:1",
        "image: x\nreplicas: 2\nresources:\n  instanceType: C4\n",
    );
}

#[test]
fn repositories_fields_at_the_top() {
    let text = "image: x\ndataset: d\nrepositories:\n  mountPath: /opt/r\n  repositories:\n    - url: https://a.b/c\n      name: c\nresources:\n  instanceType: C4\n";
    let after = "image: x\nrepositories:\n  mountPath: /opt/r\n  repositories:\n    - url: https://a.b/c\n      name: c\n  dataset: d\nresources:\n  instanceType: C4\n";
    expect_fix(text, "misplaced-field", Error, "2:1", after);
}

#[test]
fn resources_port_moves_by_shape() {
    let legacy = "image: x\nresources:\n  instanceType: C4\n  port: 8080\n";
    expect_fix(
        legacy,
        "misplaced-field",
        Error,
        "4:3",
        "image: x\nresources:\n  instanceType: C4\nport: 8080\n",
    );
    let v1 = "apiVersion: v1\nname: a\nimage: x\nresources:\n  port: 8080\n  machineType: C4\n";
    expect_fix(
        v1,
        "misplaced-field",
        Error,
        "5:3",
        "apiVersion: v1\nname: a\nimage: x\nresources:\n  machineType: C4\n  ports: [8080]\n",
    );
}

#[test]
fn block_value_keeps_its_depth_when_moved() {
    let text = "image: x\nautoscaling:\n  maxReplicas: 3\n  metrics:\n    - metric: cpu\n      summary: average\n      value: 50\nresources:\n  instanceType: C4\n";
    let after = "image: x\nresources:\n  instanceType: C4\n  autoscaling:\n    maxReplicas: 3\n    metrics:\n      - metric: cpu\n        summary: average\n        value: 50\n";
    expect_fix(text, "misplaced-field", Error, "2:1", after);
}

#[test]
fn spec_wrapper_is_unwrapped() {
    let text = "apiVersion: v1\nspec:\n  # the spec\n  name: a\n  image: x\n  resources:\n    machineType: C4\n    ports: [80]\n";
    let after = "apiVersion: v1\n# the spec\nname: a\nimage: x\nresources:\n  machineType: C4\n  ports: [80]\n";
    let d = expect_fix(text, "misplaced-field", Error, "2:1", after);
    assert_eq!(d.path, "spec");
    expect_none(after, "misplaced-field");
    expect_none(after, "missing-field");
}

#[test]
fn misplaced_near_misses() {
    expect_none(
        &format!("image: x\n{LEGACY_TAIL}  replicas: 2\n"),
        "misplaced-field",
    );
    // A `spec:` that holds no spec field is just an unknown key.
    let text = format!("image: x\n{LEGACY_TAIL}spec: 3\n");
    expect_none(&text, "misplaced-field");
    expect(&text, "unknown-key", Warning, "4:1");
}

#[test]
fn syntax_errors_keep_diagnostics_but_withhold_layout_fixes() {
    let text = "image: x\nreplicas: 2\nresources:\n  instanceType: C4\nextra: [1, 2\n";
    let d = expect(text, "misplaced-field", Error, "2:1");
    assert!(
        d.fix.is_none(),
        "a move computed from a broken tree is not offered"
    );
    let d = expect(
        "resources:\n  instanceType: C4\nextra: \"open\n",
        "missing-field",
        Error,
        "1:1",
    );
    assert!(d.fix.is_none());
}

#[test]
fn suggestions_prefer_the_spec_shape() {
    let text = "apiVersion: v1\nname: a\nimage: x\nresources:\n  ports: [80]\n  machinetype: C4\n";
    expect_fix(
        text,
        "unknown-key",
        Warning,
        "6:3",
        &text.replace("machinetype", "machineType"),
    );
    let legacy = "image: x\nresources:\n  machinetype: C4\n";
    expect_fix(
        legacy,
        "unknown-key",
        Warning,
        "3:3",
        &legacy.replace("machinetype", "machineType"),
    );
}
