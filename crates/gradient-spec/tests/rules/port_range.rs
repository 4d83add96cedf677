//! `port-range`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_a_support::{expect, expect_fix, expect_none};
use crate::shared::values::*;
use gradient_spec::Applicability::Safe;
use gradient_spec::Severity::{Error, Warning};

#[test]
fn ports_out_of_range() {
    expect(
        &format!("{HEAD}port: 70000\nresources:\n  instanceType: C4\n"),
        "port-range",
        Error,
        "3:7",
    );
    expect(
        &format!("{HEAD}port: 0\nresources:\n  instanceType: C4\n"),
        "port-range",
        Error,
        "3:7",
    );
    expect(
        &format!("{HEAD}port: \"http\"\nresources:\n  instanceType: C4\n"),
        "port-range",
        Error,
        "3:7",
    );
    let d = expect(
        &format!("{V1}resources:\n  machineType: C4\n  ports: [80, 99999]\n"),
        "port-range",
        Error,
        "7:15",
    );
    assert_eq!(d.path, "resources.ports[1]");
    let probe = legacy("healthChecks:\n  readiness:\n    path: /\n    port: -1\n");
    expect(&probe, "port-range", Error, "8:11");
}

#[test]
fn quoted_port_is_unquoted() {
    let text = format!("{HEAD}port: \"7860\" # gradio\nresources:\n  instanceType: C4\n");
    let d = expect_fix(
        &text,
        "port-range",
        Warning,
        "3:7",
        &text.replace("\"7860\"", "7860"),
    );
    assert_eq!(d.fix.unwrap().applicability, Safe);
    let v1 = format!("{V1}resources:\n  machineType: C4\n  ports:\n    - '8000'\n");
    expect_fix(
        &v1,
        "port-range",
        Warning,
        "8:7",
        &v1.replace("'8000'", "8000"),
    );
}

#[test]
fn port_near_misses() {
    expect_none(
        &format!("{HEAD}port: 8080\nresources:\n  instanceType: C4\n"),
        "port-range",
    );
    expect_none(
        &format!("{V1}resources:\n  machineType: C4\n  ports: [1, 65535]\n"),
        "port-range",
    );
    expect_none(
        &legacy("env:\n  - name: PORT\n    value: \"8080\"\n"),
        "port-range",
    );
}
