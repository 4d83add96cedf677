//! Finding a spec path in the spanned tree, and the positions around a node that the
//! tree does not record (the `-` of a list item, the `:` after a key).

use super::lines::{column, line_at, line_start, prev_line_start};
use crate::diag::Span;
use crate::path::{PathSegment, SpecPath};
use crate::yaml::{Node, Value};

/// What holds a node.
#[derive(Clone, Copy)]
pub(crate) enum Owner<'a> {
    Root,
    Entry { map: &'a Node, index: usize },
    Item { seq: &'a Node, index: usize },
}

/// A node found by path, with what holds it.
#[derive(Clone, Copy)]
pub(crate) struct Found<'a> {
    pub node: &'a Node,
    pub owner: Owner<'a>,
    /// Inside a flow collection (`[...]`, `{...}`), where block syntax is not allowed.
    pub flow: bool,
}

/// Follows `path` as far as it exists: the deepest node reached and how many
/// segments it took (`None, 0` when the document has no content).
pub(crate) fn walk<'a>(root: Option<&'a Node>, path: &SpecPath) -> (Option<Found<'a>>, usize) {
    let Some(root) = root else { return (None, 0) };
    let mut cur = Found {
        node: root,
        owner: Owner::Root,
        flow: false,
    };
    for (i, seg) in path.0.iter().enumerate() {
        let next = match (seg, &cur.node.value) {
            (PathSegment::Key(k), Value::Mapping(m)) => m
                .entries
                .iter()
                .position(|e| e.key.scalar_text() == Some(k.as_str()))
                .map(|index| Found {
                    node: &m.entries[index].value,
                    owner: Owner::Entry {
                        map: cur.node,
                        index,
                    },
                    flow: cur.flow || m.flow,
                }),
            (PathSegment::Index(n), Value::Sequence(s)) => s.items.get(*n).map(|node| Found {
                node,
                owner: Owner::Item {
                    seq: cur.node,
                    index: *n,
                },
                flow: cur.flow || s.flow,
            }),
            _ => None,
        };
        match next {
            Some(f) => cur = f,
            None => return (Some(cur), i),
        }
    }
    (Some(cur), path.0.len())
}

/// The node at `path` under `root` (the first entry of a duplicated key), `None`
/// when the path does not exist: how a front end reads the value an edit would change.
pub fn node_at<'a>(root: Option<&'a Node>, path: &SpecPath) -> Option<&'a Node> {
    match walk(root, path) {
        (Some(found), depth) if depth == path.0.len() => Some(found.node),
        _ => None,
    }
}

/// The `-` of item `index` of the block sequence `seq`: the last dash at the list's
/// column between the previous item and this one.
pub(crate) fn dash_of(text: &str, seq: &Node, index: usize) -> Option<usize> {
    let items = &seq.as_sequence()?.items;
    let item = items.get(index)?;
    if index == 0 {
        return (text.as_bytes().get(seq.span.start) == Some(&b'-')).then_some(seq.span.start);
    }
    let col = column(text, seq.span.start);
    let floor = items[index - 1].span.end;
    let mut ls = line_start(text, item.span.start);
    loop {
        let pos = ls + col;
        let line = line_at(text, ls);
        if pos >= floor && pos <= item.span.start && line.as_bytes().get(col) == Some(&b'-') {
            let after = line.as_bytes().get(col + 1);
            if after.is_none_or(|b| matches!(b, b' ' | b'\t')) {
                return Some(pos);
            }
        }
        if ls <= floor {
            return None;
        }
        ls = prev_line_start(text, ls)?;
    }
}

/// The position just after the `:` that follows `key`.
pub(crate) fn colon_after(text: &str, key: &Node) -> Option<usize> {
    let rest = text.get(key.span.end..)?;
    let skip = rest
        .bytes()
        .take_while(|b| matches!(b, b' ' | b'\t'))
        .count();
    (rest.as_bytes().get(skip) == Some(&b':')).then_some(key.span.end + skip + 1)
}

