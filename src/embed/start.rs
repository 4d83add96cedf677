//! Applies how the page was opened: marks the root element for the CSS (`data-embed`,
//! `data-readonly`, `data-view`), makes the text area read-only, loads a `?template=`
//! on top of an autosaved text, says what was not understood, and starts the
//! postMessage API when the page sits in a frame.

use super::{api, Page};
use crate::ui::store::Store;
use leptos::html;
use leptos::prelude::*;

impl Page {
    /// The page's options from `location.search` (none when there is no window).
    pub fn from_location() -> Page {
        let search = web_sys::window()
            .and_then(|w| w.location().search().ok())
            .unwrap_or_default();
        Page::from_search(&search)
    }
}

pub fn start(page: &Page, store: Store, editor: NodeRef<html::Textarea>) {
    mark_root(page);

    if page.params.read_only {
        Effect::new(move |_| {
            if let Some(area) = editor.get() {
                area.set_read_only(true);
            }
        });
    }

    if let Some(t) = page.template_on_top() {
        // A no-op when the page started from this template (nothing was autosaved).
        store.load_anyway(t.text.to_string(), None);
        forget_template_param();
    }

    if !page.notices.is_empty() {
        store.notice.set(Some(page.notices.join(" ")));
    }

    api::start(store, page.params.origin.clone());
}

/// Attributes on `<html>` that the stylesheet keys on.
fn mark_root(page: &Page) {
    let Some(root) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.document_element())
    else {
        return;
    };
    if page.params.embedded {
        let _ = root.set_attribute("data-embed", "");
    }
    if page.params.read_only {
        let _ = root.set_attribute("data-readonly", "");
    }
    let _ = root.set_attribute("data-view", page.view().as_str());
}

/// Drops `template` from the address bar once applied, so a reload does not apply it
/// again over what the person wrote since.
fn forget_template_param() {
    let Some(window) = web_sys::window() else {
        return;
    };
    let Ok(href) = window.location().href() else {
        return;
    };
    let Ok(url) = web_sys::Url::new(&href) else {
        return;
    };
    url.search_params().delete("template");
    if let Ok(history) = window.history() {
        let _ = history.replace_state_with_url(&wasm_bindgen::JsValue::NULL, "", Some(&url.href()));
    }
}
