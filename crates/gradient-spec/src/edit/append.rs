//! `append_item`: adding an item at the end of a list, block or flow as it is written.

use super::error::EditError;
use super::locate::walk;
use super::meaning::{Meaning, MeaningValue};
use super::set::{append_to, put, replace_null, Mode};
use super::value::NewValue;
use super::verify::first_verified;
use super::yaml_text::{on_text, YamlText};
use crate::diag::TextEdit;
use crate::path::SpecPath;
use crate::yaml::Value;

/// Appends `value` to the list at `list_path`: in a block list at the items'
/// indentation (a mapping as a block mapping under `- `), in a flow list after a comma
/// (`[8000]` → `[8000, 8080]`). A missing or empty (`key:`) list is created. An empty
/// flow list `[]` in block context becomes a block list when the new item is a mapping
/// or a list, and stays flow (`[8000]`) for a scalar.
pub fn append_item(
    text: &str,
    list_path: &SpecPath,
    value: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    on_text(text, |ctx| append_item_in(ctx, list_path, value))
}

/// [`append_item`] on a parsed text.
pub(crate) fn append_item_in(
    ctx: &YamlText,
    list_path: &SpecPath,
    value: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    let (found, matched) = walk(ctx.doc.root.as_ref(), list_path);
    let exists = matched == list_path.0.len();
    let f = match found {
        Some(f) if exists => f,
        _ => {
            if list_path.0.is_empty() {
                return Err(EditError::unsupported(
                    "the document has no content to append to",
                ));
            }
            return put(
                ctx,
                list_path,
                &NewValue::Seq(vec![value.clone()]),
                Mode::Insert,
            );
        }
    };
    let whole = NewValue::Seq(vec![value.clone()]);
    let candidates = match &f.node.value {
        Value::Sequence(s) if s.items.is_empty() && !f.flow && !value.is_scalar() => {
            replace_null(ctx, f, &whole)?
        }
        Value::Sequence(_) => vec![append_to(ctx, f, value)?],
        _ if f.node.is_null() => replace_null(ctx, f, &whole)?,
        _ => {
            return Err(EditError::WrongKind {
                path: list_path.to_string(),
                expected: "a list",
                found: f.node.kind_name(),
            })
        }
    };
    let mut expected = Meaning::of_root(ctx.doc.root.as_ref());
    let target = expected
        .get_mut(&list_path.0)
        .ok_or_else(|| EditError::NotFound {
            path: list_path.to_string(),
        })?;
    match &mut target.v {
        MeaningValue::Seq(items) => items.push(Meaning::of_new(value)),
        v => *v = Meaning::of_new(&whole).v,
    }
    first_verified(ctx, candidates, &expected, &[])
}
