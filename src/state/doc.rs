//! The document being edited: its text (the single source of truth), the file name
//! it is saved under, and its history.

use super::change::Change;
use super::history::{History, Step, StepKind};
use gradient_spec::Format;

/// A selection in UTF-16 offsets, as the textarea counts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Selection {
    pub start: usize,
    pub end: usize,
}

impl Selection {
    pub fn caret(at: usize) -> Self {
        Selection { start: at, end: at }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct EditorDoc {
    pub text: String,
    /// `spec.yaml`, or the name of the opened file (used by Download YAML).
    pub file_name: String,
    history: History,
    /// Bumped on every change: lets views tell programmatic changes from their own.
    pub revision: u64,
    /// The selection the editor shows after the last change (the editor skips it
    /// for its own typing, where the browser already placed the caret).
    pub pending_selection: Option<Selection>,
    /// The text as last loaded or downloaded, to know about unsaved changes.
    pub saved_text: String,
    /// The file used CRLF line breaks. A textarea only holds LF, so the text is kept
    /// with LF and exported with CRLF again.
    pub crlf: bool,
}

/// The text with LF line breaks (what a textarea holds), and whether it had CRLF.
pub fn normalize_line_breaks(text: String) -> (String, bool) {
    if !text.contains('\r') {
        return (text, false);
    }
    let crlf = text.contains("\r\n");
    (text.replace("\r\n", "\n").replace('\r', "\n"), crlf)
}

pub const DEFAULT_FILE_NAME: &str = "spec.yaml";

impl EditorDoc {
    pub fn new(text: impl Into<String>) -> Self {
        let (text, crlf) = normalize_line_breaks(text.into());
        EditorDoc {
            crlf,
            saved_text: text.clone(),
            text,
            file_name: DEFAULT_FILE_NAME.to_string(),
            history: History::default(),
            revision: 0,
            pending_selection: None,
        }
    }

    /// Replaces the text with `new` as one step of `kind`. Returns false (and records
    /// nothing) when nothing changed.
    pub fn apply(
        &mut self,
        new: String,
        kind: StepKind,
        before: Selection,
        after: Selection,
        now_ms: f64,
    ) -> bool {
        self.apply_grouped(new, kind, None, before, after, now_ms)
    }

    /// [`apply`](Self::apply) for a step that coalesces with the previous one of the
    /// same `group` (a burst of typing in one form field).
    pub fn apply_grouped(
        &mut self,
        new: String,
        kind: StepKind,
        group: Option<u64>,
        before: Selection,
        after: Selection,
        now_ms: f64,
    ) -> bool {
        let Some(change) = Change::between(&self.text, &new) else {
            return false;
        };
        self.history.record(Step {
            change,
            kind,
            before,
            after,
            at_ms: now_ms,
            group,
        });
        self.text = new;
        self.revision += 1;
        self.pending_selection = Some(after);
        true
    }

    pub fn undo(&mut self) -> bool {
        let Some(step) = self.history.undo() else {
            return false;
        };
        let (inverse, sel) = (step.change.inverse(), step.before);
        inverse.apply(&mut self.text);
        self.revision += 1;
        self.pending_selection = Some(sel);
        true
    }

    pub fn redo(&mut self) -> bool {
        let Some(step) = self.history.redo() else {
            return false;
        };
        let (change, sel) = (step.change.clone(), step.after);
        change.apply(&mut self.text);
        self.revision += 1;
        self.pending_selection = Some(sel);
        true
    }

    pub fn can_undo(&self) -> bool {
        self.history.can_undo()
    }
    pub fn can_redo(&self) -> bool {
        self.history.can_redo()
    }
    pub fn seal_typing(&mut self) {
        self.history.seal();
    }
    /// The text as it is saved, downloaded and copied: with the file's line breaks.
    pub fn export_text(&self) -> String {
        if self.crlf {
            self.text.replace('\n', "\r\n")
        } else {
            self.text.clone()
        }
    }

    /// The language of the document: its file name's when the file has a known
    /// extension (an opened `.json` stays JSON), else its content's (the default
    /// `spec.yaml` name is a placeholder: pasted JSON is JSON). See `gradient_spec::Format`.
    pub fn format(&self) -> Format {
        if self.file_name == DEFAULT_FILE_NAME {
            Format::detect(&self.text)
        } else {
            Format::of_document(Some(&self.file_name), &self.text)
        }
    }

    /// The file name for a download in `format`: the document's own name for its own
    /// format, else the same stem with that format's extension.
    pub fn file_name_as(&self, format: Format) -> String {
        if format == self.format() && !(self.file_name == DEFAULT_FILE_NAME && format.is_json()) {
            return self.file_name.clone();
        }
        let name = &self.file_name;
        let stem = [".yaml", ".yml", ".jsonc", ".json"]
            .iter()
            .find_map(|ext| name.strip_suffix(ext))
            .unwrap_or(name);
        format!("{stem}.{}", format.extension())
    }

    pub fn is_dirty(&self) -> bool {
        self.text != self.saved_text
    }
    pub fn mark_saved(&mut self) {
        self.saved_text = self.text.clone();
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn format_from_the_name_or_else_the_content() {
        let mut doc = EditorDoc::new("{\"name\": \"a\"}\n");
        assert_eq!(
            doc.format(),
            Format::Json,
            "pasted JSON under the default name"
        );
        assert_eq!(doc.file_name_as(Format::Json), "spec.json");
        assert_eq!(doc.file_name_as(Format::Yaml), "spec.yaml");
        doc.file_name = "paperspace.jsonc".into();
        assert_eq!(doc.format(), Format::Jsonc);
        assert_eq!(doc.file_name_as(Format::Jsonc), "paperspace.jsonc");
        assert_eq!(doc.file_name_as(Format::Json), "paperspace.json");
        assert_eq!(doc.file_name_as(Format::Yaml), "paperspace.yaml");
        doc.file_name = "app.yml".into();
        assert_eq!(doc.format(), Format::Yaml, "the name wins");
        assert_eq!(EditorDoc::new("name: a\n").format(), Format::Yaml);
    }

    fn type_char(doc: &mut EditorDoc, at: usize, c: &str, now: f64) {
        let mut t = doc.text.clone();
        t.insert_str(at, c);
        let after = Selection::caret(at + c.len());
        doc.apply(t, StepKind::Typing, Selection::caret(at), after, now);
    }

    #[test]
    fn typing_a_word_is_one_step_and_a_pause_starts_another() {
        let mut doc = EditorDoc::new("image: \n");
        for (i, c) in ["n", "g", "i", "n", "x"].iter().enumerate() {
            type_char(&mut doc, 7 + i, c, i as f64 * 100.0);
        }
        assert_eq!(doc.text, "image: nginx\n");
        type_char(&mut doc, 12, "!", 5000.0);
        assert!(doc.undo());
        assert_eq!(doc.text, "image: nginx\n");
        assert!(doc.undo());
        assert_eq!(doc.text, "image: \n");
        assert!(!doc.undo());
        assert!(doc.redo() && doc.redo());
        assert_eq!(doc.text, "image: nginx!\n");
    }

    #[test]
    fn a_form_edit_is_its_own_step_and_undo_restores_bytes() {
        let original = "resources:\n  instanceType: C4 # cpu\n";
        let mut doc = EditorDoc::new(original);
        type_char(&mut doc, 0, "#", 0.0);
        let edited = doc.text.replace("C4", "A100");
        assert!(doc.apply(
            edited.clone(),
            StepKind::Form,
            Selection::default(),
            Selection::caret(15),
            10.0
        ));
        assert_eq!(doc.pending_selection, Some(Selection::caret(15)));
        assert!(doc.undo());
        assert_eq!(doc.pending_selection, Some(Selection::default()));
        assert!(doc.redo());
        assert!(doc.undo());
        assert_eq!(doc.text, format!("#{original}"));
        assert!(doc.undo());
        assert_eq!(doc.text, original);
        assert!(doc.redo() && doc.redo());
        assert_eq!(doc.text, edited);
    }

    #[test]
    fn typing_in_one_form_field_is_one_step() {
        let mut doc = EditorDoc::new("image: a\n");
        let s = Selection::default();
        for (i, v) in ["ab", "abc", "abcd"].iter().enumerate() {
            let t = format!("image: {v}\n");
            doc.apply_grouped(t, StepKind::Form, Some(7), s, s, i as f64 * 100.0);
        }
        doc.apply_grouped(
            "image: abcd\nport: 1\n".into(),
            StepKind::Form,
            Some(8),
            s,
            s,
            400.0,
        );
        assert!(doc.undo());
        assert_eq!(doc.text, "image: abcd\n");
        assert!(doc.undo());
        assert_eq!(doc.text, "image: a\n");
    }

    #[test]
    fn crlf_files_are_edited_with_lf_and_exported_with_crlf() {
        let doc = EditorDoc::new("a: 1\r\nb: 2\r\n");
        assert_eq!(doc.text, "a: 1\nb: 2\n");
        assert!(doc.crlf);
        assert_eq!(doc.export_text(), "a: 1\r\nb: 2\r\n");
        assert_eq!(EditorDoc::new("a\n").export_text(), "a\n");
    }

    #[test]
    fn a_new_change_clears_redo_and_no_change_records_nothing() {
        let mut doc = EditorDoc::new("a");
        assert!(!doc.apply(
            "a".into(),
            StepKind::Form,
            Selection::default(),
            Selection::default(),
            0.0
        ));
        assert!(!doc.can_undo());
        doc.apply(
            "b".into(),
            StepKind::Form,
            Selection::default(),
            Selection::default(),
            0.0,
        );
        doc.undo();
        assert!(doc.can_redo());
        doc.apply(
            "c".into(),
            StepKind::Form,
            Selection::default(),
            Selection::default(),
            0.0,
        );
        assert!(!doc.can_redo());
        assert!(doc.is_dirty());
        doc.mark_saved();
        assert!(!doc.is_dirty());
    }
}
