//! Autosave: the text and its file name go to localStorage a moment after the last
//! change, and at once when the page is hidden or closed. Writing a 100 KB text on
//! every keystroke cost about a millisecond each; half a second of quiet loses
//! nothing, since leaving the page writes at once, and so does a crash (see
//! `panic.rs`, which saves what the textarea holds).

use crate::embed::AutosaveKeys;
use crate::ui::browser;
use crate::ui::store::Store;
use gloo::timers::callback::Timeout;
use leptos::ev;
use leptos::prelude::*;
use std::cell::RefCell;

/// How long after the last change the text is written.
const QUIET_MS: u32 = 500;

thread_local! {
    /// Where this page autosaves, for the panic hook (which has no store to ask).
    static KEYS: RefCell<Option<AutosaveKeys>> = const { RefCell::new(None) };
}

/// Starts autosaving `store` under `keys` (nothing when the page must not autosave).
pub fn start(store: Store, keys: Option<AutosaveKeys>) {
    let Some(keys) = keys else { return };
    KEYS.with(|k| *k.borrow_mut() = Some(keys.clone()));
    // The revision last written (or loaded): leaving writes only a newer one, so a
    // second tab left untouched never overwrites what another tab saved.
    let written = StoredValue::new(store.doc.with_untracked(|d| d.revision));
    let save = {
        let keys = keys.clone();
        move || {
            store.doc.with_untracked(|d| {
                browser::storage_set(&keys.text, &d.export_text());
                browser::storage_set(&keys.name, &d.file_name);
                written.set_value(d.revision);
            })
        }
    };
    let pending = StoredValue::new_local(None::<Timeout>);
    let first = StoredValue::new(true);
    Effect::new({
        let save = save.clone();
        move |_| {
            store.doc.track();
            // The text just loaded is already saved (or is the template).
            if first.get_value() {
                first.set_value(false);
                return;
            }
            let save = save.clone();
            let timer = Timeout::new(QUIET_MS, move || {
                save();
                pending.set_value(None);
            });
            // Replacing the handle cancels the previous timer.
            pending.set_value(Some(timer));
        }
    });
    // Leaving writes any change not yet written, pending or not: the effect that arms
    // the timer runs a tick after the change, and a reload inside that tick would
    // otherwise lose the last edit.
    let flush = move || {
        pending.set_value(None);
        if store.doc.with_untracked(|d| d.revision) != written.get_value() {
            save();
        }
    };
    let hide = window_event_listener(ev::pagehide, {
        let flush = flush.clone();
        move |_| flush()
    });
    let hidden = window_event_listener(ev::visibilitychange, move |_| {
        let hidden = web_sys::window()
            .and_then(|w| w.document())
            .is_some_and(|d| d.hidden());
        if hidden {
            flush();
        }
    });
    on_cleanup(move || {
        hide.remove();
        hidden.remove();
    });
}

/// Saves what the editor's textarea holds, without the app's state: for the panic
/// hook, when the wasm module may be in any state.
pub fn save_from_dom() {
    let Some(keys) = KEYS.with(|k| k.borrow().clone()) else {
        return;
    };
    let text = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.get_element_by_id("spec-yaml"))
        .and_then(|e| {
            use wasm_bindgen::JsCast;
            e.dyn_into::<web_sys::HtmlTextAreaElement>().ok()
        })
        .map(|t| t.value());
    if let Some(text) = text {
        browser::storage_set(&keys.text, &text);
    }
}
