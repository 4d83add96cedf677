//! The list items the upgrade and the downgrade carry over one at a time (legacy
//! `models` and `repositories.repositories`, v1 `integrations`). Each must be a
//! mapping, each is named the same way in notes, and what cannot be carried over is
//! said in a note at the item, never dropped silently.

use super::UpgradeNote;
use crate::path::{PathSegment, SpecPath};
use crate::yaml::{Entry, Mapping, Node};

/// One item to carry over: where it is and what it holds.
pub(crate) struct Item<'a> {
    pub(crate) at: SpecPath,
    pub(crate) node: &'a Node,
    pub(crate) map: &'a Mapping,
}

/// The items of `items` (each with its path) that are mappings; for each other one a
/// note "this `what` is a list, not a mapping`needs`: not carried over".
pub(crate) fn mappings<'a>(
    items: impl IntoIterator<Item = (SpecPath, &'a Node)>,
    what: &str,
    needs: &str,
    notes: &mut Vec<UpgradeNote>,
) -> Vec<Item<'a>> {
    let mut out = Vec::new();
    for (at, node) in items {
        match node.as_mapping() {
            Some(map) => out.push(Item { at, node, map }),
            None => notes.push(UpgradeNote::new(
                at,
                node.span,
                format!(
                    "this {what} is {}, not a mapping{needs}: not carried over",
                    node.kind_name()
                ),
            )),
        }
    }
    out
}

/// `items` with their paths under `list` (`integrations[0]`, …).
pub(crate) fn indexed<'a>(
    list: &'a SpecPath,
    items: &'a [Node],
) -> impl Iterator<Item = (SpecPath, &'a Node)> + 'a {
    items.iter().enumerate().map(|(i, n)| (list.index(i), n))
}

impl<'a> Item<'a> {
    /// The item's index in its list (`None` for a lone mapping read as a list of one).
    pub(crate) fn index(&self) -> Option<usize> {
        match self.at.0.last() {
            Some(PathSegment::Index(i)) => Some(*i),
            _ => None,
        }
    }

    /// The text of scalar field `key`, when it is not blank.
    pub(crate) fn field(&self, key: &str) -> Option<&'a str> {
        self.map
            .get(key)
            .and_then(Node::scalar_text)
            .filter(|s| !s.trim().is_empty())
    }

    /// How notes name the item: "`what` `name`", or "`what` n" (from 1) when it has
    /// no name.
    pub(crate) fn label(&self, what: &str) -> String {
        match self.field("name") {
            Some(name) => format!("{what} `{name}`"),
            None => format!("{what} {}", self.index().map_or(1, |i| i + 1)),
        }
    }

    /// A note at the whole item.
    pub(crate) fn note(&self, message: impl Into<String>, notes: &mut Vec<UpgradeNote>) {
        notes.push(UpgradeNote::new(self.at.clone(), self.node.span, message));
    }

    /// A note at the entry of `key` (at the item when it has none).
    pub(crate) fn note_at(
        &self,
        key: &str,
        message: impl Into<String>,
        notes: &mut Vec<UpgradeNote>,
    ) {
        let span = self.map.get_entry(key).map_or(self.node.span, |e| e.span);
        notes.push(UpgradeNote::new(self.at.key(key), span, message));
    }

    /// The entries whose key is not one of `known`, with their key.
    pub(crate) fn other_entries<'k>(
        &self,
        known: &'k [&'k str],
    ) -> impl Iterator<Item = (&'a str, &'a Entry)> + 'k
    where
        'a: 'k,
    {
        self.map.entries.iter().filter_map(move |e| {
            let key = e.key.scalar_text().unwrap_or("");
            (!known.contains(&key)).then_some((key, e))
        })
    }
}
