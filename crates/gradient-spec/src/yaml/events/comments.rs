//! Where the comments are, from the tree the parse already made: a `#` at a line start
//! or after a space or tab, outside the scalars whose content may hold one (quoted and
//! block scalars), runs to the end of its line. The edits need this to keep comments,
//! and get it from the parse they already made (no second parse).

use crate::diag::Span;
use crate::yaml::{Document, Node, ScalarStyle, Value};

/// The byte ranges of every `# comment` in the document's text, in order.
pub fn comment_spans(doc: &Document) -> Vec<Span> {
    let text = doc.text.as_bytes();
    let mut skip = Vec::new();
    if let Some(root) = &doc.root {
        opaque(root, text, &mut skip);
    }
    skip.sort_by_key(|s| s.start);
    let mut out = Vec::new();
    let mut next_skip = skip.iter().peekable();
    let mut p = 0;
    while p < text.len() {
        while next_skip.peek().is_some_and(|s| s.end <= p) {
            next_skip.next();
        }
        if let Some(s) = next_skip.peek().filter(|s| s.start <= p) {
            p = s.end;
            continue;
        }
        if text[p] == b'#' && (p == 0 || matches!(text[p - 1], b' ' | b'\t' | b'\n' | b'\r')) {
            let mut end = p;
            while end < text.len() && text[end] != b'\n' {
                end += 1;
            }
            if end > p && text[end - 1] == b'\r' {
                end -= 1;
            }
            out.push(Span::new(p, end));
            p = end;
            continue;
        }
        p += 1;
    }
    out
}

/// The spans of the scalars a `#` inside of is content: quoted scalars whole, block
/// scalars from the line after their header (a comment may follow the header).
fn opaque(node: &Node, text: &[u8], out: &mut Vec<Span>) {
    match &node.value {
        Value::Scalar(s) => match s.style {
            ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => out.push(node.span),
            ScalarStyle::Literal | ScalarStyle::Folded => {
                let header_line_end = text[node.span.start..node.span.end]
                    .iter()
                    .position(|&c| c == b'\n')
                    .map_or(node.span.end, |i| node.span.start + i);
                out.push(Span::new(header_line_end, node.span.end));
            }
            ScalarStyle::Plain => out.push(node.span),
        },
        Value::Mapping(m) => {
            for e in &m.entries {
                opaque(&e.key, text, out);
                opaque(&e.value, text, out);
            }
        }
        Value::Sequence(q) => q.items.iter().for_each(|n| opaque(n, text, out)),
        Value::Alias(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use super::comment_spans;
    use crate::yaml::events::parse;

    fn comments(text: &str) -> Vec<&str> {
        comment_spans(&parse(text))
            .iter()
            .map(|s| s.slice(text))
            .collect()
    }

    #[test]
    fn comments_outside_scalars_are_found() {
        let text =
            "# top\na: \"x # no\" # yes\nb: |  # header\n  # content\n  text\n# after\nc: d#e\n";
        assert_eq!(comments(text), ["# top", "# yes", "# header", "# after"]);
    }
}
