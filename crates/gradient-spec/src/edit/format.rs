//! `format`: the canonical layout for the Format button.
//!
//! Two-space indentation, block style (a flow list of scalars up to 60 characters
//! stays on one line; other flow collections become block), one space after `:` and
//! `- `, no trailing spaces, one final newline, the document's own line ending. Key
//! order, every comment, one blank line wherever there were blank lines, and every
//! scalar exactly as written (quotes, escapes, block scalars re-indented) are kept.
//! The result is verified like every edit: same meaning, every comment present.

use super::error::EditError;
use super::meaning::{first_difference, Meaning};
use super::printer::Printer;
use super::yaml_text::YamlText;
use crate::yaml::{self, events, Node, Value, MAX_DEPTH};
use std::collections::HashMap;

/// The document in the canonical layout; refused while the text has syntax errors.
pub fn format(text: &str) -> Result<String, EditError> {
    let doc = yaml::parse(text);
    let ctx = YamlText::new(&doc)?;
    let errors = ctx.doc.syntax_diagnostics.len();
    if errors > 0 {
        return Err(EditError::SyntaxErrors { count: errors });
    }
    if ctx
        .doc
        .root
        .as_ref()
        .is_some_and(|r| depth(r) + 2 >= MAX_DEPTH)
    {
        return Err(EditError::unsupported(
            "the document is nested too deeply to format",
        ));
    }
    let eol = ctx.lay.eol;
    let out = match &ctx.doc.root {
        Some(root) => Printer::new(&ctx).document(root)?,
        // Only comments (or nothing): tidy the lines.
        None => {
            let mut out = String::new();
            let mut blank = false;
            for line in text.lines() {
                let line = line.trim_end();
                if line.is_empty() {
                    blank = !out.is_empty();
                    continue;
                }
                if blank {
                    out.push_str(eol);
                    blank = false;
                }
                out.push_str(line);
                out.push_str(eol);
            }
            out
        }
    };
    let out = if text.starts_with('\u{feff}') && !out.starts_with('\u{feff}') {
        format!("\u{feff}{out}")
    } else {
        out
    };
    check(&ctx, &out)?;
    Ok(out)
}

/// How deep collections nest (the parser cuts off below `MAX_DEPTH`: such a tree
/// would print without its deepest part).
fn depth(node: &Node) -> usize {
    match &node.value {
        Value::Mapping(m) => 1 + m.entries.iter().map(|e| depth(&e.value)).max().unwrap_or(0),
        Value::Sequence(s) => 1 + s.items.iter().map(depth).max().unwrap_or(0),
        _ => 0,
    }
}

/// The formatted text must parse cleanly, mean the same and keep every comment.
fn check(ctx: &YamlText, out: &str) -> Result<(), EditError> {
    let doc = yaml::parse(out);
    if let Some(d) = doc.syntax_diagnostics.first() {
        return Err(EditError::refused(format!(
            "the formatted text would not parse: {}",
            d.message
        )));
    }
    let (old, new) = (
        Meaning::of_root(ctx.doc.root.as_ref()),
        Meaning::of_root(doc.root.as_ref()),
    );
    if old != new {
        return Err(EditError::refused(format!(
            "formatting would change the value at `{}`",
            first_difference(&old, &new)
        )));
    }
    let mut count: HashMap<&str, i64> = HashMap::new();
    for c in &ctx.comments {
        *count.entry(c.slice(ctx.text).trim_end()).or_default() += 1;
    }
    for c in events::comment_spans(&doc) {
        if let Some(n) = count.get_mut(c.slice(out).trim_end()) {
            *n -= 1;
        }
    }
    if let Some((lost, _)) = count.iter().find(|(_, n)| **n > 0) {
        return Err(EditError::refused(format!(
            "formatting would lose the comment `{lost}`"
        )));
    }
    Ok(())
}
