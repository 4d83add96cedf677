//! `mixed-shape`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_a_support::{expect, expect_none};
use crate::shared::shape::*;
use gradient_spec::Severity::Error;

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
