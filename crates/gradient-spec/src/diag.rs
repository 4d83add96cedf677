//! Diagnostics and fixes, shaped after ruff: a fix is a list of text edits plus an
//! applicability. Spans are byte offsets; line/column are derived for people.

use crate::rules::RuleId;
use serde::Serialize;

/// A half-open byte range `[start, end)` into the document text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Default, Serialize)]
pub struct Span {
    pub start: usize,
    pub end: usize,
}

impl Span {
    pub fn new(start: usize, end: usize) -> Self {
        debug_assert!(start <= end, "span {start}..{end} is reversed");
        Span { start, end }
    }
    /// An empty span at `at` (an insertion point).
    pub fn at(at: usize) -> Self {
        Span { start: at, end: at }
    }
    pub fn len(&self) -> usize {
        self.end - self.start
    }
    pub fn is_empty(&self) -> bool {
        self.start == self.end
    }
    pub fn contains(&self, offset: usize) -> bool {
        self.start <= offset && offset < self.end
    }
    /// The slice of `text` this span covers (empty when out of range).
    pub fn slice<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start..self.end).unwrap_or("")
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Severity {
    Error,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(&self) -> &'static str {
        match self {
            Severity::Error => "error",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// Whether a fix may be applied without asking (ruff's terms).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "lowercase")]
pub enum Applicability {
    /// Keeps the meaning the user intended; apply without asking.
    Safe,
    /// Changes meaning; needs a click.
    Unsafe,
    /// Shown as advice, never applied.
    Display,
}

/// Replace the bytes of `span` with `insert`.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct TextEdit {
    pub span: Span,
    pub insert: String,
}

impl TextEdit {
    pub fn replace(span: Span, insert: impl Into<String>) -> Self {
        TextEdit {
            span,
            insert: insert.into(),
        }
    }
    pub fn insert(at: usize, insert: impl Into<String>) -> Self {
        TextEdit {
            span: Span::at(at),
            insert: insert.into(),
        }
    }
    pub fn delete(span: Span) -> Self {
        TextEdit {
            span,
            insert: String::new(),
        }
    }
}

/// Applies non-overlapping edits to `text`. Edits may come in any order; overlapping
/// edits are a bug in the caller and give `None` rather than corrupt text.
pub fn apply_edits(text: &str, edits: &[TextEdit]) -> Option<String> {
    let mut sorted: Vec<&TextEdit> = edits.iter().collect();
    crate::sort::by_key(&mut sorted, |e| (e.span.start, e.span.end));
    let mut out = String::with_capacity(text.len());
    let mut pos = 0;
    for e in sorted {
        if e.span.start < pos || e.span.end > text.len() {
            return None;
        }
        out.push_str(text.get(pos..e.span.start)?);
        out.push_str(&e.insert);
        pos = e.span.end;
    }
    out.push_str(text.get(pos..)?);
    Some(out)
}

#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Fix {
    /// What the fix does, as a button label ("Wrap in a list").
    pub title: String,
    pub edits: Vec<TextEdit>,
    pub applicability: Applicability,
}

/// One problem found in a document.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize)]
pub struct Diagnostic {
    /// The rule that found it (serialised as its public id, `docs/rules.md`).
    pub rule: RuleId,
    pub severity: Severity,
    /// What is wrong and why. Never echoes a plaintext secret.
    pub message: String,
    /// Where a person should look (see rules.md "Where a diagnostic points").
    pub span: Span,
    /// The spec path (`repositories.repositories[1].password`); empty for the root.
    pub path: String,
    pub fix: Option<Fix>,
}

impl Diagnostic {
    pub fn new(
        rule: RuleId,
        severity: Severity,
        span: Span,
        path: impl Into<String>,
        message: impl Into<String>,
    ) -> Self {
        Diagnostic {
            rule,
            severity,
            message: message.into(),
            span,
            path: path.into(),
            fix: None,
        }
    }
    pub fn with_fix(mut self, fix: Fix) -> Self {
        self.fix = Some(fix);
        self
    }
}

/// `1 error`, `3 errors`: how the linter's summary and the page's status line count
/// problems (one wording for both).
pub fn counted(n: usize, word: &str) -> String {
    if n == 1 {
        format!("1 {word}")
    } else {
        format!("{n} {word}s")
    }
}

/// Sorts diagnostics by position, then severity, then rule id (a stable order for
/// people and for tests).
pub fn sort(diags: &mut [Diagnostic]) {
    crate::sort::by(diags, |a, b| {
        (a.span.start, a.severity, a.rule, a.span.end).cmp(&(
            b.span.start,
            b.severity,
            b.rule,
            b.span.end,
        ))
    });
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn apply_edits_in_any_order() {
        let edits = [
            TextEdit::replace(Span::new(6, 11), "there"),
            TextEdit::insert(0, ">> "),
        ];
        assert_eq!(
            apply_edits("hello world", &edits).as_deref(),
            Some(">> hello there")
        );
    }

    #[test]
    fn overlapping_edits_are_refused() {
        let edits = [
            TextEdit::replace(Span::new(0, 5), "a"),
            TextEdit::replace(Span::new(3, 7), "b"),
        ];
        assert_eq!(apply_edits("hello world", &edits), None);
    }

    #[test]
    fn edits_out_of_range_are_refused() {
        assert_eq!(apply_edits("abc", &[TextEdit::insert(9, "x")]), None);
    }
}
