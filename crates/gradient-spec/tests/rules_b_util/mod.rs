//! Shared helpers for the `rules_b_*` tests: run the checker, keep the diagnostics of
//! this rule group, say where they point as people read it, and apply their fixes.
#![allow(dead_code)]

use gradient_spec::diag::apply_edits;
use gradient_spec::text::LineIndex;
use gradient_spec::{Applicability, Diagnostic};

/// The rule ids this group owns.
pub const OURS: &[&str] = &[
    "dataset-required",
    "mount-path",
    "repo-name",
    "repo-url",
    "repo-credentials",
    "plaintext-secret",
    "secret-syntax",
    "env",
    "models",
    "integrations",
];

/// One of our diagnostics as a test looks at it.
#[derive(Debug, Clone)]
pub struct Found {
    pub rule: &'static str,
    pub severity: &'static str,
    /// `LINE:COLUMN` of the span start, 1-based.
    pub at: String,
    pub path: String,
    pub message: String,
    /// The whole text after applying the fix, and the fix's applicability.
    pub fixed: Option<(String, Applicability)>,
    pub diag: Diagnostic,
}

impl Found {
    /// `LINE:COLUMN SEVERITY RULE-ID`, as the problem list shows it.
    pub fn line(&self) -> String {
        format!("{} {} {}", self.at, self.severity, self.rule)
    }
    pub fn fixed_text(&self) -> &str {
        self.fixed.as_ref().map(|(t, _)| t.as_str()).expect("a fix")
    }
}

/// Our diagnostics for `text`, in position order.
pub fn ours(text: &str) -> Vec<Found> {
    let report = gradient_spec::check(text);
    let index = LineIndex::new(text);
    report
        .diagnostics
        .into_iter()
        .filter(|d| OURS.contains(&d.rule.as_str()))
        .map(|d| {
            let pos = index.position(d.span.start);
            let fixed = d.fix.as_ref().map(|f| {
                (
                    apply_edits(text, &f.edits).expect("fix edits apply"),
                    f.applicability,
                )
            });
            Found {
                rule: d.rule.as_str(),
                severity: d.severity.as_str(),
                at: format!("{}:{}", pos.line, pos.column),
                path: d.path.clone(),
                message: d.message.clone(),
                fixed,
                diag: d,
            }
        })
        .collect()
}

/// Our diagnostics of one rule id.
pub fn of(text: &str, rule: &str) -> Vec<Found> {
    ours(text).into_iter().filter(|f| f.rule == rule).collect()
}

/// The single diagnostic of `rule` in `text`; it must point at `at` with `severity`.
pub fn one(text: &str, rule: &str, severity: &str, at: &str) -> Found {
    let found = of(text, rule);
    assert_eq!(
        found.len(),
        1,
        "expected one `{rule}` in\n{text}\ngot {found:#?}"
    );
    let f = found.into_iter().next().unwrap();
    assert_eq!(
        (f.severity, f.at.as_str()),
        (severity, at),
        "in\n{text}\n{f:#?}"
    );
    f
}

/// Asserts `rule` does not fire on `text`.
pub fn none(text: &str, rule: &str) {
    let found = of(text, rule);
    assert!(
        found.is_empty(),
        "expected no `{rule}` in\n{text}\ngot {found:#?}"
    );
}

/// A corpus file's text.
pub fn corpus(name: &str) -> String {
    let path = format!(
        "{}/../../tests/data/corpus/{name}",
        env!("CARGO_MANIFEST_DIR")
    );
    std::fs::read_to_string(&path).unwrap_or_else(|e| panic!("{path}: {e}"))
}

/// The names of all corpus YAML files.
pub fn corpus_names() -> Vec<String> {
    let dir = format!("{}/../../tests/data/corpus", env!("CARGO_MANIFEST_DIR"));
    let mut names: Vec<String> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok()?.file_name().into_string().ok())
        .filter(|n| n.ends_with(".yaml"))
        .collect();
    names.sort();
    assert!(names.len() >= 15, "only {} corpus specs found", names.len());
    names
}

fn syntax_count(text: &str) -> usize {
    gradient_spec::yaml::parse(text)
        .syntax_diagnostics
        .iter()
        .filter(|d| d.rule == "yaml-syntax")
        .count()
}

/// Every fix we emit on `text` applies and adds no `yaml-syntax` problem.
pub fn assert_fixes_keep_syntax(text: &str) {
    let before = syntax_count(text);
    for f in ours(text) {
        if let Some((fixed, _)) = &f.fixed {
            assert!(
                syntax_count(fixed) <= before,
                "fix of {} made a syntax error:\n--- before\n{text}\n--- after\n{fixed}",
                f.line()
            );
        }
    }
}
