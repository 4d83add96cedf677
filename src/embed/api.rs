//! The postMessage API (shapes in `messages`), wired to the store. It starts only in
//! a frame, listens only to the parent window (and, with `?origin=`, only to that
//! origin), and posts only to the parent.

use super::messages::{self, Field, Incoming, Outgoing, Parsed};
use crate::ui::store::Store;
use leptos::ev;
use leptos::prelude::*;
use wasm_bindgen::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::js_sys::{Object, Reflect, JSON};
use web_sys::Window;

/// The parent window, when this page is in a frame.
fn parent_window() -> Option<Window> {
    let window = web_sys::window()?;
    let parent = window.parent().ok()??;
    (!Object::is(&parent, &window)).then_some(parent)
}

/// Posts a message as a structured-clone object (not a string), as hosts expect;
/// `id` (the host's own value, whatever its type) is echoed as given.
fn post(parent: &Window, target: &str, message: &Outgoing, id: Option<&JsValue>) {
    let Ok(data) = JSON::parse(&message.to_json()) else {
        return;
    };
    if let Some(id) = id {
        let _ = Reflect::set(&data, &"id".into(), id);
    }
    let _ = parent.post_message(&data, target);
}

/// A field of the message's data (`undefined` when the data is not an object, or a
/// getter throws).
fn field(data: &JsValue, name: &str) -> JsValue {
    if !data.is_object() {
        return JsValue::UNDEFINED;
    }
    Reflect::get(data, &name.into()).unwrap_or(JsValue::UNDEFINED)
}

pub fn start(store: Store, origin: Option<String>) {
    let Some(parent) = parent_window() else {
        return;
    };
    let target = origin.clone().unwrap_or_else(|| "*".into());
    let send = {
        let (parent, target) = (parent.clone(), target);
        move |message: &Outgoing, id: Option<&JsValue>| post(&parent, &target, message, id)
    };

    send(&messages::ready(), None);

    let on_message = {
        let send = send.clone();
        move |ev: web_sys::MessageEvent| {
            let from_parent = ev.source().is_some_and(|s| Object::is(&s, &parent));
            let from_origin = origin.as_ref().is_none_or(|o| *o == ev.origin());
            if !from_parent || !from_origin {
                return;
            }
            let data = ev.data();
            let kind = field(&data, "type").as_string();
            let yaml = match field(&data, "yaml") {
                v if v.is_undefined() => Field::Absent,
                v => v.as_string().map_or(Field::Other, Field::Text),
            };
            match messages::parse(kind.as_deref(), yaml) {
                Parsed::Ignore => {}
                Parsed::Refuse { about, message } => {
                    store.notice.set(Some(format!(
                        "The page around this editor sent a message it cannot use ({about}: {message})."
                    )));
                    send(
                        &Outgoing::Error {
                            about: &about,
                            message: &message,
                        },
                        None,
                    );
                }
                Parsed::Act(Incoming::Set { yaml }) => store.load_anyway(yaml, None),
                Parsed::Act(Incoming::Get) => store.doc.with_untracked(|d| {
                    let report = gradient_spec::check_as(&d.text, d.format());
                    send(
                        &messages::value(&d.text, &report),
                        Some(&field(&data, "id")),
                    );
                }),
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
            store.doc.with_untracked(|d| {
                let change = Outgoing::Change {
                    yaml: &d.text,
                    errors,
                    warnings,
                };
                send_change(&change, None)
            });
        }
        revision
    });

    observe_height(move |height| send(&Outgoing::Resize { height }, None));
}

/// Posts `resize` whenever the page's content height changes, so the host can size
/// the frame to fit (the embed stylesheet lets the body take its natural height).
fn observe_height(send: impl Fn(u32) + 'static) {
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
            send(height);
        }
    });
    let Ok(observer) = web_sys::ResizeObserver::new(callback.as_ref().unchecked_ref()) else {
        return;
    };
    observer.observe(&body);
    let kept = StoredValue::new_local((observer, callback));
    on_cleanup(move || kept.with_value(|(observer, _)| observer.disconnect()));
}
