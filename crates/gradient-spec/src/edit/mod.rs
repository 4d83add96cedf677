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
//! - *Comments that belong to an entry* (moved and removed with it): the comment lines
//!   directly above it at its indentation with no blank line between, its trailing
//!   comment, and comment lines right below it indented deeper (see `owned`).
//! - *Removing the last entry or item* leaves `{}` or `[]`: the parent key stays.
//! - *New keys and items* go after their last sibling (and that sibling's deeper
//!   comment lines), at the siblings' indentation, in the parent's block or flow style;
//!   new sections use the document's own indentation step (2 when it shows none).
//! - *Quoting*: a replaced string keeps its quotes where the new value allows;
//!   otherwise strings are written plain when unambiguous and double-quoted when not.

mod append;
mod context;
mod error;
mod format;
mod lines;
mod locate;
mod owned;
mod printer;
mod remove;
mod render;
mod reorder;
mod scalar;
mod sem;
mod set;
mod value;
mod verify;

pub use append::append_item;
pub use error::EditError;
pub use format::format;
pub use remove::remove;
pub use reorder::move_item;
pub use set::{insert_key, set_scalar};
pub use value::NewValue;
