//! The YAML editor: a `<textarea>` (the only thing that holds the text in the DOM)
//! over a backdrop that draws line numbers, syntax colours and problem underlines
//! for the visible lines only.

mod backdrop;
mod completion;
mod keyboard;
mod pointer;
mod quickfix;

use crate::state::visible_lines::{line_view, visible_range, LineView};
use crate::state::Selection;
use crate::ui::store::Store;
use backdrop::{Backdrop, Gutter};
use gradient_spec::text::line_text;
use leptos::ev;
use leptos::html;
use leptos::prelude::*;
use wasm_bindgen::JsCast;
use web_sys::HtmlTextAreaElement;

/// Pixel height of one line; the CSS uses the same (`--line-height`).
pub const LINE_HEIGHT: f64 = 20.0;
/// Padding inside the textarea (CSS `--pad-y`, `--pad-x`).
pub const PAD_Y: f64 = 8.0;
pub const PAD_X: f64 = 12.0;

/// Where the person's caret and view are; only the editor writes these.
#[derive(Clone, Copy)]
pub struct EditorView {
    pub scroll_top: RwSignal<f64>,
    pub scroll_left: RwSignal<f64>,
    pub viewport_height: RwSignal<f64>,
    /// The caret as a byte offset into the text.
    pub caret: RwSignal<usize>,
    /// A range to show highlighted (the value of the focused form field).
    pub highlight: RwSignal<Option<gradient_spec::Span>>,
}

impl EditorView {
    pub fn new() -> Self {
        EditorView {
            scroll_top: RwSignal::new(0.0),
            scroll_left: RwSignal::new(0.0),
            viewport_height: RwSignal::new(600.0),
            caret: RwSignal::new(0),
            highlight: RwSignal::new(None),
        }
    }
}

impl Default for EditorView {
    fn default() -> Self {
        Self::new()
    }
}

fn selection_of(area: &HtmlTextAreaElement) -> Selection {
    let start = area.selection_start().ok().flatten().unwrap_or(0) as usize;
    let end = area.selection_end().ok().flatten().unwrap_or(start as u32) as usize;
    Selection { start, end }
}

#[component]
pub fn CodeEditor(
    store: Store,
    editor: NodeRef<html::Textarea>,
    view: EditorView,
) -> impl IntoView {
    // The revision the textarea already shows (its own typing): no write-back then,
    // so the caret and scroll position never jump.
    let shown_revision = StoredValue::new(u64::MAX);
    let last_selection = StoredValue::new(Selection::default());
    let completion = RwSignal::new(None::<completion::Open>);
    let fixes = RwSignal::new(None::<quickfix::FixMenu>);

    let lines = Memo::new(move |_| {
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
                    .collect::<Vec<LineView>>()
            })
        })
    });

    // Write the text and selection into the textarea after changes it did not make.
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

    // Focusing a form field shows its value in the editor, scrolled into view.
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

    let track_caret = move |area: &HtmlTextAreaElement| {
        let sel = selection_of(area);
        last_selection.set_value(sel);
        let byte = store
            .index
            .with_untracked(|i| i.0.byte_offset_of_utf16(sel.end));
        if view.caret.get_untracked() != byte {
            view.caret.set(byte);
        }
    };
    // Every way the caret moves (keys, mouse, touch handles, a script, Undo) fires
    // `selectionchange` at the textarea; keyup, click and focus stay for browsers
    // that fire it only at the document. Without it, a caret set by a touch handle
    // left the field highlight and the undo step's selection behind.
    Effect::new(move |_| {
        let Some(area) = editor.get() else { return };
        let target = area.clone();
        let listener = gloo::events::EventListener::new(&area, "selectionchange", move |_| {
            track_caret(&target)
        });
        // Owned by this effect: dropped, and so removed, when the editor goes.
        StoredValue::new_local(listener);
    });

    let on_input = move |ev: ev::Event| {
        let area: HtmlTextAreaElement = event_target(&ev);
        let before = last_selection.get_value();
        let after = selection_of(&area);
        store.replace(area.value(), crate::state::StepKind::Typing, before, after);
        shown_revision.set_value(store.doc.with_untracked(|d| d.revision));
        track_caret(&area);
        // Offer completions while typing (not after pasting or deleting).
        let typing = ev
            .dyn_ref::<web_sys::InputEvent>()
            .is_some_and(|e| e.input_type() == "insertText" && !e.is_composing());
        fixes.set(None);
        completion.set(if typing {
            completion::open_at(store, view.caret.get_untracked(), false)
        } else {
            None
        });
    };

    let hover = RwSignal::new(None::<pointer::Hover>);

    view! {
        <div class="code-editor">
            <Gutter lines=lines view=view />
            <div class="code-area">
                <Backdrop lines=lines view=view />
                <textarea
                    id="spec-yaml"
                    class="yaml-input"
                    node_ref=editor
                    spellcheck="false"
                    autocomplete="off"
                    autocapitalize="off"
                    wrap="off"
                    prop:readOnly=store.read_only
                    aria-describedby="caret-info"
                    aria-autocomplete="list"
                    aria-keyshortcuts="Control+Space Control+."
                    aria-controls=move || match (completion.with(Option::is_some), fixes.with(Option::is_some)) {
                        (true, _) => Some("completion"),
                        (_, true) => Some("quick-fixes"),
                        _ => None,
                    }
                    aria-activedescendant=move || completion.with(|c| c.as_ref().map(|o| format!("completion-{}", o.active)))
                        .or_else(|| fixes.with(|m| m.as_ref().map(|m| format!("quick-fix-{}", m.active))))
                    on:input=on_input
                    on:keydown=move |ev| keyboard::on_keydown(ev, store, editor, completion, fixes, view)
                    on:blur=move |_| { completion.set(None); fixes.set(None); }
                    on:mousedown=move |_| { completion.set(None); fixes.set(None); }
                    on:keyup=move |ev| track_caret(&event_target(&ev))
                    on:click=move |ev| track_caret(&event_target(&ev))
                    on:focus=move |ev| track_caret(&event_target(&ev))
                    on:scroll=move |ev| {
                        let area: HtmlTextAreaElement = event_target(&ev);
                        view.scroll_top.set(area.scroll_top() as f64);
                        view.scroll_left.set(area.scroll_left() as f64);
                        hover.set(None);
                    }
                    on:mousemove=move |ev| hover.set(pointer::hover_at(&ev, store))
                    on:mouseleave=move |_| hover.set(None)
                ></textarea>
                <pointer::HoverTip hover=hover />
                <completion::CompletionList open=completion store=store view=view editor=editor />
                <quickfix::QuickFixList menu=fixes store=store view=view editor=editor />
            </div>
        </div>
    }
}
