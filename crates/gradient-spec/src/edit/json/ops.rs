//! The by-path operations on JSON(C) text: set a value, insert a key, append an item,
//! remove, move, rename a key. Each computes the edits, then verifies them.

use super::super::error::EditError;
use super::super::lines::{line_end, line_start, next_line_start, prev_line_start};
use super::super::locate::{walk, Owner};
use super::super::meaning::{Meaning, MeaningValue};
use super::super::reorder::{minimal, plan_move, ItemMove};
use super::super::set::wrap;
use super::super::value::NewValue;
use super::render::{block, inline, string};
use super::{verified, JsonText};
use crate::diag::{Span, TextEdit};
use crate::path::{PathSegment, SpecPath};
use crate::yaml::{Node, Value};

/// Writes `value` at `path` (any value, collections too), creating the missing
/// objects on the way (`[0]` makes a one-item list) and replacing a `null` parent.
/// `insert` refuses a path that exists (a new key).
pub(crate) fn set_value(
    ctx: &JsonText,
    path: &SpecPath,
    value: &NewValue,
    insert: bool,
) -> Result<Vec<TextEdit>, EditError> {
    let segs = &path.0;
    let (found, matched) = walk(ctx.root(), path);
    let prefix = |n: usize| SpecPath(segs[..n.min(segs.len())].to_vec()).to_string();
    let Some(f) = found else {
        return Err(EditError::unsupported(
            "the document has no JSON value to edit: start it with `{}`",
        ));
    };
    if matched < segs.len() {
        if let Some(edits) = super::insert_at::at_catalogue_place(ctx, path, value) {
            return Ok(edits);
        }
    }
    let edits = if matched == segs.len() {
        if insert {
            return Err(EditError::KeyExists {
                path: path.to_string(),
            });
        }
        if segs.is_empty() {
            return Err(EditError::unsupported(
                "the whole document cannot be replaced by a single value",
            ));
        }
        vec![replace_node(
            ctx,
            f.node,
            value,
            one_line_owner(ctx, f.owner),
        )?]
    } else {
        let rest = &segs[matched..];
        let not_found = || EditError::NotFound {
            path: prefix(matched + 1),
        };
        let inner = wrap(&rest[1..], value).ok_or_else(not_found)?;
        match (&rest[0], &f.node.value) {
            (PathSegment::Key(k), Value::Mapping(_)) => add_child(ctx, f.node, Some(k), &inner)?,
            (PathSegment::Index(n), Value::Sequence(s)) if *n == s.items.len() => {
                add_child(ctx, f.node, None, &inner)?
            }
            (PathSegment::Index(_), Value::Sequence(s)) => {
                return Err(EditError::IndexOutOfRange {
                    path: prefix(matched + 1),
                    len: s.items.len(),
                })
            }
            _ if f.node.is_null() && matched > 0 => {
                let whole = wrap(rest, value).ok_or_else(not_found)?;
                vec![replace_node(
                    ctx,
                    f.node,
                    &whole,
                    one_line_owner(ctx, f.owner),
                )?]
            }
            (seg, _) => {
                return Err(EditError::WrongKind {
                    path: prefix(matched),
                    expected: if matches!(seg, PathSegment::Key(_)) {
                        "a mapping"
                    } else {
                        "a list"
                    },
                    found: f.node.kind_name(),
                })
            }
        }
    };
    let mut expected = Meaning::of_root(ctx.root());
    expected
        .put(path, Meaning::of_new(value))
        .ok_or_else(|| EditError::NotFound {
            path: path.to_string(),
        })?;
    verified(ctx, edits, &expected, &[])
}

/// `set_value` for a new key of the object at `parent`.
pub(crate) fn insert_key(
    ctx: &JsonText,
    parent: &SpecPath,
    key: &str,
    value: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    set_value(ctx, &parent.key(key), value, true)
}

/// Appends `value` to the list at `path` (created when missing or `null`).
pub(crate) fn append_item(
    ctx: &JsonText,
    path: &SpecPath,
    value: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    let (found, matched) = walk(ctx.root(), path);
    match found {
        Some(f) if matched == path.0.len() => match &f.node.value {
            Value::Sequence(s) => {
                let at = path.index(s.items.len());
                set_value(ctx, &at, value, false)
            }
            _ if f.node.is_null() && !path.0.is_empty() => {
                set_value(ctx, path, &NewValue::Seq(vec![value.clone()]), false)
            }
            _ => Err(EditError::WrongKind {
                path: path.to_string(),
                expected: "a list",
                found: f.node.kind_name(),
            }),
        },
        _ if path.0.is_empty() => Err(EditError::unsupported(
            "the document has no content to append to",
        )),
        _ => set_value(ctx, path, &NewValue::Seq(vec![value.clone()]), true),
    }
}

