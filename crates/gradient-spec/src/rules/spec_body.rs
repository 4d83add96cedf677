//! Where the rules of this group find their fields: the mappings that hold spec
//! fields (the root, and the body of a `spec:` wrapper, which `structure` reports as
//! misplaced but whose values still deserve checking), and typed access to them.

use super::Context;
use crate::path::SpecPath;
use crate::yaml::{Entry, Mapping, Node};

/// A mapping holding top-level spec fields, with the path that leads to it.
pub(crate) struct Body<'a> {
    pub map: &'a Mapping,
    pub path: SpecPath,
}

/// The root mapping, then the mapping under a `spec:` wrapper when there is one.
pub(crate) fn bodies<'a>(cx: &Context<'a>) -> Vec<Body<'a>> {
    let Some(root) = cx.root else {
        return Vec::new();
    };
    let mut out = vec![Body {
        map: root,
        path: SpecPath::root(),
    }];
    if let Some(inner) = root.get("spec").and_then(Node::as_mapping) {
        out.push(Body {
            map: inner,
            path: SpecPath::root().key("spec"),
        });
    }
    out
}

/// The items of the list at `key` that are mappings, with their index and path
/// (items of another kind are `wrong-type`, reported by `structure`).
pub(crate) fn mapping_items<'a>(
    map: &'a Mapping,
    key: &str,
    path: &SpecPath,
) -> Vec<(&'a Mapping, SpecPath)> {
    let Some(seq) = map.get(key).and_then(Node::as_sequence) else {
        return Vec::new();
    };
    let list = path.key(key);
    seq.items
        .iter()
        .enumerate()
        .filter_map(|(i, item)| Some((item.as_mapping()?, list.index(i))))
        .collect()
}

/// Where a mapping of fields is: a path, or a list item's place (its list's path and
/// its index). The rules that walk every env item on every keystroke spell a path out
/// only for a problem.
#[derive(Clone, Copy)]
pub(crate) enum Place<'p> {
    At(&'p SpecPath),
    Item(&'p SpecPath, usize),
}

impl Place<'_> {
    /// The path of the field `key` of the mapping here.
    pub(crate) fn key(self, key: &str) -> SpecPath {
        match self {
            Place::At(path) => path.key(key),
            Place::Item(list, i) => list.index(i).key(key),
        }
    }
}

/// The items of the list at `key` that are mappings, with their index (as
/// [`mapping_items`], without a path per item).
pub(crate) fn indexed_mapping_items<'a>(
    map: &'a Mapping,
    key: &str,
) -> impl Iterator<Item = (usize, &'a Mapping)> {
    map.get(key)
        .and_then(Node::as_sequence)
        .into_iter()
        .flat_map(|seq| seq.items.iter().enumerate())
        .filter_map(|(i, item)| Some((i, item.as_mapping()?)))
}

/// The entry at `key` when its value is a string scalar, with that string.
pub(crate) fn str_entry<'a>(map: &'a Mapping, key: &str) -> Option<(&'a Entry, &'a str)> {
    let entry = map.get_entry(key)?;
    Some((entry, entry.value.as_str()?))
}

/// True when `key` holds something other than nothing (absent, `key:` or `~`).
pub(crate) fn is_set(map: &Mapping, key: &str) -> bool {
    map.get(key)
        .is_some_and(|v| !v.is_null() && v.as_str().is_none_or(|s| !s.trim().is_empty()))
}

/// The offset of the `:` that follows a key ending at `from` (blanks may sit between).
pub(crate) fn colon_after(text: &str, from: usize) -> Option<usize> {
    let rest = text.get(from..)?;
    let skipped = rest.len() - rest.trim_start_matches([' ', '\t']).len();
    (rest.as_bytes().get(skipped) == Some(&b':')).then_some(from + skipped)
}
