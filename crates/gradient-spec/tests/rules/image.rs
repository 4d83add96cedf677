//! `image`: the value is checked against the container image reference grammar
//! registries use (registry host, lower-case repository path, tag, digest), and the
//! message names the part that is wrong. Capitals in the repository path get a safe
//! fix; a placeholder in angle brackets and an empty value are errors; `:image` is
//! an info naming the GitHub deploy action.

use crate::rules_a_support::{corpus, corpus_names, expect, expect_fix, expect_none};
use gradient_spec::Applicability::Safe;
use gradient_spec::Severity::{Error, Info};
use gradient_spec::{check, Severity};

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

const TAIL: &str = "enabled: true\nresources:\n  instanceType: C4\n";

/// `image: VALUE` in an otherwise clean legacy spec (the value is written plain
/// unless it needs quotes).
fn spec(value: &str) -> String {
    let plain = !value.is_empty()
        && !value.contains(|c: char| c.is_whitespace() || "#[]{},\"'".contains(c))
        && !value.starts_with(['<', '@', '-', ':', '[', '`'])
        && !value.ends_with(':');
    if plain {
        format!("image: {value}\n{TAIL}")
    } else {
        format!("image: {}\n{TAIL}", serde_json::to_string(value).unwrap())
    }
}

fn hex(n: usize) -> String {
    "0123456789abcdef".chars().cycle().take(n).collect()
}

/// The image diagnostics of a spec whose image is `value`.
fn image_diags(value: &str) -> Vec<gradient_spec::Diagnostic> {
    check(&spec(value))
        .diagnostics
        .into_iter()
        .filter(|d| d.rule == "image")
        .collect()
}

#[test]
fn the_references_of_the_issue_are_valid() {
    for value in [
        "nvcr.io/nvidia/pytorch:23.10-py3".to_string(),
        "paperspace/gradient-base:pt211-tf215-cudatk120-py311".to_string(),
        format!("registry.example.com:5000/team/app@sha256:{}", hex(64)),
        "ubuntu:20.04".to_string(),
        "localhost:5000/x".to_string(),
    ] {
        expect_none(&spec(&value), "image");
    }
}

#[test]
fn valid_references() {
    let valid = [
        "ubuntu".to_string(),
        "library/ubuntu:latest".into(),
        "docker.io/library/ubuntu".into(),
        "ghcr.io/gradient-ai/invokeai:latest".into(),
        "a".into(),
        "a/b/c/d/e".into(),
        "my_repo/app__x:1".into(),
        "repo/a--b---c:tag".into(),
        "repo/a.b.c:v1.2.3".into(),
        "quay.io/org/app:_underscore-start".into(),
        "localhost/app".into(),
        "127.0.0.1:5000/app:tag".into(),
        "[::1]:5000/app".into(),
        "app:TAG_Upper.Case-1".into(),
        format!("app:latest@sha256:{}", hex(64)),
        format!("app@sha512:{}", hex(128)),
        format!("app@sha384:{}", hex(96)),
        format!("example.com/a:{}", "t".repeat(128)),
        "gcr.io/project-id/image-name:v1".into(),
        "python:3.11-slim".into(),
        "tensorflow/serving".into(),
        "my-registry.azurecr.io/ns/app:2023-06-20".into(),
        "REGISTRY.Example.COM/app".into(),
        "nvcr.io/nvidia/tritonserver:23.10-py3".into(),
        "paperspace/gradient-base:pt112-tf29-jax0314-py39-20220803".into(),
        "localhost:5000".into(),
        format!("{}/{}", "a".repeat(100), "b".repeat(150)),
    ];
    assert!(valid.len() >= 20);
    for v in &valid {
        let found = image_diags(v);
        assert!(found.is_empty(), "{v}: {found:#?}");
    }
}

#[test]
fn invalid_references_name_the_part() {
    // (value, a phrase the message must hold: the part that is wrong).
    let invalid: Vec<(String, &str)> = vec![
        ("".into(), "is empty"),
        ("my image".into(), "whitespace (at character 3)"),
        ("app\ttab".into(), "whitespace"),
        ("<image-name>".into(), "placeholder `<image-name>`"),
        ("<registry>/app:1".into(), "placeholder `<registry>`"),
        ("app:".into(), "empty tag"),
        ("app:.hidden".into(), "tag `.hidden`"),
        ("app:lat!est".into(), "tag `lat!est`"),
        (format!("app:{}", "t".repeat(129)), "128 characters"),
        ("app@sha256:abc".into(), "digest `sha256:abc`"),
        (format!("app@md5:{}", hex(32)), "algorithm `md5`"),
        (
            format!("app@sha256:{}", hex(64).to_uppercase()),
            "lower-case hex",
        ),
        ("app@sha256".into(), "not `algorithm:hex`"),
        (format!("app:1@sha256:{}", hex(63)), "63 hex digits"),
        ("a//b".into(), "empty repository path component (number 2)"),
        ("/app".into(), "empty repository path component (number 1)"),
        ("app/".into(), "empty repository path component (number 2)"),
        ("org/-app".into(), "component `-app` (number 2)"),
        ("app-".into(), "component `app-` (number 1)"),
        ("a...b".into(), "component `a...b`"),
        ("a___b".into(), "component `a___b`"),
        ("a._b".into(), "`._`"),
        ("org/b$c".into(), "holds `$`"),
        (
            "example.com:port/app".into(),
            "registry host `example.com:port`",
        ),
        ("exa_mple.com/app".into(), "registry host `exa_mple.com`"),
        ("-registry.com/app".into(), "registry host `-registry.com`"),
        ("[::1/app".into(), "registry host `[::1`"),
        ("https://ghcr.io/a/b".into(), "scheme `https://`"),
        (format!("example.com/{}", "a".repeat(250)), "at most 255"),
        (
            "ghcr.io/gradient-ai/InvokeAI:latest".into(),
            "capitals in its repository path (`InvokeAI`)",
        ),
        ("Paperspace/App".into(), "(`Paperspace`, `App`)"),
        (":tag".into(), "empty repository path component (number 1)"),
    ];
    assert!(invalid.len() >= 20);
    for (v, part) in &invalid {
        let found = image_diags(v);
        assert_eq!(found.len(), 1, "{v:?}: {found:#?}");
        let d = &found[0];
        assert_eq!(d.severity, Severity::Error, "{v:?}");
        assert!(
            d.message.contains(part),
            "{v:?}: expected {part:?} in {:?}",
            d.message
        );
        assert_eq!(d.path, "image");
    }
}

