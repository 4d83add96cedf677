//! `plaintext-secret` on env values whose variable name says they hold a credential
//! (`SECRET`, `TOKEN`, `PASSWORD`, `PASSWD`, `API_KEY`, `ACCESS_KEY`, `PRIVATE_KEY`,
//! any case, anywhere in the name): a warning advising `secret:NAME`, never echoing
//! the value. The known token prefixes are still recognised under any name.

mod rules_a_support;
use gradient_spec::check;
use gradient_spec::Severity::Warning;
use rules_a_support::{expect, expect_none};

/// A spec whose only env variable is `name` with `value` (at 3:12).
fn env(name: &str, value: &str) -> String {
    format!("env:\n  - name: {name}\n    value: {value}\n")
}

fn plaintext(text: &str) -> usize {
    check(text)
        .diagnostics
        .iter()
        .filter(|d| d.rule == "plaintext-secret")
        .count()
}

#[test]
fn credential_names_with_literal_values_are_warnings() {
    for name in [
        "SECRET_KEY",
        "hf_token",
        "DB_PASSWORD",
        "MYSQL_PASSWD",
        "OPENAI_API_KEY",
        "api_key",
        "AWS_ACCESS_KEY_ID",
        "AWS_SECRET_ACCESS_KEY",
        "SSH_PRIVATE_KEY",
        "GitHubToken",
        "apiKey",
        "Password",
    ] {
        let text = env(name, "s3cr3t-value-123");
        let d = expect(&text, "plaintext-secret", Warning, "3:12");
        assert!(d.message.contains("secret:NAME"), "{name}: {}", d.message);
        assert!(d.message.contains(name), "{name}: {}", d.message);
        assert!(!d.message.contains("s3cr3t"), "{name}: echoed the value");
        assert_eq!(d.path, "env[0].value");
        assert!(d.fix.is_none());
        assert_eq!(plaintext(&text), 1, "{name}");
    }
    // Quoted or block values are literals too.
    expect(
        &env("DB_PASSWORD", "\"hunter2\""),
        "plaintext-secret",
        Warning,
        "3:12",
    );
    let block = "env:\n  - name: PRIVATE_KEY\n    value: |\n      -----BEGIN KEY-----\n";
    let d = expect(block, "plaintext-secret", Warning, "3:12");
    assert!(!d.message.contains("BEGIN"));
}

#[test]
fn references_empty_values_and_placeholders_are_not_plaintext() {
    for value in [
        "secret:HF_TOKEN",
        "SECRET:HF_TOKEN",
        "\"\"",
        "''",
        "<your token>",
        "${HF_TOKEN}",
        "secrets:HF_TOKEN",
    ] {
        expect_none(&env("HF_TOKEN", value), "plaintext-secret");
    }
    // A value that is absent is `missing-field`.
    expect_none("env:\n  - name: HF_TOKEN\n    value:\n", "plaintext-secret");
}

#[test]
fn other_names_are_not_credentials() {
    for name in [
        "TOKENIZERS_PARALLELISM",
        "MAX_TOKENS",
        "MODEL_DIR",
        "PORT",
        "KEY",
        "PASS",
        "secrets_dir",
    ] {
        expect_none(&env(name, "some-value"), "plaintext-secret");
    }
    // No name (or a name of another kind): only the value itself is judged.
    expect_none("env:\n  - value: plain\n", "plaintext-secret");
}

#[test]
fn known_prefixes_still_fire_once_under_any_name() {
    let token = "ghp_abcdefghijklmnopqrstuvwxyz0123456789";
    for name in ["MODEL_DIR", "GITHUB_TOKEN"] {
        let text = env(name, token);
        let d = expect(&text, "plaintext-secret", Warning, "3:12");
        assert!(
            d.message.contains("GitHub personal access token"),
            "{}",
            d.message
        );
        assert!(!d.message.contains(token));
        assert_eq!(plaintext(&text), 1);
    }
}

#[test]
fn later_entries_point_at_their_own_value() {
    let text = "env:\n  - name: PORT\n    value: \"8000\"\n  - name: HF_TOKEN\n    value: abc\n";
    let d = expect(text, "plaintext-secret", Warning, "5:12");
    assert_eq!(d.path, "env[1].value");
    assert_eq!(plaintext(text), 1);
}
