//! What the YAML layer's spans must satisfy, for the suites that include this file as
//! a module (`yaml_suite.rs`, `yaml_props.rs`): every node's span lies inside the text
//! on character boundaries, inside its parent's, in document order; and on a document
//! without syntax problems each key and value slices to what it resolves to (a plain or
//! quoted scalar to its words, a block scalar to its header and lines, an alias to
//! `*name`, a flow collection to its brackets). On its own it checks a few documents.

use gradient_spec::yaml::{Document, Node, ScalarStyle, Value};

/// The span is inside the text, on character boundaries.
fn inside(node: &Node, text: &str) -> Result<(), String> {
    let s = node.span;
    if s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
    {
        Ok(())
    } else {
        Err(format!(
            "node span {s:?} outside the text ({} bytes)",
            text.len()
        ))
    }
}

/// Every span of the tree lies inside the text, on character boundaries (for any
/// input, broken or not).
pub fn spans_ok(node: &Node, text: &str) -> Result<(), String> {
    inside(node, text)?;
    match &node.value {
        Value::Mapping(m) => m.entries.iter().try_for_each(|e| {
            spans_ok(&e.key, text)?;
            spans_ok(&e.value, text)
        }),
        Value::Sequence(q) => q.items.iter().try_for_each(|n| spans_ok(n, text)),
        _ => Ok(()),
    }
}

/// The words of `s` (what survives YAML's line folding and indentation).
fn words(s: &str) -> Vec<&str> {
    s.split_whitespace().collect()
}

/// Checks the whole tree of a document without syntax problems; the number of nodes
/// checked.
pub fn spans_slice_to_values(doc: &Document) -> Result<usize, String> {
    let Some(root) = &doc.root else {
        return Ok(0);
    };
    let mut n = 0;
    node(root, &doc.text, None, &mut n).map_err(|e| format!("{e}\nin {:?}", doc.text))?;
    Ok(n)
}

fn node(
    node_: &Node,
    text: &str,
    parent: Option<(usize, usize)>,
    n: &mut usize,
) -> Result<(), String> {
    inside(node_, text)?;
    *n += 1;
    let s = node_.span;
    let slice = s.slice(text);
    let at = || format!("{s:?} {slice:?}");
    if let Some((start, end)) = parent {
        if s.start < start || s.end > end {
            return Err(format!("{} outside its parent {start}..{end}", at()));
        }
    }
    let within = Some((s.start, s.end));
    match &node_.value {
        Value::Scalar(sc) => {
            let ok = match sc.style {
                _ if slice.is_empty() => sc.text.is_empty(),
                ScalarStyle::Plain => words(slice) == words(&sc.text),
                ScalarStyle::SingleQuoted => {
                    slice.len() >= 2
                        && slice.starts_with('\'')
                        && slice.ends_with('\'')
                        && words(&slice[1..slice.len() - 1].replace("''", "'")) == words(&sc.text)
                }
                ScalarStyle::DoubleQuoted => {
                    let inner = slice.get(1..slice.len().saturating_sub(1)).unwrap_or("");
                    slice.len() >= 2
                        && slice.starts_with('"')
                        && slice.ends_with('"')
                        && (inner.contains('\\') || words(inner) == words(&sc.text))
                }
                ScalarStyle::Literal | ScalarStyle::Folded => {
                    let indicator = if sc.style == ScalarStyle::Literal {
                        '|'
                    } else {
                        '>'
                    };
                    let body = slice.find(['\n', '\r']).map_or("", |i| &slice[i..]);
                    slice.starts_with(indicator) && words(body) == words(&sc.text)
                }
            };
            if !ok {
                return Err(format!(
                    "{} does not slice to its value {:?} ({:?})",
                    at(),
                    sc.text,
                    sc.style
                ));
            }
        }
        Value::Alias(name) => {
            if slice != format!("*{name}") {
                return Err(format!("{} is not the alias *{name}", at()));
            }
        }
        Value::Mapping(m) => {
            if m.flow && !(slice.starts_with('{') && slice.ends_with('}')) {
                return Err(format!("{}: a flow mapping without its braces", at()));
            }
            let mut last = s.start;
            for e in &m.entries {
                if e.span.start < last || e.span.end > s.end {
                    return Err(format!(
                        "entry {:?} out of order or outside {}",
                        e.span,
                        at()
                    ));
                }
                if e.key.span.start < e.span.start || e.value.span.end > e.span.end {
                    return Err(format!(
                        "entry {:?} does not hold its key and value",
                        e.span
                    ));
                }
                node(&e.key, text, within, n)?;
                node(&e.value, text, within, n)?;
                last = e.span.end;
            }
        }
        Value::Sequence(q) => {
            if q.flow && !(slice.starts_with('[') && slice.ends_with(']')) {
                return Err(format!("{}: a flow list without its brackets", at()));
            }
            let mut last = s.start;
            for item in &q.items {
                if item.span.start < last {
                    return Err(format!("item {:?} out of order in {}", item.span, at()));
                }
                node(item, text, within, n)?;
                last = item.span.end;
            }
        }
    }
    Ok(())
}

#[test]
fn spans_of_a_small_document_slice_to_their_values() {
    let text = "a: &x 1\nb: 'it''s'\nc: |\n  line\nd: [*x, \"q\"]\ne:\n  - plain\n    words\n";
    let doc = gradient_spec::yaml::parse(text);
    assert_eq!(spans_slice_to_values(&doc), Ok(14));
}
