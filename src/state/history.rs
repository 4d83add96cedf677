//! One undo history of text transactions for both panes: typing, form edits, fixes,
//! formatting and loads are all steps; typing coalesces into word-sized steps.

use super::change::Change;
use super::doc::Selection;

/// What made a step (typing coalesces; everything else is a step of its own).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum StepKind {
    Typing,
    Form,
    Fix,
    Format,
    /// Opening a file, choosing a template, a share link, an embedder's `set`.
    Load,
    Indent,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Step {
    pub change: Change,
    pub kind: StepKind,
    pub before: Selection,
    pub after: Selection,
    /// When the step was last extended (ms), for coalescing.
    pub at_ms: f64,
    /// Form steps with the same group (the field's path) coalesce like typing.
    pub group: Option<u64>,
}

/// Typing pauses longer than this start a new undo step.
pub const COALESCE_MS: f64 = 1000.0;
/// Steps kept; the oldest go first. Each is one replacement, so this stays small.
pub const MAX_STEPS: usize = 500;

#[derive(Debug, Clone, Default, PartialEq)]
pub struct History {
    undo: Vec<Step>,
    redo: Vec<Step>,
}

impl History {
    /// Records a step; typing merges into the previous typing step when it continues
    /// it (adjacent, soon after, not across a line break).
    pub fn record(&mut self, step: Step) {
        self.redo.clear();
        let coalesces = match step.kind {
            StepKind::Typing => !step.change.inserted.contains('\n'),
            StepKind::Form => step.group.is_some(),
            _ => false,
        };
        if coalesces {
            if let Some(last) = self.undo.last_mut() {
                if last.kind == step.kind
                    && last.group == step.group
                    && step.at_ms - last.at_ms <= COALESCE_MS
                {
                    if let Some(merged) = last.change.merge(&step.change) {
                        last.change = merged;
                        last.after = step.after;
                        last.at_ms = step.at_ms;
                        return;
                    }
                }
            }
        }
        self.undo.push(step);
        if self.undo.len() > MAX_STEPS {
            self.undo.remove(0);
        }
    }

    /// Takes the step to undo (moving it to the redo stack).
    pub fn undo(&mut self) -> Option<&Step> {
        let step = self.undo.pop()?;
        self.redo.push(step);
        self.redo.last()
    }

    /// Takes the step to redo (moving it back to the undo stack).
    pub fn redo(&mut self) -> Option<&Step> {
        let step = self.redo.pop()?;
        self.undo.push(step);
        self.undo.last()
    }

    pub fn can_undo(&self) -> bool {
        !self.undo.is_empty()
    }
    pub fn can_redo(&self) -> bool {
        !self.redo.is_empty()
    }
    /// Ends the current typing step, so the next keystroke starts a new one.
    pub fn seal(&mut self) {
        if let Some(last) = self.undo.last_mut() {
            last.at_ms = f64::NEG_INFINITY;
        }
    }
}
