//! `remove`: deleting a key or a list item with the lines it owns (see `owned`).
//!
//! Removing the last entry of a mapping leaves `{}` and the last item of a list
//! leaves `[]`: the parent key stays, so the section keeps its place, its comments
//! and its type (a form still shows the empty list with its "Add" button).

use super::error::EditError;
use super::lines::{
    column, indent_of, line_at, line_end, next_line_start, prev_line_start, skip_space_and_breaks,
};
use super::locate::{after_indicator_and_props, child_extent, walk, Found, Owner};
use super::meaning::Meaning;
use super::owned::{blank_line_at, owned_lines, skip_deeper_comments};
use super::verify::verified;
use super::yaml_text::{on_text, YamlText};
use crate::diag::{Span, TextEdit};
use crate::path::SpecPath;
use crate::yaml::{Node, Value};

/// Removes the key or list item at `path`, with its own comment lines.
pub fn remove(text: &str, path: &SpecPath) -> Result<Vec<TextEdit>, EditError> {
    on_text(text, |ctx| remove_in(ctx, path))
}

/// [`remove`] on a parsed text.
pub(crate) fn remove_in(ctx: &YamlText, path: &SpecPath) -> Result<Vec<TextEdit>, EditError> {
    let Some(parent_path) = path.parent() else {
        return Err(EditError::unsupported(
            "the whole document cannot be removed",
        ));
    };
    let (found, matched) = walk(ctx.doc.root.as_ref(), path);
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
    let (parent, _) = walk(ctx.doc.root.as_ref(), &parent_path);
    let parent = parent.ok_or_else(|| EditError::NotFound {
        path: parent_path.to_string(),
    })?;
    let edits = plan(ctx, coll, index, parent)?;
    let mut expected = Meaning::of_root(ctx.doc.root.as_ref());
    expected.remove(path).ok_or_else(|| EditError::NotFound {
        path: path.to_string(),
    })?;
    let dropped: Vec<Span> = edits.iter().map(|e| e.span).collect();
    verified(ctx, edits, &expected, &dropped)
}

fn count(coll: &Node) -> usize {
    match &coll.value {
        Value::Mapping(m) => m.entries.len(),
        Value::Sequence(s) => s.items.len(),
        _ => 0,
    }
}

fn is_flow(coll: &Node) -> bool {
    matches!(&coll.value, Value::Mapping(m) if m.flow)
        || matches!(&coll.value, Value::Sequence(s) if s.flow)
}

fn empty_marker(coll: &Node) -> &'static str {
    if coll.as_mapping().is_some() {
        "{}"
    } else {
        "[]"
    }
}

/// The edits removing child `index` of `coll`; `parent` is `coll` as found by path.
fn plan(
    ctx: &YamlText,
    coll: &Node,
    index: usize,
    parent: Found,
) -> Result<Vec<TextEdit>, EditError> {
    let text = ctx.text;
    let n = count(coll);
    let ext = |i: usize| {
        child_extent(text, coll, i)
            .ok_or_else(|| EditError::unsupported("cannot find where the item starts"))
    };
    let me = ext(index)?;
    if is_flow(coll) || parent.flow {
        let span = if n == 1 {
            me
        } else if index + 1 < n {
            Span::new(me.start, ext(index + 1)?.start)
        } else {
            Span::new(ext(index - 1)?.end, me.end)
        };
        return Ok(vec![TextEdit::delete(span)]);
    }
    match owned_lines(ctx, me.start, me.end) {
        Some(lines) if n == 1 => match parent.owner {
            Owner::Root => Ok(vec![TextEdit::replace(me, empty_marker(coll))]),
            owner => {
                let at = after_indicator_and_props(text, owner).ok_or_else(|| {
                    EditError::unsupported("cannot find the `:` or `-` of the parent")
                })?;
                Ok(vec![
                    TextEdit::insert(at, format!(" {}", empty_marker(coll))),
                    TextEdit::delete(lines),
                ])
            }
        },
        Some(lines) => Ok(vec![TextEdit::delete(tidy(text, lines))]),
        None if n == 1 => Ok(vec![TextEdit::replace(me, empty_marker(coll))]),
        None if index + 1 < n => {
            // `- name: a⏎  value: b` without `name`: pull the next line up to the dash.
            let col = column(text, me.start);
            let last = skip_deeper_comments(ctx, me.end, col);
            let next = next_line_start(text, last);
            let to = next + indent_of(line_at(text, next));
            let to = if to >= text.len() {
                skip_space_and_breaks(text, line_end(text, last))
            } else {
                to
            };
            Ok(vec![TextEdit::delete(Span::new(me.start, to))])
        }
        None => Err(EditError::unsupported(
            "the last item shares its line with something else",
        )),
    }
}

/// Widens a removed block of lines so no double blank line and no added final line
/// break is left behind.
fn tidy(text: &str, lines: Span) -> Span {
    let before_blank = prev_line_start(text, lines.start).is_none_or(|p| blank_line_at(text, p));
    if before_blank && lines.end < text.len() && blank_line_at(text, lines.end) {
        return Span::new(lines.start, next_line_start(text, lines.end));
    }
    if lines.end == text.len() && !text.ends_with('\n') && lines.start > 0 {
        // The last line had no line break: take the one before it instead.
        let prev_end = line_end(text, lines.start - 1);
        return Span::new(prev_end, lines.end);
    }
    lines
}
