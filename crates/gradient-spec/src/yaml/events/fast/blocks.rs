//! The fast path's block collections: a block mapping or list and the values of its
//! keys and items, read line by line.

use super::{collection, Fast, Next, MAX_FAST_DEPTH, MAX_KEY_BYTES};
use crate::diag::Span;
use crate::yaml::{Entry, Mapping, Node, Sequence, Value};

impl Fast<'_> {
    /// A block collection whose first entry or item starts at `at`, in column `col`.
    pub(super) fn block(&self, at: usize, col: usize) -> Option<(Node, Next)> {
        if self.depth >= MAX_FAST_DEPTH {
            return None;
        }
        let inner = Fast {
            depth: self.depth + 1,
            ..*self
        };
        if self.is_dash(at) {
            inner.sequence(at, col)
        } else {
            inner.mapping(at, col)
        }
    }

    /// The value of a key or `-` (in column `col`) that starts on a line below it, at
    /// `at` in column `ind`: a block collection, or a scalar or flow list alone on its
    /// line (not a block scalar).
    pub(super) fn below(&self, at: usize, ind: usize, col: usize) -> Option<(Node, Next)> {
        if self.is_dash(at) || self.is_key(at) {
            self.block(at, ind)
        } else if self.at(at) == b'|' {
            None
        } else {
            self.value(at, col)
        }
    }

    /// A block list whose first `-` is at `at`, in column `col`.
    pub(super) fn sequence(&self, mut at: usize, col: usize) -> Option<(Node, Next)> {
        let start = at;
        let mut items = Vec::new();
        loop {
            let q = self.skip_spaces(at + 1);
            let (item, next) = match self.at(q) {
                // The item's content is on the lines below (an absent item bails).
                b'\n' | b'#' => match self.end_of_line(q)? {
                    Some((s, ind)) if ind > col => self.below(s, ind, col)?,
                    _ => return None,
                },
                _ => {
                    let c = col + (q - at);
                    if self.is_dash(q) || self.is_key(q) {
                        self.block(q, c)?
                    } else {
                        self.value(q, col)?
                    }
                }
            };
            items.push(item);
            match next {
                Some((s, ind)) if ind == col && self.is_dash(s) => at = s,
                Some((_, ind)) if ind > col => return None,
                _ => {
                    let end = items.last().map_or(start, |n| n.span.end);
                    let node =
                        collection(start, end, Value::Sequence(Sequence { items, flow: false }));
                    return Some((node, next));
                }
            }
        }
    }

    /// Whether a key (a plain or quoted scalar and a `:`) starts at `at`.
    /// (A look ahead without building the key; [`Self::key`] decides.)
    pub(super) fn is_key(&self, at: usize) -> bool {
        let b = self.b;
        let mut i = at;
        if let q @ (b'"' | b'\'') = self.at(at) {
            i += 1;
            loop {
                match b.get(i) {
                    None | Some(b'\n') => return false,
                    Some(&c) if c == q => {
                        if q == b'\'' && b.get(i + 1) == Some(&q) {
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    _ => i += 1,
                }
            }
            let colon = self.skip_spaces(i + 1);
            return self.at(colon) == b':' && self.sep(colon + 1);
        }
        while i < b.len() {
            match b[i] {
                b'\n' => return false,
                b':' if self.sep(i + 1) => return true,
                b'#' if i > at && b[i - 1] == b' ' => return false,
                _ => i += 1,
            }
        }
        false
    }

    /// A block mapping whose first key starts at `at`, in column `col`.
    pub(super) fn mapping(&self, mut at: usize, col: usize) -> Option<(Node, Next)> {
        let mut entries: Vec<Entry> = Vec::new();
        loop {
            let (key, colon) = self.key(at)?;
            let q = self.skip_spaces(colon + 1);
            let (value, next) = match self.at(q) {
                b'\n' | b'#' => {
                    let next = self.end_of_line(colon + 1)?;
                    match next {
                        Some((s, ind)) if ind > col => self.below(s, ind, col)?,
                        Some((s, ind)) if ind == col && self.is_dash(s) => self.block(s, ind)?,
                        _ => (Node::null_at(colon + 1), next),
                    }
                }
                _ => self.value(q, col)?,
            };
            let span = Span::new(key.span.start, value.span.end.max(key.span.end));
            entries.push(Entry { key, value, span });
            match next {
                Some((s, ind)) if ind == col => at = s,
                Some((_, ind)) if ind > col => return None,
                _ => {
                    let start = entries[0].span.start;
                    let end = entries.last().map_or(start, |e| e.span.end);
                    let node = collection(
                        start,
                        end,
                        Value::Mapping(Mapping {
                            entries,
                            flow: false,
                        }),
                    );
                    return Some((node, next));
                }
            }
        }
    }

    /// A key at `at` and the offset of its `:`.
    pub(super) fn key(&self, at: usize) -> Option<(Node, usize)> {
        let (node, end) = match self.at(at) {
            b'"' | b'\'' => {
                let node = self.quoted(at)?;
                let end = node.span.end;
                (node, end)
            }
            _ => {
                let (node, stop) = self.plain(at, false)?;
                (node, stop)
            }
        };
        let colon = self.skip_spaces(end);
        (self.at(colon) == b':'
            && self.sep(colon + 1)
            && node.span.len() <= MAX_KEY_BYTES
            && node.span.end > node.span.start)
            .then_some((node, colon))
    }

    /// A value on the line of its key or `-`: a scalar or a flow list, then the line's
    /// end.
    pub(super) fn value(&self, at: usize, col: usize) -> Option<(Node, Next)> {
        let node = match self.at(at) {
            b'|' => return self.literal(at, col),
            b'"' | b'\'' => self.quoted(at)?,
            b'[' => {
                if self.depth >= MAX_FAST_DEPTH {
                    return None;
                }
                self.flow_list(at)?
            }
            _ => {
                let (node, stop) = self.plain(at, false)?;
                // `key: a: b` is an error.
                if self.at(stop) == b':' {
                    return None;
                }
                node
            }
        };
        let next = self.end_of_line(node.span.end)?;
        Some((node, next))
    }
}
