//! The check every edit passes before it is handed out: apply it, parse the result,
//! and compare. No new syntax problem, the document means exactly the old meaning
//! with the intended change, and every comment outside what was meant to go survives.
//!
//! The check costs one parse of the new text.

use super::error::EditError;
use super::meaning::{first_difference, Meaning};
use super::yaml_text::YamlText;
use crate::diag::{apply_edits, Span, TextEdit};
use crate::yaml;
use std::collections::HashMap;

/// Checks `edits` against `expected`; comments inside `may_drop` may go. Returns the
/// edits unchanged when they pass.
pub(crate) fn verified(
    ctx: &YamlText,
    edits: Vec<TextEdit>,
    expected: &Meaning,
    may_drop: &[Span],
) -> Result<Vec<TextEdit>, EditError> {
    let new_text = apply_edits(ctx.text, &edits)
        .ok_or_else(|| EditError::refused("its changes overlap (an internal error)"))?;
    let new_doc = yaml::parse(&new_text);

    let mut old_problems: HashMap<(crate::RuleId, &str), usize> = HashMap::new();
    for d in &ctx.doc.syntax_diagnostics {
        *old_problems
            .entry((d.rule, d.message.as_str()))
            .or_default() += 1;
    }
    for d in &new_doc.syntax_diagnostics {
        match old_problems.get_mut(&(d.rule, d.message.as_str())) {
            Some(n) if *n > 0 => *n -= 1,
            _ => {
                return Err(EditError::refused(format!(
                    "the result would not parse: {}",
                    d.message
                )))
            }
        }
    }

    same_meaning(expected, &Meaning::of_root(new_doc.root.as_ref()))?;
    keeps_comments(ctx.text, &ctx.comments, &edits, may_drop)?;
    *ctx.accepted.borrow_mut() = Some(new_doc);
    Ok(edits)
}

/// The edited document must mean what the edit intended, or it is refused, naming the
/// first place it differs. Shared by the YAML and JSON edit layers.
pub(crate) fn same_meaning(expected: &Meaning, got: &Meaning) -> Result<(), EditError> {
    if got == expected {
        return Ok(());
    }
    let at = first_difference(expected, got);
    let at = if at.is_empty() {
        "the document".to_string()
    } else {
        format!("`{at}`")
    };
    Err(EditError::refused(format!(
        "the result would not read back as intended (at {at})"
    )))
}

/// Bytes outside the edits are unchanged, so a comment can only be lost where an edit
/// replaces it, unless an edit writes it again (a moved item) or it lies in a span the
/// edit may drop (the comment lines of a removed entry). The meaning check catches one
/// swallowed by a value. Shared by the YAML and JSON edit layers.
pub(crate) fn keeps_comments(
    text: &str,
    comments: &[Span],
    edits: &[TextEdit],
    may_drop: &[Span],
) -> Result<(), EditError> {
    let written: String = edits.iter().map(|e| e.insert.as_str()).collect();
    for c in comments {
        let hit = edits
            .iter()
            .any(|e| c.start < e.span.end && e.span.start < c.end);
        let allowed = may_drop
            .iter()
            .any(|d| c.start >= d.start && c.end <= d.end);
        let text = c.slice(text).trim_end();
        if hit && !allowed && !written.contains(text) {
            return Err(EditError::refused(format!(
                "it would lose the comment `{text}`"
            )));
        }
    }
    Ok(())
}

/// Tries each candidate in turn and returns the first that passes; the first
/// candidate's error when none does.
pub(crate) fn first_verified(
    ctx: &YamlText,
    candidates: Vec<Vec<TextEdit>>,
    expected: &Meaning,
    may_drop: &[Span],
) -> Result<Vec<TextEdit>, EditError> {
    let mut first_err = None;
    for edits in candidates {
        match verified(ctx, edits, expected, may_drop) {
            Ok(e) => return Ok(e),
            Err(e) => {
                first_err.get_or_insert(e);
            }
        }
    }
    Err(first_err.unwrap_or_else(|| EditError::refused("no way to write it was found")))
}
