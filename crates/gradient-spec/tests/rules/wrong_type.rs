//! `wrong-type`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_a_support::{expect, expect_fix, expect_none};
use crate::shared::structure::*;
use gradient_spec::Severity::Error;

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
