//! The structured form, as plain data derived from the parsed document and the
//! catalogue (no DOM: tested natively). `model` says what the form shows; `ops` turns
//! a form action into text edits from the core's edit layer.

pub mod model;
pub mod ops;

#[cfg(test)]
mod corpus_tests;
#[cfg(test)]
mod json_tests;

pub use model::{
    build, build_with, Control, FieldProblem, FieldState, FormField, FormItem, FormModel,
    DEFAULT_MAX_ITEMS,
};
pub use ops::{FormAction, FormError};
