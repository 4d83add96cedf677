//! The app's reactive state: one signal holding the document (text + history), and
//! memos derived from it. Every change to the text goes through here, as one step
//! of the shared history, whichever pane made it.

use crate::analysis::Analysis;
use crate::form::FormAction;
use crate::state::{EditorDoc, Selection, StepKind};
use crate::ui::retire::Retired;
use gradient_spec::complete::{complete_doc, Completion};
use gradient_spec::diag::apply_edits;
use gradient_spec::edit::in_format;
use gradient_spec::spec::Shape;
use gradient_spec::text::LineIndex;
use gradient_spec::Report;
use gradient_spec::{Fix, Format, TextEdit};
use leptos::prelude::*;
use std::sync::{Arc, Weak};

/// The check of one version of the text, shared by every view that derives from it.
/// Compared by identity: each change of the text makes a new one.
#[derive(Clone)]
pub struct Checked(pub Arc<Report>);

impl PartialEq for Checked {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// The line index of one version of the text (offsets ↔ line/column ↔ UTF-16), built
/// once per change and shared by the problems, the caret and completion.
#[derive(Clone)]
pub struct SharedIndex(pub Arc<LineIndex>);

impl PartialEq for SharedIndex {
    fn eq(&self, other: &Self) -> bool {
        Arc::ptr_eq(&self.0, &other.0)
    }
}

/// A completion made at one byte offset of one check's text (the check is held weakly:
/// the cache never keeps a superseded document alive).
type MadeCompletion = (Weak<Report>, usize, Arc<Completion>);

#[derive(Clone, Copy)]
pub struct Store {
    pub doc: RwSignal<EditorDoc>,
    /// The document's language (YAML, JSON, JSONC): every edit keeps it.
    pub format: Memo<Format>,
    /// The parse and diagnostics of the current text (computed once per change).
    pub checked: Memo<Checked>,
    /// The check of the text a change is about to make, when the change already made
    /// it (a form edit's verification parses its result; a fix is judged by checking
    /// its result): `checked` takes it instead of parsing the same text again.
    prechecked: StoredValue<Option<(Format, Arc<Report>)>>,
    /// The line index of the current text.
    pub index: Memo<SharedIndex>,
    /// The last completion made (of which check, at which offset): the completion
    /// list and the caret's help both ask for the caret's place after a keystroke.
    completed: StoredValue<Option<MadeCompletion>>,
    /// Problems and counts of the current text.
    pub analysis: Memo<Analysis>,
    /// A message for the person (a refused file, a copied link), shown near the toolbar.
    pub notice: RwSignal<Option<String>>,
    /// The notes of the last change of shape (upgrade or downgrade), shown by the
    /// upgrade panel until dismissed.
    pub shape_notes: RwSignal<Option<crate::ui::upgrade::ShapeNotes>>,
    /// `?readonly` (src/embed/): the person cannot change the text (typing, keys,
    /// fixes, the form, undo, open, templates); the embedding page still can
    /// (`gradient-spec:set` goes through `load_anyway`). Set once, before the view.
    pub read_only: bool,
}

/// Milliseconds since the page loaded (for coalescing typing into undo steps).
pub fn now_ms() -> f64 {
    web_sys::window()
        .and_then(|w| w.performance())
        .map_or(0.0, |p| p.now())
}

impl Store {
    pub fn new(doc: EditorDoc) -> Self {
        let doc = RwSignal::new(doc);
        let format = Memo::new(move |_| doc.with(|d| d.format()));
        let prechecked = StoredValue::new(None::<(Format, Arc<Report>)>);
        // The superseded check is dropped after the frame, not inside the keystroke.
        let retired = Retired::new();
        let checked = Memo::new(move |prev: Option<&Checked>| {
            if let Some(prev) = prev {
                retired.keep(Arc::clone(&prev.0));
            }
            let f = format.get();
            let ready = prechecked.try_update_value(Option::take).flatten();
            doc.with(|d| {
                Checked(match ready {
                    Some((rf, r)) if rf == f && r.doc.text == d.text => r,
                    _ => Arc::new(gradient_spec::check_as(&d.text, f)),
                })
            })
        });
        let index =
            Memo::new(move |_| SharedIndex(Arc::new(doc.with(|d| LineIndex::new(&d.text)))));
        let analysis =
            Memo::new(move |_| checked.with(|c| index.with(|i| Analysis::from_report(&c.0, &i.0))));
        Store {
            doc,
            format,
            checked,
            prechecked,
            index,
            completed: StoredValue::new(None),
            analysis,
            notice: RwSignal::new(None),
            shape_notes: RwSignal::new(None),
            read_only: false,
        }
    }

