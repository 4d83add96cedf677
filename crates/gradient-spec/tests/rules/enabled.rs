//! `enabled`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_a_support::{expect, expect_fix, expect_none};
use gradient_spec::Applicability::Safe;
use gradient_spec::Severity::{Error, Info};

#[test]
fn enabled_absent_gets_inserted() {
    let text = "apiVersion: v0alpha0\nimage: x\nresources:\n  instanceType: C4\n";
    let d = expect_fix(
        text,
        "enabled",
        Info,
        "1:1",
        "apiVersion: v0alpha0\nenabled: true\nimage: x\nresources:\n  instanceType: C4\n",
    );
    assert_eq!(d.fix.unwrap().applicability, Safe);
    let text = "image: x\nresources:\n  instanceType: C4\n";
    expect_fix(
        text,
        "enabled",
        Info,
        "1:1",
        &format!("enabled: true\n{text}"),
    );
}

#[test]
fn enabled_not_a_boolean() {
    let body = "image: x\nresources:\n  instanceType: C4\n";
    expect(
        &format!("enabled: \"yes\"\n{body}"),
        "enabled",
        Error,
        "1:10",
    );
    expect(&format!("enabled: 1\n{body}"), "enabled", Error, "1:10");
    expect(
        &format!("enabled: \"true\"\n{body}"),
        "enabled",
        Error,
        "1:10",
    );
    expect(&format!("enabled:\n{body}"), "enabled", Error, "1:1");
    expect_none(&format!("enabled: false\n{body}"), "enabled");
    expect_none(&format!("enabled: True\n{body}"), "enabled");
}
