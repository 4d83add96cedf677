//! Everything an operation needs to know about the current text, computed once: the
//! spanned tree, where the comments are, the line ending and the indentation in use.
//! One parse gives them all: the comments come from the same tree
//! ([`events::comment_spans`]), not from a second parse.

use super::error::EditError;
use super::lines::{column, indent_of, line_at};
use super::render::Layout;
use crate::diag::Span;
use crate::diag::TextEdit;
use crate::yaml::{self, events, Document, Node, Value, MAX_INPUT_BYTES};
use std::cell::RefCell;

/// Parses `text` and runs `op` on it: the by-text form of every operation.
pub(crate) fn on_text(
    text: &str,
    op: impl FnOnce(&YamlText) -> Result<Vec<TextEdit>, EditError>,
) -> Result<Vec<TextEdit>, EditError> {
    if text.len() > MAX_INPUT_BYTES {
        return Err(EditError::unsupported("the document is too large to edit"));
    }
    let doc = yaml::parse(text);
    op(&YamlText::new(&doc)?)
}

pub(crate) struct YamlText<'a> {
    pub text: &'a str,
    /// The parse of `text` the caller already has (the check's): never parsed again.
    pub doc: &'a Document,
    /// Byte ranges of every `# comment`, in order.
    pub comments: Vec<Span>,
    pub lay: Layout,
    /// The parse of the result the verification last accepted, handed to the caller
    /// so the check of the new text does not parse it again.
    pub accepted: RefCell<Option<Document>>,
}

impl<'a> YamlText<'a> {
    pub(super) fn new(doc: &'a Document) -> Result<Self, EditError> {
        let text = doc.text.as_str();
        if text.len() > MAX_INPUT_BYTES {
            return Err(EditError::unsupported("the document is too large to edit"));
        }
        let comments = events::comment_spans(doc);
        let lay = detect_layout(text, doc.root.as_ref());
        Ok(YamlText {
            text,
            doc,
            comments,
            lay,
            accepted: RefCell::new(None),
        })
    }

    /// Runs `op` on this parse: its edits, and the parse of their result when the
    /// verification accepted one.
    pub(super) fn run(
        &self,
        op: impl FnOnce(&YamlText) -> Result<Vec<TextEdit>, EditError>,
    ) -> Result<super::Edited, EditError> {
        let edits = op(self)?;
        let after = self.accepted.borrow_mut().take();
        Ok(super::Edited { edits, after })
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
    use crate::edit::{editing, format, NewValue};
    use crate::parse_counter::parses_in;
    use crate::path::SpecPath;
    use crate::Format;

    /// A form change on the check's parse costs one parse: its verification's parse of
    /// the result, which the check of the new text then starts from (`check_parsed`).
    #[test]
    fn a_change_on_a_parsed_text_parses_only_its_result_and_the_check_reuses_it() {
        let yaml = "# spec\nimage: x # the image\nport: 8000\nenv:\n  - name: A\n    value: b\n  - name: B\n    value: c\n";
        let json = "{\n  \"image\": \"x\",\n  \"port\": 8000,\n  \"env\": [\n    {\"name\": \"A\", \"value\": \"b\"},\n    {\"name\": \"B\", \"value\": \"c\"}\n  ]\n}\n";
        let p = |s: &str| SpecPath::parse(s).unwrap();
        for (text, f) in [
            (yaml, Format::Yaml),
            (json, Format::Json),
            (json, Format::Jsonc),
        ] {
            let doc = crate::parse_as(text, f);
            let e = editing(&doc, f);
            let ops: Vec<Box<dyn Fn() -> crate::edit::Edited>> = vec![
                Box::new(|| e.set_scalar(&p("port"), &NewValue::Int(8080)).unwrap()),
                Box::new(|| e.insert_key(&p(""), "name", &NewValue::str("app")).unwrap()),
                Box::new(|| {
                    e.append_item(&p("env"), &NewValue::map([("name", NewValue::str("C"))]))
                        .unwrap()
                }),
                Box::new(|| e.remove(&p("env[0]")).unwrap()),
                Box::new(|| e.move_item(&p("env"), 0, 1).unwrap()),
                Box::new(|| e.rename_key(&p("port"), "ports").unwrap()),
                Box::new(|| e.wrap_in_list(&p("port")).unwrap()),
            ];
            for (i, op) in ops.iter().enumerate() {
                let mut edited = None;
                let n = parses_in(|| edited = Some(op()));
                assert_eq!(n, 1, "{f:?} operation {i}: one parse, of the result");
                let edited = edited.unwrap();
                let after = edited.after.expect("the verified result's parse");
                let expected = crate::diag::apply_edits(text, &edited.edits).unwrap();
                assert_eq!(after.text, expected, "{f:?} operation {i}");
                let fresh = crate::check_as(&expected, f).diagnostics;
                let mut reused = None;
                assert_eq!(parses_in(|| reused = Some(crate::check_parsed(after))), 0);
                assert_eq!(reused.unwrap().diagnostics, fresh, "{f:?} operation {i}");
            }
        }
        // Format, by text, parses the text and its result.
        assert_eq!(parses_in(|| drop(format(yaml).unwrap())), 2);
    }
}
