//! `gradient-spec fix`: applies the rules' fixes in place. Safe fixes always, unsafe
//! ones with `--unsafe`, display-only ones never. Each pass applies every fix that
//! does not overlap one already chosen, then the text is checked again, until nothing
//! is left to fix (at most [`MAX_PASSES`] passes). A pass that would add syntax
//! errors is dropped, and a file with syntax errors is not touched (fixes computed on
//! a tree that only partly parsed could land in the wrong place).

use super::{input, summary, EXIT_OK, EXIT_PROBLEMS, EXIT_TROUBLE};
use gradient_spec::diag::apply_edits;
use gradient_spec::text::LineIndex;
use gradient_spec::RuleId;
use gradient_spec::{Applicability, Diagnostic, Format, Severity, Span, TextEdit};
use std::ffi::OsString;

/// Fixes can enable other fixes; this bounds the loop should two fixes undo each other.
pub const MAX_PASSES: usize = 10;

/// One fix that was applied, for the report.
pub struct Applied {
    pub line: usize,
    pub column: usize,
    pub rule: RuleId,
    pub title: String,
}

pub fn run(files: &[OsString], unsafe_fixes: bool) -> i32 {
    let mut trouble = false;
    let mut errors_left = false;
    for path in files {
        let input = match input::read(path) {
            Ok(i) => i,
            Err(msg) => {
                eprintln!("gradient-spec: {msg}");
                trouble = true;
                continue;
            }
        };
        let named = (!input::is_stdin(path)).then_some(input.name.as_str());
        let format = Format::of_document(named, &input.text);
        let (fixed, applied, left) = if format == Format::Yaml {
            fix_text(&input.text, unsafe_fixes)
        } else {
            fix_text_as(&input.text, format, unsafe_fixes)
        };
        let to_stdout = input::is_stdin(path);
        for a in &applied {
            let line = format!(
                "{}:{}:{}: fixed [{}] {}",
                input.name, a.line, a.column, a.rule, a.title
            );
            if to_stdout {
                eprintln!("{line}");
            } else {
                println!("{line}");
            }
        }
        if to_stdout {
            print!("{fixed}");
        } else if fixed != input.text {
            if let Err(e) = std::fs::write(path, &fixed) {
                eprintln!("gradient-spec: {}: cannot write: {e}", input.name);
                trouble = true;
                continue;
            }
        }
        errors_left |= left.iter().any(|d| d.severity == Severity::Error);
        let why = if syntax_errors(&left) > 0 {
            " (syntax errors: fix those first, see `gradient-spec lint`)"
        } else {
            ""
        };
        let note = format!(
            "{}: {} fix{} applied; left: {}{why}",
            input.name,
            applied.len(),
            if applied.len() == 1 { "" } else { "es" },
            summary(&left)
        );
        if to_stdout {
            eprintln!("{note}");
        } else {
            println!("{note}");
        }
    }
    if trouble {
        EXIT_TROUBLE
    } else if errors_left {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    }
}

/// Applies fixes to `text` pass by pass; returns the new text, what was applied
/// (positions in the text of the pass that applied it) and the problems left.
pub fn fix_text(text: &str, unsafe_fixes: bool) -> (String, Vec<Applied>, Vec<Diagnostic>) {
    let mut current = text.to_string();
    let mut report = gradient_spec::check(&current).diagnostics;
    let mut applied = Vec::new();
    for _ in 0..MAX_PASSES {
        if syntax_errors(&report) > 0 {
            break;
        }
        let chosen = choose(&report, unsafe_fixes);
        let edits: Vec<TextEdit> = chosen
            .iter()
            .flat_map(|d| d.fix.iter().flat_map(|f| f.edits.clone()))
            .collect();
        let Some(next) = apply_edits(&current, &edits).filter(|next| *next != current) else {
            break;
        };
        let next_report = gradient_spec::check(&next).diagnostics;
        // A pass whose result no longer parses is refused whole.
        if syntax_errors(&next_report) > 0 {
            break;
        }
        let index = LineIndex::new(&current);
        for d in chosen {
            let p = index.position(d.span.start);
            let title = d.fix.as_ref().map(|f| f.title.clone()).unwrap_or_default();
            applied.push(Applied {
                line: p.line,
                column: p.column,
                rule: d.rule,
                title,
            });
        }
        current = next;
        report = next_report;
    }
    (current, applied, report)
}

