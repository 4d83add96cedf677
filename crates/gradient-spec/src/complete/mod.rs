//! Completion and field help at the caret, for the editor.
//!
//! The caret's place in the spec (its path, whether it is at a key or a value, what
//! is typed so far) comes from the text around it alone, never from a parse: text
//! being typed rarely parses, and a parse of a 5,000-line spec costs more than a
//! keystroke may. Only the document's shape needs the parse, so every entry point
//! that takes text has a twin that takes the shape or the app's parsed
//! [`Document`]: the app passes what it already has and never parses twice.
//!
//! - [`context_at`] / [`context_with`]: the [`CaretContext`].
//! - [`complete`] / [`complete_with`] / [`complete_doc`]: the [`Completion`] items
//!   and the [`FieldHelp`] of the field under the caret.
//! - [`shape_of`]: the shape completion offers, `None` while undecided.

mod caret;
mod flow;
mod items;
mod lines;
mod walk;

pub use items::{Completion, FieldHelp, Item, ItemKind};
pub use walk::MAX_SCAN_LINES;

use crate::diag::Span;
use crate::path::SpecPath;
use crate::rules::{declared_shape, detect_shape, Shape};
use crate::spec;
use crate::yaml::{Document, Node};

/// What the caret is on.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum CaretPosition {
    /// A key of a mapping, or where one can be typed (a blank line).
    Key,
    /// The value of a key.
    Value,
    /// An item of a list of scalars (`- 80`, `[80, 443]`), or where a new `- ` item
    /// goes (a blank line at the column of a list's `- `).
    ListItem,
    /// A comment, a block scalar, a quoted string spanning lines, or the indentation.
    Other,
}

/// The caret's place in the spec.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CaretContext {
    /// The path of the key or value under or before the caret, list items as
    /// indices; for a key being typed it ends with the whole key under the caret
    /// (`resources.inst`); on a blank line it is the mapping the key would join.
    pub path: SpecPath,
    /// The mapping or list that holds the key, value or item.
    pub parent: SpecPath,
    pub position: CaretPosition,
    /// What is typed of the key or value from its start to the caret (no quotes).
    pub prefix: String,
    /// The bytes a chosen item replaces: the whole key or value under the caret.
    pub replace: Span,
    /// The shape completion offers; `None` while undecided (both are offered).
    pub shape: Option<Shape>,
    /// How a chosen item is written at this place.
    pub(crate) style: Style,
    /// Keys already in the mapping at `parent`.
    pub(crate) siblings: Vec<String>,
    /// The `type` of the integration holding the caret.
    pub(crate) variant: Option<String>,
}

/// How an item is written at the caret.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Style {
    /// Column of the key being written (for the indentation of its children).
    pub key_col: usize,
    /// The line already has this key's `:`: insert the bare key.
    pub has_colon: bool,
    /// The caret follows `:` or `-` directly: insert a space first.
    pub space_before: bool,
    /// Inside `[ ]` or `{ }`: no line breaks.
    pub flow: bool,
    /// A new list item: insert `- ` first.
    pub new_item: bool,
    /// `\n` or `\r\n`, as the caret's line ends.
    pub newline: &'static str,
}

/// The caret's context in `text` at byte `offset` (clamped to the text and to a
/// character boundary). Parses `text` for its shape: the app, which has the parse
/// already, calls [`context_with`].
pub fn context_at(text: &str, offset: usize) -> CaretContext {
    context_with(text, offset, shape_of(&crate::yaml::parse(text)))
}

/// [`context_at`] for a document of a known shape (`None`: undecided). Never parses;
/// looks at the caret's line and scans at most [`MAX_SCAN_LINES`] lines around it.
pub fn context_with(text: &str, offset: usize, shape: Option<Shape>) -> CaretContext {
    caret::context(text, offset, shape)
}

/// Completion items and help at byte `offset` of `text`. Parses `text` once for its
/// shape; the app calls [`complete_doc`] with the document it has parsed already.
pub fn complete(text: &str, offset: usize) -> Completion {
    complete_doc(&crate::yaml::parse(text), offset)
}

/// [`complete`] with the app's parsed document (no second parse).
pub fn complete_doc(doc: &Document, offset: usize) -> Completion {
    complete_with(&doc.text, offset, shape_of(doc))
}

/// [`complete`] for a document of a known shape (`None`: undecided).
pub fn complete_with(text: &str, offset: usize, shape: Option<Shape>) -> Completion {
    items::complete(context_with(text, offset, shape))
}

/// The shape completion offers for a document, or `None` while undecided.
///
/// An explicit `apiVersion` (`v1`, `v0alpha1`, `v0alpha0`) or a Paperspace `$schema`
/// URL naming a version decides, as in [`detect_shape`]; otherwise the fields only
/// one shape has vote, and a tie (which `detect_shape` calls legacy, for validation)
/// stays undecided here, so a new or empty spec is offered the keys of both shapes. A root that is not a mapping is
/// undecided too.
pub fn shape_of(doc: &Document) -> Option<Shape> {
    let root = doc.root.as_ref()?.as_mapping()?;
    if let Some(shape) = declared_shape(root) {
        return Some(shape);
    }
    let mut votes = (0, 0);
    let mut count = |parent: &str, key: &str| {
        if let Some(f) = spec::field_by_pattern(&spec::join(parent, key), None) {
            match (f.shapes.legacy, f.shapes.v1) {
                (true, false) => votes.0 += 1,
                (false, true) => votes.1 += 1,
                _ => {}
            }
        }
    };
    let keys = |m: &crate::yaml::Mapping| -> Vec<String> {
        m.entries
            .iter()
            .filter_map(|e| e.key.scalar_text().map(str::to_string))
            .collect()
    };
    for key in keys(root) {
        count("", &key);
    }
    if let Some(res) = root.get("resources").and_then(Node::as_mapping) {
        for key in keys(res) {
            count("resources", &key);
        }
    }
    (votes.0 != votes.1).then(|| detect_shape(root))
}
