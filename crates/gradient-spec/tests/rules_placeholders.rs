//! Placeholders in angle brackets left from an example: an error in the fields the
//! deploy needs (`image`, `dataset`, a repository or git-lfs `url`, an s3 `url`), under
//! the rule that owns the field; a warning in an env `value`, which is never reported
//! as a plaintext secret.

mod rules_a_support;
use gradient_spec::check;
use gradient_spec::Severity::{Error, Info, Warning};
use rules_a_support::{expect, expect_none};

const TAIL: &str = "enabled: true\nresources:\n  instanceType: C4\n";

/// A legacy spec whose `dataset` value starts at 7:12 and first repository `url` at
/// 10:12.
fn legacy(dataset: &str, url: &str) -> String {
    format!(
        "apiVersion: v0alpha0\nimage: x\n{TAIL}repositories:\n  dataset: {dataset}\n  mountPath: /opt/repos\n  repositories:\n    - url: {url}\n      name: app\n"
    )
}

/// A v1 spec whose integration `url` value starts at 11:10.
fn v1(kind: &str, url: &str) -> String {
    format!(
        "apiVersion: v1\nname: a\nimage: x\nenabled: true\nresources:\n  machineType: C4\n  ports: [8000]\nintegrations:\n  - type: {kind}\n    name: data\n    url: {url}\n    path: /opt/data\n"
    )
}

fn count(text: &str, rule: &str) -> usize {
    check(text)
        .diagnostics
        .iter()
        .filter(|d| d.rule == rule)
        .count()
}

#[test]
fn the_spans_of_the_helpers_are_right() {
    let text = legacy("ds", "https://github.com/a/b.git");
    assert_eq!(text.lines().nth(6), Some("  dataset: ds"));
    assert_eq!(
        text.lines().nth(9),
        Some("    - url: https://github.com/a/b.git")
    );
    assert_eq!(v1("git-lfs", "u").lines().nth(10), Some("    url: u"));
}

#[test]
fn image_placeholder_is_an_error() {
    let d = expect(
        &format!("image: <image-name>\n{TAIL}"),
        "image",
        Error,
        "1:8",
    );
    assert!(
        d.message.contains("placeholder `<image-name>`"),
        "{}",
        d.message
    );
    assert!(d.fix.is_none());
    let d = expect(
        &format!("image: \"<your-registry>/app:latest\"\n{TAIL}"),
        "image",
        Error,
        "1:8",
    );
    assert!(d.message.contains("`<your-registry>`"), "{}", d.message);
}

#[test]
fn dataset_placeholder_is_an_error() {
    let text = legacy("<dataset-id>", "https://github.com/a/b.git");
    let d = expect(&text, "dataset-required", Error, "7:12");
    assert!(
        d.message.contains("placeholder `<dataset-id>`"),
        "{}",
        d.message
    );
    assert_eq!(d.path, "repositories.dataset");
    assert_eq!(count(&text, "dataset-required"), 1);
    // Other example values stay an info; a real id is fine.
    expect(
        &legacy("your-dataset-id", "https://github.com/a/b.git"),
        "dataset-required",
        Info,
        "7:12",
    );
    expect_none(
        &legacy("dstflhstfexl6w3", "https://github.com/a/b.git"),
        "dataset-required",
    );
}

#[test]
fn repository_url_placeholder_is_an_error() {
    for (url, part) in [
        ("<repo-url>", "`<repo-url>`"),
        ("https://github.com/<owner>/<repo>.git", "`<owner>`"),
        ("\"<git clone URL>\"", "`<git clone URL>`"),
    ] {
        let text = legacy("ds", url);
        let d = expect(&text, "repo-url", Error, "10:12");
        assert!(d.message.contains("placeholder"), "{url}: {}", d.message);
        assert!(d.message.contains(part), "{url}: {}", d.message);
        assert_eq!(d.path, "repositories.repositories[0].url");
        assert_eq!(count(&text, "repo-url"), 1, "{url}");
    }
    expect_none(&legacy("ds", "https://github.com/a/b.git"), "repo-url");
}

#[test]
fn integration_url_placeholder_is_an_error() {
    let text = v1("git-lfs", "<hugging-face-repo-url>");
    let d = expect(&text, "repo-url", Error, "11:10");
    assert!(
        d.message.contains("`<hugging-face-repo-url>`"),
        "{}",
        d.message
    );
    assert_eq!(d.path, "integrations[0].url");
    // An s3 bucket url is `integrations`' field.
    let text = v1("s3", "s3://<bucket>/models");
    let d = expect(&text, "integrations", Error, "11:10");
    assert!(
        d.message.contains("placeholder `<bucket>`"),
        "{}",
        d.message
    );
    assert_eq!(count(&text, "integrations"), 1);
    expect_none(
        &v1("git-lfs", "https://huggingface.co/org/model"),
        "repo-url",
    );
    expect_none(&v1("s3", "s3://bucket/models"), "integrations");
}

#[test]
fn env_value_placeholder_is_a_warning_and_not_plaintext() {
    let text = format!(
        "image: x\n{TAIL}env:\n  - name: HF_TOKEN\n    value: <HuggingFace read access token>\n"
    );
    let d = expect(&text, "env", Warning, "7:12");
    assert!(d.message.contains("placeholder"), "{}", d.message);
    assert_eq!(d.path, "env[0].value");
    assert!(d.fix.is_none());
    expect_none(&text, "plaintext-secret");
    // Angle brackets that are not the whole value are text.
    for v in ["a<b", "\"<b>bold</b> text\"", "\"x > 1\"", "<>"] {
        let text = format!("image: x\n{TAIL}env:\n  - name: HTML\n    value: {v}\n");
        expect_none(&text, "env");
    }
}
