//! The app's state, free of the DOM so it is tested natively: the document text with
//! its one undo history (shared by the editor and the form), and what derives from it.

pub mod change;
pub mod doc;
pub mod history;
pub mod keys;
pub mod visible_lines;

pub use change::Change;
pub use doc::{EditorDoc, Selection};
pub use history::{History, StepKind};
