//! `api-version` and `mixed-shape`.

mod rules_a_support;
use gradient_spec::Severity::{Error, Warning};
use rules_a_support::{expect, expect_fix, expect_none};

const LEGACY: &str = "image: x\nport: 80\nresources:\n  instanceType: C4\n";
const V1_BODY: &str = "name: a\nimage: x\nresources:\n  machineType: C4\n  ports: [80]\n";

#[test]
fn absent_version_is_a_warning_with_the_shape_version() {
    let d = expect_fix(
        LEGACY,
        "api-version",
        Warning,
        "1:1",
        &format!("apiVersion: v0alpha0\n{LEGACY}"),
    );
    assert_eq!(
        d.fix.unwrap().applicability,
        gradient_spec::Applicability::Unsafe
    );
    expect_fix(
        V1_BODY,
        "api-version",
        Warning,
        "1:1",
        &format!("apiVersion: v1\n{V1_BODY}"),
    );
    // The top level's own indentation is kept.
    let indented = "  image: x\n  resources:\n    instanceType: C4\n";
    expect_fix(
        indented,
        "api-version",
        Warning,
        "1:1",
        &format!("  apiVersion: v0alpha0\n{indented}"),
    );
}

#[test]
fn unknown_version_is_an_error() {
    let text = format!("apiVersion: v2\n{V1_BODY}");
    expect_fix(
        &text,
        "api-version",
        Error,
        "1:13",
        &format!("apiVersion: v1\n{V1_BODY}"),
    );
    let text = format!("apiVersion: V1 # upper\n{V1_BODY}");
    expect_fix(
        &text,
        "api-version",
        Error,
        "1:13",
        &format!("apiVersion: v1 # upper\n{V1_BODY}"),
    );
    let text = format!("apiVersion: 1\n{LEGACY}");
    expect_fix(
        &text,
        "api-version",
        Error,
        "1:13",
        &format!("apiVersion: v0alpha0\n{LEGACY}"),
    );
    let text = format!("apiVersion:\n{LEGACY}");
    expect_fix(
        &text,
        "api-version",
        Error,
        "1:1",
        &format!("apiVersion: v0alpha0\n{LEGACY}"),
    );
}

#[test]
fn latest_with_the_legacy_shape_is_a_warning() {
    let text = format!("apiVersion: latest\n{LEGACY}");
    expect_fix(
        &text,
        "api-version",
        Warning,
        "1:13",
        &format!("apiVersion: v0alpha0\n{LEGACY}"),
    );
}

#[test]
fn api_version_near_misses() {
    expect_none(&format!("apiVersion: latest\n{V1_BODY}"), "api-version");
    expect_none(&format!("apiVersion: v1\n{V1_BODY}"), "api-version");
    expect_none(&format!("apiVersion: v0alpha1\n{V1_BODY}"), "api-version");
    expect_none(&format!("apiVersion: v0alpha0\n{LEGACY}"), "api-version");
    // `latest` with no shape-specific field is read as v1: nothing to warn about.
    expect_none(
        "apiVersion: latest\nimage: x\nresources:\n  replicas: 1\n",
        "api-version",
    );
}

#[test]
fn v1_version_with_legacy_fields() {
    let text = "apiVersion: v1\nname: a\nimage: x\nresources:\n  instanceType: C4\n  ports: [80]\n";
    let d = expect(text, "mixed-shape", Error, "5:3");
    assert_eq!(d.path, "resources.instanceType");
    assert!(d.message.contains("resources.machineType"), "{}", d.message);
    let text = format!("apiVersion: v1\n{V1_BODY}port: 80\nmodels:\n  - id: m\n");
    expect(&text, "mixed-shape", Error, "7:1");
    expect(&text, "mixed-shape", Error, "8:1");
}

#[test]
fn legacy_spec_with_v1_fields() {
    let text =
        format!("{LEGACY}models:\n  - id: m\nintegrations:\n  - type: volume\n    name: v\n");
    expect(&text, "mixed-shape", Error, "7:1");
    let text = format!("apiVersion: v0alpha0\n{}basicAuthKey: secret:k\n", LEGACY);
    expect(&text, "mixed-shape", Error, "6:1");
}

#[test]
fn mixed_shape_near_misses() {
    expect_none(
        &format!("apiVersion: v1\n{V1_BODY}integrations:\n  - type: volume\n    name: v\n"),
        "mixed-shape",
    );
    expect_none(&format!("{LEGACY}models:\n  - id: m\n"), "mixed-shape");
}
