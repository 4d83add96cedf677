//! `image`, `enabled`, `command`, `container-registry`.

mod rules_a_support;
use gradient_spec::Applicability::{Safe, Unsafe};
use gradient_spec::Severity::{Error, Info};
use rules_a_support::{expect, expect_fix, expect_none};

const TAIL: &str = "enabled: true\nresources:\n  instanceType: C4\n";

#[test]
fn image_problems() {
    expect(&format!("image: \"\"\n{TAIL}"), "image", Error, "1:8");
    expect(
        &format!("image: \"my image:1\"\n{TAIL}"),
        "image",
        Error,
        "1:8",
    );
    expect(&format!("image: :image\n{TAIL}"), "image", Info, "1:8");
}

#[test]
fn image_near_misses() {
    expect_none(&format!("image: ubuntu:20.04\n{TAIL}"), "image");
    let digest = "0123456789abcdef".repeat(4);
    expect_none(
        &format!("image: ghcr.io/a/b@sha256:{digest}\n{TAIL}"),
        "image",
    );
    // A digest of the wrong length is not one (`rules_image.rs` has the table).
    expect(
        &format!("image: ghcr.io/a/b@sha256:abc\n{TAIL}"),
        "image",
        Error,
        "1:8",
    );
    // Absent or written without a value: `missing-field`.
    expect_none(&format!("image:\n{TAIL}"), "image");
}

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

#[test]
fn command_as_a_string_is_wrapped() {
    let d = expect_fix(
        &format!("image: x\ncommand: nginx\n{TAIL}"),
        "command",
        Error,
        "2:10",
        &format!("image: x\ncommand: [nginx]\n{TAIL}"),
    );
    assert_eq!(d.fix.unwrap().applicability, Unsafe);
    expect_fix(
        &format!("image: x\ncommand: python app.py # run\n{TAIL}"),
        "command",
        Error,
        "2:10",
        &format!("image: x\ncommand: [/bin/sh, -c, \"python app.py\"] # run\n{TAIL}"),
    );
    expect_fix(
        &format!("image: x\ncommand: |\n  cd /app\n  python \"app.py\"\n{TAIL}"),
        "command",
        Error,
        "2:10",
        &format!(
            "image: x\ncommand: [/bin/sh, -c, \"cd /app\\npython \\\"app.py\\\"\\n\"]\n{TAIL}"
        ),
    );
}

#[test]
fn command_not_a_list_of_strings() {
    expect(
        &format!("image: x\ncommand: []\n{TAIL}"),
        "command",
        Error,
        "2:10",
    );
    expect(
        &format!("image: x\ncommand:\n{TAIL}"),
        "command",
        Error,
        "2:1",
    );
    expect(
        &format!("image: x\ncommand:\n  run: app\n{TAIL}"),
        "command",
        Error,
        "2:1",
    );
    let d = expect(
        &format!("image: x\ncommand: [python, 5]\n{TAIL}"),
        "command",
        Error,
        "2:19",
    );
    assert_eq!(d.path, "command[1]");
    expect_none(
        &format!("image: x\ncommand:\n  - python\n  - '-c'\n  - |\n    print(1)\n{TAIL}"),
        "command",
    );
}

#[test]
fn container_registry_must_name_a_connection() {
    expect(
        &format!("image: x\ncontainerRegistry: \"\"\n{TAIL}"),
        "container-registry",
        Error,
        "2:20",
    );
    expect(
        &format!("image: x\ncontainerRegistry: 5\n{TAIL}"),
        "container-registry",
        Error,
        "2:20",
    );
    expect(
        &format!("image: x\ncontainerRegistry:\n{TAIL}"),
        "container-registry",
        Error,
        "2:1",
    );
    expect_none(
        &format!("image: x\ncontainerRegistry: dockerhub-prod\n{TAIL}"),
        "container-registry",
    );
}
