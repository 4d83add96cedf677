//! "Upgrade to v1": offered while the spec has the legacy shape (asked of the parse the
//! page already has). The core computes the upgrade (`gradient_spec::upgrade`); this
//! shows a preview of the changed lines and the notes on what was not carried over,
//! applies it as one undoable step, and keeps the notes in view afterwards, since what
//! they describe is no longer in the text.

use crate::state::StepKind;
use crate::ui::store::Store;
use crate::ui::text::with_code;
use gradient_spec::spec::Shape;
use gradient_spec::text::LineIndex;
use gradient_spec::upgrade::{
    downgrade_summary, downgrade_to_legacy, needs_upgrade, upgrade_to_v1_as, Upgrade, UpgradeStatus,
};
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

impl Note {
    /// The notes of `result`, located in `text` (the text before it).
    fn all_of(result: &Upgrade, text: &str) -> Vec<Note> {
        let index = LineIndex::new(text);
        result
            .notes
            .iter()
            .map(|n| Note {
                line: index.position(n.span.start).line,
                message: n.message.clone(),
            })
            .collect()
    }
}

/// The notes of an applied change of shape (the upgrade, or the form's "Spec shape"
/// in either direction), kept in view until dismissed: what they describe is no
/// longer in the text.
#[derive(Clone)]
pub struct ShapeNotes {
    title: &'static str,
    notes: Vec<Note>,
}

/// Moves the spec to `target` with the core (the upgrade, or the downgrade to the
/// legacy shape) as one undoable step, and keeps its notes in view. A spec already of
/// that shape is left alone; one the core refuses (or a JSON one) stays as it is,
/// with the reason as a notice.
pub fn switch_shape(store: Store, target: Shape) {
    if store.read_only {
        return;
    }
    // The upgrade keeps every format; the downgrade edits YAML only so far, and a
    // JSON(C) spec would come back in YAML syntax.
    let format = store.format.get_untracked();
    if target == Shape::Legacy && format != Format::Yaml {
        store.notice.set(Some(
            "Moving a JSON spec to the legacy shape is not supported yet: convert it to YAML first, or edit `apiVersion` and the fields."
                .into(),
        ));
        return;
    }
    let (result, notes) = store.with_text(|text| {
        let result = match target {
            Shape::V1 => upgrade_to_v1_as(text, format),
            Shape::Legacy => downgrade_to_legacy(text),
        };
        let notes = Note::all_of(&result, text);
        (result, notes)
    });
    let summary = match target {
        Shape::V1 => result.summary(),
        Shape::Legacy => downgrade_summary(&result),
    };
    if !result.changed() {
        if let UpgradeStatus::Refused { .. } = result.status {
            store
                .notice
                .set(Some(format!("The spec shape is unchanged: {summary}.")));
        }
        return;
    }
    if store.apply_edits(&result.edits, StepKind::Format) {
        let (title, back) = match target {
            Shape::V1 => ("Not carried over by the upgrade", "legacy"),
            Shape::Legacy => ("Not carried over to the legacy shape", "v1"),
        };
        store.notice.set(Some(format!(
            "Spec {summary}; Undo restores the {back} spec."
        )));
        store.shape_notes.set(Some(ShapeNotes { title, notes }));
    }
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
        let notes = Note::all_of(&upgrade, text);
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
    // Notes of an applied upgrade (or a change of shape in the form): shown until
    // dismissed.
    let applied = store.shape_notes;
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
            applied.set(Some(ShapeNotes {
                title: "Not carried over by the upgrade",
                notes: p.notes,
            }));
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
        {move || applied.get().filter(|n| !n.notes.is_empty()).map(|n| view! {
            <section class="pane upgrade-notes" aria-labelledby="upgrade-notes-title">
                <h2 id="upgrade-notes-title" class="pane-title">{n.title}</h2>
                <NoteList notes=n.notes />
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
