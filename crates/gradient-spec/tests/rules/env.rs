//! `env`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_b_util::{assert_fixes_keep_syntax, none, one};
use gradient_spec::Applicability::Safe;

/// A spec whose first env `value` starts at 3:12.
fn env(v: &str) -> String {
    format!("env:\n  - name: X\n    value: {v}\n")
}

#[test]
fn non_string_values_get_a_safe_quoting_fix() {
    for (v, quoted) in [
        ("7860", "\"7860\""),
        ("true", "\"true\""),
        ("False", "\"False\""),
        ("1.5", "\"1.5\""),
        ("0x1F", "\"0x1F\""),
        ("-3", "\"-3\""),
        (".inf", "\".inf\""),
        ("1e3 # port", "\"1e3\" # port"),
    ] {
        let f = one(&env(v), "env", "warning", "3:12");
        assert_eq!(f.fixed, Some((env(quoted), Safe)), "{v}");
        assert_eq!(f.path, "env[0].value");
    }
    // Flow style.
    let text = "env: [{name: P, value: 80}]\n";
    let f = one(text, "env", "warning", "1:24");
    assert_eq!(f.fixed_text(), "env: [{name: P, value: \"80\"}]\n");
}

#[test]
fn a_tagged_number_is_reported_without_a_fix() {
    let f = one(&env("!!int 5"), "env", "warning", "3:18");
    assert!(f.fixed.is_none());
}

#[test]
fn a_duplicate_name_points_at_the_later_entry() {
    let text =
        "env:\n  - name: A\n    value: a\n  - name: B\n    value: b\n  - name: A\n    value: c\n";
    let f = one(text, "env", "warning", "6:11");
    assert_eq!(f.path, "env[2].name");
    assert!(f.message.contains("env[0]"), "{}", f.message);
    assert!(f.fixed.is_none());
    // Three times: each later one once.
    let text = "env:\n  - {name: A, value: a}\n  - {name: A, value: b}\n  - {name: A, value: c}\n";
    let found = crate::rules_b_util::of(text, "env");
    assert_eq!(
        found.iter().map(|f| f.at.as_str()).collect::<Vec<_>>(),
        ["3:12", "4:12"]
    );
}

#[test]
fn near_misses() {
    for v in [
        "\"7860\"",
        "'true'",
        "0.0.0.0",
        "resnet50.pt",
        "secret:X",
        "yes",
        "on",
        "1.2.3",
        "",
        "~",
        "[a]",
    ] {
        none(&env(v), "env");
    }
    none(
        "env:\n  - name: A\n    value: a\n  - name: a\n    value: b\n",
        "env",
    );
    // Names of the wrong kind or absent are `structure`'s.
    none(
        "env:\n  - name: 1\n    value: a\n  - name: 1\n    value: b\n",
        "env",
    );
    none("env:\n  - value: a\n  - value: b\n", "env");
    none("env: {name: A, value: 1}\n", "env");
}

#[test]
fn env_under_a_spec_wrapper() {
    let text = "spec:\n  env:\n    - name: PORT\n      value: 8080\n";
    let f = one(text, "env", "warning", "4:14");
    assert_eq!(f.path, "spec.env[0].value");
}

#[test]
fn fixes_keep_the_yaml_well_formed() {
    for v in ["7860", "true", "1.5 # c", "-1"] {
        assert_fixes_keep_syntax(&env(v));
    }
    assert_fixes_keep_syntax("env: [{name: P, value: 80}, {name: Q, value: true}]\n");
}