/// Whether the collection holding a node is written on one line (`{"a": 1, "b": 2}`):
/// a value replaced in it is written on one line too.
fn one_line_owner(ctx: &JsonText, owner: Owner) -> bool {
    let coll = match owner {
        Owner::Entry { map, .. } => map,
        Owner::Item { seq, .. } => seq,
        Owner::Root => return false,
    };
    line_start(ctx.text, coll.span.start) == line_start(ctx.text, coll.span.end)
}

/// Replaces `node` by `value`, laid out from the indentation of its line (on one line
/// when `one_line`).
fn replace_node(
    ctx: &JsonText,
    node: &Node,
    value: &NewValue,
    one_line: bool,
) -> Result<TextEdit, EditError> {
    let rendered = if one_line {
        inline(value)?
    } else {
        block(value, ctx.indent_at(node.span.start), &ctx.unit, ctx.eol)?
    };
    if node.span.is_empty() {
        return Ok(TextEdit::insert(node.span.start, format!(" {rendered}")));
    }
    Ok(TextEdit::replace(node.span, rendered))
}

/// Where child `i` of an object or array starts and ends (a key through its value).
pub(super) fn extent(coll: &Node, i: usize) -> Option<Span> {
    match &coll.value {
        Value::Mapping(m) => m.entries.get(i).map(|e| e.span),
        Value::Sequence(s) => s.items.get(i).map(|n| n.span),
        _ => None,
    }
}

pub(super) fn count(coll: &Node) -> usize {
    match &coll.value {
        Value::Mapping(m) => m.entries.len(),
        Value::Sequence(s) => s.items.len(),
        _ => 0,
    }
}

/// Adds a child (`key` for an object) after the last child of `coll`.
fn add_child(
    ctx: &JsonText,
    coll: &Node,
    key: Option<&str>,
    value: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    let text = ctx.text;
    let lead = |rendered: String| match key {
        Some(k) => format!("{}: {rendered}", string(k)),
        None => rendered,
    };
    let n = count(coll);
    let open = coll.span.start;
    let closer = if key.is_some() { b'}' } else { b']' };
    let closed =
        coll.span.end > open + 1 && text.as_bytes().get(coll.span.end - 1) == Some(&closer);
    if !closed {
        return Err(EditError::unsupported(
            "the collection is not closed: fix its brackets first",
        ));
    }
    if n == 0 {
        let base = ctx.indent_at(open);
        let inner = format!("{base}{}", ctx.unit);
        let child = lead(block(value, &inner, &ctx.unit, ctx.eol)?);
        if ctx.comments_in(coll.span).next().is_none() {
            let o = text.as_bytes()[open] as char;
            let c = closer as char;
            return Ok(vec![TextEdit::replace(
                coll.span,
                format!("{o}{eol}{inner}{child}{eol}{base}{c}", eol = ctx.eol),
            )]);
        }
        return Ok(vec![TextEdit::insert(
            open + 1,
            format!("{}{inner}{child}", ctx.eol),
        )]);
    }
    let first = extent(coll, 0).unwrap_or(coll.span);
    let last = extent(coll, n - 1).unwrap_or(coll.span);
    let trailing = ctx.comma_after(last.end);
    let anchor = trailing.map_or(last.end, |c| c.end);
    let multiline = line_start(text, first.start) != line_start(text, open);
    if multiline && ctx.starts_line(first.start) {
        let indent = ctx.indent_at(first.start);
        let unit = local_unit(ctx, coll, n - 1);
        let child = lead(block(value, indent, &unit, ctx.eol)?);
        let at = if ctx.rest_of_line_free(anchor) {
            line_end(text, anchor)
        } else {
            anchor
        };
        let piece = format!(
            "{}{indent}{child}{}",
            ctx.eol,
            if trailing.is_some() { "," } else { "" }
        );
        return Ok(match trailing {
            Some(_) => vec![TextEdit::insert(at, piece)],
            None if at == last.end => vec![TextEdit::insert(at, format!(",{piece}"))],
            None => vec![TextEdit::insert(last.end, ","), TextEdit::insert(at, piece)],
        });
    }
    let child = lead(inline(value)?);
    Ok(vec![match trailing {
        Some(c) => TextEdit::insert(c.end, format!(" {child},")),
        None => TextEdit::insert(last.end, format!(", {child}")),
    }])
}

