//! Shared helpers of the `rules_a_*` tests: run the checker, find a diagnostic by
//! rule and position, apply its fix.

#![allow(dead_code)]

use gradient_spec::diag::apply_edits;
use gradient_spec::text::LineIndex;
use gradient_spec::{check, Diagnostic, Severity};

/// The rule ids the rules-a modules emit.
pub const MY_RULES: &[&str] = &[
    "wrong-type",
    "missing-field",
    "unknown-key",
    "misplaced-field",
    "api-version",
    "mixed-shape",
    "image",
    "enabled",
    "command",
    "container-registry",
    "port-range",
    "replicas",
    "autoscaling",
    "probe",
    "machine-type",
];

pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/corpus/");

pub fn corpus(name: &str) -> String {
    std::fs::read_to_string(format!("{CORPUS}{name}")).expect("corpus file")
}

pub fn corpus_names() -> Vec<String> {
    let mut names: Vec<String> = std::fs::read_dir(CORPUS)
        .expect("corpus dir")
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    names.sort();
    assert!(names.len() >= 15, "only {} corpus specs found", names.len());
    names
}

/// `"line:column"` of a byte offset.
pub fn pos(text: &str, offset: usize) -> String {
    let p = LineIndex::new(text).position(offset);
    format!("{}:{}", p.line, p.column)
}

/// The diagnostics of the rules-a rule ids.
pub fn mine(text: &str) -> Vec<Diagnostic> {
    check(text)
        .diagnostics
        .into_iter()
        .filter(|d| MY_RULES.contains(&d.rule.as_str()))
        .collect()
}

fn listing(text: &str, diags: &[Diagnostic]) -> String {
    diags
        .iter()
        .map(|d| {
            format!(
                "  {} {} {} [{}] {}",
                pos(text, d.span.start),
                d.severity.as_str(),
                d.rule,
                d.path,
                d.message
            )
        })
        .collect::<Vec<_>>()
        .join("\n")
}

/// The one diagnostic of `rule` starting at `at` (`"line:col"`), with `severity`.
pub fn expect(text: &str, rule: &str, severity: Severity, at: &str) -> Diagnostic {
    let all = check(text).diagnostics;
    let found: Vec<&Diagnostic> = all
        .iter()
        .filter(|d| d.rule == rule && pos(text, d.span.start) == at)
        .collect();
    assert!(
        found.len() == 1,
        "expected one {rule} at {at} in:\n{text}\ngot:\n{}",
        listing(text, &all)
    );
    assert_eq!(
        found[0].severity, severity,
        "severity of {rule} at {at}: {}",
        found[0].message
    );
    found[0].clone()
}

/// No diagnostic of `rule` at all.
pub fn expect_none(text: &str, rule: &str) {
    let all = check(text).diagnostics;
    let found: Vec<Diagnostic> = all.iter().filter(|d| d.rule == rule).cloned().collect();
    assert!(
        found.is_empty(),
        "expected no {rule} in:\n{text}\ngot:\n{}",
        listing(text, &found)
    );
}

/// The text after applying the fix of `d` (which must have one).
pub fn fixed(text: &str, d: &Diagnostic) -> String {
    let fix = d
        .fix
        .as_ref()
        .unwrap_or_else(|| panic!("{} at {} has no fix", d.rule, pos(text, d.span.start)));
    apply_edits(text, &fix.edits).expect("fix edits apply")
}

/// Asserts the fix of the diagnostic `rule` at `at` gives `after`, and returns it.
pub fn expect_fix(text: &str, rule: &str, severity: Severity, at: &str, after: &str) -> Diagnostic {
    let d = expect(text, rule, severity, at);
    assert_eq!(fixed(text, &d), after, "fix of {rule} at {at}");
    d
}