/// Where the child at `index` of a collection starts (its key, its `-`, or for flow
/// items the item with any `&anchor`/`!tag`) and where its content ends.
pub(crate) fn child_extent(text: &str, coll: &Node, index: usize) -> Option<Span> {
    match &coll.value {
        Value::Mapping(m) => {
            let e = m.entries.get(index)?;
            // An explicit key (`? key`) starts at its `?`.
            let ls = line_start(text, e.key.span.start);
            let before = text.get(ls..e.key.span.start).unwrap_or("");
            let start = match before.trim_end().strip_suffix('?') {
                Some(lead) if lead.trim().is_empty() => ls + lead.len(),
                _ => e.key.span.start,
            };
            Some(Span::new(start, e.span.end.max(e.key.span.end)))
        }
        Value::Sequence(s) => {
            let item = s.items.get(index)?;
            let start = if s.flow {
                with_props(text, item)
            } else {
                dash_of(text, coll, index)?
            };
            Some(Span::new(start.min(item.span.start), item.span.end))
        }
        _ => None,
    }
}

/// The start of `node` including an `&anchor` and `!tag` written just before it.
pub(crate) fn with_props(text: &str, node: &Node) -> usize {
    let mut start = node.span.start;
    let wanted = usize::from(node.anchor.is_some()) + usize::from(node.tag.is_some());
    for _ in 0..wanted {
        let before = text.get(..start).unwrap_or("");
        let trimmed = before.trim_end_matches([' ', '\t']);
        let word_start = trimmed
            .rfind([' ', '\t', '\n', '[', '{', ','])
            .map_or(0, |i| i + 1);
        match trimmed.get(word_start..) {
            Some(w) if w.starts_with(['&', '!']) => start = word_start,
            _ => break,
        }
    }
    start
}

/// The column that a block node's children are measured from: its key's column or its
/// dash's column (0 at the root).
pub(crate) fn owner_column(text: &str, owner: Owner) -> usize {
    match owner {
        Owner::Root => 0,
        Owner::Entry { map, index } => map
            .as_mapping()
            .and_then(|m| m.entries.get(index))
            .map_or(0, |e| column(text, e.key.span.start)),
        Owner::Item { seq, index } => dash_of(text, seq, index).map_or(0, |d| column(text, d)),
    }
}

/// The position right after the owner's indicator (`key:` or `-`), where an inline
/// value would start.
pub(crate) fn after_indicator(text: &str, owner: Owner) -> Option<usize> {
    match owner {
        Owner::Root => None,
        Owner::Entry { map, index } => {
            colon_after(text, &map.as_mapping()?.entries.get(index)?.key)
        }
        Owner::Item { seq, index } => dash_of(text, seq, index).map(|d| d + 1),
    }
}

/// Like `after_indicator`, past an `&anchor` and `!tag` written after it (where a
/// value replacing a block collection must go: `key: &a {}`).
pub(crate) fn after_indicator_and_props(text: &str, owner: Owner) -> Option<usize> {
    let mut at = after_indicator(text, owner)?;
    loop {
        let rest = text.get(at..)?;
        let spaces = rest
            .bytes()
            .take_while(|b| matches!(b, b' ' | b'\t'))
            .count();
        let word = &rest[spaces..];
        if !word.starts_with(['&', '!']) {
            return Some(at);
        }
        let len = word.find([' ', '\t', '\r', '\n']).unwrap_or(word.len());
        at += spaces + len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn node_at_follows_keys_and_indexes_to_the_end_only() {
        let doc = crate::yaml::parse("env:\n  - name: A\n    value: x\nenv: [dup]\n");
        let at = |p: &str| node_at(doc.root.as_ref(), &SpecPath::parse(p).unwrap());
        assert_eq!(at("env[0].value").and_then(Node::scalar_text), Some("x"));
        assert!(at("env").is_some_and(|n| n.as_sequence().is_some_and(|s| !s.flow)));
        assert!(at("env[1]").is_none() && at("env[0].nope").is_none() && at("image").is_none());
        assert!(node_at(None, &SpecPath::root()).is_none());
    }
}
