//! `machine-type`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_a_support::{expect, expect_fix, expect_none};
use crate::shared::values::*;
use gradient_spec::Applicability::Unsafe;
use gradient_spec::Severity::{Error, Warning};

fn machine(name: &str) -> String {
    format!("{HEAD}resources:\n  instanceType: {name}\n")
}

#[test]
fn unknown_machine_gets_a_suggestion() {
    let d = expect_fix(
        &machine("a4000"),
        "machine-type",
        Warning,
        "4:17",
        &machine("A4000"),
    );
    assert_eq!(d.fix.unwrap().applicability, Unsafe);
    expect_fix(
        &machine("RTX-4000"),
        "machine-type",
        Warning,
        "4:17",
        &machine("RTX4000"),
    );
    let d = expect(&machine("K80"), "machine-type", Warning, "4:17");
    assert!(d.fix.is_none());
}

#[test]
fn free_tier_machine_is_an_error() {
    expect(&machine("Free-GPU"), "machine-type", Error, "4:17");
    expect(
        &format!("{V1}resources:\n  machineType: free-p5000\n  ports: [80]\n"),
        "machine-type",
        Error,
        "6:16",
    );
}

#[test]
fn machine_near_misses() {
    for name in ["C4", "A4000x2", "A100x8", "V100-32G", "IPU-POD16", "H100"] {
        expect_none(&machine(name), "machine-type");
    }
}
