//! `move_item`: reordering a list, each item carrying the lines it owns.

use super::error::EditError;
use super::locate::{child_extent, walk, Found};
use super::meaning::Meaning;
use super::owned::owned_lines;
use super::verify::verified;
use super::yaml_text::{on_text, YamlText};
use crate::diag::{Span, TextEdit};
use crate::path::SpecPath;
use crate::yaml::{Node, Sequence};

/// A move of one list item, checked against the document (YAML or JSON alike): the
/// list, and the items from `lo` to `hi` in their new order.
pub(crate) struct ItemMove<'a> {
    pub found: Found<'a>,
    pub seq: &'a Sequence,
    pub lo: usize,
    pub hi: usize,
    /// The indices `lo..=hi` as they stand after the move.
    pub order: Vec<usize>,
}

/// Finds the list at `path` and plans moving item `from` to `to` (as `Vec::remove`
/// then `Vec::insert`); `None` when `from == to`, as there is nothing to do.
pub(crate) fn plan_move<'a>(
    root: Option<&'a Node>,
    path: &SpecPath,
    from: usize,
    to: usize,
) -> Result<Option<ItemMove<'a>>, EditError> {
    let (found, matched) = walk(root, path);
    let f = match found {
        Some(f) if matched == path.0.len() => f,
        _ => {
            return Err(EditError::NotFound {
                path: path.to_string(),
            })
        }
    };
    let Some(seq) = f.node.as_sequence() else {
        return Err(EditError::WrongKind {
            path: path.to_string(),
            expected: "a list",
            found: f.node.kind_name(),
        });
    };
    let len = seq.items.len();
    for i in [from, to] {
        if i >= len {
            return Err(EditError::IndexOutOfRange {
                path: path.index(i).to_string(),
                len,
            });
        }
    }
    if from == to {
        return Ok(None);
    }
    let (lo, hi) = (from.min(to), from.max(to));
    let mut order: Vec<usize> = (lo..=hi).collect();
    let moved = order.remove(from - lo);
    order.insert(to - lo, moved);
    Ok(Some(ItemMove {
        found: f,
        seq,
        lo,
        hi,
        order,
    }))
}

/// Moves item `from` of the list at `list_path` so that it ends up at index `to`
/// (as `Vec::remove` then `Vec::insert`). In a block list each item takes its own
/// comment lines along; blank lines and comments that belong to no item stay put.
pub fn move_item(
    text: &str,
    list_path: &SpecPath,
    from: usize,
    to: usize,
) -> Result<Vec<TextEdit>, EditError> {
    on_text(text, |ctx| move_item_in(ctx, list_path, from, to))
}

/// [`move_item`] on a parsed text.
pub(crate) fn move_item_in(
    ctx: &YamlText,
    list_path: &SpecPath,
    from: usize,
    to: usize,
) -> Result<Vec<TextEdit>, EditError> {
    let Some(ItemMove {
        found: f,
        seq,
        lo,
        hi,
        order,
    }) = plan_move(ctx.doc.root.as_ref(), list_path, from, to)?
    else {
        return Ok(Vec::new());
    };

    let slots: Vec<Span> = (lo..=hi)
        .map(|i| {
            let ext = child_extent(ctx.text, f.node, i)?;
            if seq.flow || f.flow {
                Some(ext)
            } else {
                owned_lines(ctx, ext.start, ext.end)
            }
        })
        .collect::<Option<_>>()
        .ok_or_else(|| {
            EditError::unsupported("an item of this list shares its line with something else")
        })?;
    if slots.windows(2).any(|w| w[0].end > w[1].start) {
        return Err(EditError::unsupported("the items of this list overlap"));
    }
    let eol = ctx.lay.eol;
    let block = !(seq.flow || f.flow);
    // Block items are whole lines: make each end with a line break while moving.
    let piece = |i: usize| -> String {
        let s = slots[i - lo].slice(ctx.text);
        if block && !s.ends_with('\n') {
            format!("{s}{eol}")
        } else {
            s.to_string()
        }
    };
    let region = Span::new(slots[0].start, slots[slots.len() - 1].end);
    let mut new = String::new();
    for (k, &i) in order.iter().enumerate() {
        new.push_str(&piece(i));
        if k + 1 < order.len() {
            new.push_str(Span::new(slots[k].end, slots[k + 1].start).slice(ctx.text));
        }
    }
    let old = region.slice(ctx.text);
    if block && !old.ends_with('\n') {
        if let Some(stripped) = new.strip_suffix(eol) {
            new = stripped.to_string();
        }
    }
    let contiguous = slots.windows(2).all(|w| w[0].end == w[1].start);
    let edits = if block && contiguous && old.ends_with('\n') {
        // Whole lines with nothing between them: cut the item's lines and put them
        // back at the target. (Otherwise blank lines and loose comments between items
        // keep their places, and the items rotate around them.)
        let (cut, target) = (slots[from - lo], slots[to - lo]);
        let at = if to > from { target.end } else { target.start };
        vec![
            TextEdit::delete(cut),
            TextEdit::insert(at, cut.slice(ctx.text)),
        ]
    } else {
        minimal(old, &new, region.start, block)
            .into_iter()
            .collect()
    };
    let mut expected = Meaning::of_root(ctx.doc.root.as_ref());
    expected
        .move_item(list_path, from, to)
        .ok_or_else(|| EditError::NotFound {
            path: list_path.to_string(),
        })?;
    verified(ctx, edits, &expected, &[])
}

/// The single edit turning `old` (found at `offset`) into `new`: the common prefix and
/// suffix are left alone (whole lines of them when `lines`, so a moved block of lines
/// reads as one).
pub(crate) fn minimal(old: &str, new: &str, offset: usize, lines: bool) -> Option<TextEdit> {
    if old == new {
        return None;
    }
    let mut pre = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(pre) || !new.is_char_boundary(pre) {
        pre -= 1;
    }
    if lines {
        pre = old[..pre].rfind('\n').map_or(0, |i| i + 1);
    }
    let max_suf = (old.len() - pre).min(new.len() - pre);
    let mut suf = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max_suf)
        .take_while(|(a, b)| a == b)
        .count();
    while !old.is_char_boundary(old.len() - suf) || !new.is_char_boundary(new.len() - suf) {
        suf -= 1;
    }
    if lines {
        // Keep only whole lines of the suffix: it must start right after a line break.
        let tail = &old[old.len() - suf..];
        suf = match tail.find('\n') {
            Some(i) if old.len() - suf > 0 && !old[..old.len() - suf].ends_with('\n') => {
                tail.len() - i - 1
            }
            _ => suf,
        };
    }
    Some(TextEdit::replace(
        Span::new(offset + pre, offset + old.len() - suf),
        &new[pre..new.len() - suf],
    ))
}
