//! `wrong-type`, `missing-field`, `unknown-key`, `misplaced-field`: each fires where
//! rules.md says (rule, severity, line:column, fix result), and near misses do not.

mod rules_a_support;
use gradient_spec::Severity::{Error, Warning};
use rules_a_support::{expect, expect_fix, expect_none};

const LEGACY_TAIL: &str = "resources:\n  instanceType: C4\n";

// ----- wrong-type -----

#[test]
fn root_that_is_not_a_mapping() {
    expect("- image: x\n- port: 80\n", "wrong-type", Error, "1:1");
    expect("just text\n", "wrong-type", Error, "1:1");
}

#[test]
fn probe_written_as_a_scalar() {
    let text = format!(
        "image: x\n{LEGACY_TAIL}healthChecks:\n  liveness: ...\n  readiness:\n    path: /\n"
    );
    let d = expect(&text, "wrong-type", Error, "5:13");
    assert_eq!(d.path, "healthChecks.liveness");
    assert!(d.message.contains("placeholder"), "{}", d.message);
}

#[test]
fn models_as_a_mapping_is_wrapped_in_a_list() {
    let text = "image: x\nmodels:\n  id: abc # the id\n  path: /opt/models\nresources:\n  instanceType: C4\n";
    let after = "image: x\nmodels:\n  - id: abc # the id\n    path: /opt/models\nresources:\n  instanceType: C4\n";
    let d = expect_fix(text, "wrong-type", Error, "2:1", after);
    assert_eq!(
        d.fix.unwrap().applicability,
        gradient_spec::Applicability::Unsafe
    );
    expect_none(after, "wrong-type");
}

#[test]
fn flow_mapping_is_wrapped_in_brackets() {
    let text = format!("image: x\nmodels: {{id: abc}}\n{LEGACY_TAIL}");
    let after = format!("image: x\nmodels: [{{id: abc}}]\n{LEGACY_TAIL}");
    expect_fix(&text, "wrong-type", Error, "2:9", &after);
}

#[test]
fn ports_as_a_number_is_wrapped() {
    let text = "apiVersion: v1\nname: a\nimage: x\nresources:\n  machineType: C4\n  ports: 8000\n";
    let after =
        "apiVersion: v1\nname: a\nimage: x\nresources:\n  machineType: C4\n  ports: [8000]\n";
    expect_fix(text, "wrong-type", Error, "6:10", after);
}

#[test]
fn number_where_text_belongs_gets_quoted() {
    let text = format!("name: 123\nimage: x\n{LEGACY_TAIL}");
    let d = expect_fix(
        &text,
        "wrong-type",
        Error,
        "1:7",
        &format!("name: \"123\"\nimage: x\n{LEGACY_TAIL}"),
    );
    assert_eq!(
        d.fix.unwrap().applicability,
        gradient_spec::Applicability::Safe
    );
}

#[test]
fn list_items_of_the_wrong_kind() {
    expect(
        &format!("image: x\n{LEGACY_TAIL}env:\n  - FOO=bar\n"),
        "wrong-type",
        Error,
        "5:5",
    );
    let probe = "  readiness:\n    exec:\n      command: [cat, 5]\n";
    expect(
        &format!("image: x\n{LEGACY_TAIL}healthChecks:\n{probe}"),
        "wrong-type",
        Error,
        "7:22",
    );
    let v1 = "apiVersion: v1\nname: a\nimage: x\nresources:\n  machineType: C4\n  ports: [80]\n";
    expect(
        &format!("{v1}integrations:\n  - git-lfs\n"),
        "wrong-type",
        Error,
        "8:5",
    );
    let headers = "  readiness:\n    path: /\n    headers:\n      - Authorization\n";
    expect(
        &format!("image: x\n{LEGACY_TAIL}healthChecks:\n{headers}"),
        "wrong-type",
        Error,
        "8:9",
    );
}

#[test]
fn probe_timing_that_is_not_an_integer() {
    let text = format!("image: x\n{LEGACY_TAIL}healthChecks:\n  readiness:\n    path: /\n    periodSeconds: \"10\"\n");
    expect(&text, "wrong-type", Error, "7:20");
}

