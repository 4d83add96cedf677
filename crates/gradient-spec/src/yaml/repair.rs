//! A repaired copy of a broken text, used only to build the tree, and the map from its
//! offsets back to the original's, so every span in the tree and in diagnostics
//! points into the text the user wrote.
//!
//! The repair only inserts (the closers `prescan` found missing), so the values in the
//! tree are the ones written: `[python, app.py` gives the list `python`, `app.py`.

use super::{Node, Value};
use crate::diag::Span;

pub(crate) struct Repaired {
    /// The original text with the insertions made.
    pub text: String,
    /// For each insertion, in order: its start in the repaired text, its length, and
    /// its offset in the original text.
    inserts: Vec<(usize, usize, usize)>,
}

impl Repaired {
    /// Makes `insertions` (original offset, text), which must be in offset order;
    /// one that is out of order or not on a character boundary is skipped.
    pub(crate) fn new(original: &str, insertions: &[(usize, String)]) -> Repaired {
        let extra: usize = insertions.iter().map(|(_, s)| s.len()).sum();
        let mut text = String::with_capacity(original.len() + extra);
        let mut inserts = Vec::with_capacity(insertions.len());
        let mut from = 0;
        for (at, s) in insertions {
            let Some(chunk) = original.get(from..*at) else {
                continue;
            };
            text.push_str(chunk);
            inserts.push((text.len(), s.len(), *at));
            text.push_str(s);
            from = *at;
        }
        text.push_str(original.get(from..).unwrap_or(""));
        Repaired { text, inserts }
    }

    /// The original offset of an offset in the repaired text; offsets inside an
    /// insertion map to where it was inserted.
    pub(crate) fn to_original(&self, r: usize) -> usize {
        // The last insertion starting at or before `r`.
        let i = self.inserts.partition_point(|&(start, _, _)| start <= r);
        let Some(&(start, len, at)) = i.checked_sub(1).and_then(|i| self.inserts.get(i)) else {
            return r;
        };
        if r < start + len {
            at
        } else {
            at + (r - start - len)
        }
    }

    pub(crate) fn span(&self, s: Span) -> Span {
        let start = self.to_original(s.start);
        Span::new(start, self.to_original(s.end).max(start))
    }

    /// Moves every span of `node` from the repaired text to the original.
    pub(crate) fn remap_node(&self, node: &mut Node) {
        node.span = self.span(node.span);
        match &mut node.value {
            Value::Mapping(m) => {
                for e in &mut m.entries {
                    e.span = self.span(e.span);
                    self.remap_node(&mut e.key);
                    self.remap_node(&mut e.value);
                }
            }
            Value::Sequence(s) => s.items.iter_mut().for_each(|n| self.remap_node(n)),
            Value::Scalar(_) | Value::Alias(_) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn offsets_map_back_around_insertions() {
        let r = Repaired::new("a: [x\nb: \"y\n", &[(5, "]".into()), (11, "\"".into())]);
        assert_eq!(r.text, "a: [x]\nb: \"y\"\n");
        let back: Vec<usize> = (0..=r.text.len()).map(|i| r.to_original(i)).collect();
        assert_eq!(back, [0, 1, 2, 3, 4, 5, 5, 6, 7, 8, 9, 10, 11, 11, 12]);
        // The list `[x]` (3..6 in the repair) ends where `x` ends.
        assert_eq!(r.span(Span::new(3, 6)), Span::new(3, 5));
    }

    #[test]
    fn bad_insertions_are_skipped() {
        let r = Repaired::new("é", &[(1, "x".into())]);
        assert_eq!(r.text, "é");
        assert_eq!(
            Repaired::new("ab", &[(1, "x".into()), (0, "y".into())]).text,
            "axb"
        );
    }
}
