//! `move_key`: moving an entry, with the comment lines it owns, to another block
//! mapping (under another name if asked), and `wrap_in_list`: turning a single value
//! into a one-item flow list in place (`8000` → `[8000]`), its comment kept.

use super::error::EditError;
use super::lines::{column, indent_of, line_end, starts_line};
use super::locate::{child_extent, walk, with_props, Owner};
use super::meaning::{Meaning, MeaningValue};
use super::owned::{owned_lines, skip_deeper_comments};
use super::remove::remove_in;
use super::render::key;
use super::scalar;
use super::value::NewValue;
use super::verify::{first_verified, verified};
use super::yaml_text::{on_text, YamlText};
use crate::diag::{Span, TextEdit};
use crate::path::SpecPath;
use crate::yaml::{Entry, Mapping, Node, ScalarKind, Value};

/// Moves the entry at `from` into the block mapping at `to_parent` as entry `index`
/// (at or past the end: last), renamed `new_key`. Its comment lines (above it at its
/// indentation, trailing, and deeper below it) go with it, re-indented to the new
/// siblings' column; its value is kept as written. Both mappings must be block
/// mappings with at least one entry left at the destination; `to_parent` may not lie
/// inside the moved entry.
pub fn move_key(
    text: &str,
    from: &SpecPath,
    to_parent: &SpecPath,
    index: usize,
    new_key: &str,
) -> Result<Vec<TextEdit>, EditError> {
    on_text(text, |ctx| {
        move_key_in(ctx, from, to_parent, index, new_key)
    })
}

/// [`move_key`] on a parsed text.
pub(crate) fn move_key_in(
    ctx: &YamlText,
    from: &SpecPath,
    to_parent: &SpecPath,
    index: usize,
    new_key: &str,
) -> Result<Vec<TextEdit>, EditError> {
    if to_parent.starts_with(from) {
        return Err(EditError::unsupported("an entry cannot move inside itself"));
    }
    let source = Source::find(ctx, from)?;
    let dest = Destination::find(ctx, to_parent, new_key)?;
    let mut block = moved_block(ctx, &source, dest.column, new_key);
    // Where the block goes: above entry `index` and its comment lines, or after the
    // last entry and its deeper comment lines.
    let insert_at = if index < dest.map.entries.len() {
        let e = child_extent(ctx.text, dest.node, index)
            .ok_or_else(|| EditError::unsupported("cannot find where the entry starts"))?;
        owned_lines(ctx, e.start, e.end)
            .ok_or_else(|| EditError::unsupported("the entry shares its line with something else"))?
            .start
    } else {
        let last = dest.map.entries.last().expect("checked not empty");
        let end = skip_deeper_comments(ctx, last.span.end.max(last.key.span.end), dest.column);
        let eol = ctx.lay.eol;
        block = format!("{eol}{}", block.strip_suffix(eol).unwrap_or(&block));
        line_end(ctx.text, end)
    };
    if insert_at > source.lines.start && insert_at < source.lines.end {
        return Err(EditError::unsupported(
            "the destination is inside the moved entry",
        ));
    }
    let mut edits = remove_in(ctx, from)?;
    if edits
        .iter()
        .any(|e| e.span.start < insert_at && insert_at < e.span.end)
    {
        return Err(EditError::unsupported(
            "the destination touches the moved entry",
        ));
    }
    edits.push(TextEdit::insert(insert_at, block));
    let expected = meaning_after(ctx, from, to_parent, index, new_key, source.entry)?;
    verified(ctx, edits, &expected, &[])
}

fn not_found(p: &SpecPath) -> EditError {
    EditError::NotFound {
        path: p.to_string(),
    }
}

/// The entry to move: itself, where it starts (`extent`) and the lines it owns.
struct Source<'a> {
    entry: &'a Entry,
    extent: Span,
    lines: Span,
}

impl<'a> Source<'a> {
    fn find(ctx: &'a YamlText, from: &SpecPath) -> Result<Self, EditError> {
        let (found, matched) = walk(ctx.doc.root.as_ref(), from);
        let f = found
            .filter(|_| matched == from.0.len())
            .ok_or_else(|| not_found(from))?;
        let Owner::Entry { map, index } = f.owner else {
            return Err(EditError::unsupported("only a mapping entry can be moved"));
        };
        let Some(m) = map.as_mapping().filter(|m| !m.flow && !f.flow) else {
            return Err(EditError::unsupported("an entry of a flow mapping"));
        };
        let extent = child_extent(ctx.text, map, index)
            .ok_or_else(|| EditError::unsupported("cannot find where the entry starts"))?;
        let lines = owned_lines(ctx, extent.start, extent.end).ok_or_else(|| {
            EditError::unsupported("the entry shares its line with something else")
        })?;
        let entry = &m.entries[index];
        if entry.key.anchor.is_some() || entry.key.tag.is_some() {
            return Err(EditError::unsupported("a key with an anchor or a tag"));
        }
        Ok(Source {
            entry,
            extent,
            lines,
        })
    }
}

/// The block mapping the entry moves into, and the column of its keys.
struct Destination<'a> {
    node: &'a Node,
    map: &'a Mapping,
    column: usize,
}

