//! Placing an entry among its siblings in a JSON(C) object: `insert_key_at` (a new key
//! as entry `index`: `apiVersion` first, `integrations` where `models` stood) and
//! `move_key` (an entry moved to another object under a new name, its value as written
//! and its comments with it). The JSON counterparts of the YAML operations of the same
//! names, which the legacy → v1 upgrade uses.

use super::super::error::EditError;
use super::super::lines::{line_end, line_start};
use super::super::locate::{walk, Owner};
use super::super::meaning::{Meaning, MeaningValue};
use super::super::value::NewValue;
use super::ops::{count, extent, insert_key, local_unit, owned_start, remove_edits};
use super::render::{block, inline, string};
use super::{verified, JsonText};
use crate::diag::{Span, TextEdit};
use crate::path::SpecPath;
use crate::yaml::Node;

/// What an entry's value is written from.
enum Val<'a> {
    /// A new value, rendered in the file's layout.
    New(&'a NewValue),
    /// A value's text as the document writes it (on one line).
    Raw(&'a str),
}

/// An entry to write: comment lines above it, `"key": value`, a comment after it.
struct Piece<'a> {
    comments: Vec<&'a str>,
    key: &'a str,
    value: Val<'a>,
    tail: Option<&'a str>,
}

impl Piece<'_> {
    fn entry(
        &self,
        indent: &str,
        unit: &str,
        eol: &str,
        one_line: bool,
    ) -> Result<String, EditError> {
        let v = match self.value {
            Val::Raw(s) => s.to_string(),
            Val::New(v) if one_line => inline(v)?,
            Val::New(v) => block(v, indent, unit, eol)?,
        };
        Ok(format!("{}: {v}", string(self.key)))
    }
}

/// The edits writing `piece` as entry `index` of the object `coll` (past the end:
/// last): on lines of its own above entry `index` and its comment lines when the
/// object is laid over lines, else on the object's line before that entry.
fn place(
    ctx: &JsonText,
    coll: &Node,
    index: usize,
    piece: &Piece,
) -> Result<Vec<TextEdit>, EditError> {
    let text = ctx.text;
    let n = count(coll);
    let closed = coll.span.end > coll.span.start + 1
        && text.as_bytes().get(coll.span.end - 1) == Some(&b'}');
    if n == 0 || !closed {
        return Err(EditError::unsupported(
            "the object is empty or not closed: the entry is written anew instead",
        ));
    }
    let eol = ctx.eol;
    let first = extent(coll, 0).unwrap_or(coll.span);
    let last = extent(coll, n - 1).unwrap_or(coll.span);
    let tail = piece.tail.map(|t| format!(" {t}")).unwrap_or_default();
    let multiline = line_start(text, first.start) != line_start(text, coll.span.start)
        && ctx.starts_line(first.start);
    if !multiline {
        if !piece.comments.is_empty() || piece.tail.is_some() {
            return Err(EditError::unsupported(
                "the object is written on one line: the entry's comments cannot go with it",
            ));
        }
        let entry = piece.entry("", &ctx.unit, eol, true)?;
        return Ok(vec![if index < n {
            let at = extent(coll, index).unwrap_or(first).start;
            TextEdit::insert(at, format!("{entry}, "))
        } else {
            match ctx.comma_after(last.end) {
                Some(c) => TextEdit::insert(c.end, format!(" {entry},")),
                None => TextEdit::insert(last.end, format!(", {entry}")),
            }
        }]);
    }
    if index < n {
        let at = extent(coll, index).unwrap_or(first).start;
        if !ctx.starts_line(at) {
            return Err(EditError::unsupported(
                "the entry there shares its line with another one",
            ));
        }
        let indent = ctx.indent_at(at);
        let unit = local_unit(ctx, coll, index);
        let mut out: String = piece
            .comments
            .iter()
            .map(|c| format!("{indent}{c}{eol}"))
            .collect();
        let entry = piece.entry(indent, &unit, eol, false)?;
        out.push_str(&format!("{indent}{entry},{tail}{eol}"));
        return Ok(vec![TextEdit::insert(owned_start(ctx, at), out)]);
    }
    let trailing = ctx.comma_after(last.end);
    let anchor = trailing.map_or(last.end, |c| c.end);
    let indent = ctx.indent_at(first.start);
    let unit = local_unit(ctx, coll, n - 1);
    let at = if ctx.rest_of_line_free(anchor) {
        line_end(text, anchor)
    } else {
        anchor
    };
    let mut out: String = piece
        .comments
        .iter()
        .map(|c| format!("{eol}{indent}{c}"))
        .collect();
    let entry = piece.entry(indent, &unit, eol, false)?;
    let comma = if trailing.is_some() { "," } else { "" };
    out.push_str(&format!("{eol}{indent}{entry}{comma}{tail}"));
    Ok(match trailing {
        Some(_) => vec![TextEdit::insert(at, out)],
        None if at == last.end => vec![TextEdit::insert(at, format!(",{out}"))],
        None => vec![TextEdit::insert(last.end, ","), TextEdit::insert(at, out)],
    })
}

