//! Edits by spec path, returned as minimal text edits.
//!
//! Each operation reads the current text and returns the [`TextEdit`]s that make the
//! change, touching only the bytes that change: comments, blank lines, key order,
//! quoting and flow/block style elsewhere stay byte-identical, and CRLF documents get
//! CRLF lines. Edits are computed from the spanned tree of [`crate::yaml`], then
//! verified before they are returned (see `verify`): the result must parse without new
//! syntax problems, mean exactly the old document with the intended change, and keep
//! every comment that was not part of a removed item. An edit that fails is refused
//! with an [`EditError`] saying why; no operation panics on any input.
//!
//! Policies:
//! - *Comments that belong to an entry or item* (moved and removed with it): the
//!   comment lines directly above it at its own indentation with no blank line between,
//!   its trailing comment, and the comment lines right below it indented deeper (see
//!   `owned`). A comment after a blank line, or at another indentation, belongs to the
//!   surrounding section and stays.
//! - *Blank lines*: removing an entry that has a blank line on both sides also removes
//!   one of them, so sections stay one blank line apart.
//! - *Removing the last entry or item* leaves `{}` or `[]` after the parent key (the
//!   key, its comment and its place stay; a form still shows the empty section).
//! - *New keys* go at their place in the reference's order (`spec::catalogue_index`:
//!   above the first sibling `docs/spec-reference.md` lists after them, with that
//!   sibling's comment lines); keys it does not place, and *new items*, go after
//!   their last sibling (and that sibling's deeper comment lines), at the siblings'
//!   indentation, in the parent's block or flow style;
//!   new sections use the document's own indentation step (2 when it shows none) and
//!   its list style (indented or not under their key). Missing parents are created
//!   (keys as mappings, `[0]` as a one-item list); a null parent (`key:`, `key: ~`)
//!   is replaced, keeping its trailing comment on the key's line.
//! - *Flow lists*: appending a scalar keeps a flow list flow (`[8000]` → `[8000, 8080]`);
//!   appending a mapping or list to an empty `[]` turns it into a block list.
//! - *Quoting*: a replaced string keeps its quotes where the new value allows;
//!   otherwise strings are written plain when unambiguous (also for YAML 1.1 loaders:
//!   `yes`, `on`, `1_000`, dates are quoted) and double-quoted when not. A string with
//!   line breaks becomes a `|` block scalar where block syntax is allowed and nothing
//!   follows on the line, else a double-quoted one.
//! - *Moves* carry each item's own lines; blank lines and loose comments between items
//!   keep their places.
//! - *Renames* (`rename_key`) replace only the key's text, in its quoting style; a key
//!   inserted at a place (`insert_key_at`) goes above the entry it precedes and that
//!   entry's comment lines. `move_key` carries an entry's own comment lines to its new
//!   place, re-indented; `wrap_in_list` turns `8000` into `[8000]` in place.
//! - *Refusals*: an edit that would leave an alias without its anchor, or touch YAML
//!   this editor does not write (an item sharing its line with its list's dash, as in
//!   `- - a`), is refused rather than approximated.

mod append;
mod convert;
mod empty;
mod error;
mod format;
mod insert_at;
mod json;
mod lines;
mod locate;
mod meaning;
mod move_key;
mod owned;
mod printer;
mod remove;
mod rename;
mod render;
mod reorder;
mod scalar;
mod set;
mod value;
mod verify;
mod yaml_text;

pub use append::append_item;
pub use convert::convert;
pub use error::EditError;
pub use format::format;
pub use insert_at::insert_key_at;
pub use locate::node_at;
pub use move_key::{move_key, wrap_in_list};
pub use remove::remove;
pub use rename::rename_key;
pub use reorder::move_item;
pub use set::{insert_key, set_scalar};
pub use value::NewValue;

use crate::diag::TextEdit;
use crate::format::Format;
use crate::path::SpecPath;
use crate::yaml::Document;

/// The one edit that turns `old` into `new`: their common prefix and suffix are left
/// alone (whole characters). `None` when they are equal. For a front end that holds
/// a whole new text (a fix applied to a JSON spec) and records edits.
pub fn minimal_edit(old: &str, new: &str) -> Option<TextEdit> {
    reorder::minimal(old, new, 0, false)
}

