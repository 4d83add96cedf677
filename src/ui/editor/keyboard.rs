//! Keys the editor handles itself: Tab / Shift+Tab indent and outdent (Escape first
//! lets Tab leave the editor: no keyboard trap), Enter keeps the indentation,
//! Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y drive the shared history, Ctrl+. lists the fixes
//! at the caret.

use super::completion::Open;
use super::quickfix::{self, FixMenu};
use super::EditorView;
use crate::state::keys::{indent, newline, outdent, KeyEdit};
use crate::state::{Selection, StepKind};
use crate::ui::store::Store;
use gradient_spec::text::LineIndex;
use leptos::html;
use leptos::prelude::*;
use web_sys::KeyboardEvent;

thread_local! {
    /// Set by Escape: the next Tab moves focus out instead of indenting.
    static ESCAPED: std::cell::Cell<bool> = const { std::cell::Cell::new(false) };
}

/// The editor's keydown: each key goes to the first of the open completion list, the
/// open fixes menu, the shortcuts and the editing keys that takes it.
pub(crate) fn on_keydown(
    ev: KeyboardEvent,
    store: Store,
    editor: NodeRef<html::Textarea>,
    completion: RwSignal<Option<Open>>,
    fixes: RwSignal<Option<FixMenu>>,
    view: EditorView,
) {
    if store.read_only {
        return; // `?readonly`: the browser's own keys only (Tab moves focus on).
    }
    let key = ev.key();
    // Escape arms "the next Tab leaves", also when it closes a list.
    if key == "Escape" {
        ESCAPED.with(|e| e.set(true));
    }
    if completion.with_untracked(Option::is_some) && completion_key(&ev, &key, store, completion) {
        return;
    }
    if quickfix::on_key(&ev, store, fixes) {
        return;
    }
    // A modifier pressed on its own (the Shift of Shift+Tab) keeps Escape's effect.
    if matches!(
        key.as_str(),
        "Shift" | "Control" | "Alt" | "Meta" | "AltGraph"
    ) {
        return;
    }
    let caret = || caret_now(editor, store, view);
    if shortcut(&ev, &key, store, completion, fixes, caret) {
        return;
    }
    let escaped = ESCAPED.with(|e| e.replace(false));
    if let Some(op) = editing_key(&ev, &key, escaped) {
        if let Some(area) = editor.get_untracked() {
            ev.prevent_default();
            let kind = if key == "Enter" {
                StepKind::Typing
            } else {
                StepKind::Indent
            };
            apply_key_edit(&area, store, op, kind);
        }
    }
}

/// Ctrl+. (the fixes at the caret), Ctrl+Space (completion), and the history's
/// Ctrl+Z / Ctrl+Shift+Z / Ctrl+Y; true when the key was one of them, or any other
/// Ctrl/Cmd key, which the editor leaves to the browser.
fn shortcut(
    ev: &KeyboardEvent,
    key: &str,
    store: Store,
    completion: RwSignal<Option<Open>>,
    fixes: RwSignal<Option<FixMenu>>,
    caret: impl Fn() -> usize,
) -> bool {
    let ctrl = ev.ctrl_key() || ev.meta_key();
    if !ctrl {
        return false;
    }
    match key {
        "." => {
            ev.prevent_default();
            completion.set(None);
            fixes.set(quickfix::open_at(store, caret()));
        }
        " " => {
            ev.prevent_default();
            completion.set(super::completion::open_at(store, caret(), true));
        }
        _ => {
            // Any other Ctrl key ends Escape's effect, as a plain key does.
            ESCAPED.with(|e| e.set(false));
            if !ev.alt_key() {
                match key.to_ascii_lowercase().as_str() {
                    "z" if ev.shift_key() => redo(ev, store),
                    "z" => undo(ev, store),
                    "y" => redo(ev, store),
                    _ => {}
                }
            }
        }
    }
    true
}

/// The edit a key makes itself: Tab / Shift+Tab indent and outdent (not right after
/// Escape: then Tab leaves the editor), Enter keeps the indentation. Escape arms that.
fn editing_key(
    ev: &KeyboardEvent,
    key: &str,
    escaped: bool,
) -> Option<fn(&str, usize, usize) -> KeyEdit> {
    if ev.alt_key() {
        return None;
    }
    match key {
        "Escape" => {
            ESCAPED.with(|e| e.set(true));
            None
        }
        "Tab" if escaped => None,
        "Tab" if ev.shift_key() => Some(outdent),
        "Tab" => Some(indent),
        "Enter" if !ev.shift_key() && !ev.is_composing() => Some(newline),
        _ => None,
    }
}

/// Makes `op`'s edit of the textarea's selection as one history step of `kind`.
fn apply_key_edit(
    area: &web_sys::HtmlTextAreaElement,
    store: Store,
    op: fn(&str, usize, usize) -> KeyEdit,
    kind: StepKind,
) {
    let start = area.selection_start().ok().flatten().unwrap_or(0) as usize;
    let end = area.selection_end().ok().flatten().unwrap_or(start as u32) as usize;
    let before = Selection { start, end };
    let (bs, be) = store.index.with_untracked(|i| {
        (
            i.0.byte_offset_of_utf16(start),
            i.0.byte_offset_of_utf16(end),
        )
    });
    let (text, after) = store.with_text(|t| {
        let edit = op(t, bs, be);
        let new_index = LineIndex::new(&edit.text);
        let after = Selection {
            start: new_index.utf16_offset(edit.start),
            end: new_index.utf16_offset(edit.end),
        };
        (edit.text, after)
    });
    // Shown at once, not when the store's effect runs: keys that arrive before it (a
    // WebDriver burst in Firefox, where no microtask runs between synthetic events)
    // would otherwise read the old text back and drop the line break.
    area.set_value(&text);
    let _ = area.set_selection_range(after.start as u32, after.end as u32);
    store.replace(text, kind, before, after);
}

/// Keys of an open completion list; true when the key was handled.
fn completion_key(
    ev: &KeyboardEvent,
    key: &str,
    store: Store,
    completion: RwSignal<Option<Open>>,
) -> bool {
    let Some(open) = completion.get_untracked() else {
        return false;
    };
    let n = open.items.len().max(1);
    match key {
        "ArrowDown" | "ArrowUp" => {
            ev.prevent_default();
            let step = if key == "ArrowDown" { 1 } else { n - 1 };
            completion.update(|c| {
                if let Some(c) = c {
                    c.active = (c.active + step) % n;
                }
            });
            true
        }
        "Enter" | "Tab" if !ev.shift_key() => {
            ev.prevent_default();
            completion.set(None);
            super::completion::accept(store, &open, open.active);
            true
        }
        "Escape" => {
            ev.prevent_default();
            completion.set(None);
            true
        }
        _ => false,
    }
}

fn undo(ev: &KeyboardEvent, store: Store) {
    ev.prevent_default();
    store.undo();
}

fn redo(ev: &KeyboardEvent, store: Store) {
    ev.prevent_default();
    store.redo();
}

/// The caret's byte offset as the textarea has it now. The caret signal follows
/// `selectionchange`, which the browser fires later: a key pressed right after a
/// script or a touch moved the caret would otherwise act at the old place.
fn caret_now(editor: NodeRef<html::Textarea>, store: Store, view: EditorView) -> usize {
    match editor
        .get_untracked()
        .and_then(|a| a.selection_end().ok().flatten())
    {
        Some(end) => store
            .index
            .with_untracked(|i| i.0.byte_offset_of_utf16(end as usize)),
        None => view.caret.get_untracked(),
    }
}
