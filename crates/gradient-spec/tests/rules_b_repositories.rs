//! `repo-name`, `repo-url` and `repo-credentials` on the legacy `repositories` list,
//! and `repo-url` on git-lfs integrations.

mod rules_b_util;

use rules_b_util::{assert_fixes_keep_syntax, none, of, one};

/// A legacy spec with one repository whose fields are `fields` (each at 4:7 onwards,
/// the first after `- ` at 4:7).
fn repo(fields: &str) -> String {
    format!("repositories:\n  dataset: ds\n  repositories:\n    - {fields}\n")
}

#[test]
fn repo_name_errors_point_at_the_name() {
    for v in ["\"\"", "'  '", "a/b", "/abs", ".", "'..'"] {
        let text = repo(&format!("url: https://h/x.git\n      name: {v}"));
        let f = one(&text, "repo-name", "error", "5:13");
        assert_eq!(f.path, "repositories.repositories[0].name");
    }
}

#[test]
fn a_repeated_name_points_at_the_later_entry() {
    let text = "repositories:\n  dataset: ds\n  repositories:\n    - url: https://h/a.git\n      name: tf\n    - url: https://h/b.git\n      name: other\n    - url: https://h/c.git\n      name: tf\n";
    let f = one(text, "repo-name", "error", "9:13");
    assert_eq!(f.path, "repositories.repositories[2].name");
    assert!(
        f.message.contains("repositories.repositories[0]"),
        "{}",
        f.message
    );
}

#[test]
fn repo_name_near_misses() {
    for v in ["tf-serving", "Whisper-AutoCaption", "a.b", "...x", "x_y"] {
        none(
            &repo(&format!("url: https://h/x.git\n      name: {v}")),
            "repo-name",
        );
    }
    // Absent, null or not a string: `missing-field` / `wrong-type`.
    none(&repo("url: https://h/x.git"), "repo-name");
    none(&repo("url: https://h/x.git\n      name:"), "repo-name");
    none(&repo("url: https://h/x.git\n      name: [a]"), "repo-name");
    // Names differing in case are different directories.
    let text = "repositories:\n  dataset: ds\n  repositories:\n    - {url: 'https://h/a', name: tf}\n    - {url: 'https://h/b', name: TF}\n";
    none(text, "repo-name");
}

#[test]
fn repo_url_errors() {
    for v in [
        "github.com/a/b.git",
        "/srv/git/b.git",
        "ftp://host/b.git",
        "file:///srv/b.git",
        "https://",
        "'https://host/my repo.git'",
        "\"\"",
        "a@b",
    ] {
        let text = repo(&format!("name: b\n      url: {v}"));
        let f = one(&text, "repo-url", "error", "5:12");
        assert_eq!(f.path, "repositories.repositories[0].url");
    }
}

#[test]
fn repo_url_http_is_a_warning() {
    let text = repo("name: b\n      url: http://git.example.com/b.git");
    let f = one(&text, "repo-url", "warning", "5:12");
    assert!(f.message.contains("http://"));
}

#[test]
fn repo_url_near_misses() {
    for v in [
        "https://github.com/tensorflow/serving.git",
        "https://github.com/gradient-ai/Deployments-Arize-Tutorial",
        "ssh://git@host:2222/a/b.git",
        "git://host/a/b.git",
        "git@github.com:a/b.git",
        "HTTPS://host/a",
    ] {
        none(&repo(&format!("name: b\n      url: {v}")), "repo-url");
    }
    // Not a string: `wrong-type`; absent: `missing-field`.
    none(&repo("name: b\n      url: 42"), "repo-url");
    none(&repo("name: b"), "repo-url");
}

#[test]
fn a_credential_inside_the_url_is_a_plaintext_secret_never_echoed() {
    let text = repo("name: b\n      url: https://me:hunter2hunter2@gitlab.com/a/b.git");
    let f = one(&text, "plaintext-secret", "warning", "5:12");
    assert!(!f.message.contains("hunter2"));
    let token = format!("ghp_{}", "a1".repeat(18));
    let text = repo(&format!(
        "name: b\n      url: https://{token}@github.com/a/b.git"
    ));
    let f = one(&text, "plaintext-secret", "warning", "5:12");
    assert!(!f.message.contains(&token));
    none(
        &repo("name: b\n      url: https://me@gitlab.com/a/b.git"),
        "plaintext-secret",
    );
    none(
        &repo("name: b\n      url: git@github.com:a/b.git"),
        "plaintext-secret",
    );
}

#[test]
fn git_lfs_urls_are_clone_urls_other_types_are_not_checked_here() {
    let text = "apiVersion: v1\nintegrations:\n  - type: git-lfs\n    name: m\n    url: huggingface.co/a/b\n";
    let f = one(text, "repo-url", "error", "5:10");
    assert_eq!(f.path, "integrations[0].url");
    none("apiVersion: v1\nintegrations:\n  - type: git-lfs\n    name: m\n    url: https://huggingface.co/a/b\n", "repo-url");
    none(
        "apiVersion: v1\nintegrations:\n  - type: s3\n    name: m\n    url: s3://bucket/x\n",
        "repo-url",
    );
}

#[test]
fn username_and_password_go_together() {
    let text = repo("url: https://gitlab.com/a/b.git\n      name: b\n      username: me");
    let f = one(&text, "repo-credentials", "warning", "6:17");
    assert_eq!(f.path, "repositories.repositories[0].username");

    let text = repo("url: https://gitlab.com/a/b.git\n      name: b\n      password: secret:tok");
    let f = one(&text, "repo-credentials", "warning", "6:17");
    assert_eq!(f.path, "repositories.repositories[0].password");

    none(&repo("url: https://gitlab.com/a/b.git\n      name: b\n      username: me\n      password: secret:tok"), "repo-credentials");
    none(
        &repo("url: https://gitlab.com/a/b.git\n      name: b"),
        "repo-credentials",
    );
    // An empty username is no username.
    let text = repo("url: https://gitlab.com/a/b.git\n      name: b\n      username: ''\n      password: secret:tok");
    one(&text, "repo-credentials", "warning", "7:17");
}

#[test]
fn a_github_url_with_a_password_gets_an_info() {
    let text = repo("url: https://github.com/a/b.git\n      name: b\n      username: me\n      password: secret:tok");
    let f = one(&text, "repo-credentials", "info", "7:17");
    assert!(f.message.contains("personal access token"));
    let text = repo("url: git@github.com:a/b.git\n      name: b\n      username: me\n      password: secret:tok");
    one(&text, "repo-credentials", "info", "7:17");
    // GitHub without a password, or a password elsewhere: nothing.
    none(
        &repo("url: https://github.com/a/b.git\n      name: b"),
        "repo-credentials",
    );
    let infos = of(&repo("url: https://gitlab.com/a/b.git\n      name: b\n      username: me\n      password: secret:t"), "repo-credentials");
    assert!(infos.is_empty());
}

#[test]
fn repositories_under_a_spec_wrapper_are_checked_too() {
    let text = "spec:\n  repositories:\n    dataset: ds\n    repositories:\n      - url: nope\n        name: a/b\n";
    one(text, "repo-url", "error", "5:14");
    let f = one(text, "repo-name", "error", "6:15");
    assert_eq!(f.path, "spec.repositories.repositories[0].name");
}

#[test]
fn no_fixes_break_the_yaml() {
    assert_fixes_keep_syntax(&repo("url: x\n      name: a/b\n      username: u"));
}