/// The by-path operations for a document in a given [`Format`], on its text: each
/// parses the text, then does what [`Editing`] does. Callers that already hold the
/// parse of the text (the app: its check) use [`Editing`] and parse nothing again.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Editor {
    pub format: Format,
}

/// The operations for documents in `format`.
pub fn in_format(format: Format) -> Editor {
    Editor { format }
}

/// A verified edit and the parse of its result: the check of the new text starts from
/// `after` ([`crate::check_parsed`]) instead of parsing it again, so a change costs
/// one parse.
#[derive(Debug, Clone)]
pub struct Edited {
    /// The minimal text edits, in the document's own format.
    pub edits: Vec<TextEdit>,
    /// The parse of the text with `edits` applied; `None` when nothing changes.
    pub after: Option<Document>,
}

/// The by-path operations on one parsed version of a document (its [`Document`], in
/// `format`): YAML goes to this module's operations; JSON and JSONC to the JSON edit
/// layer (`json`), which writes JSON in the file's own indentation, handles commas,
/// keeps comments and verifies the result parses in its own format. Nothing parses
/// the text again: each result is verified by one parse, handed back in [`Edited`].
#[derive(Debug, Clone, Copy)]
pub struct Editing<'d> {
    pub doc: &'d Document,
    pub format: Format,
}

/// The operations on `doc`, a parse of a document in `format` ([`crate::parse_as`]).
pub fn editing(doc: &Document, format: Format) -> Editing<'_> {
    Editing { doc, format }
}

impl Editing<'_> {
    /// Runs the YAML or the JSON form of an operation on this parse.
    fn run(
        &self,
        yaml: impl FnOnce(&yaml_text::YamlText) -> Result<Vec<TextEdit>, EditError>,
        json: impl FnOnce(&json::JsonText) -> Result<Vec<TextEdit>, EditError>,
    ) -> Result<Edited, EditError> {
        match self.format {
            Format::Yaml => yaml_text::YamlText::new(self.doc)?.run(yaml),
            f => json::JsonText::of(self.doc, f == Format::Jsonc)?.run(json),
        }
    }

    /// See [`set_scalar`].
    pub fn set_scalar(&self, path: &SpecPath, value: &NewValue) -> Result<Edited, EditError> {
        if !value.is_scalar() {
            return Err(EditError::unsupported(
                "set_scalar writes a single value; use insert_key or append_item for a mapping or a list",
            ));
        }
        self.run(
            |c| set::set_scalar_in(c, path, value),
            |j| json::set_value(j, path, value, false),
        )
    }

    /// See [`insert_key`].
    pub fn insert_key(
        &self,
        parent: &SpecPath,
        key: &str,
        value: &NewValue,
    ) -> Result<Edited, EditError> {
        self.run(
            |c| set::insert_key_in(c, parent, key, value),
            |j| json::insert_key(j, parent, key, value),
        )
    }

    /// See [`append_item`].
    pub fn append_item(&self, list_path: &SpecPath, value: &NewValue) -> Result<Edited, EditError> {
        self.run(
            |c| append::append_item_in(c, list_path, value),
            |j| json::append_item(j, list_path, value),
        )
    }

    /// See [`remove`].
    pub fn remove(&self, path: &SpecPath) -> Result<Edited, EditError> {
        self.run(|c| remove::remove_in(c, path), |j| json::remove(j, path))
    }

    /// See [`move_item`].
    pub fn move_item(
        &self,
        list_path: &SpecPath,
        from: usize,
        to: usize,
    ) -> Result<Edited, EditError> {
        self.run(
            |c| reorder::move_item_in(c, list_path, from, to),
            |j| json::move_item(j, list_path, from, to),
        )
    }

    /// See [`rename_key`]; in JSON the key is written as a JSON string.
    pub fn rename_key(&self, path: &SpecPath, new_key: &str) -> Result<Edited, EditError> {
        self.run(
            |c| rename::rename_key_in(c, path, new_key),
            |j| json::rename_key(j, path, new_key),
        )
    }

    /// See [`insert_key_at`]; in JSON a new entry on its own line gets its comma, one
    /// in an object written on one line goes before entry `index` followed by `, `.
    pub fn insert_key_at(
        &self,
        parent: &SpecPath,
        index: usize,
        key: &str,
        value: &NewValue,
    ) -> Result<Edited, EditError> {
        self.run(
            |c| insert_at::insert_key_at_in(c, parent, index, key, value),
            |j| json::insert_key_at(j, parent, index, key, value),
        )
    }

    /// See [`move_key`].
    pub fn move_key(
        &self,
        from: &SpecPath,
        to_parent: &SpecPath,
        index: usize,
        new_key: &str,
    ) -> Result<Edited, EditError> {
        self.run(
            |c| move_key::move_key_in(c, from, to_parent, index, new_key),
            |j| json::move_key(j, from, to_parent, index, new_key),
        )
    }

    /// See [`wrap_in_list`].
    pub fn wrap_in_list(&self, path: &SpecPath) -> Result<Edited, EditError> {
        self.run(
            |c| move_key::wrap_in_list_in(c, path),
            |j| json::wrap_in_list(j, path),
        )
    }
}

