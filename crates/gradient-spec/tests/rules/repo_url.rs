//! `repo-url`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_b_util::{none, one};
use crate::shared::repositories::*;

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
