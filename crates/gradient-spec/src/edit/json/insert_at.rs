//! A key new to a JSON(C) object written at its place in the reference's order
//! (`spec::catalogue_index`), before the first member documented after it, as the YAML
//! layer does; `set_value` appends when this declines.

use super::super::lines::line_start;
use super::super::locate::walk;
use super::super::meaning::{Meaning, MeaningValue};
use super::super::set::wrap;
use super::super::value::NewValue;
use super::render::{block, inline, string};
use super::{verified, JsonText};
use crate::diag::TextEdit;
use crate::path::{PathSegment, SpecPath};

/// The edits writing the new key of `path` before its documented successor, or `None`
/// (not a new key of an existing object, no such successor, or the layout is not one
/// this writes: the caller appends).
pub(super) fn at_catalogue_place(
    ctx: &JsonText,
    path: &SpecPath,
    value: &NewValue,
) -> Option<Vec<TextEdit>> {
    let segs = &path.0;
    let (found, matched) = walk(ctx.root(), path);
    let f = found.filter(|_| matched < segs.len())?;
    let PathSegment::Key(k) = &segs[matched] else {
        return None;
    };
    let m = f.node.as_mapping()?;
    let existing: Vec<&str> = m
        .entries
        .iter()
        .map(|e| e.key.scalar_text().unwrap_or(""))
        .collect();
    let parent = SpecPath(segs[..matched].to_vec());
    let index = crate::spec::catalogue_index(&parent, &existing, k)?;
    let inner = wrap(&segs[matched + 1..], value)?;
    let before = m.entries.get(index)?.span.start;
    let text = ctx.text;
    let edit = if ctx.starts_line(before) {
        // On a line of its own above the member and the `//` comment lines right above
        // it, at its indentation.
        let indent = ctx.indent_at(before);
        let mut at = line_start(text, before);
        while at > 0 {
            let prev = line_start(text, at - 1);
            let line = text[prev..at].trim_start();
            if !line.starts_with("//") {
                break;
            }
            at = prev;
        }
        let rendered = block(&inner, indent, &ctx.unit, ctx.eol).ok()?;
        TextEdit::insert(at, format!("{indent}{}: {rendered},{}", string(k), ctx.eol))
    } else {
        let rendered = inline(&inner).ok()?;
        TextEdit::insert(before, format!("{}: {rendered}, ", string(k)))
    };
    let mut expected = Meaning::of_root(ctx.root());
    let target = expected.get_mut(&parent.0)?;
    let MeaningValue::Map(entries) = &mut target.v else {
        return None;
    };
    entries.insert(
        index,
        (
            Some(k.to_string()),
            Meaning::of_new(&k.as_str().into()),
            Meaning::of_new(&inner),
        ),
    );
    verified(ctx, vec![edit], &expected, &[]).ok()
}
