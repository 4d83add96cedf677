//! The link to the single-file build (`dist/gradient-spec-editor.html`, written by
//! `.ci/single-file.mjs`), which runs from disk with no server. The single file itself
//! hides the link (its `<html data-build="single-file">`, see the stylesheet).

use leptos::prelude::*;

/// The file name `make dist` gives the single-file build, next to `index.html`.
pub const SINGLE_FILE: &str = "gradient-spec-editor.html";

#[component]
pub fn OfflineLink() -> impl IntoView {
    view! {
        <a class="offline-link" href=SINGLE_FILE download=SINGLE_FILE
            title="One HTML file that works from disk, with no server and no network">
            "Download for offline use"
        </a>
    }
}
