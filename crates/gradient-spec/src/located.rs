//! A diagnostic as tools read it: the one serialisation every front end hands out
//! (the linter's `--format json`, the embed API's `gradient-spec:value`, the page's
//! `checkSpec`), so a field means the same everywhere. Lines and columns are 1-based,
//! columns counted in characters, ends exclusive (the convention the CLI documents).

use crate::text::LineIndex;
use crate::{Applicability, Diagnostic, Severity, Span};
use serde::Serialize;

/// One diagnostic with its place in lines and columns. Serialised as
/// `{rule, severity, message, path, line, column, endLine, endColumn, fix?}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct Located<'a> {
    pub rule: crate::RuleId,
    pub severity: Severity,
    pub message: &'a str,
    /// The spec path (`resources.ports[0]`); empty for the root.
    pub path: &'a str,
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    /// Absent when the rule has no fix for this case.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub fix: Option<LocatedFix<'a>>,
}

/// A fix: `{title, applicability ("safe" | "unsafe" | "display"), edits}`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct LocatedFix<'a> {
    pub title: &'a str,
    pub applicability: Applicability,
    pub edits: Vec<LocatedEdit<'a>>,
}

/// One edit of a fix: the place it replaces (in lines and columns, and as byte
/// offsets `start`..`end` for tools that patch bytes) and the text put there.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
#[serde(rename_all = "camelCase")]
pub struct LocatedEdit<'a> {
    pub line: usize,
    pub column: usize,
    pub end_line: usize,
    pub end_column: usize,
    pub start: usize,
    pub end: usize,
    pub insert: &'a str,
}

impl<'a> Located<'a> {
    /// `d` located in the text `index` was built from.
    pub fn new(index: &LineIndex, d: &'a Diagnostic) -> Self {
        let [line, column, end_line, end_column] = place(index, d.span);
        Located {
            rule: d.rule,
            severity: d.severity,
            message: &d.message,
            path: &d.path,
            line,
            column,
            end_line,
            end_column,
            fix: d.fix.as_ref().map(|fix| LocatedFix {
                title: &fix.title,
                applicability: fix.applicability,
                edits: fix
                    .edits
                    .iter()
                    .map(|e| {
                        let [line, column, end_line, end_column] = place(index, e.span);
                        LocatedEdit {
                            line,
                            column,
                            end_line,
                            end_column,
                            start: e.span.start,
                            end: e.span.end,
                            insert: &e.insert,
                        }
                    })
                    .collect(),
            }),
        }
    }
}

/// Every diagnostic of `diags`, in that order, located in `text`.
pub fn locate_all<'a>(
    text: &str,
    diags: impl IntoIterator<Item = &'a Diagnostic>,
) -> Vec<Located<'a>> {
    let index = LineIndex::new(text);
    diags.into_iter().map(|d| Located::new(&index, d)).collect()
}

/// Line, column, end line and end column of `span`.
fn place(index: &LineIndex, span: Span) -> [usize; 4] {
    let (s, e) = (index.position(span.start), index.position(span.end));
    [s.line, s.column, e.line, e.column]
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{Fix, TextEdit};
    use serde_json::json;

    #[test]
    fn serialises_the_documented_fields() {
        let text = "image: x\nport: \"8000\"\n";
        let d = Diagnostic::new(
            crate::RuleId::PortRange,
            Severity::Warning,
            Span::new(15, 21),
            "port",
            "quoted",
        )
        .with_fix(Fix {
            title: "Unquote".into(),
            edits: vec![TextEdit::replace(Span::new(15, 21), "8000")],
            applicability: Applicability::Safe,
        });
        let v = serde_json::to_value(Located::new(&LineIndex::new(text), &d)).unwrap();
        assert_eq!(
            v,
            json!({
                "rule": "port-range", "severity": "warning", "message": "quoted",
                "path": "port", "line": 2, "column": 7, "endLine": 2, "endColumn": 13,
                "fix": {"title": "Unquote", "applicability": "safe", "edits": [
                    {"line": 2, "column": 7, "endLine": 2, "endColumn": 13,
                     "start": 15, "end": 21, "insert": "8000"}
                ]}
            })
        );
        let plain = Diagnostic::new(crate::RuleId::Image, Severity::Info, Span::at(0), "", "m");
        let v = serde_json::to_value(&locate_all(text, [&plain])[0]).unwrap();
        assert!(v.get("fix").is_none(), "{v}");
    }

    #[test]
    fn columns_count_characters() {
        let text = "name: \"日本\"\nport: x\n";
        let d = Diagnostic::new(
            crate::RuleId::PortRange,
            Severity::Error,
            Span::new(21, 22),
            "port",
            "m",
        );
        let l = &locate_all(text, [&d])[0];
        assert_eq!((l.line, l.column, l.end_line, l.end_column), (2, 7, 2, 8));
    }
}
