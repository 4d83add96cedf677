//! The YAML editor: a `<textarea>` (the only thing that holds the text in the DOM)
//! over a backdrop that draws line numbers, syntax colours and problem underlines
//! for the visible lines only.

mod backdrop;
mod completion;
mod keyboard;
mod pointer;
mod quickfix;
mod sync;

use crate::state::Selection;
use crate::ui::store::Store;
use backdrop::{Backdrop, Gutter};
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

/// The two lists that open over the editor: completions and the fixes at the caret.
/// At most one is open; the textarea names the open one to screen readers.
#[derive(Clone, Copy)]
struct Popups {
    completion: RwSignal<Option<completion::Open>>,
    fixes: RwSignal<Option<quickfix::FixMenu>>,
}

impl Popups {
    fn new() -> Self {
        Popups {
            completion: RwSignal::new(None),
            fixes: RwSignal::new(None),
        }
    }

    fn close(self) {
        self.completion.set(None);
        self.fixes.set(None);
    }

    /// `aria-controls`: the id of the open list.
    fn controls(self) -> Option<&'static str> {
        match (
            self.completion.with(Option::is_some),
            self.fixes.with(Option::is_some),
        ) {
            (true, _) => Some("completion"),
            (_, true) => Some("quick-fixes"),
            _ => None,
        }
    }

    /// `aria-activedescendant`: the id of the open list's active option.
    fn active_option(self) -> Option<String> {
        self.completion
            .with(|c| c.as_ref().map(|o| format!("completion-{}", o.active)))
            .or_else(|| {
                self.fixes
                    .with(|m| m.as_ref().map(|m| format!("quick-fix-{}", m.active)))
            })
    }
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
    let popups = Popups::new();
    let Popups { completion, fixes } = popups;

    let lines = sync::visible_lines(store, view);
    sync::write_back_outside_changes(store, editor, shown_revision, last_selection);
    sync::scroll_highlight_into_view(store, editor, view);
    sync::track_viewport_height(editor, view);
    let set_caret = sync::caret_setter(store, view, last_selection);
    let caret = sync::CaretTracker::new(set_caret);
    sync::follow_selectionchange(editor, caret);

    let on_input = move |ev: ev::Event| {
        let after = typed(&ev, store, last_selection.get_value());
        shown_revision.set_value(store.doc.with_untracked(|d| d.revision));
        set_caret(after);
        offer_completions(&ev, store, view, popups);
    };
    let on_scroll = move |ev: ev::Event| {
        let area: HtmlTextAreaElement = event_target(&ev);
        view.scroll_top.set(area.scroll_top() as f64);
        view.scroll_left.set(area.scroll_left() as f64);
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
                    aria-controls=move || popups.controls()
                    aria-activedescendant=move || popups.active_option()
                    on:input=on_input
                    on:keydown=move |ev| keyboard::on_keydown(ev, store, editor, completion, fixes, view)
                    on:blur=move |_| popups.close()
                    on:mousedown=move |_| popups.close()
                    on:keyup=move |ev| caret.read_unless_seen(&event_target(&ev))
                    on:click=move |ev| caret.read_unless_seen(&event_target(&ev))
                    on:focus=move |ev| caret.read(&event_target(&ev))
                    on:scroll=move |ev| { on_scroll(ev); hover.set(None); }
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

/// The textarea's own typing as one history step; the selection after it.
fn typed(ev: &ev::Event, store: Store, before: Selection) -> Selection {
    let area: HtmlTextAreaElement = event_target(ev);
    let after = sync::selection_of(&area);
    store.replace(area.value(), crate::state::StepKind::Typing, before, after);
    after
}

/// Opens the completion list while the person types (not after pasting or deleting),
/// and closes the fixes.
fn offer_completions(ev: &ev::Event, store: Store, view: EditorView, popups: Popups) {
    let typing = ev
        .dyn_ref::<web_sys::InputEvent>()
        .is_some_and(|e| e.input_type() == "insertText" && !e.is_composing());
    popups.fixes.set(None);
    popups.completion.set(if typing {
        completion::open_at(store, view.caret.get_untracked(), false)
    } else {
        None
    });
}
