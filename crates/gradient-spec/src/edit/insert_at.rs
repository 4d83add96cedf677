//! `insert_key_at`: adding a key at a given place among its siblings (`apiVersion`
//! first, a section where the one it replaces stood), where `insert_key` appends.

use super::error::EditError;
use super::lines::{column, line_start, starts_line};
use super::locate::{child_extent, walk};
use super::meaning::{Meaning, MeaningValue};
use super::owned::owned_lines;
use super::render::{entry, flow, key};
use super::scalar;
use super::set::insert_key_last;
use super::value::NewValue;
use super::verify::verified;
use super::yaml_text::{on_text, YamlText};
use crate::diag::TextEdit;
use crate::path::SpecPath;
use crate::yaml::ScalarStyle;

/// Adds `key: value` to the mapping at `parent` so that it becomes entry `index`
/// (0 = first): in a block mapping on its own line(s) above entry `index` and the
/// comment lines that belong to it, at the siblings' indentation (for the first key of
/// a list item: after its `- `, the old first key moving to the next line); in a flow mapping
/// before that entry, followed by a comma. An `index` at or past the end appends, as
/// `insert_key` does (after the last key; a missing `parent` is created).
pub fn insert_key_at(
    text: &str,
    parent: &SpecPath,
    index: usize,
    key_name: &str,
    value: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    on_text(text, |ctx| {
        insert_key_at_in(ctx, parent, index, key_name, value)
    })
}

/// [`insert_key_at`] on a parsed text.
pub(crate) fn insert_key_at_in(
    ctx: &YamlText,
    parent: &SpecPath,
    index: usize,
    key_name: &str,
    value: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    match positioned(ctx, parent, index, key_name, value) {
        Some(result) => result,
        None => insert_key_last(ctx, parent, key_name, value),
    }
}

/// [`insert_key_at`] on a parsed text; `None` when the key is to be appended (no
/// mapping at `parent`, or `index` at or past its end).
pub(crate) fn positioned(
    ctx: &YamlText,
    parent: &SpecPath,
    index: usize,
    key_name: &str,
    value: &NewValue,
) -> Option<Result<Vec<TextEdit>, EditError>> {
    let (found, matched) = walk(ctx.doc.root.as_ref(), parent);
    let f = found.filter(|_| matched == parent.0.len())?;
    let m = f.node.as_mapping()?;
    if index >= m.entries.len() {
        return None;
    }
    Some(positioned_in(ctx, f, m, parent, index, key_name, value))
}

fn positioned_in(
    ctx: &YamlText,
    f: super::locate::Found,
    m: &crate::yaml::Mapping,
    parent: &SpecPath,
    index: usize,
    key_name: &str,
    value: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    if m.entries
        .iter()
        .any(|e| e.key.scalar_text() == Some(key_name))
    {
        return Err(EditError::KeyExists {
            path: parent.key(key_name).to_string(),
        });
    }
    let ext = child_extent(ctx.text, f.node, index)
        .ok_or_else(|| EditError::unsupported("cannot find where the entry starts"))?;
    let edit = if m.flow || f.flow {
        // Keys written in double quotes (JSON-style) get a double-quoted key; an entry
        // on its own line gets the new one on a line of its own above it.
        let quoted = m.entries.iter().all(|e| {
            e.key
                .as_scalar()
                .is_some_and(|k| k.style == ScalarStyle::DoubleQuoted)
        });
        let written_key = if quoted {
            scalar::double(key_name)
        } else {
            key(key_name, true)
        };
        let sep = if starts_line(ctx.text, ext.start) {
            format!(
                ",{}{}",
                ctx.lay.eol,
                " ".repeat(column(ctx.text, ext.start))
            )
        } else {
            ", ".to_string()
        };
        TextEdit::insert(ext.start, format!("{written_key}: {}{sep}", flow(value)))
    } else {
        // Above the entry's own comment lines. The first key of a list item shares
        // its line with the `- `: the new key takes its place there and the old one
        // moves to the next line, at the same column (its comment goes with it). A
        // key right after a byte-order mark starts the text: the new line goes after
        // the mark.
        let col = column(ctx.text, ext.start);
        let rendered = entry(key_name, value, col, &ctx.lay);
        let ls = line_start(ctx.text, ext.start);
        let before = ctx.text.get(ls..ext.start).unwrap_or("");
        let bom = ctx.text.starts_with('\u{feff}') && ls == 0;
        if bom && ext.start == 3 {
            TextEdit::insert(3, format!("{rendered}{}", ctx.lay.eol))
        } else if let Some(lines) = owned_lines(ctx, ext.start, ext.end) {
            TextEdit::insert(
                lines.start,
                format!("{}{rendered}{}", " ".repeat(col), ctx.lay.eol),
            )
        } else if is_dash_prefix(before) {
            TextEdit::insert(
                ext.start,
                format!("{rendered}{}{}", ctx.lay.eol, " ".repeat(col)),
            )
        } else {
            return Err(EditError::unsupported(
                "the entry shares its line with something else",
            ));
        }
    };
    let mut expected = Meaning::of_root(ctx.doc.root.as_ref());
    let target = expected
        .get_mut(&parent.0)
        .ok_or_else(|| EditError::NotFound {
            path: parent.to_string(),
        })?;
    let MeaningValue::Map(entries) = &mut target.v else {
        return Err(EditError::WrongKind {
            path: parent.to_string(),
            expected: "a mapping",
            found: f.node.kind_name(),
        });
    };
    entries.insert(
        index,
        (
            Some(key_name.to_string()),
            Meaning::of_new(&key_name.into()),
            Meaning::of_new(value),
        ),
    );
    verified(ctx, vec![edit], &expected, &[])
}

/// Whether `before` (the start of a line up to a key) is one list dash: `  - `.
fn is_dash_prefix(before: &str) -> bool {
    let t = before.trim_start_matches(' ');
    t.strip_prefix('-')
        .is_some_and(|rest| !rest.is_empty() && rest.bytes().all(|b| b == b' '))
}
