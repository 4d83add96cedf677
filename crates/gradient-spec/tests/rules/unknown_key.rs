//! `unknown-key`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_a_support::{expect, expect_fix, expect_none};
use crate::shared::structure::*;
use gradient_spec::Severity::Warning;

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
