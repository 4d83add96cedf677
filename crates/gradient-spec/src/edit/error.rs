//! Why an edit was refused, in words a person can act on.

use std::fmt;

/// An edit that could not be made. The document is never half-edited: an operation
/// either returns edits that passed every check, or one of these.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum EditError {
    /// Nothing is at `path` (and the operation does not create it).
    NotFound { path: String },
    /// The value at `path` has the wrong shape for the operation ("a list", "a string").
    WrongKind {
        path: String,
        expected: &'static str,
        found: &'static str,
    },
    /// `insert_key` of a key that is already there.
    KeyExists { path: String },
    /// A list index past the end.
    IndexOutOfRange { path: String, len: usize },
    /// The text has syntax errors, so it cannot be formatted safely.
    SyntaxErrors { count: usize },
    /// The edit was computed but its result failed the check (it would not parse,
    /// would change something else, or would drop a comment); the text is left alone.
    Refused { reason: String },
    /// The YAML is written in a way this editor does not edit (e.g. a complex key).
    Unsupported { reason: String },
}

impl fmt::Display for EditError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let at = |p: &str| {
            if p.is_empty() {
                "the document".to_string()
            } else {
                format!("`{p}`")
            }
        };
        match self {
            EditError::NotFound { path } => write!(f, "there is nothing at {}", at(path)),
            EditError::WrongKind {
                path,
                expected,
                found,
            } => {
                write!(f, "{} is {found}, not {expected}", at(path))
            }
            EditError::KeyExists { path } => write!(f, "{} already exists", at(path)),
            EditError::IndexOutOfRange { path, len } => {
                write!(
                    f,
                    "{} is out of range: the list has {len} item(s)",
                    at(path)
                )
            }
            EditError::SyntaxErrors { count } => write!(
                f,
                "the document has {count} syntax error(s); fix them before formatting"
            ),
            EditError::Refused { reason } => write!(f, "the edit was refused: {reason}"),
            EditError::Unsupported { reason } => write!(f, "cannot edit this: {reason}"),
        }
    }
}

impl std::error::Error for EditError {}

impl EditError {
    pub(crate) fn refused(reason: impl Into<String>) -> Self {
        EditError::Refused {
            reason: reason.into(),
        }
    }
    pub(crate) fn unsupported(reason: impl Into<String>) -> Self {
        EditError::Unsupported {
            reason: reason.into(),
        }
    }
}
