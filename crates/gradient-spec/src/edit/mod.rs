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

/// The one edit that turns `old` into `new`: their common prefix and suffix are left
/// alone (whole characters). `None` when they are equal. For a front end that holds
/// a whole new text (a fix applied to a JSON spec) and records edits.
pub fn minimal_edit(old: &str, new: &str) -> Option<TextEdit> {
    reorder::minimal(old, new, 0, false)
}

/// The by-path operations for a document in a given [`Format`]: YAML goes to the
/// functions above unchanged; JSON and JSONC to the JSON edit layer (`json`), which
/// writes JSON in the file's own indentation, handles commas, keeps comments and
/// verifies the result parses in its own format.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Editor {
    pub format: Format,
}

/// The operations for documents in `format`.
pub fn in_format(format: Format) -> Editor {
    Editor { format }
}

impl Editor {
    fn json<'t>(&self, text: &'t str) -> Result<json::JsonText<'t>, EditError> {
        json::JsonText::new(text, self.format == Format::Jsonc)
    }

    /// See [`set_scalar`].
    pub fn set_scalar(
        &self,
        text: &str,
        path: &SpecPath,
        value: &NewValue,
    ) -> Result<Vec<TextEdit>, EditError> {
        if self.format == Format::Yaml {
            return set_scalar(text, path, value);
        }
        if !value.is_scalar() {
            return Err(EditError::unsupported(
                "set_scalar writes a single value; use insert_key or append_item for a mapping or a list",
            ));
        }
        json::set_value(&self.json(text)?, path, value, false)
    }

    /// See [`insert_key`].
    pub fn insert_key(
        &self,
        text: &str,
        parent: &SpecPath,
        key: &str,
        value: &NewValue,
    ) -> Result<Vec<TextEdit>, EditError> {
        if self.format == Format::Yaml {
            return insert_key(text, parent, key, value);
        }
        json::insert_key(&self.json(text)?, parent, key, value)
    }

    /// See [`append_item`].
    pub fn append_item(
        &self,
        text: &str,
        list_path: &SpecPath,
        value: &NewValue,
    ) -> Result<Vec<TextEdit>, EditError> {
        if self.format == Format::Yaml {
            return append_item(text, list_path, value);
        }
        json::append_item(&self.json(text)?, list_path, value)
    }

    /// See [`remove`].
    pub fn remove(&self, text: &str, path: &SpecPath) -> Result<Vec<TextEdit>, EditError> {
        if self.format == Format::Yaml {
            return remove(text, path);
        }
        json::remove(&self.json(text)?, path)
    }

    /// See [`move_item`].
    pub fn move_item(
        &self,
        text: &str,
        list_path: &SpecPath,
        from: usize,
        to: usize,
    ) -> Result<Vec<TextEdit>, EditError> {
        if self.format == Format::Yaml {
            return move_item(text, list_path, from, to);
        }
        json::move_item(&self.json(text)?, list_path, from, to)
    }

    /// See [`rename_key`]; in JSON the key is written as a JSON string.
    pub fn rename_key(
        &self,
        text: &str,
        path: &SpecPath,
        new_key: &str,
    ) -> Result<Vec<TextEdit>, EditError> {
        if self.format == Format::Yaml {
            return rename_key(text, path, new_key);
        }
        json::rename_key(&self.json(text)?, path, new_key)
    }

    /// See [`insert_key_at`]; in JSON a new entry on its own line gets its comma, one
    /// in an object written on one line goes before entry `index` followed by `, `.
    pub fn insert_key_at(
        &self,
        text: &str,
        parent: &SpecPath,
        index: usize,
        key: &str,
        value: &NewValue,
    ) -> Result<Vec<TextEdit>, EditError> {
        if self.format == Format::Yaml {
            return insert_key_at(text, parent, index, key, value);
        }
        json::insert_key_at(&self.json(text)?, parent, index, key, value)
    }

    /// See [`move_key`]; in JSON the value moves as written when it is on one line,
    /// with the comment lines above it and the comment after it (JSONC).
    pub fn move_key(
        &self,
        text: &str,
        from: &SpecPath,
        to_parent: &SpecPath,
        index: usize,
        new_key: &str,
    ) -> Result<Vec<TextEdit>, EditError> {
        if self.format == Format::Yaml {
            return move_key(text, from, to_parent, index, new_key);
        }
        json::move_key(&self.json(text)?, from, to_parent, index, new_key)
    }

    /// See [`wrap_in_list`]: `8000` → `[8000]` in place.
    pub fn wrap_in_list(&self, text: &str, path: &SpecPath) -> Result<Vec<TextEdit>, EditError> {
        if self.format == Format::Yaml {
            return wrap_in_list(text, path);
        }
        json::wrap_in_list(&self.json(text)?, path)
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
