//! Which field holds the editor's caret, pushed to the fields on screen: a move of
//! the caret notifies only the field that stops being current and the one that
//! becomes current.
//!
//! Each field used to hold a memo over the current path: every keystroke (it moves
//! the caret) then marked one memo per field, cloning a subscriber list as long as
//! the form, and re-ran them all whenever the caret changed fields.

use gradient_spec::SpecPath;
use leptos::prelude::*;

/// The fields of the current layout and whether each is the current one.
#[derive(Clone, Copy)]
pub(crate) struct CurrentField {
    fields: StoredValue<Vec<(SpecPath, ArcRwSignal<bool>)>>,
    /// The path shown as current.
    shown: StoredValue<Option<SpecPath>>,
}

impl CurrentField {
    pub(crate) fn new() -> Self {
        CurrentField {
            fields: StoredValue::new(Vec::new()),
            shown: StoredValue::new(None),
        }
    }

    /// Forgets the fields of the previous layout (it is being rebuilt).
    pub(crate) fn clear(self) {
        self.fields.update_value(Vec::clear);
    }

    /// Whether the field at `path` is the current one, kept up to date by [`Self::show`].
    pub(crate) fn track(self, path: &SpecPath) -> ArcRwSignal<bool> {
        let on = self.shown.with_value(|s| s.as_ref() == Some(path));
        let signal = ArcRwSignal::new(on);
        self.fields
            .update_value(|v| v.push((path.clone(), signal.clone())));
        signal
    }

    /// Makes the field at `current` the current one (none: no field is).
    pub(crate) fn show(self, current: Option<&SpecPath>) {
        if self.shown.with_value(|s| s.as_ref() == current) {
            return;
        }
        let before = self.shown.with_value(Clone::clone);
        self.fields.with_value(|fields| {
            for (path, signal) in fields {
                let was = before.as_ref() == Some(path);
                let is = current == Some(path);
                if was != is {
                    signal.set(is);
                }
            }
        });
        self.shown.set_value(current.cloned());
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
        let p = |s: &str| SpecPath::parse(s).expect("a path");
        let a = marks.track(&p("image"));
        let b = marks.track(&p("env[0].value"));
        let c = marks.track(&p("name"));
        marks.show(Some(&p("image")));
        assert!(a.get_untracked() && !b.get_untracked() && !c.get_untracked());
        marks.show(Some(&p("env[0].value")));
        assert!(!a.get_untracked() && b.get_untracked() && !c.get_untracked());
        let d = marks.track(&p("env[0].value"));
        assert!(d.get_untracked(), "a field made now starts current");
        marks.show(None);
        assert!(!b.get_untracked() && !d.get_untracked());
        marks.clear();
        marks.show(Some(&p("name")));
        assert!(
            !c.get_untracked(),
            "a field of the old layout is not notified"
        );
    }
}
