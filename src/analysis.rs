//! What the view shows about the current text, derived from it by the core. Plain
//! data (comparable, so a memo only notifies when something changed).

use crate::state::visible_lines::Mark;
use gradient_spec::text::LineIndex;
use gradient_spec::{Diagnostic, Fix, RuleId, Severity, Span};

/// One row of the Problems list.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub struct Problem {
    pub line: usize,
    pub column: usize,
    pub severity: Severity,
    pub rule: RuleId,
    pub message: String,
    /// Byte span in the text.
    pub span: Span,
    pub fix: Option<Fix>,
    /// The spec path the problem is about (empty for the root).
    pub path: String,
    /// UTF-16 offsets of the span, for the textarea's selection.
    pub utf16_start: usize,
    pub utf16_end: usize,
}

impl Problem {
    /// The row as people (and the browser tests) read it:
    /// `LINE:COLUMN SEVERITY RULE-ID message`.
    pub fn label(&self) -> String {
        format!(
            "{}:{} {} {} {}",
            self.line,
            self.column,
            self.severity.as_str(),
            self.rule,
            self.message
        )
    }
}

/// The diagnostics of `report` in the Problems list's order: errors first, then
/// warnings, then infos; by position within each.
pub fn in_list_order(report: &gradient_spec::Report) -> Vec<&Diagnostic> {
    let mut diags: Vec<&Diagnostic> = report.diagnostics.iter().collect();
    gradient_spec::sort::by_key(&mut diags, |d| (d.severity, d.span.start));
    diags
}

/// Problems and counts for one version of the text.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Analysis {
    /// Errors first, then warnings, then infos; by position within each.
    pub problems: Vec<Problem>,
    pub errors: usize,
    pub warnings: usize,
}

impl Analysis {
    pub fn of(text: &str) -> Self {
        Self::from_report(&gradient_spec::check(text), &LineIndex::new(text))
    }

    /// The view of an existing check of `text` (the app checks once per change).
    pub fn from_report(report: &gradient_spec::Report, index: &LineIndex) -> Self {
        let problems: Vec<Problem> = in_list_order(report)
            .into_iter()
            .map(|d| {
                let pos = index.position(d.span.start);
                Problem {
                    line: pos.line,
                    column: pos.column,
                    severity: d.severity,
                    rule: d.rule,
                    message: d.message.clone(),
                    span: d.span,
                    fix: d.fix.clone(),
                    path: d.path.clone(),
                    utf16_start: index.utf16_offset(d.span.start),
                    utf16_end: index.utf16_offset(d.span.end),
                }
            })
            .collect();
        let count = |s| problems.iter().filter(|p| p.severity == s).count();
        Analysis {
            errors: count(Severity::Error),
            warnings: count(Severity::Warning),
            problems,
        }
    }

    /// The problems as the editor's backdrop draws them, sorted by position.
    pub fn marks(&self) -> Vec<Mark> {
        let mut marks: Vec<Mark> = self
            .problems
            .iter()
            .map(|p| Mark {
                span: p.span,
                severity: p.severity,
            })
            .collect();
        gradient_spec::sort::by_key(&mut marks, |m| (m.span.start, m.severity));
        marks
    }

    /// The problems touching byte `offset` (holding it, or starting or ending there)
    /// that have a fix to apply (not display-only advice): what Ctrl+. lists.
    pub fn fixes_at(&self, offset: usize) -> Vec<Problem> {
        self.problems
            .iter()
            .filter(|p| p.span.start <= offset && offset <= p.span.end)
            .filter(|p| {
                p.fix
                    .as_ref()
                    .is_some_and(|f| f.applicability != gradient_spec::Applicability::Display)
            })
            .cloned()
            .collect()
    }

    /// The most severe problem whose span holds byte `offset` (or starts there).
    pub fn problem_at(&self, offset: usize) -> Option<&Problem> {
        self.problems
            .iter()
            .filter(|p| p.span.contains(offset) || p.span.start == offset)
            .min_by_key(|p| (p.severity, p.span.len()))
    }

    /// `N errors, M warnings`, singular where 1.
    pub fn status(&self) -> String {
        use gradient_spec::diag::counted;
        format!(
            "{}, {}",
            counted(self.errors, "error"),
            counted(self.warnings, "warning")
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Ctrl+.: the fixes of the problems under the caret, and only there; each problem
    /// carries its spec path (the form field it leads to in Form view).
    #[test]
    fn fixes_at_lists_the_fixable_problems_under_the_caret() {
        let text = "image: x\nport: \"7860\"\nresources:\n  instanceType: C4\n";
        let a = Analysis::of(text);
        let at = text.find("7860").unwrap();
        let fixes = a.fixes_at(at);
        assert!(!fixes.is_empty(), "{:?}", a.problems);
        assert!(fixes
            .iter()
            .all(|p| p.rule == RuleId::PortRange && p.path == "port"));
        assert!(a.fixes_at(text.find("C4").unwrap()).is_empty());
    }

    #[test]
    fn status_uses_singular_for_one() {
        let a = Analysis {
            problems: vec![],
            errors: 1,
            warnings: 0,
        };
        assert_eq!(a.status(), "1 error, 0 warnings");
        let a = Analysis {
            problems: vec![],
            errors: 2,
            warnings: 1,
        };
        assert_eq!(a.status(), "2 errors, 1 warning");
    }

    #[test]
    fn a_syntax_error_is_located_in_characters() {
        let a = Analysis::of("name: \"日本\nimage: [x\n");
        let first = a
            .problems
            .iter()
            .find(|p| p.rule == RuleId::YamlSyntax)
            .expect("a syntax problem");
        assert_eq!(first.severity, Severity::Error);
        // The unclosed quote opens on line 1 after `name: ` (7 characters).
        assert_eq!((first.line, first.column), (1, 7));
        assert!(a.errors >= 1);
        assert!(first.label().starts_with(&format!(
            "{}:{} error yaml-syntax ",
            first.line, first.column
        )));
    }
}
