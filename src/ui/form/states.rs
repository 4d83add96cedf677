//! The changing part of each field on screen (value, problems, stale), pushed from the
//! form model in one pass per change of the text.
//!
//! Each field used to hold its own memos over the whole form model: a keystroke then
//! re-ran one memo per field, and the model's subscriber list (cloned on every
//! notification) was as long as the form. Now the model has one subscriber, and a
//! field is notified only when its own state changed.

use crate::form::{FieldState, FormModel};
use gradient_spec::SpecPath;
use leptos::prelude::*;

type Entry = (SpecPath, ArcRwSignal<Option<FieldState>>);

/// The fields of the current layout and their state signals.
#[derive(Clone, Copy)]
pub(crate) struct FieldStates(StoredValue<Vec<Entry>>);

impl FieldStates {
    pub(crate) fn new() -> Self {
        FieldStates(StoredValue::new(Vec::new()))
    }

    /// Forgets the fields of the previous layout (it is being rebuilt).
    pub(crate) fn clear(self) {
        self.0.update_value(Vec::clear);
    }

    /// The state of the field at `path` in `model`, kept current by [`Self::refresh`].
    pub(crate) fn track(
        self,
        model: &FormModel,
        path: &SpecPath,
    ) -> ArcRwSignal<Option<FieldState>> {
        let signal = ArcRwSignal::new(model.state(path));
        self.0
            .update_value(|v| v.push((path.clone(), signal.clone())));
        signal
    }

    /// Sets each field's state from `model`, notifying only the fields that changed.
    pub(crate) fn refresh(self, model: &FormModel) {
        self.0.with_value(|entries| {
            for (path, signal) in entries {
                let state = model.state(path);
                if signal.with_untracked(|old| *old != state) {
                    signal.set(state);
                }
            }
        });
    }
}
