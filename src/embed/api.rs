//! The postMessage API (shapes in `messages`), wired to the store. It starts only in
//! a frame, listens only to the parent window (and, with `?origin=`, only to that
//! origin), and posts only to the parent.

use super::messages::{self, Incoming, Parsed};
use crate::ui::store::Store;
use leptos::ev;
use leptos::prelude::*;
use serde_json::Value;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::js_sys::{Object, JSON};
use web_sys::Window;

/// The parent window, when this page is in a frame.
fn parent_window() -> Option<(Window, Window)> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    (!Object::is(&parent, &window)).then_some((window, parent))
}

/// Posts a JSON value as a structured-clone object (not a string), as hosts expect.
fn post(parent: &Window, target: &str, message: &Value) {
    let Ok(data) = JSON::parse(&message.to_string()) else {
        return;
    };
    let _ = parent.post_message(&data, target);
}

/// A message's data as JSON; `None` for what JSON cannot hold (cycles, functions…).
fn json_of(data: &JsValue) -> Option<Value> {
    let text = JSON::stringify(data).ok()?.as_string()?;
    serde_json::from_str(&text).ok()
}

pub fn start(store: Store, origin: Option<String>) {
    let Some((_, parent)) = parent_window() else {
        return;
    };
    let target = origin.clone().unwrap_or_else(|| "*".into());
    let send = {
        let (parent, target) = (parent.clone(), target);
        move |message: Value| post(&parent, &target, &message)
    };

    send(messages::ready());

    let on_message = {
        let send = send.clone();
        move |ev: web_sys::MessageEvent| {
            let from_parent = ev.source().is_some_and(|s| Object::is(&s, &parent));
            let from_origin = origin.as_ref().is_none_or(|o| *o == ev.origin());
            if !from_parent || !from_origin {
                return;
            }
            let Some(data) = json_of(&ev.data()) else {
                return;
            };
            match messages::parse(&data) {
                Parsed::Ignore => {}
                Parsed::Refuse { about, message } => {
                    store.notice.set(Some(format!(
                        "The page around this editor sent a message it cannot use ({about}: {message})."
                    )));
                    send(messages::error(&about, &message));
                }
                Parsed::Act(Incoming::Set { yaml }) => store.load_anyway(yaml, None),
                Parsed::Act(Incoming::Get { id }) => {
                    send(store.doc.with_untracked(|d| messages::value(&id, &d.text)))
                }
            }
        }
    };
    let listener = window_event_listener(ev::message, on_message);
    on_cleanup(move || listener.remove());

    // One `change` per new revision of the text (typing, set, undo…), not at start.
    let send_change = send.clone();
    Effect::new(move |previous: Option<u64>| {
        let revision = store.doc.with(|d| d.revision);
        let (errors, warnings) = store.analysis.with(|a| (a.errors, a.warnings));
        if previous.is_some_and(|p| p != revision) {
            store
                .doc
                .with_untracked(|d| send_change(messages::change(&d.text, errors, warnings)));
        }
        revision
    });

    observe_height(send);
}

/// Posts `resize` whenever the page's content height changes, so the host can size
/// the frame to fit (the embed stylesheet lets the body take its natural height).
fn observe_height(send: impl Fn(Value) + 'static) {
    let Some(body) = web_sys::window()
        .and_then(|w| w.document())
        .and_then(|d| d.body())
    else {
        return;
    };
    let last = std::cell::Cell::new(0u32);
    let measured = body.clone();
    let callback = Closure::<dyn FnMut()>::new(move || {
        let height = measured.get_bounding_client_rect().height().ceil().max(0.0) as u32;
        if height != last.replace(height) {
            send(messages::resize(height));
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(&body);
    let kept = StoredValue::new_local((observer, callback));
    on_cleanup(move || kept.with_value(|(observer, _)| observer.disconnect()));
}
