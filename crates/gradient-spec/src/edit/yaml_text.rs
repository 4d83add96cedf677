//! Everything an operation needs to know about the current text, computed once: the
//! spanned tree, where the comments are, the line ending and the indentation in use.
//! One parse gives them all: the comments come from the same tree
//! ([`events::comment_spans`]), not from a second parse.

use super::error::EditError;
use super::lines::{column, indent_of, line_at};
use super::render::Layout;
use crate::diag::Span;
use crate::yaml::{self, events, Document, Node, Value, MAX_INPUT_BYTES};

/// The YAML text an operation edits, read once: its tree, comments and layout.
pub(crate) struct YamlText<'a> {
    pub text: &'a str,
    pub doc: Document,
    /// Byte ranges of every `# comment`, in order.
    pub comments: Vec<Span>,
    pub lay: Layout,
}

impl<'a> YamlText<'a> {
    pub(super) fn new(text: &'a str) -> Result<Self, EditError> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(EditError::unsupported("the document is too large to edit"));
        }
        let doc = yaml::parse(text);
        let comments = events::comment_spans(&doc);
        let lay = detect_layout(text, doc.root.as_ref());
        Ok(YamlText {
            text,
            doc,
            comments,
            lay,
        })
    }

    /// Whether the line starting at `line_start` holds only a comment.
    pub(super) fn is_comment_line(&self, line_start: usize) -> bool {
        let at = line_start + indent_of(line_at(self.text, line_start));
        self.comments.binary_search_by_key(&at, |c| c.start).is_ok()
    }

    /// The comments that start inside `span`.
    pub(super) fn comments_in(&self, span: Span) -> impl Iterator<Item = &Span> {
        self.comments
            .iter()
            .filter(move |c| c.start >= span.start && c.start < span.end)
    }
}

/// The indentation the document already uses (2 and indented lists when it shows
/// none), so inserted sections look like their neighbours.
fn detect_layout(text: &str, root: Option<&Node>) -> Layout {
    let mut unit = None;
    let mut seq_indent = None;
    if let Some(root) = root {
        scan(text, root, &mut unit, &mut seq_indent, 0);
    }
    Layout {
        unit: unit.filter(|u| (1..=8).contains(u)).unwrap_or(2),
        seq_indent: seq_indent.unwrap_or(true),
        eol: super::lines::eol_of(text),
    }
}

fn scan(
    text: &str,
    node: &Node,
    unit: &mut Option<usize>,
    seq_indent: &mut Option<bool>,
    depth: usize,
) {
    if (unit.is_some() && seq_indent.is_some()) || depth > 64 {
        return;
    }
    match &node.value {
        Value::Mapping(m) if !m.flow => {
            for e in &m.entries {
                let key_col = column(text, e.key.span.start);
                match &e.value.value {
                    Value::Mapping(child) if !child.flow && !child.entries.is_empty() => {
                        let col = column(text, child.entries[0].key.span.start);
                        if unit.is_none() && col > key_col {
                            *unit = Some(col - key_col);
                        }
                    }
                    Value::Sequence(child) if !child.flow && !child.items.is_empty() => {
                        let col = column(text, e.value.span.start);
                        if seq_indent.is_none() && col >= key_col {
                            *seq_indent = Some(col > key_col);
                        }
                    }
                    _ => {}
                }
                scan(text, &e.value, unit, seq_indent, depth + 1);
            }
        }
        Value::Sequence(s) if !s.flow => {
            for item in &s.items {
                scan(text, item, unit, seq_indent, depth + 1);
            }
        }
        _ => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::edit::{append_item, format, insert_key, move_item, remove, set_scalar, NewValue};
    use crate::path::SpecPath;
    use crate::yaml::events::PARSES;

    /// The parses `f` costs on this thread.
    fn parses(f: impl FnOnce()) -> usize {
        PARSES.with(|n| n.set(0));
        f();
        PARSES.with(|n| n.get())
    }

    /// A form change parses the text once (tree, comments and layout from the same
    /// parse) and its result once (the check); before the switch it also parsed the
    /// text a second time with yaml-edit for the comments.
    #[test]
    fn a_form_change_parses_the_text_once_and_its_result_once() {
        let text = "# spec\nimage: x # the image\nport: 8000\nenv:\n  - name: A\n    value: b\n  - name: B\n    value: c\n";
        let p = |s: &str| SpecPath::parse(s).unwrap();
        let counts = [
            parses(|| drop(set_scalar(text, &p("port"), &NewValue::Int(8080)).unwrap())),
            parses(|| drop(insert_key(text, &p(""), "name", &NewValue::str("app")).unwrap())),
            parses(|| {
                drop(
                    append_item(
                        text,
                        &p("env"),
                        &NewValue::map([("name", NewValue::str("C"))]),
                    )
                    .unwrap(),
                )
            }),
            parses(|| drop(remove(text, &p("env[0]")).unwrap())),
            parses(|| drop(move_item(text, &p("env"), 0, 1).unwrap())),
            parses(|| drop(format(text).unwrap())),
        ];
        assert_eq!(counts, [2; 6]);
    }
}
