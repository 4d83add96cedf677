//! Keyed lists whose rows own no reactive scope. Leptos' `For` gives every row an
//! `Owner`, and the list's own owner keeps a `Weak` to each owner it ever made, which
//! keeps that owner's memory until the whole list goes: lists rebuilt on every
//! keystroke (the editor's visible lines, the gutter, the Problems) grew the wasm
//! memory by about 90 bytes per row ever made (found by the soak test). Rows made here
//! must be static: no signals, memos, effects or reactive attributes, since they would
//! belong to the list's update and stop with its next run. Event handlers are fine.

use leptos::prelude::*;
use leptos::tachys::view::keyed::{keyed, SerializableKey};
use std::hash::Hash;

/// The rows `row` makes for `each()`, keyed by `key`: a row whose key is unchanged is
/// kept (its DOM untouched), others are made or removed.
pub fn static_rows<T, K, V>(
    each: impl Fn() -> Vec<T> + Send + Sync + 'static,
    key: impl Fn(&T) -> K + Clone + Send + Sync + 'static,
    row: impl Fn(T) -> V + Clone + Send + Sync + 'static,
) -> impl IntoView
where
    T: Send + 'static,
    K: Eq + Hash + SerializableKey + 'static,
    V: IntoView + 'static,
{
    move || {
        let row = row.clone();
        keyed(each(), key.clone(), move |_, item| {
            (|_: usize| {}, row(item))
        })
    }
}
