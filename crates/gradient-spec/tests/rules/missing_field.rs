//! `missing-field`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_a_support::{expect, expect_fix, expect_none};
use crate::shared::structure::*;
use gradient_spec::Severity::Error;

#[test]
fn missing_image_points_at_the_first_line_and_is_appended() {
    let text = "# my spec\nresources:\n  instanceType: C4\n";
    let d = expect_fix(
        text,
        "missing-field",
        Error,
        "1:1",
        "# my spec\nresources:\n  instanceType: C4\nimage: <image>\n",
    );
    assert_eq!(d.path, "image");
    assert_eq!(
        d.fix.unwrap().applicability,
        gradient_spec::Applicability::Unsafe
    );
}

#[test]
fn missing_resources_gets_its_required_children() {
    expect_fix(
        "image: x\n",
        "missing-field",
        Error,
        "1:1",
        "image: x\nresources:\n  instanceType: C4\n",
    );
    let v1 = "apiVersion: v1\nname: a\nimage: x\n";
    expect_fix(
        v1,
        "missing-field",
        Error,
        "1:1",
        &format!("{v1}resources:\n  machineType: C4\n  ports: [8000]\n"),
    );
}

#[test]
fn missing_v1_ports_points_at_resources() {
    let text = "apiVersion: v1\nname: a\nimage: x\nresources:\n    machineType: C4\n";
    let after =
        "apiVersion: v1\nname: a\nimage: x\nresources:\n    machineType: C4\n    ports: [8000]\n";
    let d = expect_fix(text, "missing-field", Error, "4:1", after);
    assert_eq!(d.path, "resources.ports");
}

#[test]
fn empty_value_counts_as_missing() {
    expect_fix(
        "image: x\nresources:\n",
        "missing-field",
        Error,
        "2:1",
        "image: x\nresources:\n  instanceType: C4\n",
    );
    expect_fix(
        &format!("image:\n{LEGACY_TAIL}"),
        "missing-field",
        Error,
        "1:1",
        &format!("image: <image>\n{LEGACY_TAIL}"),
    );
    let env = format!("image: x\n{LEGACY_TAIL}env:\n  - name: \"\"\n    value: v\n");
    expect_fix(
        &env,
        "missing-field",
        Error,
        "5:11",
        &format!("image: x\n{LEGACY_TAIL}env:\n  - name: NAME\n    value: v\n"),
    );
    let v1 = "apiVersion: v1\nname: a\nimage: x\nresources:\n  machineType: C4\n  ports: []\n";
    expect_fix(
        v1,
        "missing-field",
        Error,
        "6:10",
        &v1.replace("[]", "[8000]"),
    );
}

#[test]
fn missing_fields_of_list_items() {
    let env = format!("image: x\n{LEGACY_TAIL}env:\n  - name: A\n");
    let d = expect_fix(
        &env,
        "missing-field",
        Error,
        "5:5",
        &format!("{env}    value: value\n"),
    );
    assert_eq!(d.path, "env[0].value");
    let repos = format!("image: x\n{LEGACY_TAIL}repositories:\n  dataset: d\n  repositories:\n    - ref: main\n      name: c\n");
    expect(&repos, "missing-field", Error, "7:7");
    let models = format!("image: x\n{LEGACY_TAIL}models:\n  - path: /opt/models\n");
    expect_fix(
        &models,
        "missing-field",
        Error,
        "5:5",
        &format!("{models}    id: <model-id>\n"),
    );
    let no_list = format!("image: x\n{LEGACY_TAIL}repositories:\n  dataset: d\n");
    expect(&no_list, "missing-field", Error, "4:1");
}

#[test]
fn missing_metric_fields() {
    let text = format!(
        "image: x\n{LEGACY_TAIL}  autoscaling:\n    maxReplicas: 2\n    metrics:\n      - metric: cpu\n        value: 50\n"
    );
    let d = expect(&text, "missing-field", Error, "7:9");
    assert_eq!(d.path, "resources.autoscaling.metrics[0].summary");
}

#[test]
fn missing_probe_path_in_the_http_form() {
    let text = format!("image: x\n{LEGACY_TAIL}healthChecks:\n  readiness:\n    port: 8000\n");
    expect_fix(
        &text,
        "missing-field",
        Error,
        "5:3",
        &format!("{text}    path: /\n"),
    );
    // Exec probes and empty probes are not HTTP probes (the latter is `probe`).
    expect_none(&format!("image: x\n{LEGACY_TAIL}healthChecks:\n  readiness:\n    exec:\n      command: [true]\n"), "missing-field");
    expect_none(
        &format!("image: x\n{LEGACY_TAIL}healthChecks:\n  readiness:\n    timeoutSeconds: 2\n"),
        "missing-field",
    );
}

#[test]
fn missing_integration_fields_per_type() {
    let v1 = "apiVersion: v1\nname: a\nimage: x\nresources:\n  machineType: C4\n  ports: [80]\nintegrations:\n";
    let s3 = format!("{v1}  - type: s3\n    name: b\n");
    let d = expect_fix(
        &s3,
        "missing-field",
        Error,
        "8:5",
        &format!("{s3}    url: s3://bucket/\n"),
    );
    assert_eq!(d.path, "integrations[0].url");
    expect(
        &format!("{v1}  - type: spaces\n    name: b\n"),
        "missing-field",
        Error,
        "8:5",
    );
    expect(
        &format!("{v1}  - type: model\n    name: b\n"),
        "missing-field",
        Error,
        "8:5",
    );
    expect(&format!("{v1}  - name: b\n"), "missing-field", Error, "8:5");
    expect_none(
        &format!("{v1}  - type: volume\n    name: b\n"),
        "missing-field",
    );
    expect_none(
        &format!("{v1}  - type: git-lfs\n    name: b\n    url: https://h.co/x\n"),
        "missing-field",
    );
}

#[test]
fn flow_root_gets_a_flow_entry() {
    let text = "{image: x, port: 80}\n";
    expect_fix(
        text,
        "missing-field",
        Error,
        "1:1",
        "{image: x, port: 80, resources: {instanceType: C4}}\n",
    );
}

#[test]
fn missing_field_near_misses() {
    // v1 requires `name`; legacy does not.
    expect_none(&format!("image: x\n{LEGACY_TAIL}"), "missing-field");
    // The other shape's field is there: `mixed-shape` says what to write instead.
    expect_none(
        "apiVersion: v1\nname: a\nimage: x\nport: 80\nresources:\n  instanceType: C4\n",
        "missing-field",
    );
    // Reported by their own rules: `dataset-required`, `autoscaling`, `probe`.
    let repos = format!("image: x\n{LEGACY_TAIL}repositories:\n  repositories:\n    - url: https://a.b/c\n      name: c\n");
    expect_none(&repos, "missing-field");
    expect_none(
        &format!("image: x\n{LEGACY_TAIL}  autoscaling:\n    enabled: true\n"),
        "missing-field",
    );
    let header = "  readiness:\n    path: /\n    headers:\n      - name: A\n";
    expect_none(
        &format!("image: x\n{LEGACY_TAIL}healthChecks:\n{header}"),
        "missing-field",
    );
    // An empty image is the `image` rule's.
    expect_none(&format!("image: \"\"\n{LEGACY_TAIL}"), "missing-field");
}
