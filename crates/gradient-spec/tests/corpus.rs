//! Every real spec in `tests/data/corpus/` gives the outcome its `SOURCES.md` states,
//! with all rules running together (the per-module suites check their own ids).

use gradient_spec::{check, Severity};
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/corpus"
    ))
}

/// The outcome of one corpus file, transcribed from SOURCES.md.
struct Expected {
    file: &'static str,
    /// Error rule ids. With `exact_errors` they are all the errors (with repeats);
    /// otherwise ("errors include") each must be among them.
    errors: &'static [&'static str],
    exact_errors: bool,
    /// Warning or info rule ids that must be present.
    notes: &'static [(&'static str, Severity)],
    /// "no warnings": no diagnostic of severity warning at all.
    no_warnings: bool,
}

const fn exact(
    file: &'static str,
    errors: &'static [&'static str],
    notes: &'static [(&'static str, Severity)],
) -> Expected {
    Expected {
        file,
        errors,
        exact_errors: true,
        notes,
        no_warnings: false,
    }
}

use Severity::{Info, Warning};

const EXPECTED: &[Expected] = &[
    exact(
        "e01-legacy-gitbook-reference.yaml",
        &[],
        &[("api-version", Warning), ("secret-syntax", Warning)],
    ),
    exact(
        "e02-legacy-gitbook-repositories.yaml",
        &[],
        &[
            ("api-version", Warning),
            ("secret-syntax", Warning),
            ("repo-credentials", Info),
        ],
    ),
    exact(
        "e03-v1-digitalocean-reference.yaml",
        &["wrong-type", "wrong-type"],
        &[],
    ),
    exact(
        "e04-legacy-resnet-fastapi.yaml",
        &[],
        &[("api-version", Warning)],
    ),
    exact(
        "e05-legacy-arize-repositories.yaml",
        &[],
        &[("api-version", Warning)],
    ),
    exact(
        "e06-legacy-whisper-relative-mountpath.yaml",
        &["mount-path"],
        &[],
    ),
    exact(
        "e07-latest-bark-autoscaling.yaml",
        &[],
        &[("api-version", Warning), ("image", Info)],
    ),
    exact(
        "e08-latest-txt2img-ipu-region.yaml",
        &[],
        &[("api-version", Warning)],
    ),
    Expected {
        no_warnings: true,
        ..exact("e09-v0alpha0-fastapi-template.yaml", &[], &[])
    },
    Expected {
        no_warnings: true,
        ..exact("e10-v1-fastapi-hf-template.yaml", &[], &[])
    },
    Expected {
        no_warnings: true,
        ..exact("e11-v1-stable-diffusion-webui.yaml", &[], &[])
    },
    exact(
        "e12-legacy-byte-barometer-secrets.yaml",
        &[],
        &[("api-version", Warning)],
    ),
    exact(
        "n01-legacy-fashion-mnist-models-mapping.yaml",
        &["wrong-type"],
        &[],
    ),
    Expected {
        exact_errors: false,
        ..exact(
            "n02-v1-colby-mixed-shape.yaml",
            &["mixed-shape", "wrong-type"],
            &[],
        )
    },
    Expected {
        exact_errors: false,
        ..exact(
            "n03-invented-kind-spec-wrapper.yaml",
            &["misplaced-field", "missing-field"],
            &[("unknown-key", Warning), ("secret-syntax", Warning)],
        )
    },
];

#[test]
fn every_corpus_file_is_covered() {
    let mut files: Vec<String> = std::fs::read_dir(corpus_dir())
        .expect("tests/data/corpus")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    files.sort();
    let listed: Vec<&str> = EXPECTED.iter().map(|e| e.file).collect();
    assert_eq!(files, listed);
}

#[test]
fn corpus_outcomes_match_sources_md() {
    let mut failures = Vec::new();
    for exp in EXPECTED {
        let text = std::fs::read_to_string(corpus_dir().join(exp.file)).unwrap();
        let report = check(&text);
        let mut errors: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .map(|d| d.rule.as_str())
            .collect();
        errors.sort();
        let mut want: Vec<&str> = exp.errors.to_vec();
        want.sort();
        if exp.exact_errors && errors != want {
            failures.push(format!(
                "{}: errors {errors:?}, expected exactly {want:?}",
                exp.file
            ));
        }
        for w in &want {
            if !errors.contains(w) {
                failures.push(format!("{}: expected an error {w}", exp.file));
            }
        }
        for (rule, sev) in exp.notes {
            if !report
                .diagnostics
                .iter()
                .any(|d| d.rule == *rule && d.severity == *sev)
            {
                failures.push(format!("{}: expected a {} {rule}", exp.file, sev.as_str()));
            }
        }
        if exp.no_warnings {
            let warnings: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.severity == Severity::Warning)
                .collect();
            if !warnings.is_empty() {
                failures.push(format!(
                    "{}: expected no warnings, got {warnings:?}",
                    exp.file
                ));
            }
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn an_empty_document_misses_image_and_resources() {
    for text in ["", "# only a comment\n", "\n\n"] {
        let report = check(text);
        let missing: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| d.rule == "missing-field")
            .map(|d| d.path.as_str())
            .collect();
        assert!(
            missing.contains(&"image") && missing.contains(&"resources"),
            "{text:?}: {missing:?}"
        );
    }
}