impl<'a> Destination<'a> {
    fn find(ctx: &'a YamlText, to_parent: &SpecPath, new_key: &str) -> Result<Self, EditError> {
        let (dest, matched) = walk(ctx.doc.root.as_ref(), to_parent);
        let dest = dest
            .filter(|_| matched == to_parent.0.len())
            .ok_or_else(|| not_found(to_parent))?;
        let Some(map) = dest.node.as_mapping().filter(|m| !m.flow && !dest.flow) else {
            return Err(EditError::WrongKind {
                path: to_parent.to_string(),
                expected: "a block mapping",
                found: dest.node.kind_name(),
            });
        };
        let Some(first) = map.entries.first() else {
            return Err(EditError::unsupported("an empty destination mapping"));
        };
        if map
            .entries
            .iter()
            .any(|e| e.key.scalar_text() == Some(new_key))
        {
            return Err(EditError::KeyExists {
                path: to_parent.key(new_key).to_string(),
            });
        }
        if !starts_line(ctx.text, first.key.span.start) {
            return Err(EditError::unsupported(
                "a mapping whose first key does not start its line",
            ));
        }
        Ok(Destination {
            node: dest.node,
            map,
            column: column(ctx.text, first.key.span.start),
        })
    }
}

/// The moved lines, re-indented from the entry's column to `column`, with the key
/// renamed `new_key` (in its quoting style where it had one), ending with a line break.
fn moved_block(ctx: &YamlText, source: &Source, column_to: usize, new_key: &str) -> String {
    let text = ctx.text;
    let src_col = column(text, source.extent.start);
    let style = source.entry.key.as_scalar().map(|s| s.style);
    let new_key_text = match style {
        Some(crate::yaml::ScalarStyle::Plain) | None => key(new_key, false),
        _ => scalar::string(new_key, style, false),
    };
    let mut moved = String::new();
    moved.push_str(Span::new(source.lines.start, source.extent.start).slice(text));
    moved.push_str(&new_key_text);
    moved.push_str(Span::new(source.entry.key.span.end, source.lines.end).slice(text));
    if !moved.ends_with('\n') {
        moved.push_str(ctx.lay.eol);
    }
    let mut block = String::new();
    for line in moved.split_inclusive('\n') {
        let body = line.trim_end_matches(['\r', '\n']);
        let keep = indent_of(body).min(src_col);
        if body.trim().is_empty() {
            block.push_str(line);
        } else {
            block.push_str(&" ".repeat(column_to));
            block.push_str(&line[keep..]);
        }
    }
    block
}

/// What the document must mean after the move: the entry gone from `from`, and in
/// `to_parent` at `index` under `new_key` with the same value.
fn meaning_after(
    ctx: &YamlText,
    from: &SpecPath,
    to_parent: &SpecPath,
    index: usize,
    new_key: &str,
    entry: &Entry,
) -> Result<Meaning, EditError> {
    let mut expected = Meaning::of_root(ctx.doc.root.as_ref());
    expected.remove(from).ok_or_else(|| not_found(from))?;
    let target = expected
        .get_mut(&to_parent.0)
        .ok_or_else(|| not_found(to_parent))?;
    let MeaningValue::Map(entries) = &mut target.v else {
        return Err(EditError::unsupported("not a mapping"));
    };
    let pos = index.min(entries.len());
    entries.insert(
        pos,
        (
            Some(new_key.to_string()),
            Meaning::of_new(&new_key.into()),
            Meaning::of(&entry.value),
        ),
    );
    Ok(expected)
}

/// Turns the single value at `path` into a one-item flow list, in place: `8000` →
/// `[8000]`, keeping how it is written (quotes, anchor, tag) and its comment.
pub fn wrap_in_list(text: &str, path: &SpecPath) -> Result<Vec<TextEdit>, EditError> {
    on_text(text, |ctx| wrap_in_list_in(ctx, path))
}

/// [`wrap_in_list`] on a parsed text.
pub(crate) fn wrap_in_list_in(ctx: &YamlText, path: &SpecPath) -> Result<Vec<TextEdit>, EditError> {
    let text = ctx.text;
    let (found, matched) = walk(ctx.doc.root.as_ref(), path);
    let f = found
        .filter(|_| matched == path.0.len() && !path.0.is_empty())
        .ok_or_else(|| EditError::NotFound {
            path: path.to_string(),
        })?;
    let Value::Scalar(s) = &f.node.value else {
        return Err(EditError::WrongKind {
            path: path.to_string(),
            expected: "a single value",
            found: f.node.kind_name(),
        });
    };
    if f.node.span.is_empty() {
        return Err(EditError::unsupported("an empty value"));
    }
    if matches!(
        s.style,
        crate::yaml::ScalarStyle::Literal | crate::yaml::ScalarStyle::Folded
    ) {
        return Err(EditError::unsupported("a block scalar"));
    }
    let start = with_props(text, f.node);
    let span = Span::new(start, f.node.span.end);
    let written = span.slice(text);
    let value = match s.kind {
        ScalarKind::Int(i) => NewValue::Int(i),
        ScalarKind::Float(x) => NewValue::Float(x),
        ScalarKind::Bool(b) => NewValue::Bool(b),
        ScalarKind::Null => NewValue::Null,
        ScalarKind::String => NewValue::Str(s.text.clone()),
    };
    let mut candidates = vec![vec![TextEdit::replace(span, format!("[{written}]"))]];
    if f.node.anchor.is_none() && f.node.tag.is_none() {
        candidates.push(vec![TextEdit::replace(
            span,
            format!("[{}]", scalar::inline(&value, Some(s.style), true)),
        )]);
    }
    let mut expected = Meaning::of_root(ctx.doc.root.as_ref());
    let target = expected
        .get_mut(&path.0)
        .ok_or_else(|| EditError::NotFound {
            path: path.to_string(),
        })?;
    let item = target.clone();
    *target = Meaning::of_new(&NewValue::Seq(Vec::new()));
    if let MeaningValue::Seq(items) = &mut target.v {
        items.push(item);
    }
    first_verified(ctx, candidates, &expected, &[])
}