/// The indentation step around child `last` of `coll`: the step inside that child when
/// it is a collection laid over lines, else the step from `coll` to its children, else
/// the document's (files mix steps: a 4-space root around 2-space lists).
pub(super) fn local_unit(ctx: &JsonText, coll: &Node, last: usize) -> String {
    let step = |outer: &Node, first_child: Option<Span>| -> Option<String> {
        let c = first_child?;
        let (o, i) = (ctx.indent_at(outer.span.start), ctx.indent_at(c.start));
        let own = line_start(ctx.text, c.start) != line_start(ctx.text, outer.span.start);
        (own && ctx.starts_line(c.start) && i.len() > o.len() && i.starts_with(o))
            .then(|| i[o.len()..].to_string())
    };
    let sibling = match &coll.value {
        Value::Mapping(m) => m.entries.get(last).map(|e| &e.value),
        Value::Sequence(s) => s.items.get(last),
        _ => None,
    };
    sibling
        .and_then(|s| step(s, extent(s, 0)))
        .or_else(|| step(coll, extent(coll, 0)))
        .filter(|u| u.len() <= 8)
        .unwrap_or_else(|| ctx.unit.clone())
}

/// Removes the key or item at `path` with the comment lines it owns.
pub(crate) fn remove(ctx: &JsonText, path: &SpecPath) -> Result<Vec<TextEdit>, EditError> {
    if path.0.is_empty() {
        return Err(EditError::unsupported(
            "the whole document cannot be removed",
        ));
    }
    let (found, matched) = walk(ctx.root(), path);
    let f = match found {
        Some(f) if matched == path.0.len() => f,
        _ => {
            return Err(EditError::NotFound {
                path: path.to_string(),
            })
        }
    };
    let (coll, index) = match f.owner {
        Owner::Entry { map, index } => (map, index),
        Owner::Item { seq, index } => (seq, index),
        Owner::Root => {
            return Err(EditError::NotFound {
                path: path.to_string(),
            })
        }
    };
    let edits = remove_edits(ctx, coll, index)?;
    let mut expected = Meaning::of_root(ctx.root());
    expected.remove(path).ok_or_else(|| EditError::NotFound {
        path: path.to_string(),
    })?;
    let dropped: Vec<Span> = edits.iter().map(|e| e.span).collect();
    verified(ctx, edits, &expected, &dropped)
}

/// The start of the first of the comment lines directly above the line of `pos` at its
/// indentation (the comments that belong to the entry there), or of that line itself.
pub(super) fn owned_start(ctx: &JsonText, pos: usize) -> usize {
    let text = ctx.text;
    let indent = ctx.indent_at(pos);
    let mut first = line_start(text, pos);
    while let Some(prev) = prev_line_start(text, first) {
        let line = text.get(prev..line_end(text, prev)).unwrap_or("");
        let body = line.trim_start();
        let own_comment = (body.starts_with("//") || body.starts_with("/*"))
            && line.len() - body.len() == indent.len()
            && ctx
                .comments
                .iter()
                .any(|c| c.start == prev + indent.len() && c.end <= line_end(text, prev));
        if !own_comment {
            break;
        }
        first = prev;
    }
    first
}

pub(super) fn remove_edits(
    ctx: &JsonText,
    coll: &Node,
    index: usize,
) -> Result<Vec<TextEdit>, EditError> {
    let text = ctx.text;
    let n = count(coll);
    let me = extent(coll, index).ok_or_else(|| EditError::unsupported("no such child"))?;
    if n == 1 && ctx.comments_in(coll.span).next().is_none() {
        let empty = if coll.as_mapping().is_some() {
            "{}"
        } else {
            "[]"
        };
        return Ok(vec![TextEdit::replace(coll.span, empty)]);
    }
    let comma = ctx.comma_after(me.end);
    let del_end = comma.map_or(me.end, |c| c.end);
    let is_last = index + 1 == n;
    let mut edits = Vec::new();
    if ctx.starts_line(me.start) && ctx.rest_of_line_free(del_end) {
        // Whole lines: the entry's, its trailing comment, and the comment lines
        // directly above it at its indentation.
        let first = owned_start(ctx, me.start);
        edits.push(TextEdit::delete(Span::new(
            first,
            next_line_start(text, del_end),
        )));
    } else if comma.is_some() {
        let rest = &text[del_end..];
        let spaces = rest.len() - rest.trim_start_matches([' ', '\t']).len();
        edits.push(TextEdit::delete(Span::new(me.start, del_end + spaces)));
    } else {
        edits.push(TextEdit::delete(me));
    }
    if is_last && comma.is_none() && index > 0 {
        // The new last child must not keep its comma (a trailing comma is not JSON).
        let prev = extent(coll, index - 1).unwrap_or(me);
        if let Some(c) = ctx.comma_after(prev.end) {
            let del = &mut edits[0];
            if del.span.start >= c.end {
                let between = Span::new(c.end, del.span.start);
                if ctx.comments_in(between).next().is_none() && !between.slice(text).contains('\n')
                {
                    del.span.start = c.start;
                } else {
                    edits.push(TextEdit::delete(c));
                }
            }
        }
    }
    Ok(edits)
}

