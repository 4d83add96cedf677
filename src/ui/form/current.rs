//! Which field holds the editor's caret, pushed to the fields on screen: a move of
//! the caret notifies only the field that stops being current and the one that
//! becomes current.
//!
//! Each field used to hold a memo over the current path: every keystroke (it moves
//! the caret) then marked one memo per field, cloning a subscriber list as long as
//! the form, and re-ran them all whenever the caret changed fields.

use leptos::prelude::*;

/// The fields of the current layout and whether each is the current one.
#[derive(Clone, Copy)]
pub struct CurrentField {
    fields: StoredValue<Vec<(String, ArcRwSignal<bool>)>>,
    /// The path shown as current.
    shown: StoredValue<Option<String>>,
}

impl CurrentField {
    pub fn new() -> Self {
        CurrentField {
            fields: StoredValue::new(Vec::new()),
            shown: StoredValue::new(None),
        }
    }

    /// Forgets the fields of the previous layout (it is being rebuilt).
    pub fn clear(self) {
        self.fields.update_value(Vec::clear);
    }

    /// Whether the field at `path` is the current one, kept up to date by [`Self::show`].
    pub fn track(self, path: &str) -> ArcRwSignal<bool> {
        let on = self.shown.with_value(|s| s.as_deref() == Some(path));
        let signal = ArcRwSignal::new(on);
        self.fields
            .update_value(|v| v.push((path.to_string(), signal.clone())));
        signal
    }

    /// Makes the field at `current` the current one (none: no field is).
    pub fn show(self, current: Option<&str>) {
        if self.shown.with_value(|s| s.as_deref() == current) {
            return;
        }
        let before = self.shown.with_value(Clone::clone);
        self.fields.with_value(|fields| {
            for (path, signal) in fields {
                let was = before.as_deref() == Some(path.as_str());
                let is = current == Some(path.as_str());
                if was != is {
                    signal.set(is);
                }
            }
        });
        self.shown.set_value(current.map(str::to_string));
    }
}

impl Default for CurrentField {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Only the fields whose state changes are notified; a field made while another
    /// is current starts right.
    #[test]
    fn moving_the_caret_flips_only_the_two_fields_concerned() {
        let owner = Owner::new();
        owner.set();
        let marks = CurrentField::new();
        let a = marks.track("image");
        let b = marks.track("env[0].value");
        let c = marks.track("name");
        marks.show(Some("image"));
        assert!(a.get_untracked() && !b.get_untracked() && !c.get_untracked());
        marks.show(Some("env[0].value"));
        assert!(!a.get_untracked() && b.get_untracked() && !c.get_untracked());
        let d = marks.track("env[0].value");
        assert!(d.get_untracked(), "a field made now starts current");
        marks.show(None);
        assert!(!b.get_untracked() && !d.get_untracked());
        marks.clear();
        marks.show(Some("name"));
        assert!(
            !c.get_untracked(),
            "a field of the old layout is not notified"
        );
    }
}
