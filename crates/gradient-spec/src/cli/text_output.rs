//! Compiler-style text output: `file:line:col: severity[rule]: message`, then the
//! source line and a caret underline, so editors and CI logs can jump to the place.
//! Columns count characters (what people and editors count), not bytes.

use gradient_spec::text::LineIndex;
use gradient_spec::Diagnostic;
use std::fmt::Write;

/// The most characters of a source line shown under a diagnostic.
const MAX_SHOWN: usize = 160;

/// The lines for one diagnostic, each ending with a line break.
pub fn render(name: &str, text: &str, index: &LineIndex, d: &Diagnostic) -> String {
    let start = index.position(d.span.start);
    let end = index.position(d.span.end);
    let mut out = format!(
        "{name}:{}:{}: {}[{}]: {}\n",
        start.line,
        start.column,
        d.severity.as_str(),
        d.rule,
        d.message
    );
    let line_start = index.line_start(start.line);
    let line = text.get(line_start..).unwrap_or("");
    let line = line.split('\n').next().unwrap_or("").trim_end_matches('\r');
    let number = start.line.to_string();
    let gutter = " ".repeat(number.len());
    // A window of the line around the span: a minified or binary-like line can be
    // megabytes long.
    let line_len = line.chars().count();
    let from = start.column.saturating_sub(1).min(line_len);
    let to = if end.line == start.line {
        end.column.saturating_sub(1)
    } else {
        line_len
    };
    let lo = if line_len > MAX_SHOWN && from > MAX_SHOWN / 2 {
        from - MAX_SHOWN / 4
    } else {
        0
    };
    let hi = (lo + MAX_SHOWN).min(line_len);
    let shown: String = line.chars().skip(lo).take(hi - lo).collect();
    let (before, after) = (
        if lo > 0 { "…" } else { "" },
        if hi < line_len { "…" } else { "" },
    );
    let _ = writeln!(out, " {number} | {before}{shown}{after}");
    // Under the span on its first line (to the line's end when it runs on); tabs are
    // kept so the carets line up however the terminal shows them.
    let pad: String = before
        .chars()
        .map(|_| ' ')
        .chain(
            shown
                .chars()
                .take(from - lo)
                .map(|c| if c == '\t' { '\t' } else { ' ' }),
        )
        .collect();
    let width = to.min(hi).saturating_sub(from).max(1);
    let _ = writeln!(out, " {gutter} | {pad}{}", "^".repeat(width));
    if !d.path.is_empty() {
        let _ = writeln!(out, " {gutter} = at: {}", d.path);
    }
    if let Some(fix) = &d.fix {
        let how = match fix.applicability {
            gradient_spec::Applicability::Safe => "fix",
            gradient_spec::Applicability::Unsafe => "fix (unsafe, `fix --unsafe`)",
            gradient_spec::Applicability::Display => "suggestion",
        };
        let _ = writeln!(out, " {gutter} = {how}: {}", fix.title);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use gradient_spec::RuleId;
    use gradient_spec::{Severity, Span};

    #[test]
    fn underlines_in_characters() {
        let text = "a: 1\nname: \"日本\" x\n";
        let at = text.find('x').unwrap();
        let d = Diagnostic::new(
            RuleId::YamlSyntax,
            Severity::Error,
            Span::new(at, at + 1),
            "name",
            "bad",
        );
        let out = render("f.yaml", text, &LineIndex::new(text), &d);
        assert_eq!(out, "f.yaml:2:12: error[yaml-syntax]: bad\n 2 | name: \"日本\" x\n   |            ^\n   = at: name\n");
    }

    #[test]
    fn multi_line_spans_run_to_the_line_end_and_tabs_are_kept() {
        let text = "\tkey: [a,\n  b]\n";
        let at = text.find('[').unwrap();
        let d = Diagnostic::new(
            RuleId::WrongType,
            Severity::Warning,
            Span::new(at, text.len() - 1),
            "",
            "m",
        );
        let out = render("-", text, &LineIndex::new(text), &d);
        assert!(
            out.ends_with(" 1 | \tkey: [a,\n   | \t     ^^^\n"),
            "{out:?}"
        );
    }

    #[test]
    fn long_lines_are_shown_as_a_window_around_the_span() {
        let text = format!("a: {}X{}\n", "x".repeat(1000), "y".repeat(1000));
        let at = text.find('X').unwrap();
        let d = Diagnostic::new(
            RuleId::YamlSyntax,
            Severity::Error,
            Span::new(at, at + 1),
            "",
            "m",
        );
        let out = render("f", &text, &LineIndex::new(&text), &d);
        let lines: Vec<&str> = out.lines().collect();
        assert!(lines[1].chars().count() < 200, "{}", lines[1]);
        let caret = lines[2].chars().position(|c| c == '^').unwrap();
        assert_eq!(lines[1].chars().nth(caret), Some('X'));
    }

    #[test]
    fn empty_span_at_the_end_gets_one_caret() {
        let text = "a: [";
        let d = Diagnostic::new(RuleId::YamlSyntax, Severity::Error, Span::at(4), "", "m");
        let out = render("f", text, &LineIndex::new(text), &d);
        assert!(out.ends_with(" 1 | a: [\n   |     ^\n"), "{out:?}");
    }
}