#[test]
fn capitals_in_the_path_get_a_safe_lower_case_fix() {
    let text = format!("image: ghcr.io/gradient-ai/InvokeAI:latest # the web UI\n{TAIL}");
    let after = format!("image: ghcr.io/gradient-ai/invokeai:latest # the web UI\n{TAIL}");
    let d = expect_fix(&text, "image", Error, "1:8", &after);
    assert_eq!(d.fix.as_ref().unwrap().applicability, Safe);
    expect_none(&after, "image");
    // The registry host, the tag and the quoting stay as written.
    let text = format!("image: 'Registry.Example.COM/Team/App:Latest'\n{TAIL}");
    let after = format!("image: 'Registry.Example.COM/team/app:Latest'\n{TAIL}");
    expect_fix(&text, "image", Error, "1:8", &after);
    expect_none(&after, "image");
    // In flow style, at the value's column.
    let text = "{image: Org/App, enabled: true, resources: {instanceType: C4}}\n";
    let after = "{image: org/app, enabled: true, resources: {instanceType: C4}}\n";
    expect_fix(text, "image", Error, "1:9", after);
    expect_none(after, "image");
}

#[test]
fn other_problems_have_no_fix() {
    for v in [
        "app:lat!est",
        "Org/App:lat!est",
        "my image",
        "<image-name>",
        "",
    ] {
        let found = image_diags(v);
        assert_eq!(found.len(), 1, "{v}");
        assert!(found[0].fix.is_none(), "{v}");
    }
    // With another problem, the message is about that problem.
    assert!(image_diags("Org/App:lat!est")[0]
        .message
        .contains("tag `lat!est`"));
}

#[test]
fn spans_point_at_the_value() {
    let d = expect(&spec("<image-name>"), "image", Error, "1:8");
    assert!(d.message.contains("placeholder"));
    let text = format!("apiVersion: v0alpha0\n{TAIL}image:   \"app:\"   # x\n");
    let d = expect(&text, "image", Error, "5:10");
    assert_eq!(d.span.end - d.span.start, "\"app:\"".len());
    expect(&format!("image: \"\"\n{TAIL}"), "image", Error, "1:8");
}

#[test]
fn the_deploy_action_placeholder_is_an_info() {
    let d = expect(&spec(":image"), "image", Info, "1:8");
    assert!(d.message.contains("GitHub deploy action"), "{}", d.message);
    assert!(d.fix.is_none());
}

#[test]
fn no_image_in_the_corpus_is_an_error() {
    let mut checked = 0;
    for name in corpus_names() {
        let text = corpus(&name);
        for d in check(&text)
            .diagnostics
            .iter()
            .filter(|d| d.rule == "image")
        {
            assert_eq!(d.severity, Info, "{name}: {}", d.message);
            assert!(name.starts_with("e07"), "{name}: {}", d.message);
        }
        checked += 1;
    }
    assert!(checked >= 15);
}

#[test]
fn image_of_another_kind_or_absent_is_not_this_rule() {
    expect_none(&format!("image:\n{TAIL}"), "image");
    expect_none(&format!("image: [a]\n{TAIL}"), "image");
    expect_none(TAIL, "image");
}

proptest::proptest! {
    #![proptest_config(proptest::prelude::ProptestConfig::with_cases(300))]

    /// Any value gets at most one `image` diagnostic, never a panic; a fix, when
    /// offered, gives a reference with no `image` problem left.
    #[test]
    fn any_value_is_judged_once_and_fixes_are_final(
        value in proptest::prop_oneof![
            "[a-zA-Z0-9._:/@<> $-]{0,40}",
            "([a-z]{1,6}\\.[a-z]{2,3}(:[0-9]{1,4})?/)?[A-Za-z0-9]{1,6}([._-][A-Za-z0-9]{1,4})?(/[A-Za-z0-9]{1,6}){0,2}(:[A-Za-z0-9._-]{1,8})?",
        ]
    ) {
        let text = spec(&value);
        let found = image_diags(&value);
        proptest::prop_assert!(found.len() <= 1, "{:?}", found);
        if let Some(fix) = found.first().and_then(|d| d.fix.as_ref()) {
            let after = gradient_spec::diag::apply_edits(&text, &fix.edits).unwrap();
            let left: Vec<_> = check(&after)
                .diagnostics
                .into_iter()
                .filter(|d| d.rule == "image")
                .collect();
            proptest::prop_assert!(left.is_empty(), "{after}: {:?}", left);
        }
    }
}
