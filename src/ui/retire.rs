//! Values whose drop waits until the frame after a change has been drawn.
//!
//! A keystroke replaces the check of the text, and dropping the superseded one (its
//! whole document tree, node by node) cost about a millisecond at 5,000 lines, inside
//! the keystroke, before the frame that shows the typed character. Kept here, it is
//! dropped when the page is next idle instead, however many changes came before it.

use leptos::prelude::*;
use std::time::Duration;

/// A holding place for superseded values, emptied when the page is next idle.
pub struct Retired<T: Send + Sync + 'static>(StoredValue<Vec<T>>);

impl<T: Send + Sync + 'static> Clone for Retired<T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T: Send + Sync + 'static> Copy for Retired<T> {}

impl<T: Send + Sync + 'static> Retired<T> {
    pub fn new() -> Self {
        Retired(StoredValue::new(Vec::new()))
    }

    /// Keeps `value` until the page is next idle (the first value kept since the last
    /// emptying asks for that).
    pub fn keep(self, value: T) {
        let first = self
            .0
            .try_update_value(|held| {
                held.push(value);
                held.len() == 1
            })
            .unwrap_or(false);
        if first {
            when_idle(move || self.empty());
        }
    }

    fn empty(self) {
        let held = self.0.try_update_value(std::mem::take);
        drop(held);
    }
}

/// Runs `f` when the page is idle: after the frame that shows the change, and after
/// the tasks already waiting. Without `requestIdleCallback` (Safari), in a task
/// queued from the next frame's callbacks, which runs after that frame is drawn.
fn when_idle(f: impl FnOnce() + 'static) {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let idle = web_sys::window().filter(|w| {
        web_sys::js_sys::Reflect::has(w, &"requestIdleCallback".into()).unwrap_or(false)
    });
    match idle {
        Some(window) => {
            let callback = Closure::once_into_js(f);
            let _ = window.request_idle_callback(callback.unchecked_ref());
        }
        None => request_animation_frame(move || set_timeout(f, Duration::ZERO)),
    }
}

impl<T: Send + Sync + 'static> Default for Retired<T> {
    fn default() -> Self {
        Self::new()
    }
}