/// `expected` with `(key, value)` inserted as entry `index` (at most last) of the
/// object at `parent`.
fn insert_sem(expected: &mut Meaning, parent: &SpecPath, index: usize, key: &str, value: Meaning) {
    if let Some(MeaningValue::Map(m)) = expected.get_mut(&parent.0).map(|p| &mut p.v) {
        let at = index.min(m.len());
        m.insert(
            at,
            (
                Some(key.to_string()),
                Meaning::of_new(&NewValue::str(key)),
                value,
            ),
        );
    }
}

/// Adds `"key": value` to the object at `parent` as entry `index` (0 = first); at or
/// past the end, or where `parent` is missing or empty, as `insert_key` does.
pub(crate) fn insert_key_at(
    ctx: &JsonText,
    parent: &SpecPath,
    index: usize,
    key: &str,
    value: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    let (found, matched) = walk(ctx.root(), parent);
    let Some(f) = found.filter(|_| matched == parent.0.len()) else {
        return insert_key(ctx, parent, key, value);
    };
    let Some(m) = f.node.as_mapping() else {
        return insert_key(ctx, parent, key, value);
    };
    if index >= m.entries.len() {
        return insert_key(ctx, parent, key, value);
    }
    if m.entries.iter().any(|e| e.key.scalar_text() == Some(key)) {
        return Err(EditError::KeyExists {
            path: parent.key(key).to_string(),
        });
    }
    let piece = Piece {
        comments: Vec::new(),
        key,
        value: Val::New(value),
        tail: None,
    };
    let edits = place(ctx, f.node, index, &piece)?;
    let mut expected = Meaning::of_root(ctx.root());
    insert_sem(&mut expected, parent, index, key, Meaning::of_new(value));
    verified(ctx, edits, &expected, &[])
}

/// Moves the entry at `from` into the object at `to_parent` as entry `index` (at or
/// past the end: last), renamed `new_key`: its value as written (on one line), and,
/// when it has lines of its own, the comment lines directly above it and the comment
/// after it on its line.
pub(crate) fn move_key(
    ctx: &JsonText,
    from: &SpecPath,
    to_parent: &SpecPath,
    index: usize,
    new_key: &str,
) -> Result<Vec<TextEdit>, EditError> {
    let not_found = |p: &SpecPath| EditError::NotFound {
        path: p.to_string(),
    };
    if to_parent.starts_with(from) {
        return Err(EditError::unsupported("an entry cannot move inside itself"));
    }
    let (found, matched) = walk(ctx.root(), from);
    let (node, map, fi) = match found {
        Some(f) if matched == from.0.len() => match f.owner {
            Owner::Entry { map, index } => (f.node, map, index),
            _ => return Err(not_found(from)),
        },
        _ => return Err(not_found(from)),
    };
    let value = node.span.slice(ctx.text);
    if value.contains('\n') || value.is_empty() {
        return Err(EditError::unsupported(
            "only a value written on one line is moved as written",
        ));
    }
    let (found, matched) = walk(ctx.root(), to_parent);
    let target = match found {
        Some(f) if matched == to_parent.0.len() => f.node,
        _ => return Err(not_found(to_parent)),
    };
    let Some(tm) = target.as_mapping() else {
        return Err(EditError::WrongKind {
            path: to_parent.to_string(),
            expected: "a mapping",
            found: target.kind_name(),
        });
    };
    if tm
        .entries
        .iter()
        .any(|e| e.key.scalar_text() == Some(new_key))
    {
        return Err(EditError::KeyExists {
            path: to_parent.key(new_key).to_string(),
        });
    }
    let me = extent(map, fi).ok_or_else(|| not_found(from))?;
    let del_end = ctx.comma_after(me.end).map_or(me.end, |c| c.end);
    let whole_lines = ctx.starts_line(me.start) && ctx.rest_of_line_free(del_end);
    let (mut comments, mut tail) = (Vec::new(), None);
    if whole_lines {
        let above = Span::new(owned_start(ctx, me.start), line_start(ctx.text, me.start));
        let after = Span::new(del_end, line_end(ctx.text, del_end));
        for c in ctx.comments_in(above) {
            comments.push(c.slice(ctx.text).trim_end());
        }
        tail = ctx
            .comments_in(after)
            .next()
            .map(|c| c.slice(ctx.text).trim_end());
        if comments.iter().chain(&tail).any(|c| c.contains('\n')) {
            return Err(EditError::unsupported(
                "a comment over several lines does not move",
            ));
        }
    }
    let piece = Piece {
        comments,
        key: new_key,
        value: Val::Raw(value),
        tail,
    };
    let mut edits = place(ctx, target, index, &piece)?;
    edits.extend(remove_edits(ctx, map, fi)?);
    crate::sort::by_key(&mut edits, |e| (e.span.start, e.span.end));
    let mut expected = Meaning::of_root(ctx.root());
    expected.remove(from).ok_or_else(|| not_found(from))?;
    insert_sem(&mut expected, to_parent, index, new_key, Meaning::of(node));
    verified(ctx, edits, &expected, &[])
}
