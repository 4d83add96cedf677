//! Edits by spec path on JSON and JSONC documents, as minimal text edits that keep the
//! document in its own format.
//!
//! What is written is JSON: double-quoted keys and strings, commas added and removed
//! as entries come and go, new values laid out in the file's own indentation (detected
//! from the document, two spaces when it shows none) and line ending. Key order,
//! comments (JSONC) and every byte outside the change stay as they were; a JSONC file
//! that ends its collections with trailing commas gets them on new entries too.
//! Each edit is verified as the YAML ones are: the result is parsed in its own
//! format (a `.json` file must still be strict JSON), must mean exactly the old
//! document with the intended change, and must keep every comment not removed with
//! its entry (the comment lines directly above an entry, at its indentation, and the
//! comment after it on its line, go with it; moved list items do not carry comments).

mod insert_at;
mod ops;
mod place;
mod pretty;
mod render;
mod translate;

pub(crate) use ops::{
    append_item, insert_key, move_item, remove, rename_key, set_value, wrap_in_list,
};
pub(crate) use place::{insert_key_at, move_key};
pub(crate) use pretty::{format, plain_json};
pub(crate) use translate::fix_text;

use super::error::EditError;
use super::meaning::Meaning;
use super::verify::{keeps_comments, same_meaning};
use crate::diag::{apply_edits, Span, TextEdit};
use crate::json::{parse_full, Parsed, Tok, Token};
use crate::yaml::{Document, Node, Value, MAX_INPUT_BYTES};
use std::borrow::Cow;
use std::cell::RefCell;
use std::collections::HashMap;

/// `v` as JSON over lines from column 0, children `unit` deeper (for `convert`).
pub(crate) fn render_block(
    v: &super::value::NewValue,
    unit: &str,
    eol: &str,
) -> Result<String, EditError> {
    render::block(v, "", unit, eol)
}

/// What an operation needs to know about the current JSON(C) text.
pub(crate) struct JsonText<'a> {
    pub text: &'a str,
    pub jsonc: bool,
    /// The tree: the caller's parse when it has one (the check's), else our own.
    pub doc: Cow<'a, Document>,
    /// Every token, comments included, in order (commas are placed by them).
    pub tokens: Vec<Token>,
    /// Every comment's span, in order.
    pub comments: Vec<Span>,
    /// One level of indentation as the file writes it (spaces or a tab).
    pub unit: String,
    pub eol: &'static str,
    /// The parse of the result the verification last accepted, handed to the caller
    /// so the check of the new text does not parse it again.
    pub accepted: RefCell<Option<Document>>,
}

impl<'a> JsonText<'a> {
    /// Parses `text` (for the operations that have no parse to start from).
    pub(super) fn new(text: &'a str, jsonc: bool) -> Result<Self, EditError> {
        if text.len() > MAX_INPUT_BYTES {
            return Err(EditError::unsupported("the document is too large to edit"));
        }
        let Parsed {
            doc,
            comments,
            tokens,
        } = parse_full(text, jsonc);
        Ok(Self::with(text, jsonc, Cow::Owned(doc), tokens, comments))
    }

    /// On the caller's parse of the text: only the tokens are read again (a lex, no
    /// tree), for placing commas.
    pub(super) fn of(doc: &'a Document, jsonc: bool) -> Result<Self, EditError> {
        let text = doc.text.as_str();
        if text.len() > MAX_INPUT_BYTES {
            return Err(EditError::unsupported("the document is too large to edit"));
        }
        let tokens = crate::json::lex_tokens(text);
        let comments = tokens
            .iter()
            .filter(|t| t.is_comment())
            .map(|t| t.span)
            .collect();
        Ok(Self::with(
            text,
            jsonc,
            Cow::Borrowed(doc),
            tokens,
            comments,
        ))
    }

    fn with(
        text: &'a str,
        jsonc: bool,
        doc: Cow<'a, Document>,
        tokens: Vec<Token>,
        comments: Vec<Span>,
    ) -> Self {
        let unit = detect_unit(text, doc.root.as_ref());
        JsonText {
            text,
            jsonc,
            doc,
            tokens,
            comments,
            unit,
            eol: super::lines::eol_of(text),
            accepted: RefCell::new(None),
        }
    }

    /// Runs `op` on this parse: its edits, and the parse of their result when the
    /// verification accepted one.
    pub(super) fn run(
        &self,
        op: impl FnOnce(&JsonText) -> Result<Vec<TextEdit>, EditError>,
    ) -> Result<super::Edited, EditError> {
        let edits = op(self)?;
        let after = self.accepted.borrow_mut().take();
        Ok(super::Edited { edits, after })
    }

    pub(super) fn root(&self) -> Option<&Node> {
        self.doc.root.as_ref()
    }

    /// The first token (comments skipped) starting at or after `pos`.
    pub(super) fn next_token(&self, pos: usize) -> Option<&Token> {
        let i = self.tokens.partition_point(|t| t.span.start < pos);
        self.tokens[i..].iter().find(|t| !t.is_comment())
    }

