//! Leptos components. Thin: they read derived state and dispatch changes to the text.

pub mod app;
pub mod autosave;
pub mod browser;
pub mod compress;
pub mod editor;
pub mod focus;
pub mod form;
pub mod go_to;
pub mod help;
pub mod highlight;
pub mod keyed;
pub mod offline;
pub mod panic;
pub mod problems;
pub mod retire;
pub mod share;
pub mod store;
pub mod templates;
pub mod text;
pub mod toolbar;
#[cfg(test)]
mod toolbar_json_tests;
pub mod upgrade;
