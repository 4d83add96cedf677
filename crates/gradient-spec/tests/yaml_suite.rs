//! The YAML Test Suite (`tests/data/yaml-test-suite`) as a peer suite for the YAML
//! layer: valid inputs give no `yaml-syntax` problem (`multiple-documents` and
//! `duplicate-key` are not syntax verdicts: a valid stream may hold several documents,
//! and the suite does not test key uniqueness), invalid inputs give at least one
//! located `yaml-syntax` problem; every tree's spans lie inside the text, and on every
//! input without a syntax problem each key and value slices to what it resolves to
//! (`yaml_spans.rs`); nothing panics.

#[allow(dead_code)]
#[path = "yaml_data.rs"]
mod data;
#[allow(dead_code)]
#[path = "yaml_spans.rs"]
mod spans;

use gradient_spec::yaml::{parse, Document};
use std::panic::{catch_unwind, AssertUnwindSafe};

/// The share of cases that must get the right verdict.
const MIN_RIGHT: f64 = 0.95;

enum Outcome {
    Right,
    Wrong(String),
}

/// The spans of `doc`: inside the text always, slicing to the values when the text
/// has no syntax problem. `Ok(true)` when the values were checked (a document with no
/// content, only comments or nothing, has none to check).
fn spans_hold(doc: &Document) -> Result<bool, String> {
    let clean = !doc
        .syntax_diagnostics
        .iter()
        .any(|d| d.rule == "yaml-syntax");
    let Some(root) = &doc.root else {
        return Ok(clean);
    };
    spans::spans_ok(root, &doc.text)?;
    if !clean {
        return Ok(false);
    }
    spans::spans_slice_to_values(doc).map(|_| true)
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
    let mut bad_spans = Vec::new();
    let mut sliced = 0;
    for case in &cases {
        match catch_unwind(AssertUnwindSafe(|| spans_hold(&parse(&case.text)))) {
            Ok(Ok(checked)) => sliced += usize::from(checked),
            Ok(Err(why)) => bad_spans.push(format!("{}: {why}", case.id)),
            Err(_) => bad_spans.push(format!("{}: panicked", case.id)),
        }
        match catch_unwind(AssertUnwindSafe(|| judge(&case.text, case.invalid))) {
            Ok(Outcome::Right) => right += 1,
            Ok(Outcome::Wrong(why)) => wrong.push(format!("{} ({}): {why}", case.id, case.title)),
            Err(_) => panics.push(case.id.clone()),
        }
    }
    // saphyr-parser's raw messages are put in the layer's words (`events/messages.rs`):
    // no invalid case falls back to quoting one.
    let raw: Vec<String> = cases
        .iter()
        .filter(|c| c.invalid)
        .flat_map(|c| {
            parse(&c.text)
                .syntax_diagnostics
                .into_iter()
                .filter(|d| d.message.starts_with("YAML cannot be read here"))
                .map(|d| format!("{}: {}", c.id, d.message))
                .collect::<Vec<_>>()
        })
        .collect();
    assert!(raw.is_empty(), "raw messages: {raw:#?}");
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
    println!("{sliced} cases without a syntax problem: every key and value slices to its value");
    assert!(bad_spans.is_empty(), "spans: {bad_spans:#?}");
    // Every valid case (308) but those with a wrong verdict, and no invalid one.
    let valid = cases.iter().filter(|c| !c.invalid).count();
    assert_eq!(valid, 308);
    assert!(sliced + wrong.len() >= valid, "only {sliced} trees checked");
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
        for text in [text.clone(), text.replace('\n', "\r\n")] {
            let nodes = spans::spans_slice_to_values(&parse(&text))
                .unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(nodes > 10, "{name}: {nodes} nodes");
        }
    }
}
