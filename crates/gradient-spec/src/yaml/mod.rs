//! The YAML layer: an error-tolerant parse of the text into a spanned tree.
//!
//! [`events`] does the parse: saphyr-parser's event stream built into [`Node`]s that
//! know their byte spans and resolved values, with our own recovery (unclosed brackets
//! and quotes reported at the opener, parsing resumed after an error), tab
//! indentation, duplicate keys, several documents, a cap on repeated errors, and
//! limits on size and depth. Parsing never fails. Its module doc records the design
//! decision (issue 14) and the numbers. [`to_json`] gives the document's value
//! (aliases expanded within a budget). The parse before the switch (yaml-edit's rowan
//! tree) is kept for the tests and the differential fuzz target only (the `oracle`
//! feature), as the oracle the layer is measured against.

mod cap;
mod dupkeys;
pub mod events;
mod json;
mod limits;
#[cfg(any(test, feature = "oracle"))]
pub mod oracle;
mod prescan;
mod repair;
mod scalar;
mod syntax;

pub use json::{to_json, JsonError, MAX_ALIAS_NODES, MAX_JSON_DEPTH, MAX_KEY_BYTES};
pub use limits::{MAX_DEPTH, MAX_INPUT_BYTES, MAX_SYNTAX_ERRORS};
pub use scalar::{resolve_plain, resolve_tagged, ScalarKind, ScalarStyle};

use crate::diag::{Diagnostic, Span};

/// A parsed document: the text, the spanned tree of its first YAML document, and the
/// syntax problems found (rule ids `yaml-syntax`, `duplicate-key`, `multiple-documents`).
#[derive(Debug, Clone)]
pub struct Document {
    pub text: String,
    /// The content of the first YAML document; `None` when the text holds no content
    /// (empty, only comments) or is over a limit (size, depth). When a quote or
    /// bracket is left open, the tree is built from a repaired text, with every span
    /// pointing into `text`.
    pub root: Option<Node>,
    pub syntax_diagnostics: Vec<Diagnostic>,
}

/// A YAML node with its exact byte span (without trailing comments or line breaks).
#[derive(Debug, Clone, PartialEq)]
pub struct Node {
    pub span: Span,
    pub value: Value,
    /// A `!tag` written on the node, as written. The core tags (`!!str 8000`) decide
    /// a scalar's [`ScalarKind`].
    pub tag: Option<String>,
    /// An `&anchor` name written on the node.
    pub anchor: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub enum Value {
    Mapping(Mapping),
    Sequence(Sequence),
    Scalar(Scalar),
    /// `*name`: parsing never expands aliases (no alias bombs), rules see them as
    /// opaque; [`to_json`] expands them within a budget.
    Alias(String),
}

#[derive(Debug, Clone, PartialEq)]
pub struct Mapping {
    pub entries: Vec<Entry>,
    /// `{a: 1}` rather than block style.
    pub flow: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Entry {
    pub key: Node,
    /// The value; an absent value (`key:`) is a null scalar with an empty span right
    /// after the colon.
    pub value: Node,
    /// The whole entry from the key to the end of its value, for edits.
    pub span: Span,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Sequence {
    pub items: Vec<Node>,
    /// `[a, b]` rather than block style.
    pub flow: bool,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Scalar {
    /// The resolved string content (quotes removed, escapes applied, block scalars
    /// folded), which is what the YAML value means.
    pub text: String,
    pub style: ScalarStyle,
    /// The YAML 1.2 core-schema type of the value.
    pub kind: ScalarKind,
}

impl Node {
    /// An empty block mapping at `at`: what an empty document means to the rules.
    pub fn empty_mapping(at: usize) -> Node {
        Node {
            span: Span::at(at),
            value: Value::Mapping(Mapping {
                entries: Vec::new(),
                flow: false,
            }),
            tag: None,
            anchor: None,
        }
    }
    /// An empty plain scalar at `at`: an omitted key or value, which YAML reads as null.
    pub fn null_at(at: usize) -> Node {
        Node {
            span: Span::at(at),
            value: Value::Scalar(Scalar {
                text: String::new(),
                style: ScalarStyle::Plain,
                kind: ScalarKind::Null,
            }),
            tag: None,
            anchor: None,
        }
    }
    pub fn as_mapping(&self) -> Option<&Mapping> {
        match &self.value {
            Value::Mapping(m) => Some(m),
            _ => None,
        }
    }
    pub fn as_sequence(&self) -> Option<&Sequence> {
        match &self.value {
            Value::Sequence(s) => Some(s),
            _ => None,
        }
    }
    pub fn as_scalar(&self) -> Option<&Scalar> {
        match &self.value {
            Value::Scalar(s) => Some(s),
            _ => None,
        }
    }
    /// The string content of a scalar of any type (`8000` gives `"8000"`).
    pub fn scalar_text(&self) -> Option<&str> {
        self.as_scalar().map(|s| s.text.as_str())
    }
    /// The value of a string-typed scalar (quoted, block, or a plain scalar that
    /// resolves to a string); `None` for numbers, booleans, nulls and collections.
    pub fn as_str(&self) -> Option<&str> {
        match &self.value {
            Value::Scalar(s) if s.kind == ScalarKind::String => Some(&s.text),
            _ => None,
        }
    }
    pub fn is_null(&self) -> bool {
        matches!(&self.value, Value::Scalar(s) if s.kind == ScalarKind::Null)
    }
    /// True for a block mapping or block sequence (which starts on the line after its
    /// key: diagnostics about it point at the key instead).
    pub fn is_block_collection(&self) -> bool {
        match &self.value {
            Value::Mapping(m) => !m.flow,
            Value::Sequence(s) => !s.flow,
            _ => false,
        }
    }
    /// A short name of the node's kind for messages ("a mapping", "a string").
    pub fn kind_name(&self) -> &'static str {
        match &self.value {
            Value::Mapping(_) => "a mapping",
            Value::Sequence(_) => "a list",
            Value::Alias(_) => "an alias",
            Value::Scalar(s) => s.kind.name(),
        }
    }
}

impl Mapping {
    /// The first entry whose key is the string `key`.
    pub fn get_entry(&self, key: &str) -> Option<&Entry> {
        self.entries
            .iter()
            .find(|e| e.key.scalar_text() == Some(key))
    }
    pub fn get(&self, key: &str) -> Option<&Node> {
        self.get_entry(key).map(|e| &e.value)
    }
}

/// Parses `text`. Never fails and never panics: problems come back as diagnostics.
pub fn parse(text: &str) -> Document {
    events::parse(text)
}

/// `duplicate-key` problems of a tree (shared with the JSON layer).
pub(crate) fn check_duplicate_keys(root: &Node, text: &str, out: &mut Vec<Diagnostic>) {
    dupkeys::check(root, text, out);
}

/// Sorts, dedupes and caps syntax problems (shared with the JSON layer).
pub(crate) fn dedupe_and_cap(diags: &mut Vec<Diagnostic>) {
    cap::dedupe_and_cap(diags);
}
