//! `insert_key_at`: adding a key at a given place among its siblings (`apiVersion`
//! first, a section where the one it replaces stood), where `insert_key` appends.

use super::context::Ctx;
use super::error::EditError;
use super::lines::{column, line_start, starts_line};
use super::locate::{child_extent, walk};
use super::owned::owned_lines;
use super::render::{entry, flow, key};
use super::scalar;
use super::sem::{Sem, SemV};
use super::set::insert_key;
use super::value::NewValue;
use super::verify::verified;
use crate::diag::TextEdit;
use crate::path::SpecPath;
use crate::yaml::ScalarStyle;

/// Adds `key: value` to the mapping at `parent` so that it becomes entry `index`
/// (0 = first): in a block mapping on its own line(s) above entry `index` and the
/// comment lines that belong to it, at the siblings' indentation; in a flow mapping
/// before that entry, followed by a comma. An `index` at or past the end appends, as
/// `insert_key` does (which also creates a missing `parent`).
pub fn insert_key_at(
    text: &str,
    parent: &SpecPath,
    index: usize,
    key_name: &str,
    value: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    let ctx = Ctx::new(text)?;
    let (found, matched) = walk(ctx.doc.root.as_ref(), parent);
    let f = match found {
        Some(f) if matched == parent.0.len() => f,
        _ => return insert_key(text, parent, key_name, value),
    };
    let Some(m) = f.node.as_mapping() else {
        return insert_key(text, parent, key_name, value);
    };
    if index >= m.entries.len() {
        return insert_key(text, parent, key_name, value);
    }
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
        // Above the entry's own comment lines; an entry sharing its line with a `- `
        // (the first key of a list item) cannot have a line put above it. A key right
        // after a byte-order mark starts the text: the new line goes after the mark.
        let bom = ctx.text.starts_with('\u{feff}') && line_start(ctx.text, ext.start) == 0;
        let at = if bom && ext.start == 3 {
            3
        } else {
            owned_lines(&ctx, ext.start, ext.end)
                .ok_or_else(|| {
                    EditError::unsupported("the entry shares its line with something else")
                })?
                .start
        };
        let col = column(ctx.text, ext.start);
        TextEdit::insert(
            at,
            format!(
                "{}{}{}",
                " ".repeat(col),
                entry(key_name, value, col, &ctx.lay),
                ctx.lay.eol
            ),
        )
    };
    let mut expected = Sem::of_root(ctx.doc.root.as_ref());
    let target = expected
        .get_mut(&parent.0)
        .ok_or_else(|| EditError::NotFound {
            path: parent.to_string(),
        })?;
    let SemV::Map(entries) = &mut target.v else {
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
            Sem::of_new(&key_name.into()),
            Sem::of_new(value),
        ),
    );
    verified(&ctx, vec![edit], &expected, &[])
}