/// [`fix_text`] for a JSON or JSONC document: one fix at a time, each made with JSON
/// edits by the core (`apply_fix_as`), so the file stays valid in its own format.
pub fn fix_text_as(
    text: &str,
    format: Format,
    unsafe_fixes: bool,
) -> (String, Vec<Applied>, Vec<Diagnostic>) {
    let mut current = text.to_string();
    let mut report = gradient_spec::check_as(&current, format);
    let mut applied = Vec::new();
    for _ in 0..MAX_PASSES * 10 {
        if syntax_errors(&report.diagnostics) > 0 {
            break;
        }
        let chosen = choose(&report.diagnostics, unsafe_fixes);
        let Some((d, next)) = chosen.into_iter().find_map(|d| {
            let fix = d.fix.as_ref()?;
            let next = gradient_spec::apply_fix_as(&current, format, &report, fix)?;
            (next != current).then_some((d, next))
        }) else {
            break;
        };
        let p = LineIndex::new(&current).position(d.span.start);
        applied.push(Applied {
            line: p.line,
            column: p.column,
            rule: d.rule,
            title: d.fix.as_ref().map(|f| f.title.clone()).unwrap_or_default(),
        });
        current = next;
        report = gradient_spec::check_as(&current, format);
    }
    (current, applied, report.diagnostics)
}

fn syntax_errors(diags: &[Diagnostic]) -> usize {
    diags
        .iter()
        .filter(|d| d.rule == RuleId::YamlSyntax)
        .count()
}

/// The diagnostics whose fixes to apply in one pass: allowed by `unsafe_fixes`, in
/// document order, each skipped when one of its edits overlaps an edit already chosen.
pub fn choose(diags: &[Diagnostic], unsafe_fixes: bool) -> Vec<&Diagnostic> {
    let mut taken: Vec<Span> = Vec::new();
    let mut chosen = Vec::new();
    for d in diags {
        let Some(fix) = &d.fix else { continue };
        let allowed = match fix.applicability {
            Applicability::Safe => true,
            Applicability::Unsafe => unsafe_fixes,
            Applicability::Display => false,
        };
        if !allowed || fix.edits.is_empty() {
            continue;
        }
        if fix
            .edits
            .iter()
            .any(|e| taken.iter().any(|t| overlaps(e.span, *t)))
        {
            continue;
        }
        taken.extend(fix.edits.iter().map(|e| e.span));
        chosen.push(d);
    }
    chosen
}

/// Whether two edits touch the same bytes (two insertions at one place count: their
/// order would be a guess).
fn overlaps(a: Span, b: Span) -> bool {
    (a.start < b.end && b.start < a.end) || (a.start == b.start && (a.is_empty() || b.is_empty()))
}

#[cfg(test)]
mod tests {
    use super::*;
    use gradient_spec::Fix;

    fn d(at: usize, end: usize, insert: &str, applicability: Applicability) -> Diagnostic {
        Diagnostic::new(RuleId::Env, Severity::Warning, Span::new(at, end), "", "m").with_fix(Fix {
            title: format!("put {insert}"),
            edits: vec![TextEdit::replace(Span::new(at, end), insert)],
            applicability,
        })
    }

    #[test]
    fn overlapping_fixes_wait_for_the_next_pass() {
        let diags = [
            d(0, 4, "a", Applicability::Safe),
            d(2, 6, "b", Applicability::Safe),
            d(6, 8, "c", Applicability::Safe),
            d(9, 9, "x", Applicability::Safe),
            d(9, 9, "y", Applicability::Safe),
        ];
        let titles: Vec<String> = choose(&diags, false)
            .iter()
            .map(|d| d.fix.as_ref().unwrap().title.clone())
            .collect();
        assert_eq!(titles, ["put a", "put c", "put x"]);
    }

    #[test]
    fn unsafe_fixes_need_the_flag_and_display_ones_never_apply() {
        let diags = [
            d(0, 1, "u", Applicability::Unsafe),
            d(2, 3, "v", Applicability::Display),
        ];
        assert!(choose(&diags, false).is_empty());
        assert_eq!(choose(&diags, true).len(), 1);
    }

    #[test]
    fn broken_yaml_is_not_fixed() {
        let (text, applied, left) = fix_text("a: [\nb: 1\n", true);
        assert!(!left.is_empty());
        assert_eq!(text, "a: [\nb: 1\n");
        assert!(applied.is_empty());
    }

    const SPOTLESS: &str = "apiVersion: v1\nname: a\nenabled: true\nimage: x\nresources:\n  machineType: C4\n  ports: [80]\n";

    #[test]
    fn text_without_fixes_is_unchanged() {
        let (text, applied, left) = fix_text(SPOTLESS, true);
        assert_eq!(text, SPOTLESS);
        assert!(applied.is_empty() && left.is_empty());
    }

    #[test]
    fn safe_fixes_apply_and_unsafe_ones_wait_for_the_flag() {
        let quoted = "apiVersion: v0alpha0\nenabled: true\nimage: x\nport: \"8080\"\nresources:\n  instanceType: C4\nrepositories:\n  dataset: d\n  mountPath: opt/repos\n  repositories:\n    - url: https://example.com/r.git\n      name: r\n";
        let (text, applied, left) = fix_text(quoted, false);
        assert!(text.contains("port: 8080\n"), "{text}");
        assert!(
            text.contains("mountPath: opt/repos"),
            "the unsafe fix waits: {text}"
        );
        assert!(!applied.is_empty() && !left.is_empty());
        let (text, _, _) = fix_text(quoted, true);
        assert!(text.contains("mountPath: /opt/repos"), "{text}");
    }
}