    /// This store, read-only when `yes`.
    pub fn with_read_only(mut self, yes: bool) -> Self {
        self.read_only = yes;
        self
    }

    /// True (and says so) when the person may not change the text.
    fn refuse_read_only(&self) -> bool {
        if self.read_only {
            self.notice.set(Some("This editor is read-only.".into()));
        }
        self.read_only
    }

    /// Runs `f` with the current text, without cloning it.
    pub fn with_text<R>(&self, f: impl FnOnce(&str) -> R) -> R {
        self.doc.with(|d| f(&d.text))
    }

    /// Replaces the text as one step of `kind` (typing coalesces).
    pub fn replace(&self, new_text: String, kind: StepKind, before: Selection, after: Selection) {
        if self.refuse_read_only() {
            return;
        }
        self.doc.update(|d| {
            d.apply(new_text, kind, before, after, now_ms());
        });
    }

    /// Applies text edits (a fix or a form change) as one undoable step, and selects
    /// what the first edit inserted.
    pub fn apply_edits(&self, edits: &[TextEdit], kind: StepKind) -> bool {
        self.apply_edits_grouped(edits, kind, None, None)
    }

    /// The core's completion items and field help at byte `offset` of the current
    /// text (untracked).
    pub fn complete_at(&self, offset: usize) -> Arc<Completion> {
        self.checked
            .with_untracked(|c| self.complete_in(&c.0, offset))
    }

    /// The completion at byte `offset` of the text `report` checked, made once per
    /// check and offset.
    pub fn complete_in(&self, report: &Arc<Report>, offset: usize) -> Arc<Completion> {
        let same = |(r, at, _): &MadeCompletion| {
            *at == offset && std::ptr::eq(r.as_ptr(), Arc::as_ptr(report))
        };
        if let Some(done) = self
            .completed
            .with_value(|c| c.as_ref().filter(|c| same(c)).map(|c| Arc::clone(&c.2)))
        {
            return done;
        }
        let done = Arc::new(complete_doc(&report.doc, offset));
        self.completed
            .set_value(Some((Arc::downgrade(report), offset, Arc::clone(&done))));
        done
    }

    /// The spec's shape (legacy or v1), as the rules decide it.
    pub fn shape(&self) -> Shape {
        self.checked.with(|c| {
            c.0.doc
                .root
                .as_ref()
                .and_then(|r| r.as_mapping())
                .map_or(Shape::Legacy, gradient_spec::rules::detect_shape)
        })
    }

    /// Carries out a form action as one undoable step of the shared history (typing
    /// in one field coalesces). A refused edit becomes a notice; the text is kept.
    pub fn form_action(&self, action: FormAction) {
        let shape = self.shape();
        let format = self.format.get_untracked();
        let result = self
            .checked
            .with_untracked(|c| crate::form::ops::edit_for(&c.0.doc, shape, &action, format));
        match result {
            Ok(edited) if edited.edits.is_empty() => {}
            Ok(edited) => {
                let group = match &action {
                    FormAction::SetText { path, .. } => Some(hash_of(path)),
                    _ => None,
                };
                let checked = edited.after.map(gradient_spec::check_parsed);
                self.apply_edits_grouped(&edited.edits, StepKind::Form, group, checked);
            }
            Err(e) => self.notice.set(Some(format!(
                "The form could not make that change: {}",
                e.0
            ))),
        }
    }

