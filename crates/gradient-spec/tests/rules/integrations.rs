//! `integrations`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_b_util::{assert_fixes_keep_syntax, none, of, one};
use gradient_spec::Applicability::Unsafe;

/// A v1 spec holding `items`, each an integration's fields on one flow line.
fn v1(items: &[&str]) -> String {
    let mut s = String::from("apiVersion: v1\nintegrations:\n");
    for item in items {
        s.push_str(&format!("  - {{{item}}}\n"));
    }
    s
}

fn lfs(name: &str) -> String {
    format!("type: git-lfs, name: {name}, url: 'https://huggingface.co/x/{name}'")
}

#[test]
fn more_than_five_is_an_error_at_the_key() {
    let items: Vec<String> = (0..6).map(|i| lfs(&format!("m{i}"))).collect();
    let refs: Vec<&str> = items.iter().map(String::as_str).collect();
    let f = one(&v1(&refs), "integrations", "error", "2:1");
    assert_eq!(f.path, "integrations");
    none(&v1(&refs[..5]), "integrations");
    // A flow list: at the list.
    let text = "apiVersion: v1\nintegrations: [{type: volume, name: a}, {type: volume, name: b}, {type: volume, name: c}, {type: volume, name: d}, {type: volume, name: e}, {type: volume, name: f}]\n";
    one(text, "integrations", "error", "2:15");
}

#[test]
fn unknown_types_are_errors_with_a_suggestion() {
    let f = one(
        &v1(&["type: git-lf, name: a, url: 'https://h/x'"]),
        "integrations",
        "error",
        "3:12",
    );
    assert!(f.message.contains("git-lfs"), "{}", f.message);
    assert_eq!(
        f.fixed,
        Some((v1(&["type: git-lfs, name: a, url: 'https://h/x'"]), Unsafe))
    );
    let f = one(&v1(&["type: S3, name: a"]), "integrations", "error", "3:12");
    assert_eq!(f.fixed_text(), v1(&["type: s3, name: a"]));
    let f = one(
        &v1(&["type: 'ftp', name: a"]),
        "integrations",
        "error",
        "3:12",
    );
    assert!(f.fixed.is_none());
    // An unknown type: no other integration check runs on it (no `region` warning).
    let found = of(&v1(&["type: dropbox, name: a, region: x"]), "integrations");
    assert_eq!(found.len(), 1);
}

#[test]
fn do_spaces_is_a_warning() {
    let f = one(
        &v1(&["type: do-spaces, name: a, endpoint: 'https://x'"]),
        "integrations",
        "warning",
        "3:12",
    );
    assert_eq!(
        f.fixed,
        Some((
            v1(&["type: spaces, name: a, endpoint: 'https://x'"]),
            Unsafe
        ))
    );
    none(
        &v1(&["type: spaces, name: a, endpoint: 'https://x'"]),
        "integrations",
    );
}

#[test]
fn duplicate_names_and_paths_point_at_the_later_entry() {
    let f = one(
        &v1(&[&lfs("a"), &lfs("b"), &lfs("a")]),
        "integrations",
        "error",
        "5:27",
    );
    assert_eq!(f.path, "integrations[2].name");
    let text = v1(&[
        "type: volume, name: a, path: /data",
        "type: volume, name: b, path: /data/",
    ]);
    let f = one(&text, "integrations", "error", "4:35");
    assert_eq!(f.path, "integrations[1].path");
}

#[test]
fn region_only_on_s3() {
    let text = "apiVersion: v1\nintegrations:\n  - type: git-lfs\n    name: m\n    url: https://h/x\n    region: us-east-1\n";
    let f = one(text, "integrations", "warning", "6:5");
    assert_eq!(f.path, "integrations[0].region");
    none(
        &v1(&["type: s3, name: a, url: 's3://b/', region: us-east-1"]),
        "integrations",
    );
}

#[test]
fn s3_urls_name_a_bucket() {
    for url in ["'https://b.s3.amazonaws.com'", "'s3://'", "bucket"] {
        let text = v1(&[&format!("type: s3, name: a, url: {url}")]);
        one(&text, "integrations", "error", "3:30");
    }
    none(
        &v1(&["type: s3, name: a, url: 's3://my-integration-bucket/'"]),
        "integrations",
    );
}

#[test]
fn near_misses() {
    none(&v1(&[&lfs("a"), &lfs("b")]), "integrations");
    none(
        &v1(&["type: model, name: m, id: mo1, path: /opt/models"]),
        "integrations",
    );
    // Missing type, or not a list: `structure`'s.
    none(&v1(&["name: a"]), "integrations");
    none("apiVersion: v1\nintegrations: {type: s3}\n", "integrations");
    none("apiVersion: v1\nintegrations:\n", "integrations");
}

#[test]
fn fixes_keep_the_yaml_well_formed() {
    assert_fixes_keep_syntax(&v1(&[
        "type: do-spaces, name: a",
        "type: git-lf, name: b",
        "type: \"S3\", name: c",
    ]));
}
