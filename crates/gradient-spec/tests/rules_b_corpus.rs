//! The corpus outcomes of `tests/data/corpus/SOURCES.md` that concern this rule group,
//! plus the exact list of what the group reports on each file (a regression guard).

mod rules_b_util;

use rules_b_util::{assert_fixes_keep_syntax, corpus, corpus_names, ours};

/// `LINE:COLUMN SEVERITY RULE` of our diagnostics on a corpus file.
fn lines(name: &str) -> Vec<String> {
    ours(&corpus(name)).iter().map(|f| f.line()).collect()
}

fn count(name: &str, severity: &str) -> usize {
    ours(&corpus(name))
        .iter()
        .filter(|f| f.severity == severity)
        .count()
}

#[test]
fn e01_upper_case_secret_prefix_is_a_warning_and_not_plaintext() {
    let found = lines("e01-legacy-gitbook-reference.yaml");
    assert!(
        found.contains(&"21:17 warning secret-syntax".to_string()),
        "{found:?}"
    );
    assert!(!found.iter().any(|l| l.contains("plaintext-secret")));
    assert_eq!(count("e01-legacy-gitbook-reference.yaml", "error"), 0);
}

#[test]
fn e02_upper_case_and_hyphen_warnings_and_the_github_info() {
    let f = ours(&corpus("e02-legacy-gitbook-repositories.yaml"));
    let syntax: Vec<_> = f.iter().filter(|f| f.rule == "secret-syntax").collect();
    assert_eq!(syntax.len(), 2);
    assert!(syntax
        .iter()
        .all(|f| f.severity == "warning" && f.at == "15:17"));
    assert!(syntax.iter().any(|f| f.message.contains("lower case")));
    assert!(syntax.iter().any(|f| f.message.contains("hyphen")));
    assert!(f.iter().any(|f| f.line() == "15:17 info repo-credentials"));
    assert_eq!(count("e02-legacy-gitbook-repositories.yaml", "error"), 0);
}

#[test]
fn e03_has_no_errors_of_ours() {
    // `path: /models/` (trailing slash) is a warning; the plaintext `accessKeyId` is
    // accepted (an identifier, not a secret).
    assert_eq!(
        lines("e03-v1-digitalocean-reference.yaml"),
        ["38:13 warning mount-path"]
    );
}

#[test]
fn e06_relative_mount_path_is_an_error_with_a_fix() {
    let f = ours(&corpus("e06-legacy-whisper-relative-mountpath.yaml"));
    assert_eq!(
        f.iter().map(|f| f.line()).collect::<Vec<_>>(),
        ["8:14 error mount-path"]
    );
    assert!(f[0]
        .fixed_text()
        .contains("  mountPath: /opt/repositories\n"));
}

#[test]
fn n03_shell_interpolations_in_env_values_are_warnings() {
    let want = ["26:14", "28:14", "30:14", "32:14", "36:14"]
        .map(|at| format!("{at} warning secret-syntax"));
    assert_eq!(lines("n03-invented-kind-spec-wrapper.yaml"), want);
}

#[test]
fn templates_have_no_errors_or_warnings_of_ours() {
    for name in [
        "e09-v0alpha0-fastapi-template.yaml",
        "e10-v1-fastapi-hf-template.yaml",
        "e11-v1-stable-diffusion-webui.yaml",
    ] {
        assert_eq!(lines(name), Vec::<String>::new(), "{name}");
    }
}

#[test]
fn every_corpus_file_exactly() {
    let expected: &[(&str, &[&str])] = &[
        (
            "e01-legacy-gitbook-reference.yaml",
            &[
                "11:9 info models",
                "14:12 info dataset-required",
                "21:17 warning secret-syntax",
                "21:17 info repo-credentials",
            ],
        ),
        (
            "e02-legacy-gitbook-repositories.yaml",
            &[
                "15:17 warning secret-syntax",
                "15:17 warning secret-syntax",
                "15:17 info repo-credentials",
            ],
        ),
        (
            "e03-v1-digitalocean-reference.yaml",
            &["38:13 warning mount-path"],
        ),
        ("e04-legacy-resnet-fastapi.yaml", &[]),
        (
            "e05-legacy-arize-repositories.yaml",
            &["11:12 info dataset-required"],
        ),
        (
            "e06-legacy-whisper-relative-mountpath.yaml",
            &["8:14 error mount-path"],
        ),
        ("e07-latest-bark-autoscaling.yaml", &[]),
        ("e08-latest-txt2img-ipu-region.yaml", &[]),
        ("e09-v0alpha0-fastapi-template.yaml", &[]),
        ("e10-v1-fastapi-hf-template.yaml", &[]),
        ("e11-v1-stable-diffusion-webui.yaml", &[]),
        ("e12-legacy-byte-barometer-secrets.yaml", &[]),
        ("n01-legacy-fashion-mnist-models-mapping.yaml", &[]),
        ("n02-v1-colby-mixed-shape.yaml", &[]),
        (
            "n03-invented-kind-spec-wrapper.yaml",
            &[
                "26:14 warning secret-syntax",
                "28:14 warning secret-syntax",
                "30:14 warning secret-syntax",
                "32:14 warning secret-syntax",
                "36:14 warning secret-syntax",
            ],
        ),
    ];
    let names = corpus_names();
    assert_eq!(
        names.len(),
        expected.len(),
        "a corpus file was added: list it here"
    );
    for (name, want) in expected {
        assert_eq!(lines(name), *want, "{name}");
    }
}

#[test]
fn no_message_echoes_a_secret_and_every_fix_keeps_the_yaml_well_formed() {
    for name in corpus_names() {
        let text = corpus(&name);
        assert_fixes_keep_syntax(&text);
        for f in ours(&text) {
            assert!(
                !f.message.contains("AKIAVWO7J5OJSCWRJ3HJ"),
                "{name}: {}",
                f.message
            );
        }
    }
}
