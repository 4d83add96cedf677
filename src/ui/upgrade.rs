//! "Upgrade to v1": offered while the spec has the legacy shape (asked of the parse the
//! page already has). The core computes the upgrade (`gradient_spec::upgrade`); this
//! shows a preview of the changed lines and the notes on what was not carried over,
//! applies it as one undoable step, and keeps the notes in view afterwards, since what
//! they describe is no longer in the text.

use crate::state::StepKind;
use crate::ui::store::Store;
use crate::ui::text::with_code;
use gradient_spec::text::LineIndex;
use gradient_spec::upgrade::{needs_upgrade, upgrade_to_v1_as, Upgrade, UpgradeStatus};
use gradient_spec::Format;
use leptos::prelude::*;

/// One changed region of the preview: the lines that go and the lines that come.
#[derive(Clone)]
struct Hunk {
    line: usize,
    removed: Vec<String>,
    added: Vec<String>,
}

/// A note with the line it points at in the text that was upgraded.
#[derive(Clone)]
struct Note {
    line: usize,
    message: String,
}

/// A computed upgrade as the panel shows it.
#[derive(Clone)]
struct Preview {
    upgrade: Upgrade,
    hunks: Vec<Hunk>,
    notes: Vec<Note>,
}

impl Preview {
    /// The upgrade of `text`, written in `format` (the document's own: a JSON spec
    /// stays JSON).
    fn of(text: &str, format: Format) -> Self {
        let upgrade = upgrade_to_v1_as(text, format);
        let index = LineIndex::new(text);
        let lines = |s: &str| s.lines().map(str::to_owned).collect::<Vec<_>>();
        let hunks = upgrade
            .edits
            .iter()
            .map(|e| Hunk {
                line: index.position(e.span.start).line,
                removed: lines(&text[e.span.start..e.span.end]),
                added: lines(&e.insert),
            })
            .collect();
        let notes = upgrade
            .notes
            .iter()
            .map(|n| Note {
                line: index.position(n.span.start).line,
                message: n.message.clone(),
            })
            .collect();
        Preview {
            upgrade,
            hunks,
            notes,
        }
    }
}

#[component]
pub fn UpgradePanel(store: Store) -> impl IntoView {
    let offered = Memo::new(move |_| {
        store.checked.with(|c| {
            c.0.doc
                .root
                .as_ref()
                .and_then(|r| r.as_mapping())
                .is_some_and(needs_upgrade)
        })
    });
    let preview = RwSignal::new(None::<Preview>);
    // Notes of an applied upgrade: shown until dismissed.
    let applied = RwSignal::new(None::<Vec<Note>>);
    let open = move |_| {
        let format = store.format.get_untracked();
        preview.set(Some(store.with_text(|t| Preview::of(t, format))));
    };
    let apply = move |_| {
        let Some(p) = preview.get_untracked() else {
            return;
        };
        if store.apply_edits(&p.upgrade.edits, StepKind::Format) {
            store.notice.set(Some(format!(
                "Upgraded to v1 ({} notes); Undo restores the legacy spec.",
                p.notes.len()
            )));
            applied.set(Some(p.notes));
        }
        preview.set(None);
    };
    view! {
        <Show when=move || offered.get() && preview.with(Option::is_none) && !store.read_only>
            <div class="upgrade-offer" role="region" aria-label="Upgrade">
                <p>"This spec has the legacy shape. Since mid-2023 "<code>"apiVersion: latest"</code>" means the v1 shape."</p>
                <button type="button" on:click=open>"Preview upgrade to v1"</button>
            </div>
        </Show>
        {move || preview.get().map(|p| view! { <PreviewView preview=p apply=apply close=move || preview.set(None) /> })}
        {move || applied.get().filter(|n| !n.is_empty()).map(|notes| view! {
            <section class="pane upgrade-notes" aria-labelledby="upgrade-notes-title">
                <h2 id="upgrade-notes-title" class="pane-title">"Not carried over by the upgrade"</h2>
                <NoteList notes=notes />
                <button type="button" on:click=move |_| applied.set(None)>"Dismiss upgrade notes"</button>
            </section>
        })}
    }
}

/// The preview as a modal dialog: the page behind is inert, focus stays inside, and
/// Esc (the dialog's `cancel`) closes it, all by the browser's own `<dialog>`.
#[component]
fn PreviewView(
    preview: Preview,
    apply: impl Fn(leptos::ev::MouseEvent) + 'static,
    close: impl Fn() + Clone + Send + Sync + 'static,
) -> impl IntoView {
    let refused = match &preview.upgrade.status {
        UpgradeStatus::Refused { reason } => Some(reason.clone()),
        _ => None,
    };
    let changed = preview.upgrade.changed();
    let summary = preview.upgrade.summary();
    let dialog = NodeRef::<leptos::html::Dialog>::new();
    Effect::new(move |_| {
        if let Some(d) = dialog.get() {
            if !d.open() {
                let _ = d.show_modal();
            }
        }
    });
    let on_cancel = close.clone();
    view! {
        <dialog class="upgrade-dialog" node_ref=dialog aria-labelledby="upgrade-title"
            on:cancel=move |ev: leptos::ev::Event| { ev.prevent_default(); on_cancel() }>
            <h2 id="upgrade-title">"Upgrade to v1: preview"</h2>
            <p class="summary">{with_code(summary)}</p>
            {refused.map(|r| view! { <p class="refused">{with_code(r)}</p> })}
            <div class="upgrade-body">
                <ol class="hunks" aria-label="Changed lines">
                    {preview.hunks.into_iter().map(|h| view! {
                        <li>
                            <span class="hunk-line">{format!("line {}", h.line)}</span>
                            <pre>
                                {h.removed.into_iter().map(|l| view! { <del>{format!("- {l}\n")}</del> }).collect_view()}
                                {h.added.into_iter().map(|l| view! { <ins>{format!("+ {l}\n")}</ins> }).collect_view()}
                            </pre>
                        </li>
                    }).collect_view()}
                </ol>
                <NoteList notes=preview.notes />
            </div>
            <div class="upgrade-actions">
                <button type="button" class="primary" prop:disabled=!changed on:click=apply autofocus>"Apply upgrade"</button>
                <button type="button" on:click=move |_| close()>"Cancel"</button>
            </div>
        </dialog>
    }
}

#[component]
fn NoteList(notes: Vec<Note>) -> impl IntoView {
    let empty = notes.is_empty();
    view! {
        <Show when=move || !empty fallback=|| view! { <p>"Everything was carried over."</p> }>
            <ul class="upgrade-note-list" aria-label="Upgrade notes">
                {notes.clone().into_iter().map(|n| view! {
                    <li>{format!("line {}: ", n.line)}{with_code(n.message)}</li>
                }).collect_view()}
            </ul>
        </Show>
    }
}
