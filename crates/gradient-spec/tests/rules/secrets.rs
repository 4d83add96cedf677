//! Secret-reference tests that span `secret-syntax` and `plaintext-secret`, and fixes
//! that keep the YAML well-formed.

use crate::rules_b_util::{assert_fixes_keep_syntax, none, one};
use crate::shared::secrets::*;
use gradient_spec::Applicability::Unsafe;

#[test]
fn lookalikes_in_fields_that_expect_a_secret_are_errors_with_a_rewrite() {
    for v in [
        "secrets:tok",
        "secret :tok",
        "' secret:tok'",
        "${tok}",
        "$tok",
        "\"{{ secrets.tok }}\"",
        "'{{ .Values.tok }}'",
    ] {
        let f = one(&password(v), "secret-syntax", "error", "7:17");
        let want = match &v[..1] {
            "\"" => "\"secret:tok\"",
            "'" => "'secret:tok'",
            _ => "secret:tok",
        };
        assert_eq!(f.fixed, Some((password(want), Unsafe)), "{v}");
        none(&password(v), "plaintext-secret");
    }
    let f = one(
        &v1("${AUTH}", "k", "secret:s"),
        "secret-syntax",
        "error",
        "3:15",
    );
    assert_eq!(f.path, "basicAuthKey");
    let f = one(
        &v1("secret:a", "k", "secrets:S"),
        "secret-syntax",
        "error",
        "10:22",
    );
    assert_eq!(f.path, "integrations[0].secretAccessKey");
    // A lookalike whose name cannot follow `secret:` as is: reported, no fix.
    let f = one(&password("'${a b}'"), "secret-syntax", "error", "7:17");
    assert!(f.fixed.is_none());
}

#[test]
fn fixes_keep_the_yaml_well_formed() {
    for v in [
        "SECRET:a",
        "'SECRET:a'",
        "\"Secret:a\"",
        "secrets:a",
        "${a}",
        "\"{{ secrets.a }}\"",
        "{secret: a}",
        "'secret: a'",
    ] {
        assert_fixes_keep_syntax(&password(v));
        assert_fixes_keep_syntax(&env(v));
    }
    assert_fixes_keep_syntax(&env("{{ secrets.TOK }}"));
}
