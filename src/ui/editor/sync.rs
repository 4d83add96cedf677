//! What keeps the editor's textarea, its view and the store in step: the visible
//! lines to draw, the text written back after changes the textarea did not make, a
//! highlighted value scrolled into view, the viewport's height, and the caret.

use super::{EditorView, LINE_HEIGHT};
use crate::state::visible_lines::{line_view, visible_range, LineView};
use crate::state::Selection;
use crate::ui::store::Store;
use gradient_spec::text::line_text;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use web_sys::HtmlTextAreaElement;

/// The textarea's selection, in UTF-16 offsets.
pub(super) fn selection_of(area: &HtmlTextAreaElement) -> Selection {
    let start = area.selection_start().ok().flatten().unwrap_or(0) as usize;
    let end = area.selection_end().ok().flatten().unwrap_or(start as u32) as usize;
    Selection { start, end }
}

/// The views of the lines in (and near) the viewport: colours, problems, highlight.
pub(super) fn visible_lines(store: Store, view: EditorView) -> Memo<Vec<LineView>> {
    Memo::new(move |_| {
        let count = store.index.with(|i| i.0.line_count());
        let (first, last) = visible_range(
            view.scroll_top.get(),
            view.viewport_height.get(),
            LINE_HEIGHT,
            count,
        );
        let marks = store.analysis.with(|a| a.marks());
        let highlight = view.highlight.get();
        let format = store.format.get();
        store.with_text(|text| {
            store.index.with(|index| {
                let s = index.0.starts();
                let colours = crate::ui::highlight::colours(text, s, first, last - first, format);
                (first..last)
                    .zip(colours)
                    .map(|(i, colours)| {
                        line_view(i, s[i], line_text(text, s, i), &colours, &marks, highlight)
                    })
                    .collect()
            })
        })
    })
}

/// Writes the text and selection into the textarea after changes it did not make
/// (`shown_revision` is the revision it already shows: no write-back for its own
/// typing, so the caret and scroll position never jump).
pub(super) fn write_back_outside_changes(
    store: Store,
    editor: NodeRef<html::Textarea>,
    shown_revision: StoredValue<u64>,
    last_selection: StoredValue<Selection>,
) {
    Effect::new(move |_| {
        let (revision, pending) = store.doc.with(|d| (d.revision, d.pending_selection));
        let Some(area) = editor.get() else { return };
        if shown_revision.get_value() == revision {
            return;
        }
        store.with_text(|t| {
            if area.value() != t {
                area.set_value(t);
            }
        });
        if let Some(sel) = pending {
            let _ = area.set_selection_range(sel.start as u32, sel.end as u32);
            last_selection.set_value(sel);
        }
        shown_revision.set_value(revision);
    });
}

/// Focusing a form field shows its value in the editor, scrolled into view.
pub(super) fn scroll_highlight_into_view(
    store: Store,
    editor: NodeRef<html::Textarea>,
    view: EditorView,
) {
    Effect::new(move |_| {
        let Some(span) = view.highlight.get() else {
            return;
        };
        let Some(area) = editor.get_untracked() else {
            return;
        };
        let line = store.index.with_untracked(|i| i.0.line_of(span.start));
        let top = line as f64 * LINE_HEIGHT;
        let (scroll, height) = (area.scroll_top() as f64, area.client_height() as f64);
        if top < scroll || top + LINE_HEIGHT > scroll + height {
            area.set_scroll_top((top - height / 3.0).max(0.0) as i32);
        }
    });
}

/// Keeps `view.viewport_height` the textarea's height, on start and on resize.
pub(super) fn track_viewport_height(editor: NodeRef<html::Textarea>, view: EditorView) {
    let measure = move || {
        if let Some(area) = editor.get_untracked() {
            view.viewport_height.set(area.client_height() as f64);
        }
    };
    // Measured in the next frame, not while the page is being built: reading the
    // height then forced a layout of the half-built page (49 ms of the first load).
    Effect::new(move |_| {
        if editor.get().is_some() {
            request_animation_frame(measure);
        }
    });
    let resize = window_event_listener(ev::resize, move |_| measure());
    on_cleanup(move || resize.remove());
}

/// What records a selection of the textarea and moves `view.caret` (a byte offset).
pub(super) fn caret_setter(
    store: Store,
    view: EditorView,
    last_selection: StoredValue<Selection>,
) -> impl Fn(Selection) + Copy + 'static {
    move |sel: Selection| {
        last_selection.set_value(sel);
        let byte = store
            .index
            .with_untracked(|i| i.0.byte_offset_of_utf16(sel.end));
        if view.caret.get_untracked() != byte {
            view.caret.set(byte);
        }
    }
}

/// Reads the textarea's selection into the caret. Reading it costs the browser a
/// walk of the text (about 0.5 ms per read at 5,000 lines), so each change is read
/// once: `selectionchange` reads it, and keyup and click, kept for browsers that fire
/// `selectionchange` only at the document, read it only when none came since.
#[derive(Clone, Copy)]
pub(super) struct CaretTracker<F: Fn(Selection) + Copy + 'static> {
    set: F,
    /// A `selectionchange` reached the textarea since the last keyup or click.
    seen: StoredValue<bool>,
}

impl<F: Fn(Selection) + Copy + 'static> CaretTracker<F> {
    pub(super) fn new(set: F) -> Self {
        CaretTracker {
            set,
            seen: StoredValue::new(false),
        }
    }

    /// The selection moved: read it.
    pub(super) fn read(&self, area: &HtmlTextAreaElement) {
        (self.set)(selection_of(area));
    }

    /// A key or click that may have moved the selection: read it unless
    /// `selectionchange` already did.
    pub(super) fn read_unless_seen(&self, area: &HtmlTextAreaElement) {
        if self.seen.get_value() {
            self.seen.set_value(false);
        } else {
            self.read(area);
        }
    }
}

/// Every way the caret moves (keys, mouse, touch handles, a script, Undo) fires
/// `selectionchange` at the textarea; keyup, click and focus stay for browsers that
/// fire it only at the document. Without it, a caret set by a touch handle left the
/// field highlight and the undo step's selection behind.
pub(super) fn follow_selectionchange<F: Fn(Selection) + Copy + 'static>(
    editor: NodeRef<html::Textarea>,
    tracker: CaretTracker<F>,
) {
    Effect::new(move |_| {
        let Some(area) = editor.get() else { return };
        let target = area.clone();
        let listener = gloo::events::EventListener::new(&area, "selectionchange", move |_| {
            tracker.seen.set_value(true);
            tracker.read(&target);
        });
        // Owned by this effect: dropped, and so removed, when the editor goes.
        StoredValue::new_local(listener);
    });
}
