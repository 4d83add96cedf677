//! The YAML Test Suite (`tests/data/yaml-test-suite`) as a peer suite for the YAML
//! layer: valid inputs give no `yaml-syntax` problem (`multiple-documents` and
//! `duplicate-key` are not syntax verdicts: a valid stream may hold several documents,
//! and the suite does not test key uniqueness), invalid inputs give at least one
//! located `yaml-syntax` problem; every tree prints back byte for byte; nothing panics.

#[allow(dead_code)]
#[path = "yaml_data.rs"]
mod data;

use gradient_spec::yaml::parse;
use rowan::ast::AstNode;
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The share of cases that must get the right verdict.
const MIN_RIGHT: f64 = 0.95;

enum Outcome {
    Right,
    Wrong(String),
}

fn judge(text: &str, invalid: bool) -> Outcome {
    let doc = parse(text);
    for d in &doc.syntax_diagnostics {
        assert!(
            d.span.start <= d.span.end
                && d.span.end <= text.len()
                && text.is_char_boundary(d.span.start)
                && text.is_char_boundary(d.span.end),
            "span {:?} outside the text ({} bytes)",
            d.span,
            text.len()
        );
    }
    let syntax: Vec<_> = doc
        .syntax_diagnostics
        .iter()
        .filter(|d| d.rule == "yaml-syntax")
        .collect();
    match (invalid, syntax.first()) {
        (false, None) | (true, Some(_)) => Outcome::Right,
        (false, Some(d)) => Outcome::Wrong(format!(
            "valid, but reported: {} at {:?}",
            d.message, d.span
        )),
        (true, None) => Outcome::Wrong("invalid, but no yaml-syntax problem".to_string()),
    }
}

#[test]
fn suite_verdicts_round_trips_and_no_panics() {
    let cases = data::suite_cases();
    let mut right = 0;
    let mut wrong = Vec::new();
    let mut panics = Vec::new();
    let mut not_lossless = Vec::new();
    for case in &cases {
        let printed = yaml_edit::YamlFile::parse(&case.text)
            .tree()
            .syntax()
            .to_string();
        if printed != case.text {
            not_lossless.push(case.id.clone());
        }
        match catch_unwind(AssertUnwindSafe(|| judge(&case.text, case.invalid))) {
            Ok(Outcome::Right) => right += 1,
            Ok(Outcome::Wrong(why)) => wrong.push(format!("{} ({}): {why}", case.id, case.title)),
            Err(_) => panics.push(case.id.clone()),
        }
    }
    let share = right as f64 / cases.len() as f64;
    println!(
        "YAML Test Suite: {right}/{} right verdicts ({:.1}%)",
        cases.len(),
        share * 100.0
    );
    for w in &wrong {
        println!("  wrong: {w}");
    }
    assert!(panics.is_empty(), "panicked on {panics:?}");
    assert!(
        not_lossless.is_empty(),
        "trees that do not print back: {not_lossless:?}"
    );
    assert!(
        share >= MIN_RIGHT,
        "only {right}/{} right verdicts",
        cases.len()
    );
}

#[test]
fn corpus_files_have_no_syntax_problem() {
    for (name, text) in data::corpus_files() {
        let doc = parse(&text);
        let syntax: Vec<_> = doc
            .syntax_diagnostics
            .iter()
            .filter(|d| {
                d.rule == "yaml-syntax"
                    || d.rule == "duplicate-key"
                    || d.rule == "multiple-documents"
            })
            .collect();
        assert!(syntax.is_empty(), "{name}: {syntax:?}");
        assert!(doc.root.is_some(), "{name} has no tree");
        let printed = yaml_edit::YamlFile::parse(&text)
            .tree()
            .syntax()
            .to_string();
        assert_eq!(printed, text, "{name} does not print back");
    }
}