    /// Applies `edits` as one step (`group`: typing in one field coalesces). `checked`
    /// is the check of the resulting text when the caller already has it.
    fn apply_edits_grouped(
        &self,
        edits: &[TextEdit],
        kind: StepKind,
        group: Option<u64>,
        checked: Option<Report>,
    ) -> bool {
        if self.refuse_read_only() {
            return false;
        }
        let new_text = match &checked {
            Some(r) => Some(r.doc.text.clone()),
            None => self.with_text(|t| apply_edits(t, edits)),
        };
        let Some(new_text) = new_text else {
            self.notice.set(Some(
                "That change could not be applied to the current text.".into(),
            ));
            return false;
        };
        // The text before the first edit is unchanged, so the current text's index
        // places the selection: no line table is built for the new text here.
        let first = edits.iter().min_by_key(|e| e.span.start);
        let after = first.map_or(Selection::default(), |e| {
            let start = self
                .index
                .with_untracked(|i| i.0.utf16_offset(e.span.start));
            Selection {
                start,
                end: start + e.insert.encode_utf16().count(),
            }
        });
        if let Some(report) = checked {
            let format = self.format.get_untracked();
            self.prechecked.set_value(Some((format, Arc::new(report))));
        }
        self.doc.update(|d| {
            if group.is_none() {
                d.seal_typing();
            }
            d.apply_grouped(new_text, kind, group, after, after, now_ms());
        });
        true
    }

    /// Applies a fix as one undoable step, unless it would add a syntax problem (the
    /// core checks the result: see `gradient_spec::apply_fix`); then says so.
    /// On a JSON or JSONC document the core makes the fix again as JSON edits
    /// (`gradient_spec::apply_fix_as`), applied here as one edit of the changed bytes.
    pub fn apply_fix(&self, fix: &Fix) -> bool {
        let format = self.format.get_untracked();
        let fixed = self.checked.with_untracked(|c| {
            self.with_text(|t| gradient_spec::fix_checked(t, format, &c.0, fix))
        });
        let Some(fixed) = fixed else {
            self.notice.set(Some(format!(
                "“{}” was not applied: here it would break the {}. Edit the text by hand.",
                fix.title,
                format.name()
            )));
            return false;
        };
        let edits = if format == Format::Yaml {
            fix.edits.clone()
        } else {
            let edit = self.with_text(|t| gradient_spec::edit::minimal_edit(t, &fixed.doc.text));
            Vec::from_iter(edit)
        };
        self.apply_edits_grouped(&edits, StepKind::Fix, None, Some(fixed))
    }

    /// Loads a whole new text (a file, a template): one undoable step, and the text
    /// counts as saved under `file_name`.
    pub fn load(&self, text: String, file_name: Option<String>) {
        if !self.refuse_read_only() {
            self.load_anyway(text, file_name);
        }
    }

    /// `load` even when read-only: for what the page was opened with (a share link,
    /// `?template=`) and for the embedding page's `gradient-spec:set`.
    pub fn load_anyway(&self, text: String, file_name: Option<String>) {
        let (text, crlf) = crate::state::doc::normalize_line_breaks(text);
        self.doc.update(|d| {
            d.crlf = crlf;
            d.seal_typing();
            d.apply(
                text,
                StepKind::Load,
                Selection::default(),
                Selection::default(),
                now_ms(),
            );
            if let Some(name) = file_name {
                d.file_name = name;
            }
            d.mark_saved();
        });
    }

    /// Rewrites the text in the canonical layout (comments kept), as one step.
    pub fn format(&self) {
        if self.refuse_read_only() {
            return;
        }
        let editor = in_format(self.format.get_untracked());
        match self.with_text(|t| editor.format(t)) {
            Ok(formatted) => {
                let unchanged = self.with_text(|t| t == formatted);
                self.doc.update(|d| {
                    d.seal_typing();
                    d.apply(
                        formatted,
                        StepKind::Format,
                        Selection::default(),
                        Selection::default(),
                        now_ms(),
                    );
                });
                self.notice.set(Some(if unchanged {
                    "Already formatted.".into()
                } else {
                    "Formatted (Undo restores the previous layout).".into()
                }));
            }
            Err(e) => self.notice.set(Some(format!("Not formatted: {e}"))),
        }
    }

    pub fn undo(&self) {
        if self.refuse_read_only() {
            return;
        }
        self.doc.update(|d| {
            d.undo();
        });
    }

    pub fn redo(&self) {
        if self.refuse_read_only() {
            return;
        }
        self.doc.update(|d| {
            d.redo();
        });
    }
}

/// The group of a form change (typing in one field coalesces): its field's path.
fn hash_of(path: &gradient_spec::SpecPath) -> u64 {
    use std::hash::{Hash, Hasher};
    let mut h = std::collections::hash_map::DefaultHasher::new();
    path.hash(&mut h);
    h.finish()
}
