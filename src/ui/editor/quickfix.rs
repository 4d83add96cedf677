//! The quick-fix list at the caret (Ctrl+., as in VS Code): the fixes of the
//! problems under the caret, one per row. Arrow keys move, Enter or Tab applies the
//! chosen fix as one undoable step, Escape closes; the caret stays in the editor.

use super::{LINE_HEIGHT, PAD_X, PAD_Y};
use crate::analysis::Problem;
use crate::ui::store::Store;
use crate::ui::text::with_code;
use leptos::prelude::*;
use web_sys::KeyboardEvent;

/// An open quick-fix list.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct FixMenu {
    /// Problems under the caret that have a fix to apply.
    pub problems: Vec<Problem>,
    pub active: usize,
    /// Where to draw the list: the caret's line and column (from 0).
    pub row: usize,
    pub column: usize,
}

/// The list for the caret at byte `offset`; `None` (and a notice) when no problem
/// there has a fix.
pub(crate) fn open_at(store: Store, offset: usize) -> Option<FixMenu> {
    let problems = store.analysis.with_untracked(|a| a.fixes_at(offset));
    if problems.is_empty() {
        store.notice.set(Some(
            "No fix at the caret (Ctrl+. lists the fixes of the problem under it).".into(),
        ));
        return None;
    }
    let p = store.index.with_untracked(|i| i.0.position(offset));
    Some(FixMenu {
        problems,
        active: 0,
        row: p.line - 1,
        column: p.column - 1,
    })
}

/// Keys while the list is open; true when the key was the list's.
pub(crate) fn on_key(ev: &KeyboardEvent, store: Store, menu: RwSignal<Option<FixMenu>>) -> bool {
    let Some(open) = menu.get_untracked() else {
        return false;
    };
    let n = open.problems.len();
    match ev.key().as_str() {
        "ArrowDown" | "ArrowUp" => {
            let step = if ev.key() == "ArrowDown" { 1 } else { n - 1 };
            menu.update(|m| {
                if let Some(m) = m {
                    m.active = (m.active + step) % n;
                }
            });
        }
        "Enter" | "Tab" => apply(store, &open, open.active, menu),
        "Escape" => menu.set(None),
        _ => return false,
    }
    ev.prevent_default();
    true
}

fn apply(store: Store, open: &FixMenu, index: usize, menu: RwSignal<Option<FixMenu>>) {
    menu.set(None);
    if let Some(fix) = open.problems.get(index).and_then(|p| p.fix.as_ref()) {
        store.apply_fix(fix);
    }
}

// `#[component]` gives its props struct `pub` fields, which the lint would flag.
#[allow(unreachable_pub)]
#[component]
pub(crate) fn QuickFixList(
    menu: RwSignal<Option<FixMenu>>,
    store: Store,
    view: super::EditorView,
    editor: NodeRef<leptos::html::Textarea>,
) -> impl IntoView {
    move || {
        menu.get().map(|m| {
            let width = editor.get_untracked().map_or(7.8, |a| super::pointer::char_width(&a));
            let y = PAD_Y + (m.row as f64 + 1.0) * LINE_HEIGHT - view.scroll_top.get() + 2.0;
            let x = (PAD_X + m.column as f64 * width - view.scroll_left.get()).max(0.0);
            view! {
                <ul id="quick-fixes" class="completion" role="listbox" aria-label="Fixes at the caret" style:top=format!("{y}px") style:left=format!("{x}px")>
                    {m.problems.iter().enumerate().map(|(i, p)| {
                        let m2 = m.clone();
                        let title = p.fix.as_ref().map(|f| f.title.clone()).unwrap_or_default();
                        view! {
                            <li id=format!("quick-fix-{i}") role="option" aria-selected=(i == m.active).to_string() class:active=i == m.active
                                on:mousedown=move |ev| { ev.prevent_default(); apply(store, &m2, i, menu); }>
                                <span class="label">{with_code(title)}</span>
                                <span class="detail">{p.rule.as_str()}</span>
                            </li>
                        }
                    }).collect_view()}
                </ul>
            }
        })
    }
}
