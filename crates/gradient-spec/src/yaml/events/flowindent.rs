//! YAML requires the lines of a flow collection (`[…]`, `{…}`) written inside a block
//! collection to be indented past that block (`s-flow-line-prefix(n)`: suite case
//! 9C9N). saphyr-parser checks it for a mapping's value only; under a list item
//! (`- {a\n}`) or on a key's later lines it lets a line at the block's own indentation
//! through, where yaml-edit refuses it (found by the differential fuzz target). The
//! layer reports each such line at its first character. Blank and comment-only lines
//! may stand anywhere.

use crate::diag::{Diagnostic, Severity, Span};
use crate::yaml::{Node, Value};
use crate::RuleId;

/// One `yaml-syntax` problem per under-indented line of the flow collections in `node`
/// (`block`: the column of the block collection around it, `None` at the top).
pub(crate) fn check(node: &Node, text: &str, block: Option<usize>, diags: &mut Vec<Diagnostic>) {
    let flow = match &node.value {
        Value::Mapping(m) => m.flow,
        Value::Sequence(q) => q.flow,
        _ => return,
    };
    if flow {
        // Only the outermost flow collection: the lines inside it are its lines.
        if let Some(column) = block {
            lines_under(node.span, text, column + 1, diags);
        }
        return;
    }
    let here = Some(column_of(text, node.span.start));
    match &node.value {
        Value::Mapping(m) => {
            for e in &m.entries {
                check(&e.key, text, here, diags);
                check(&e.value, text, here, diags);
            }
        }
        Value::Sequence(q) => q.items.iter().for_each(|n| check(n, text, here, diags)),
        _ => {}
    }
}

/// The column of `at`: what stands before it on its line is indentation and ASCII
/// indicators, but for a byte order mark starting the text, which takes none.
fn column_of(text: &str, at: usize) -> usize {
    let b = text.as_bytes();
    let mut line = b[..at]
        .iter()
        .rposition(|&c| c == b'\n' || c == b'\r')
        .map_or(0, |i| i + 1);
    while text[line..at].starts_with('\u{feff}') {
        line += '\u{feff}'.len_utf8();
    }
    at - line
}

/// Reports the lines after the first of `span` whose content starts before `needed`.
fn lines_under(span: Span, text: &str, needed: usize, diags: &mut Vec<Diagnostic>) {
    let b = text.as_bytes();
    let mut p = span.start;
    while p < span.end {
        // The next line's start.
        match b[p..span.end]
            .iter()
            .position(|&c| c == b'\n' || c == b'\r')
        {
            Some(i) => p += i + 1,
            None => return,
        }
        if b.get(p) == Some(&b'\n') && b[p - 1] == b'\r' {
            p += 1;
        }
        if p >= span.end {
            return;
        }
        let spaces = b[p..].iter().take_while(|&&c| c == b' ').count();
        let first = p + spaces;
        let blank = matches!(b.get(first), None | Some(b'\n' | b'\r' | b'#'))
            || (b[first] == b'\t'
                && b[first..]
                    .iter()
                    .find(|&&c| c != b' ' && c != b'\t')
                    .is_none_or(|&c| matches!(c, b'\n' | b'\r' | b'#')));
        if !blank && spaces < needed {
            let mut end = first + 1;
            while !text.is_char_boundary(end) {
                end += 1;
            }
            diags.push(Diagnostic::new(
                RuleId::YamlSyntax,
                Severity::Error,
                Span::new(first, end.min(text.len())),
                "",
                "this line goes on with a `[…]` or `{…}` written in a block; indent it past the key or `-` the collection belongs to",
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::yaml::events::parse;

    #[test]
    fn a_flow_collections_lines_are_indented_past_its_block() {
        for (text, at) in [
            ("- {a: 1\n}\n", "}"),
            ("- k: {a: 1,\n  b: 2}\n", "b"),
            ("a:\n  b: [x,\n  y]\n", "y"),
        ] {
            let doc = parse(text);
            let found: Vec<&str> = doc
                .syntax_diagnostics
                .iter()
                .filter(|d| d.rule == "yaml-syntax")
                .map(|d| d.span.slice(text))
                .collect();
            assert_eq!(found, [at], "{text:?}: {:?}", doc.syntax_diagnostics);
        }
        for text in [
            "[a,\nb]\n",
            "- {a: 1\n  }\n",
            "k: [a,\n\n# c\n  b]\n",
            "a:\n  b: [x,\n   y]\n",
            "- [a,\r\n  b]\r\n",
            "\u{feff}k: [a,\n  b]\n",
        ] {
            let doc = parse(text);
            assert!(
                doc.syntax_diagnostics.is_empty(),
                "{text:?}: {:?}",
                doc.syntax_diagnostics
            );
        }
    }
}
