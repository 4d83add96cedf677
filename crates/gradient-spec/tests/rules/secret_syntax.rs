//! `secret-syntax`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_b_util::{assert_fixes_keep_syntax, none, of, one};
use crate::shared::secrets::*;
use gradient_spec::Applicability::{Safe, Unsafe};

#[test]
fn upper_case_prefix_is_a_warning_with_a_safe_lower_case_fix() {
    for (v, fixed) in [
        ("SECRET:tok", "secret:tok"),
        ("Secret:tok", "secret:tok"),
        ("\"SECRET:tok\"", "\"secret:tok\""),
        ("'SECRET:tok' # keep me", "'secret:tok' # keep me"),
    ] {
        let f = one(&password(v), "secret-syntax", "warning", "7:17");
        assert_eq!(f.fixed, Some((password(fixed), Safe)), "{v}");
        assert_eq!(f.path, "repositories.repositories[0].password");
    }
    let f = one(&env("SECRET:tok"), "secret-syntax", "warning", "3:12");
    assert_eq!(f.fixed_text(), env("secret:tok"));
}

#[test]
fn name_warnings() {
    // A hyphen: the current CLI cannot create such a secret. No fix: renaming changes
    // which secret is meant.
    let f = one(
        &password("secret:paperspace-github-token"),
        "secret-syntax",
        "warning",
        "7:17",
    );
    assert!(f.fixed.is_none());
    assert!(f.message.contains("hyphen"));
    one(
        &password("secret:1token"),
        "secret-syntax",
        "warning",
        "7:17",
    );
    one(
        &password(&format!("secret:{}", "a".repeat(129))),
        "secret-syntax",
        "warning",
        "7:17",
    );
    // Upper-case prefix and hyphen: two warnings on the same value (corpus e02).
    let both = of(&password("SECRET:paperspace-github-token"), "secret-syntax");
    assert_eq!(both.len(), 2);
    assert!(both
        .iter()
        .all(|f| f.severity == "warning" && f.at == "7:17"));
}

#[test]
fn name_errors() {
    for v in [
        "'secret:'",
        "'secret:my token'",
        "secret:a.b",
        "secret:a/b",
        "\"secret:é\"",
        "'secret: a b'",
    ] {
        let f = one(&password(v), "secret-syntax", "error", "7:17");
        assert!(f.fixed.is_none(), "{v}");
    }
    // Blanks around a good name: an unsafe fix writes it without them.
    let f = one(&password("'secret: tok'"), "secret-syntax", "error", "7:17");
    assert_eq!(f.fixed, Some((password("'secret:tok'"), Unsafe)));
    let f = one(&env("\"secret:tok \""), "secret-syntax", "error", "3:12");
    assert_eq!(f.fixed_text(), env("\"secret:tok\""));
}

#[test]
fn a_blank_after_the_colon_in_plain_text_is_a_syntax_error_the_fix_removes() {
    let text = password("secret: tok");
    let f = one(&text, "secret-syntax", "error", "7:17");
    assert_eq!(f.fixed_text(), password("secret:tok"));
    assert_fixes_keep_syntax(&text);
}

#[test]
fn secret_colon_blank_written_as_a_mapping_is_a_lookalike() {
    // Block mapping: points at the key (the value starts on the next line).
    let text = "repositories:\n  dataset: ds\n  repositories:\n    - url: https://gitlab.com/a/b.git\n      name: b\n      username: me\n      password:\n        secret: tok\n";
    let f = one(text, "secret-syntax", "error", "7:7");
    assert_eq!(f.fixed, Some((password("secret:tok"), Unsafe)));
    // Flow mapping: points at it.
    let f = one(&password("{secret: tok}"), "secret-syntax", "error", "7:17");
    assert_eq!(f.fixed_text(), password("secret:tok"));
    // `{{ secrets.X }}` unquoted is a flow mapping in YAML.
    let f = one(&env("{{ secrets.TOK }}"), "secret-syntax", "error", "3:12");
    assert_eq!(f.fixed_text(), env("secret:TOK"));
    let f = one(
        &v1("{secret: A}", "k", "secret:s"),
        "secret-syntax",
        "error",
        "3:15",
    );
    assert_eq!(f.fixed_text(), v1("secret:A", "k", "secret:s"));
    // Other mappings are `wrong-type`, not ours.
    none(&password("{user: tok}"), "secret-syntax");
    none(&password("{secret: tok, other: 1}"), "secret-syntax");
}

#[test]
fn env_values_may_hold_references_and_lookalikes_are_warnings() {
    for (v, fixed) in [
        ("${OPENAI_API_KEY}", "secret:OPENAI_API_KEY"),
        ("$TOKEN", "secret:TOKEN"),
        ("secrets:TOKEN", "secret:TOKEN"),
    ] {
        let f = one(&env(v), "secret-syntax", "warning", "3:12");
        assert_eq!(f.fixed, Some((env(fixed), Unsafe)), "{v}");
        assert_eq!(f.path, "env[0].value");
    }
    // `${X}` inside other text: nothing expands it either; no rewrite.
    let f = one(
        &env("http://${HOST}:8080"),
        "secret-syntax",
        "warning",
        "3:12",
    );
    assert!(f.fixed.is_none());
    // accessKeyId may hold a reference too.
    let f = one(
        &v1("secret:a", "${AK}", "secret:s"),
        "secret-syntax",
        "warning",
        "9:18",
    );
    assert_eq!(f.path, "integrations[0].accessKeyId");
}

#[test]
fn secret_syntax_near_misses() {
    for v in [
        "secret:tok",
        "secret:TOK_2",
        "\"secret:tok\"",
        "plain",
        "$5",
        "a$b",
        "$",
        "cost-$5",
        "${}",
        "'{{'",
        "secretary",
    ] {
        none(&env(v), "secret-syntax");
    }
    for v in ["secret:tok", "'secret:my_token'"] {
        none(&password(v), "secret-syntax");
    }
    none(
        &v1(
            "secret:my_paperspace_secret",
            "AKIAVWO7J5OJSCWRJ3HJ",
            "secret:secretAccessKey",
        ),
        "secret-syntax",
    );
    // Other fields are not secret fields.
    none("image: ${IMAGE}\nname: $NAME\n", "secret-syntax");
}

#[test]
fn env_under_a_spec_wrapper_is_checked() {
    let text = "spec:\n  env:\n    - name: K\n      value: ${K}\n";
    let f = one(text, "secret-syntax", "warning", "4:14");
    assert_eq!(f.path, "spec.env[0].value");
}
