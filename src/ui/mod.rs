//! Leptos components. Thin: they read derived state and dispatch changes to the text.

pub mod app;
pub mod problems;
