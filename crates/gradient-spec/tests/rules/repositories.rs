//! Repository tests that span several rules: a `spec:` wrapper, and fixes that keep
//! the YAML well-formed.

use crate::rules_b_util::{assert_fixes_keep_syntax, one};
use crate::shared::repositories::*;

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
