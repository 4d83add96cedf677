//! Compiler-style text output: `file:line:col: severity[rule]: message`, then the
//! source line and a caret underline, so editors and CI logs can jump to the place.
//! Columns count characters (what people and editors count), not bytes.

use gradient_spec::text::LineIndex;
use gradient_spec::Diagnostic;
use std::fmt::Write;

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
    let _ = writeln!(out, " {number} | {line}");
    // Under the span on its first line (to the line's end when it runs on); tabs are
    // kept so the carets line up however the terminal shows them.
    let chars: Vec<char> = line.chars().collect();
    let from = start.column.saturating_sub(1).min(chars.len());
    let to = if end.line == start.line {
        end.column.saturating_sub(1)
    } else {
        chars.len()
    };
    let width = to.saturating_sub(from).max(1);
    let pad: String = chars[..from]
        .iter()
        .map(|&c| if c == '\t' { '\t' } else { ' ' })
        .collect();
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
    use gradient_spec::{Severity, Span};

    #[test]
    fn underlines_in_characters() {
        let text = "a: 1\nname: \"日本\" x\n";
        let at = text.find('x').unwrap();
        let d = Diagnostic::new(
            "yaml-syntax",
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
            "wrong-type",
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
    fn empty_span_at_the_end_gets_one_caret() {
        let text = "a: [";
        let d = Diagnostic::new("yaml-syntax", Severity::Error, Span::at(4), "", "m");
        let out = render("f", text, &LineIndex::new(text), &d);
        assert!(out.ends_with(" 1 | a: [\n   |     ^\n"), "{out:?}");
    }
}
