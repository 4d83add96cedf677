//! `plaintext-secret`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_b_util::{none, one};
use crate::shared::repositories::*;
use crate::shared::secrets::*;

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
fn plaintext_password_is_an_error_never_echoed() {
    let f = one(&password("hunter2"), "plaintext-secret", "error", "7:17");
    assert!(!f.message.contains("hunter2"), "{}", f.message);
    assert!(f.fixed.is_none());
    one(&password("'secret'"), "plaintext-secret", "error", "7:17");
}

#[test]
fn plaintext_auth_and_access_keys_are_warnings() {
    let f = one(
        &v1("opensesame", "k", "secret:s"),
        "plaintext-secret",
        "warning",
        "3:15",
    );
    assert!(!f.message.contains("opensesame"));
    let f = one(
        &v1("secret:a", "k", "wJalrXUtnFEMIK7MDENGbPxRfiCYEXAMPLEKEY"),
        "plaintext-secret",
        "warning",
        "10:22",
    );
    assert!(!f.message.contains("wJalr"));
    // An access key id is an identifier, not a secret (corpus e03).
    none(
        &v1("secret:a", "AKIAVWO7J5OJSCWRJ3HJ", "secret:s"),
        "plaintext-secret",
    );
}

#[test]
fn env_values_that_look_like_tokens_are_warnings_never_echoed() {
    for token in [
        format!("ghp_{}", "Ab1".repeat(12)),
        format!("github_pat_{}", "Ab1_".repeat(10)),
        format!("glpat-{}", "Ab1-".repeat(5)),
        format!("hf_{}", "AbCd".repeat(9)),
        format!("sk-{}", "Ab12".repeat(12)),
        "AKIAVWO7J5OJSCWRJ3HJ".to_string(),
        format!("xoxb-{}", "1234-".repeat(4)),
    ] {
        let f = one(&env(&token), "plaintext-secret", "warning", "3:12");
        assert!(
            !f.message.contains(&token) && !f.message.contains(&token[token.len() - 8..]),
            "{}",
            f.message
        );
    }
}

#[test]
fn plaintext_near_misses() {
    for v in [
        "resnet50",
        "sk-learn",
        "hf_home",
        "/opt/mo6sz1arw1oyp3",
        "0.0.0.0",
        "\"True\"",
        "secret:TOKEN",
        "7860",
    ] {
        none(&env(v), "plaintext-secret");
    }
    // A lookalike is `secret-syntax`'s, a number is `wrong-type`'s, absent is fine.
    none(&password("$TOKEN"), "plaintext-secret");
    none(&password("12345"), "plaintext-secret");
    none(&password(""), "plaintext-secret");
    none(&password("''"), "plaintext-secret");
    none(&v1("\"  \"", "k", "secret:s"), "plaintext-secret");
    none(
        "apiVersion: v1\nbasicAuthKey: secret:x\n",
        "plaintext-secret",
    );
}