impl Editor {
    /// Parses `text` in this format and runs `op` on the parse: the edits alone.
    fn on(
        &self,
        text: &str,
        op: impl FnOnce(Editing) -> Result<Edited, EditError>,
    ) -> Result<Vec<TextEdit>, EditError> {
        if text.len() > crate::yaml::MAX_INPUT_BYTES {
            return Err(EditError::unsupported("the document is too large to edit"));
        }
        let doc = crate::parse_as(text, self.format);
        op(editing(&doc, self.format)).map(|e| e.edits)
    }

    /// See [`set_scalar`].
    pub fn set_scalar(
        &self,
        text: &str,
        path: &SpecPath,
        value: &NewValue,
    ) -> Result<Vec<TextEdit>, EditError> {
        self.on(text, |e| e.set_scalar(path, value))
    }

    /// See [`insert_key`].
    pub fn insert_key(
        &self,
        text: &str,
        parent: &SpecPath,
        key: &str,
        value: &NewValue,
    ) -> Result<Vec<TextEdit>, EditError> {
        self.on(text, |e| e.insert_key(parent, key, value))
    }

    /// See [`append_item`].
    pub fn append_item(
        &self,
        text: &str,
        list_path: &SpecPath,
        value: &NewValue,
    ) -> Result<Vec<TextEdit>, EditError> {
        self.on(text, |e| e.append_item(list_path, value))
    }

    /// See [`remove`].
    pub fn remove(&self, text: &str, path: &SpecPath) -> Result<Vec<TextEdit>, EditError> {
        self.on(text, |e| e.remove(path))
    }

    /// See [`move_item`].
    pub fn move_item(
        &self,
        text: &str,
        list_path: &SpecPath,
        from: usize,
        to: usize,
    ) -> Result<Vec<TextEdit>, EditError> {
        self.on(text, |e| e.move_item(list_path, from, to))
    }

    /// See [`rename_key`].
    pub fn rename_key(
        &self,
        text: &str,
        path: &SpecPath,
        new_key: &str,
    ) -> Result<Vec<TextEdit>, EditError> {
        self.on(text, |e| e.rename_key(path, new_key))
    }

    /// See [`insert_key_at`].
    pub fn insert_key_at(
        &self,
        text: &str,
        parent: &SpecPath,
        index: usize,
        key: &str,
        value: &NewValue,
    ) -> Result<Vec<TextEdit>, EditError> {
        self.on(text, |e| e.insert_key_at(parent, index, key, value))
    }

    /// See [`move_key`].
    pub fn move_key(
        &self,
        text: &str,
        from: &SpecPath,
        to_parent: &SpecPath,
        index: usize,
        new_key: &str,
    ) -> Result<Vec<TextEdit>, EditError> {
        self.on(text, |e| e.move_key(from, to_parent, index, new_key))
    }

    /// See [`wrap_in_list`].
    pub fn wrap_in_list(&self, text: &str, path: &SpecPath) -> Result<Vec<TextEdit>, EditError> {
        self.on(text, |e| e.wrap_in_list(path))
    }

    /// See [`format`]; JSON and JSONC get canonical JSON in the file's indentation,
    /// JSONC comments kept.
    pub fn format(&self, text: &str) -> Result<String, EditError> {
        match self.format {
            Format::Yaml => format(text),
            f => json::format(text, f == Format::Jsonc),
        }
    }
}

/// A rule's fix (YAML edits) made on a JSON(C) document with JSON edits.
pub(crate) fn json_fix(text: &str, format: Format, edits: &[TextEdit]) -> Option<String> {
    json::fix_text(text, format == Format::Jsonc, edits)
}
