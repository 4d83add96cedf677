//! Values whose drop waits until the frame after a change has been drawn.
//!
//! A keystroke replaces the check of the text, and dropping the superseded one (its
//! whole document tree, node by node) cost about a millisecond at 5,000 lines, inside
//! the keystroke, before the frame that shows the typed character. Kept here, it is
//! dropped in a task after that frame instead, however many changes came before it.

use leptos::prelude::*;
use std::time::Duration;

/// A holding place for superseded values, emptied after the next frame.
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

    /// Keeps `value` until after the next frame (the first value kept since the last
    /// emptying asks for it).
    pub fn keep(self, value: T) {
        let first = self
            .0
            .try_update_value(|held| {
                held.push(value);
                held.len() == 1
            })
            .unwrap_or(false);
        if first {
            // rAF callbacks run before the frame is drawn; a task queued from one runs
            // after it.
            request_animation_frame(move || set_timeout(move || self.empty(), Duration::ZERO));
        }
    }

    fn empty(self) {
        let held = self.0.try_update_value(std::mem::take);
        drop(held);
    }
}

impl<T: Send + Sync + 'static> Default for Retired<T> {
    fn default() -> Self {
        Self::new()
    }
}