/// Moves item `from` of the list at `path` to index `to`; each item's text moves, the
/// commas and comments between items stay where they are.
pub(crate) fn move_item(
    ctx: &JsonText,
    path: &SpecPath,
    from: usize,
    to: usize,
) -> Result<Vec<TextEdit>, EditError> {
    let Some(ItemMove {
        seq, lo, hi, order, ..
    }) = plan_move(ctx.root(), path, from, to)?
    else {
        return Ok(Vec::new());
    };
    let slots: Vec<Span> = (lo..=hi).map(|i| seq.items[i].span).collect();
    let region = Span::new(slots[0].start, slots[slots.len() - 1].end);
    let mut new = String::new();
    for (k, &i) in order.iter().enumerate() {
        new.push_str(&reindent(ctx, slots[i - lo], slots[k]));
        if k + 1 < order.len() {
            new.push_str(Span::new(slots[k].end, slots[k + 1].start).slice(ctx.text));
        }
    }
    let edits: Vec<TextEdit> = minimal(region.slice(ctx.text), &new, region.start, false)
        .into_iter()
        .collect();
    let mut expected = Meaning::of_root(ctx.root());
    expected
        .move_item(path, from, to)
        .ok_or_else(|| EditError::NotFound {
            path: path.to_string(),
        })?;
    verified(ctx, edits, &expected, &[])
}

/// The text of the item at `src`, its continuation lines re-indented for the line of
/// `dst` (items of one list usually share an indentation, then nothing changes).
fn reindent(ctx: &JsonText, src: Span, dst: Span) -> String {
    let body = src.slice(ctx.text);
    let (from, to) = (ctx.indent_at(src.start), ctx.indent_at(dst.start));
    if from == to || !body.contains('\n') {
        return body.to_string();
    }
    let mut out = String::new();
    for (i, line) in body.split('\n').enumerate() {
        if i > 0 {
            out.push('\n');
            match line.strip_prefix(from) {
                Some(rest) => {
                    out.push_str(to);
                    out.push_str(rest);
                }
                None => out.push_str(line),
            }
        } else {
            out.push_str(line);
        }
    }
    out
}

/// Renames the key at `path` to `to`, in place.
pub(crate) fn rename_key(
    ctx: &JsonText,
    path: &SpecPath,
    to: &str,
) -> Result<Vec<TextEdit>, EditError> {
    let (found, matched) = walk(ctx.root(), path);
    let (map, index) = match found.map(|f| f.owner) {
        Some(Owner::Entry { map, index }) if matched == path.0.len() => (map, index),
        _ => {
            return Err(EditError::NotFound {
                path: path.to_string(),
            })
        }
    };
    let key = &map
        .as_mapping()
        .and_then(|m| m.entries.get(index))
        .ok_or_else(|| EditError::NotFound {
            path: path.to_string(),
        })?
        .key;
    let edits = vec![TextEdit::replace(key.span, string(to))];
    let mut expected = Meaning::of_root(ctx.root());
    let parent = expected
        .get_mut(&path.0[..path.0.len() - 1])
        .ok_or_else(|| EditError::NotFound {
            path: path.to_string(),
        })?;
    if let MeaningValue::Map(entries) = &mut parent.v {
        if let Some(e) = entries.get_mut(index) {
            e.0 = Some(to.to_string());
            e.1 = Meaning::of_new(&NewValue::str(to));
        }
    }
    verified(ctx, edits, &expected, &[])
}

/// Wraps the value at `path` in a one-item list, in place: `8000` → `[8000]`.
pub(crate) fn wrap_in_list(ctx: &JsonText, path: &SpecPath) -> Result<Vec<TextEdit>, EditError> {
    let (found, matched) = walk(ctx.root(), path);
    let f = match found {
        Some(f) if matched == path.0.len() && !path.0.is_empty() => f,
        _ => {
            return Err(EditError::NotFound {
                path: path.to_string(),
            })
        }
    };
    let edits = vec![
        TextEdit::insert(f.node.span.start, "["),
        TextEdit::insert(f.node.span.end, "]"),
    ];
    let mut expected = Meaning::of_root(ctx.root());
    let target = expected
        .get_mut(&path.0)
        .ok_or_else(|| EditError::NotFound {
            path: path.to_string(),
        })?;
    let old = target.clone();
    target.v = MeaningValue::Seq(vec![old]);
    verified(ctx, edits, &expected, &[])
}
