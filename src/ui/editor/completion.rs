//! The completion list under the caret: keys valid at that place and allowed values,
//! from the core's catalogue. Arrow keys move, Enter or Tab accepts, Escape closes.

use super::{LINE_HEIGHT, PAD_X, PAD_Y};
use crate::state::{Selection, StepKind};
use crate::ui::store::Store;
use gradient_spec::complete::{CaretPosition, Item};
use gradient_spec::text::LineIndex;
use gradient_spec::Span;
use leptos::prelude::*;

/// An open completion list.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Open {
    pub items: Vec<Item>,
    pub active: usize,
    /// The bytes an accepted item replaces.
    pub replace: Span,
    /// Where to draw the list (pixels inside the code area, before scrolling).
    pub row: usize,
    pub column: usize,
}

/// Items worth offering at byte `offset`; `explicit` (Ctrl+Space) also opens with
/// nothing typed yet.
pub(crate) fn open_at(store: Store, offset: usize, explicit: bool) -> Option<Open> {
    // Completion writes YAML (`key: `): not offered in a JSON or JSONC document.
    if store.format.get_untracked() != gradient_spec::Format::Yaml {
        return None;
    }
    let completion = store.complete_at(offset);
    let cx = &completion.context;
    let typed = !cx.prefix.is_empty();
    let useful = match cx.position {
        CaretPosition::Key | CaretPosition::ListItem => typed || explicit,
        CaretPosition::Value => true,
        CaretPosition::Other => explicit,
    };
    if !useful || completion.items.is_empty() {
        return None;
    }
    // Nothing to offer when the only item is exactly what is typed.
    if completion.items.len() == 1
        && completion.items[0]
            .insert_text
            .trim_end()
            .trim_end_matches(':')
            == cx.prefix
    {
        return None;
    }
    let p = store
        .index
        .with_untracked(|i| i.0.position(cx.replace.start));
    let (row, column) = (p.line - 1, p.column - 1);
    Some(Open {
        items: completion.items.iter().take(50).cloned().collect(),
        active: 0,
        replace: cx.replace,
        row,
        column,
    })
}

/// Replaces the typed prefix with the chosen item, as a typing step.
pub(crate) fn accept(store: Store, open: &Open, index: usize) {
    let Some(item) = open.items.get(index) else {
        return;
    };
    let (text, before, after) = store.with_text(|t| {
        let mut text = t.to_string();
        let (start, end) = (
            open.replace.start.min(t.len()),
            open.replace.end.min(t.len()),
        );
        text.replace_range(start..end, &item.insert_text);
        let before = store.index.with_untracked(|i| i.0.utf16_offset(end));
        let caret = LineIndex::new(&text).utf16_offset(start + item.insert_text.len());
        (text, Selection::caret(before), Selection::caret(caret))
    });
    store.replace(text, StepKind::Fix, before, after);
}

// `#[component]` gives its props struct `pub` fields, which the lint would flag.
#[allow(unreachable_pub)]
#[component]
pub(crate) fn CompletionList(
    open: RwSignal<Option<Open>>,
    store: Store,
    view: super::EditorView,
    editor: NodeRef<leptos::html::Textarea>,
) -> impl IntoView {
    move || {
        open.get().map(|o| {
            let width = editor.get_untracked().map_or(7.8, |a| super::pointer::char_width(&a));
            let y = PAD_Y + (o.row as f64 + 1.0) * LINE_HEIGHT - view.scroll_top.get() + 2.0;
            let x = (PAD_X + o.column as f64 * width - view.scroll_left.get()).max(0.0);
            let active = o.active;
            view! {
                <ul id="completion" class="completion" role="listbox" aria-label="Completions" style:top=format!("{y}px") style:left=format!("{x}px")>
                    {o.items.iter().enumerate().map(|(i, item)| {
                        let o2 = o.clone();
                        view! {
                            <li id=format!("completion-{i}") role="option" aria-selected=(i == active).to_string()
                                class:active=i == active
                                on:mousedown=move |ev| { ev.prevent_default(); accept(store, &o2, i); open.set(None); }>
                                <span class="label">{item.label}</span>
                                <span class="detail">{item.detail.clone()}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })
    }
}
