//! Format for JSON and JSONC: canonical JSON in the file's own indentation.
//!
//! Each entry and item on its own line one indentation step deeper than its
//! collection, `": "` after keys, empty collections as `{}`/`[]`, no trailing commas,
//! one final line break, the file's line ending. Strings and numbers stay exactly as
//! written, key order is kept. JSONC comments are kept where they were: a comment
//! that followed a token on its line still does, one on its own line stays on its own
//! line at the indentation of what follows; one blank line is kept wherever there
//! were blank lines before a line. Verified like every edit: same meaning, every
//! comment present, valid in its own format.

use super::super::error::EditError;
use super::super::meaning::{first_difference, Meaning};
use super::JsonText;
use crate::json::{parse_full, Tok};
use std::collections::HashMap;

pub(crate) fn format(text: &str, jsonc: bool) -> Result<String, EditError> {
    let ctx = JsonText::new(text, jsonc)?;
    let out = print(&ctx, true)?;
    check(&ctx, &out, jsonc)?;
    Ok(out)
}

/// A JSON or JSONC text as strict, canonical JSON: comments and trailing commas
/// dropped (for "Download JSON" of a JSONC spec).
pub(crate) fn plain_json(text: &str) -> Result<String, EditError> {
    let ctx = JsonText::new(text, true)?;
    let out = print(&ctx, false)?;
    check(&ctx, &out, false)?;
    Ok(out)
}

/// The canonical layout of the tokens of `ctx`, with or without its comments.
fn print(ctx: &JsonText, keep_comments: bool) -> Result<String, EditError> {
    let text = ctx.text;
    let errors = ctx.doc.syntax_diagnostics.len();
    if errors > 0 {
        return Err(EditError::SyntaxErrors { count: errors });
    }
    let toks: Vec<&crate::json::Token> = ctx
        .tokens
        .iter()
        .filter(|t| keep_comments || !t.is_comment())
        .collect();
    let eol = ctx.eol;
    let mut out = String::new();
    if text.starts_with('\u{feff}') {
        out.push('\u{feff}');
    }
    let mut level = 0usize;
    let mut need_break = false;
    let mut prev_end: Option<usize> = None;
    let mut skip_next_closer = false;
    let newline = |out: &mut String, level: usize, blank: bool| {
        while out.ends_with(' ') {
            out.pop();
        }
        out.push_str(eol);
        if blank {
            out.push_str(eol);
        }
        out.push_str(&ctx.unit.repeat(level));
    };
    // The next token that is not a comment, and whether a comment comes before it.
    let next_sig = |i: usize| {
        let mut comment = false;
        for t in toks[i + 1..].iter() {
            if t.is_comment() {
                comment = true;
            } else {
                return (Some(&t.tok), comment);
            }
        }
        (None, comment)
    };
    for (i, t) in toks.iter().enumerate() {
        let gap = prev_end.map_or("", |p| &text[p..t.span.start]);
        let own_line = prev_end.is_some() && gap.contains('\n');
        let blank = keep_comments && gap.matches('\n').count() >= 2;
        let s = t.span.slice(text);
        match &t.tok {
            Tok::LineComment | Tok::BlockComment { .. } => {
                if prev_end.is_none() {
                } else if own_line {
                    newline(&mut out, level, blank);
                } else if !out.ends_with(' ') {
                    out.push(' ');
                }
                out.push_str(s);
                if t.tok == Tok::LineComment || own_line || prev_end.is_none() {
                    need_break = true;
                } else {
                    out.push(' ');
                }
            }
            Tok::LBrace | Tok::LBracket => {
                if need_break && prev_end.is_some() {
                    newline(&mut out, level, blank);
                }
                out.push_str(s);
                let (next, comment) = next_sig(i);
                if !comment && matches!(next, Some(Tok::RBrace | Tok::RBracket)) {
                    out.push(if t.tok == Tok::LBrace { '}' } else { ']' });
                    skip_next_closer = true;
                    need_break = false;
                } else {
                    level += 1;
                    need_break = true;
                }
            }
            Tok::RBrace | Tok::RBracket => {
                if skip_next_closer {
                    skip_next_closer = false;
                } else {
                    level = level.saturating_sub(1);
                    newline(&mut out, level, false);
                    out.push_str(s);
                }
                need_break = false;
            }
            Tok::Comma => {
                if !matches!(next_sig(i).0, Some(Tok::RBrace | Tok::RBracket)) {
                    while out.ends_with(' ') {
                        out.pop();
                    }
                    out.push(',');
                    need_break = true;
                }
            }
            Tok::Colon => {
                while out.ends_with(' ') {
                    out.pop();
                }
                out.push_str(": ");
                need_break = false;
            }
            _ => {
                if need_break && prev_end.is_some() {
                    newline(&mut out, level, blank);
                }
                out.push_str(s);
                need_break = false;
            }
        }
        prev_end = Some(t.span.end);
    }
    while out.ends_with(' ') {
        out.pop();
    }
    out.push_str(eol);
    Ok(out)
}

/// The printed text must parse cleanly as `jsonc` says, mean the same, and keep every
/// comment it was meant to keep.
fn check(ctx: &JsonText, out: &str, jsonc: bool) -> Result<(), EditError> {
    let new = parse_full(out, jsonc);
    if let Some(d) = new.doc.syntax_diagnostics.first() {
        return Err(EditError::refused(format!(
            "the formatted text would not parse: {}",
            d.message
        )));
    }
    let (old, got) = (
        Meaning::of_root(ctx.root()),
        Meaning::of_root(new.doc.root.as_ref()),
    );
    if old != got {
        return Err(EditError::refused(format!(
            "formatting would change the value at `{}`",
            first_difference(&old, &got)
        )));
    }
    let mut count: HashMap<&str, i64> = HashMap::new();
    for c in ctx.comments.iter().filter(|_| jsonc) {
        *count.entry(c.slice(ctx.text).trim_end()).or_default() += 1;
    }
    for c in &new.comments {
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