#[test]
fn wrong_type_near_misses() {
    // Values judged by other rules are never `wrong-type`.
    expect_none(
        &format!("image: x\nport: \"80\"\n{LEGACY_TAIL}"),
        "wrong-type",
    );
    expect_none(
        &format!("image: x\n{LEGACY_TAIL}env:\n  - name: A\n    value: 7860\n"),
        "wrong-type",
    );
    expect_none(
        &format!("image: x\ncommand: python app.py\n{LEGACY_TAIL}"),
        "wrong-type",
    );
    expect_none(
        &format!("image: x\nenabled: \"yes\"\n{LEGACY_TAIL}"),
        "wrong-type",
    );
    expect_none(
        &format!("apiVersion: 1\nimage: x\n{LEGACY_TAIL}"),
        "wrong-type",
    );
    expect_none(&format!("image: x\nregion:\n{LEGACY_TAIL}"), "wrong-type");
}

// ----- missing-field -----

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

// ----- unknown-key -----

#[test]
fn unknown_key_with_a_suggestion_is_renamed() {
    let text = "image: x\nresources:\n  instancetype: C4\n";
    let d = expect_fix(
        text,
        "unknown-key",
        Warning,
        "3:3",
        "image: x\nresources:\n  instanceType: C4\n",
    );
    assert!(
        d.message.contains("did you mean `instanceType`"),
        "{}",
        d.message
    );
    assert_eq!(d.path, "resources.instancetype");
}

#[test]
fn stray_keys_are_explained() {
    let d = expect(
        &format!("kind: Deployment\nimage: x\n{LEGACY_TAIL}"),
        "unknown-key",
        Warning,
        "1:1",
    );
    assert!(d.fix.is_none() && d.message.contains("Kubernetes"));
    let auto =
        format!("image: x\n{LEGACY_TAIL}  autoscaling:\n    minReplicas: 1\n    maxReplicas: 2\n");
    let d = expect(&auto, "unknown-key", Warning, "5:5");
    assert!(
        d.fix.is_none(),
        "minReplicas must not be renamed to maxReplicas"
    );
    let probe = format!("image: x\n{LEGACY_TAIL}healthChecks:\n  readiness:\n    path: /\n    successThreshold: 1\n");
    expect(&probe, "unknown-key", Warning, "7:5");
    let hc = format!("image: x\n{LEGACY_TAIL}healthCheck:\n  readiness:\n    path: /\n");
    expect_fix(
        &hc,
        "unknown-key",
        Warning,
        "4:1",
        &hc.replace("healthCheck:", "healthChecks:"),
    );
}

#[test]
fn unknown_keys_in_items() {
    let v1 = "apiVersion: v1\nname: a\nimage: x\nresources:\n  machineType: C4\n  ports: [80]\n";
    let s3 =
        format!("{v1}integrations:\n  - type: s3\n    name: b\n    url: s3://b/\n    bucket: b\n");
    expect(&s3, "unknown-key", Warning, "11:5");
    let env = format!("image: x\n{LEGACY_TAIL}env:\n  - name: A\n    valeu: b\n");
    expect_fix(
        &env,
        "unknown-key",
        Warning,
        "6:5",
        &env.replace("valeu", "value"),
    );
}

#[test]
fn unknown_key_near_misses() {
    let v1 = "apiVersion: v1\nname: a\nimage: x\nresources:\n  machineType: C4\n  ports: [80]\n";
    // `region` exists (for s3): the `integrations` rule judges it on other types.
    expect_none(&format!("{v1}integrations:\n  - type: git-lfs\n    name: b\n    url: https://h.co/x\n    region: eu\n"), "unknown-key");
    expect_none(
        &format!("{v1}healthchecks:\n  readiness:\n    path: /\n"),
        "unknown-key",
    );
    expect_none(
        &format!("{v1}healthChecks:\n  liveliness:\n    path: /\n"),
        "unknown-key",
    );
    expect_none(&format!("{v1}port: 80\n"), "unknown-key");
}

// ----- misplaced-field -----

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
