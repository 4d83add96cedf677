//! Taking the person to a problem, from whichever layout is shown: the YAML editor
//! with the problem selected when it is on screen, otherwise the form field the
//! problem is about (or its nearest section); a problem the form cannot show (a
//! syntax error at the root) brings the editor into view first.

use crate::analysis::Problem;
use crate::ui::focus::{focus_in, is_shown};
use crate::ui::form::dom_id;
use gradient_spec::SpecPath;
use leptos::html;
use leptos::prelude::*;
use web_sys::HtmlTextAreaElement;

fn shown_editor(editor: NodeRef<html::Textarea>) -> Option<HtmlTextAreaElement> {
    editor.get_untracked().filter(|a| is_shown(a))
}

fn select(area: &HtmlTextAreaElement, start: usize, end: usize) {
    let _ = area.focus();
    let _ = area.set_selection_range(start as u32, end as u32);
}

/// Focuses the form field of `path` (a problem's, as text) or its nearest shown
/// section. A path the form cannot hold (a key with `[` in it) leads to the deepest
/// place it names well.
fn focus_field(path: &str) -> bool {
    let (path, _) = SpecPath::parse_leading(path);
    let focused = path.self_and_ancestors().any(|p| focus_in(&dom_id(&p)));
    focused
}

/// Activating a problem row.
pub fn reveal(p: &Problem, editor: NodeRef<html::Textarea>, show_editor: Callback<()>) {
    let (start, end) = (p.utf16_start, p.utf16_end);
    if let Some(area) = shown_editor(editor) {
        return select(&area, start, end);
    }
    if focus_field(&p.path) {
        return;
    }
    show_editor.run(());
    request_animation_frame(move || {
        if let Some(area) = editor.get_untracked() {
            select(&area, start, end);
        }
    });
}

/// After a fix was applied: the fixed place (the store has selected what the fix
/// wrote), in the editor or in the form; the Problems heading when neither shows.
pub fn after_fix(p: &Problem, editor: NodeRef<html::Textarea>) {
    let path = p.path.clone();
    request_animation_frame(move || {
        if let Some(area) = shown_editor(editor) {
            let _ = area.focus();
        } else if !focus_field(&path) {
            focus_in("problems-title");
        }
    });
}