    /// The `,` right after the value ending at `end`, if any.
    pub(super) fn comma_after(&self, end: usize) -> Option<Span> {
        self.next_token(end)
            .filter(|t| t.tok == Tok::Comma)
            .map(|t| t.span)
    }

    /// Comments that start inside `span`.
    pub(super) fn comments_in(&self, span: Span) -> impl Iterator<Item = &Span> {
        self.comments
            .iter()
            .filter(move |c| c.start >= span.start && c.start < span.end)
    }

    /// The leading whitespace of the line holding `pos`.
    pub(super) fn indent_at(&self, pos: usize) -> &'a str {
        let ls = super::lines::line_start(self.text, pos);
        let line = &self.text[ls..];
        let n = line
            .bytes()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
        let n = if ls == 0 && line.starts_with('\u{feff}') {
            0
        } else {
            n
        };
        &line[..n]
    }

    /// Whether only whitespace stands between the start of its line and `pos`.
    pub(super) fn starts_line(&self, pos: usize) -> bool {
        let ls = super::lines::line_start(self.text, pos);
        self.text
            .get(ls..pos)
            .is_some_and(|s| s.trim_start_matches('\u{feff}').trim().is_empty())
    }

    /// Whether what follows `pos` on its line is blank or a `//` comment.
    pub(super) fn rest_of_line_free(&self, pos: usize) -> bool {
        let end = super::lines::line_end(self.text, pos);
        let rest = self.text.get(pos..end).unwrap_or("");
        let at = pos + (rest.len() - rest.trim_start().len());
        let i = self.tokens.partition_point(|t| t.span.start < at);
        rest.trim().is_empty()
            || self
                .tokens
                .get(i)
                .is_some_and(|t| t.span.start == at && t.tok == Tok::LineComment)
    }
}

/// The indentation step the document uses: the difference between the first nested
/// child's line and its parent's line (two spaces when nothing is nested on its own
/// line).
fn detect_unit(text: &str, root: Option<&Node>) -> String {
    fn go(text: &str, n: &Node, depth: usize) -> Option<String> {
        if depth > 64 {
            return None;
        }
        let children: Vec<&Node> = match &n.value {
            Value::Mapping(m) => m.entries.iter().map(|e| &e.key).collect(),
            Value::Sequence(s) => s.items.iter().collect(),
            _ => return None,
        };
        let indent = |pos: usize| {
            let ls = super::lines::line_start(text, pos);
            let line = &text[ls..];
            let k = line
                .bytes()
                .take_while(|b| matches!(b, b' ' | b'\t'))
                .count();
            (&line[..k], text[ls..pos].trim().is_empty())
        };
        if let Some(first) = children.first() {
            let (outer, _) = indent(n.span.start);
            let (inner, alone) = indent(first.span.start);
            let own_line = super::lines::line_start(text, first.span.start)
                != super::lines::line_start(text, n.span.start);
            if alone && own_line && inner.len() > outer.len() && inner.starts_with(outer) {
                return Some(inner[outer.len()..].to_string());
            }
        }
        match &n.value {
            Value::Mapping(m) => m.entries.iter().find_map(|e| go(text, &e.value, depth + 1)),
            Value::Sequence(s) => s.items.iter().find_map(|i| go(text, i, depth + 1)),
            _ => None,
        }
    }
    root.and_then(|r| go(text, r, 0))
        .filter(|u| !u.is_empty() && u.len() <= 8)
        .unwrap_or_else(|| "  ".to_string())
}

/// Applies `edits` and checks the result in the document's own format: no new syntax
/// problem, exactly the `expected` meaning, every comment kept outside `may_drop`.
pub(crate) fn verified(
    ctx: &JsonText,
    edits: Vec<TextEdit>,
    expected: &Meaning,
    may_drop: &[Span],
) -> Result<Vec<TextEdit>, EditError> {
    let new_text = apply_edits(ctx.text, &edits)
        .ok_or_else(|| EditError::refused("its changes overlap (an internal error)"))?;
    let new = parse_full(&new_text, ctx.jsonc);
    let mut old_problems: HashMap<(crate::RuleId, &str), usize> = HashMap::new();
    for d in &ctx.doc.syntax_diagnostics {
        *old_problems
            .entry((d.rule, d.message.as_str()))
            .or_default() += 1;
    }
    let lang = if ctx.jsonc { "JSONC" } else { "JSON" };
    for d in &new.doc.syntax_diagnostics {
        match old_problems.get_mut(&(d.rule, d.message.as_str())) {
            Some(n) if *n > 0 => *n -= 1,
            _ => {
                return Err(EditError::refused(format!(
                    "the result would not be valid {lang}: {}",
                    d.message
                )))
            }
        }
    }
    same_meaning(expected, &Meaning::of_root(new.doc.root.as_ref()))?;
    keeps_comments(ctx.text, &ctx.comments, &edits, may_drop)?;
    *ctx.accepted.borrow_mut() = Some(new.doc);
    Ok(edits)
}
