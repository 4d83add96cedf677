//! `probe`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_a_support::{expect, expect_fix, expect_none};
use crate::shared::values::*;
use gradient_spec::Applicability::{Safe, Unsafe};
use gradient_spec::Severity::{Error, Warning};

fn probes(body: &str) -> String {
    legacy(&format!("healthChecks:\n{body}"))
}

#[test]
fn unknown_probe_key() {
    let text = probes("  liveliness:\n    path: /\n");
    let d = expect_fix(
        &text,
        "probe",
        Error,
        "6:3",
        &text.replace("liveliness", "liveness"),
    );
    assert_eq!(d.fix.unwrap().applicability, Unsafe);
    let d = expect(&probes("  healthy:\n    path: /\n"), "probe", Error, "6:3");
    assert!(d.fix.is_none());
}

#[test]
fn probe_forms() {
    expect(
        &probes("  readiness:\n    periodSeconds: 5\n"),
        "probe",
        Error,
        "6:3",
    );
    expect(
        &probes("  readiness:\n    path: health\n"),
        "probe",
        Error,
        "7:11",
    );
    expect(
        &probes("  readiness:\n    path: /\n    exec:\n      command: [true]\n"),
        "probe",
        Error,
        "8:5",
    );
    expect(&probes("  readiness:\n"), "probe", Error, "6:3");
    expect(&probes("  readiness:\n    exec:\n"), "probe", Error, "7:5");
}

#[test]
fn probe_timings() {
    for (key, value, col) in [
        ("timeoutSeconds", "0", 21),
        ("periodSeconds", "0", 20),
        ("failureThreshold", "0", 23),
        ("initialDelaySeconds", "-1", 26),
    ] {
        let text = probes(&format!("  startup:\n    path: /\n    {key}: {value}\n"));
        expect(&text, "probe", Error, &format!("8:{col}"));
    }
    expect_none(
        &probes("  startup:\n    path: /\n    initialDelaySeconds: 0\n    timeoutSeconds: 1\n"),
        "probe",
    );
}

#[test]
fn probe_headers_need_name_and_value() {
    let text = probes("  readiness:\n    path: /\n    headers:\n      - name: Authorization\n");
    let d = expect(&text, "probe", Error, "9:9");
    assert_eq!(d.path, "healthChecks.readiness.headers[0]");
    expect_none(
        &probes("  readiness:\n    path: /\n    headers:\n      - name: A\n        value: b\n"),
        "probe",
    );
}

#[test]
fn lower_case_healthchecks_spelling() {
    let text = format!("{V1}resources:\n  machineType: C4\n  ports: [80]\nhealthchecks:\n  readiness:\n    path: /\n");
    let d = expect_fix(
        &text,
        "probe",
        Warning,
        "8:1",
        &text.replace("healthchecks", "healthChecks"),
    );
    assert_eq!(d.fix.unwrap().applicability, Safe);
}

#[test]
fn probe_near_misses() {
    expect_none(&probes("  readiness:\n    path: /\n    port: 8000\n  liveness:\n    exec:\n      command: [cat, /tmp/ok]\n"), "probe");
    // A probe written as `...` is `wrong-type`, not `probe`.
    expect_none(&probes("  liveness: ...\n"), "probe");
}
