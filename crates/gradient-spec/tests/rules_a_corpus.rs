//! The corpus outcomes of `tests/data/corpus/SOURCES.md` that concern the rules-a
//! rule ids: exactly these errors, these warnings, and nothing else of ours.

mod rules_a_support;
use gradient_spec::Severity::{self, Error, Info, Warning};
use gradient_spec::{check, Diagnostic};
use rules_a_support::{corpus, fixed, mine, pos};

/// `(rule, line:column)` of our diagnostics of one severity in a corpus file.
fn of(name: &str, severity: Severity) -> Vec<(&'static str, String)> {
    let text = corpus(name);
    mine(&text)
        .iter()
        .filter(|d| d.severity == severity)
        .map(|d| (d.rule.as_str(), pos(&text, d.span.start)))
        .collect()
}

fn find(name: &str, rule: &str, at: &str) -> (String, Diagnostic) {
    let text = corpus(name);
    let d = mine(&text)
        .into_iter()
        .find(|d| d.rule == rule && pos(&text, d.span.start) == at)
        .unwrap_or_else(|| panic!("{name}: no {rule} at {at}"));
    (text, d)
}

fn v(items: &[(&'static str, &str)]) -> Vec<(&'static str, String)> {
    items.iter().map(|(r, p)| (*r, p.to_string())).collect()
}

#[test]
fn legacy_files_without_errors_warn_about_the_version() {
    for name in [
        "e01-legacy-gitbook-reference.yaml",
        "e02-legacy-gitbook-repositories.yaml",
        "e04-legacy-resnet-fastapi.yaml",
        "e05-legacy-arize-repositories.yaml",
        "e06-legacy-whisper-relative-mountpath.yaml",
        "e12-legacy-byte-barometer-secrets.yaml",
    ] {
        assert_eq!(of(name, Error), v(&[]), "{name}: errors");
        assert_eq!(
            of(name, Warning),
            v(&[("api-version", "1:1")]),
            "{name}: warnings"
        );
        let infos = of(name, Info);
        assert!(
            infos.iter().all(|(r, _)| *r == "enabled"),
            "{name}: infos {infos:?}"
        );
    }
    // e04 and e12 write `enabled`; the others do not.
    assert_eq!(of("e04-legacy-resnet-fastapi.yaml", Info), v(&[]));
    assert_eq!(
        of("e01-legacy-gitbook-reference.yaml", Info),
        v(&[("enabled", "1:1")])
    );
}

#[test]
fn e03_has_exactly_two_probe_strings() {
    let name = "e03-v1-digitalocean-reference.yaml";
    assert_eq!(
        of(name, Error),
        v(&[("wrong-type", "62:7"), ("wrong-type", "64:7")])
    );
    let text = corpus(name);
    let paths: Vec<String> = mine(&text)
        .iter()
        .filter(|d| d.rule == "wrong-type")
        .map(|d| d.path.clone())
        .collect();
    assert_eq!(paths, ["healthChecks.liveness", "healthChecks.startup"]);
    assert_eq!(of(name, Warning), v(&[]));
    assert_eq!(of(name, Info), v(&[]));
}

#[test]
fn e07_latest_with_legacy_shape_and_image_placeholder() {
    let name = "e07-latest-bark-autoscaling.yaml";
    assert_eq!(of(name, Error), v(&[]));
    assert_eq!(of(name, Warning), v(&[("api-version", "1:13")]));
    assert_eq!(of(name, Info), v(&[("image", "4:8")]));
}

#[test]
fn e08_latest_with_legacy_shape() {
    let name = "e08-latest-txt2img-ipu-region.yaml";
    assert_eq!(of(name, Error), v(&[]));
    assert_eq!(of(name, Warning), v(&[("api-version", "1:13")]));
}

#[test]
fn templates_are_clean() {
    for name in [
        "e09-v0alpha0-fastapi-template.yaml",
        "e10-v1-fastapi-hf-template.yaml",
        "e11-v1-stable-diffusion-webui.yaml",
    ] {
        let text = corpus(name);
        let ours = mine(&text);
        assert!(
            ours.is_empty(),
            "{name}: {:?}",
            ours.iter()
                .map(|d| (d.rule.as_str(), &d.message))
                .collect::<Vec<_>>()
        );
    }
}

#[test]
fn n01_models_mapping_is_wrapped() {
    let name = "n01-legacy-fashion-mnist-models-mapping.yaml";
    assert_eq!(of(name, Error), v(&[("wrong-type", "15:1")]));
    let (text, d) = find(name, "wrong-type", "15:1");
    assert_eq!(d.path, "models");
    let after = fixed(&text, &d);
    assert!(
        after.contains("models:\n  - id: ... # Add your model ID"),
        "{after}"
    );
    assert!(
        after.contains("\n    path: \"/opt/models/trained-model/\"\n"),
        "{after}"
    );
    assert!(of_text(&after, Error).is_empty());
}

fn of_text(text: &str, severity: Severity) -> Vec<&'static str> {
    mine(text)
        .iter()
        .filter(|d| d.severity == severity)
        .map(|d| d.rule.as_str())
        .collect()
}

#[test]
fn n02_mixed_shape_and_ports_number() {
    let name = "n02-v1-colby-mixed-shape.yaml";
    assert_eq!(
        of(name, Error),
        v(&[("mixed-shape", "24:3"), ("wrong-type", "27:10")])
    );
    let (text, d) = find(name, "wrong-type", "27:10");
    assert!(fixed(&text, &d).contains("  ports: [8000]\n"));
}

#[test]
fn n03_spec_wrapper() {
    let name = "n03-invented-kind-spec-wrapper.yaml";
    let errors = of(name, Error);
    assert!(
        errors.contains(&("misplaced-field", "9:1".to_string())),
        "{errors:?}"
    );
    let text = corpus(name);
    let missing: Vec<String> = mine(&text)
        .iter()
        .filter(|d| d.rule == "missing-field")
        .map(|d| format!("{} {}", pos(&text, d.span.start), d.path))
        .collect();
    assert_eq!(missing, ["1:1 image", "1:1 resources"]);
    let warnings = of(name, Warning);
    assert!(
        warnings.contains(&("unknown-key", "5:1".to_string())),
        "{warnings:?}"
    );
    // Unwrapping gives a spec with its fields at the top level.
    let (text, d) = find(name, "misplaced-field", "9:1");
    let after = fixed(&text, &d);
    assert!(
        after.contains("\nimage: python:3.11-slim\n")
            && after.contains("\nresources:\n  replicas: 1\n"),
        "{after}"
    );
    let report = check(&after);
    assert!(!report
        .diagnostics
        .iter()
        .any(|d| d.rule == "missing-field" || d.rule == "misplaced-field"));
}
