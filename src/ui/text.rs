//! Catalogue and rule texts write code in backticks: shown as `<code>`, always as text.

use leptos::prelude::*;

/// `text` with its backticked parts as `<code>` elements (never parsed as HTML).
pub fn with_code(text: impl AsRef<str>) -> AnyView {
    text.as_ref()
        .split('`')
        .enumerate()
        .map(|(i, part)| {
            let part = part.to_string();
            if i % 2 == 1 {
                view! { <code>{part}</code> }.into_any()
            } else {
                part.into_any()
            }
        })
        .collect_view()
        .into_any()
}
