//! A fast path for the documents real specs are made of (issue 14 spike), read in
//! one pass over the bytes straight into [`Node`]s, for a text inside this subset:
//! - block mappings and lists indented with spaces (compact `- key: v` and `- - x`
//!   items, a list at its key's indentation), one document (a `---` before it);
//! - plain scalars on one line (their kind by [`resolve_plain`]), quoted ones closed
//!   on their line (`''` in single quotes, no `\` escape in double quotes);
//! - literal block scalars `|` and `|-` (indentation detected, not empty);
//! - flow lists of such scalars on one line (`ports: [8000]`);
//! - comment lines, trailing ` #` comments, blank lines, empty values (`key:`), a
//!   value on the line below its key or `-`.
//!
//! For such a text it gives exactly the [`Run`] saphyr-parser's event stream gives
//! through `build.rs`; for anything else (tabs, `\r`, a BOM or another character
//! YAML or the subset leaves out, anchors, aliases, tags, `?` keys, folded scalars,
//! flow mappings, a scalar over several lines, an absent list item, anything that
//! might be an error) it gives `None`, and the caller reads the text with
//! saphyr-parser as before. A bail costs only speed; a different tree would be a bug,
//! which `fast_tests.rs` looks for on every suite case, corpus spec (and the texts on
//! the way to it), fuzz input and 200,000 random spec-like texts.
//!
//! Here: the entry point and line scanning; `blocks.rs` reads block collections and
//! `scalars.rs` the scalars and flow lists in them.

use super::build::{Doc, Run};
use crate::diag::Span;
use crate::yaml::{Node, Value, MAX_INPUT_BYTES};

/// Collections nested deeper than this bail (the builder stops at `MAX_DEPTH`, 256).
const MAX_FAST_DEPTH: usize = 64;
/// Longer keys bail (YAML allows implicit keys of up to 1,024 characters).
const MAX_KEY_BYTES: usize = 512;

/// The next content line: where its content starts and its indentation.
type Next = Option<(usize, usize)>;

/// `text`'s documents if it is inside the fast path's subset, else `None`.
pub(crate) fn run(text: &str) -> Option<Run> {
    let b = text.as_bytes();
    if b.len() > MAX_INPUT_BYTES || !clean(b) || b.last() == Some(&b'?') {
        return None;
    }
    let f = Fast { text, b, depth: 0 };
    // A `---` on the first content line (alone or with a comment) starts the document.
    let (marker, (at, col)) = match f.next_content(0)? {
        (at, 0) if f.b[at..].starts_with(b"---") && f.sep(at + 3) => {
            (Some(at), f.end_of_line(at + 3)??)
        }
        _ => (None, f.next(0).ok()??),
    };
    let (root, next) = f.block(at, col)?;
    if next.is_some() {
        return None;
    }
    Some(Run {
        docs: vec![Doc {
            start: marker.unwrap_or(root.span.start),
            root: Some(root),
        }],
        error: None,
        too_deep: None,
        fast: true,
    })
}

/// No byte the subset leaves out: control characters but `\n` (tabs and `\r`
/// included), a byte order mark, U+0085, U+2028, U+2029 (line breaks to YAML 1.1),
/// C1 controls, U+FFFE and U+FFFF.
fn clean(b: &[u8]) -> bool {
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        if c < 0x20 {
            if c != b'\n' {
                return false;
            }
        } else if c >= 0x7f {
            let bad = match c {
                0x7f => true,
                0xc2 => b.get(i + 1).is_some_and(|&d| d < 0xa0),
                0xe2 => b.get(i + 1) == Some(&0x80) && matches!(b.get(i + 2), Some(0xa8 | 0xa9)),
                0xef => matches!(
                    (b.get(i + 1), b.get(i + 2)),
                    (Some(0xbb), Some(0xbf)) | (Some(0xbf), Some(0xbe | 0xbf))
                ),
                _ => false,
            };
            if bad {
                return false;
            }
        }
        i += 1;
    }
    true
}

struct Fast<'t> {
    text: &'t str,
    b: &'t [u8],
    depth: usize,
}

impl Fast<'_> {
    fn at(&self, i: usize) -> u8 {
        self.b.get(i).copied().unwrap_or(b'\n')
    }

    /// A space, a line break or the end: what must follow an indicator.
    fn sep(&self, i: usize) -> bool {
        matches!(self.at(i), b' ' | b'\n')
    }

    /// `-` followed by a space, a line break or the end: a list item.
    fn is_dash(&self, i: usize) -> bool {
        self.at(i) == b'-' && self.sep(i + 1)
    }

    fn skip_spaces(&self, mut i: usize) -> usize {
        while self.b.get(i) == Some(&b' ') {
            i += 1;
        }
        i
    }

    /// From the start of a line: the next line with content (blank and comment lines
    /// skipped), as where its content starts and its indentation.
    fn next_content(&self, mut i: usize) -> Option<(usize, usize)> {
        loop {
            let start = i;
            i = self.skip_spaces(i);
            match self.b.get(i) {
                None => return None,
                Some(b'\n') => i += 1,
                Some(b'#') => i = self.line_end(i) + 1,
                Some(_) => return Some((i, i - start)),
            }
        }
    }

    /// The offset of the line break ending the line `i` is on (the length at the end).
    fn line_end(&self, i: usize) -> usize {
        self.b[i.min(self.b.len())..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(self.b.len(), |n| i + n)
    }

    /// The next content line, or `Err(())` when it is a document marker (`---`,
    /// `...`), which the fast path leaves to saphyr-parser.
    fn next(&self, line_start: usize) -> Result<Next, ()> {
        let next = self.next_content(line_start.min(self.b.len()));
        if let Some((at, 0)) = next {
            let rest = &self.b[at..];
            if rest.starts_with(b"---") || rest.starts_with(b"...") {
                return Err(());
            }
        }
        Ok(next)
    }

    /// After a node that ends a line at `i`: nothing but spaces and a comment (after
    /// a space) up to the line break; then the next content line.
    fn end_of_line(&self, i: usize) -> Option<Next> {
        let j = self.skip_spaces(i);
        match self.b.get(j) {
            None => Some(None),
            Some(b'\n') => self.next(j + 1).ok(),
            Some(b'#') if j > 0 && self.b[j - 1] == b' ' => self.next(self.line_end(j) + 1).ok(),
            _ => None,
        }
    }
}

/// A collection node spanning `start..end`.
fn collection(start: usize, end: usize, value: Value) -> Node {
    Node {
        span: Span::new(start, end),
        value,
        tag: None,
        anchor: None,
    }
}

mod blocks;
mod scalars;
