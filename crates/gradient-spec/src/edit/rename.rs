//! `rename_key`: giving a mapping key a new name in place. The value, the key's
//! comments, its place among its siblings and its quoting style stay as they were.

use super::error::EditError;
use super::locate::{walk, Owner};
use super::meaning::{Meaning, MeaningValue};
use super::render::key;
use super::scalar;
use super::verify::first_verified;
use super::yaml_text::{on_text, YamlText};
use crate::diag::TextEdit;
use crate::path::{PathSegment, SpecPath};
use crate::yaml::ScalarStyle;

/// Renames the key at `path` (which must end with a key) to `new_key`, keeping its
/// value and comments in place. Refused when a sibling already has that name.
pub fn rename_key(text: &str, path: &SpecPath, new_key: &str) -> Result<Vec<TextEdit>, EditError> {
    on_text(text, |ctx| rename_key_in(ctx, path, new_key))
}

/// [`rename_key`] on a parsed text.
pub(crate) fn rename_key_in(
    ctx: &YamlText,
    path: &SpecPath,
    new_key: &str,
) -> Result<Vec<TextEdit>, EditError> {
    let Some((PathSegment::Key(old), parent)) = path.0.split_last() else {
        return Err(EditError::unsupported("only a mapping key can be renamed"));
    };
    let (found, matched) = walk(ctx.doc.root.as_ref(), path);
    let (map, index) = match found {
        Some(f) if matched == path.0.len() => match f.owner {
            Owner::Entry { map, index } => (map, index),
            _ => {
                return Err(EditError::NotFound {
                    path: path.to_string(),
                })
            }
        },
        _ => {
            return Err(EditError::NotFound {
                path: path.to_string(),
            })
        }
    };
    if old == new_key {
        return Ok(Vec::new());
    }
    let Some(m) = map.as_mapping() else {
        return Err(EditError::unsupported("not a mapping"));
    };
    if m.entries
        .iter()
        .any(|e| e.key.scalar_text() == Some(new_key))
    {
        return Err(EditError::KeyExists {
            path: SpecPath(parent.to_vec()).key(new_key).to_string(),
        });
    }
    let entry = &m.entries[index];
    let style = entry.key.as_scalar().map(|s| s.style);
    let flow = m.flow || found.is_some_and(|f| f.flow);
    if entry.key.anchor.is_some() || entry.key.tag.is_some() {
        return Err(EditError::unsupported("a key with an anchor or a tag"));
    }
    // The key keeps its quotes (`"port"` stays double-quoted, as JSON needs); a plain
    // key is written plain when the new name allows.
    let written = match style {
        Some(ScalarStyle::DoubleQuoted | ScalarStyle::SingleQuoted) => {
            scalar::string(new_key, style, flow)
        }
        _ => key(new_key, flow),
    };
    let mut candidates = vec![vec![TextEdit::replace(entry.key.span, written)]];
    candidates.push(vec![TextEdit::replace(
        entry.key.span,
        scalar::double(new_key),
    )]);
    let mut expected = Meaning::of_root(ctx.doc.root.as_ref());
    let target = expected
        .get_mut(parent)
        .ok_or_else(|| EditError::NotFound {
            path: path.to_string(),
        })?;
    let MeaningValue::Map(entries) = &mut target.v else {
        return Err(EditError::unsupported("not a mapping"));
    };
    let slot = entries
        .iter_mut()
        .find(|(k, _, _)| k.as_deref() == Some(old.as_str()))
        .ok_or_else(|| EditError::NotFound {
            path: path.to_string(),
        })?;
    slot.0 = Some(new_key.to_string());
    slot.1 = Meaning::of_new(&new_key.into());
    first_verified(ctx, candidates, &expected, &[])
}
