//! `api-version`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_a_support::{expect_fix, expect_none};
use crate::shared::shape::*;
use gradient_spec::Severity::{Error, Warning};

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
