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

use super::build::{Doc, Run};
use crate::diag::Span;
use crate::yaml::scalar::{resolve_plain, ScalarKind, ScalarStyle};
use crate::yaml::{Entry, Mapping, Node, Scalar, Sequence, Value, MAX_INPUT_BYTES};

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

    /// A block collection whose first entry or item starts at `at`, in column `col`.
    fn block(&self, at: usize, col: usize) -> Option<(Node, Next)> {
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
    fn below(&self, at: usize, ind: usize, col: usize) -> Option<(Node, Next)> {
        if self.is_dash(at) || self.is_key(at) {
            self.block(at, ind)
        } else if self.at(at) == b'|' {
            None
        } else {
            self.value(at, col)
        }
    }

    /// A block list whose first `-` is at `at`, in column `col`.
    fn sequence(&self, mut at: usize, col: usize) -> Option<(Node, Next)> {
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
    fn is_key(&self, at: usize) -> bool {
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
    fn mapping(&self, mut at: usize, col: usize) -> Option<(Node, Next)> {
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
                        _ => (null_at(colon + 1), next),
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
    fn key(&self, at: usize) -> Option<(Node, usize)> {
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
    fn value(&self, at: usize, col: usize) -> Option<(Node, Next)> {
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

    /// A plain scalar on one line from `at`, and where it stopped: at a line break,
    /// a comment, a `: ` (or `:` at the end of the line), and in a flow list also at
    /// `,` or `]`. Bails on a start the subset leaves out.
    fn plain(&self, at: usize, flow: bool) -> Option<(Node, usize)> {
        let b = self.b;
        match self.at(at) {
            b'-' if !(self.sep(at + 1) || flow && matches!(self.at(at + 1), b',' | b']')) => {}
            b'?' | b':' if !flow && !self.sep(at + 1) => {}
            b'-' | b'?' | b':' | b',' | b'[' | b']' | b'{' | b'}' | b'#' | b'&' | b'*' | b'!'
            | b'|' | b'>' | b'\'' | b'"' | b'%' | b'@' | b'`' | b' ' | b'\n' => return None,
            _ => {}
        }
        let mut i = at;
        let mut end = at;
        while i < b.len() {
            match b[i] {
                b'\n' => break,
                b':' if self.sep(i + 1) => break,
                b'#' if i > at && b[i - 1] == b' ' => {
                    if flow {
                        return None;
                    }
                    break;
                }
                b' ' => {}
                b'?' if i > at && b[i - 1] == b' ' && self.sep(i + 1) => return None,
                b',' | b']' if flow => break,
                b'[' | b'{' | b'}' | b':' if flow => return None,
                _ => end = i + 1,
            }
            i += 1;
        }
        // `[a -]`: saphyr-parser refuses a `-` there (`dashes.rs`).
        if flow && b[end - 1] == b'-' {
            return None;
        }
        let text = &self.text[at..end];
        let node = Node {
            span: Span::new(at, end),
            value: Value::Scalar(Scalar {
                text: text.to_string(),
                style: ScalarStyle::Plain,
                kind: kind(text),
            }),
            tag: None,
            anchor: None,
        };
        Some((node, i))
    }

    /// A literal block scalar, `|` or `|-` (its indentation detected, more than the
    /// column `col` of the collection it is in), whose header is at `at`; then the next
    /// content line. An empty one, blank lines before its first line or past its
    /// indentation, a comment line right after it, and a last line without a line
    /// break bail.
    fn literal(&self, at: usize, col: usize) -> Option<(Node, Next)> {
        let b = self.b;
        // `build.rs` finds the header on its line by its first `|` or `>` after a
        // space (outside quotes and comments): nothing of the kind may stand before it.
        let mut line = at;
        while line > 0 && b[line - 1] != b'\n' {
            line -= 1;
        }
        if b[line..at]
            .iter()
            .any(|c| matches!(c, b'|' | b'>' | b'"' | b'\'' | b'#'))
        {
            return None;
        }
        let strip = self.at(at + 1) == b'-';
        let header_end = at + 1 + usize::from(strip);
        let j = self.skip_spaces(header_end);
        let header_line_end = match self.at(j) {
            b'\n' => j,
            b'#' if j > header_end => self.line_end(j),
            _ => return None,
        };
        let mut i = header_line_end + 1;
        let n = self.skip_spaces(i.min(b.len())) - i.min(b.len());
        if i >= b.len() || n <= col || self.at(i + n) == b'\n' {
            return None;
        }
        let mut value = String::new();
        let mut blank = 0;
        let mut end = i;
        let mut first = true;
        loop {
            let s = self.skip_spaces(i);
            match b.get(s) {
                None if s == i => break,
                None => return None,
                Some(b'\n') if s - i <= n => {
                    blank += 1;
                    i = s + 1;
                }
                Some(b'\n') => return None,
                Some(_) if s - i < n => break,
                Some(_) => {
                    let e = self.line_end(s);
                    if e >= b.len() {
                        return None;
                    }
                    if !first {
                        value.push('\n');
                    }
                    for _ in 0..blank {
                        value.push('\n');
                    }
                    value.push_str(&self.text[i + n..e]);
                    first = false;
                    blank = 0;
                    end = e;
                    while b[end - 1] == b' ' {
                        end -= 1;
                    }
                    i = e + 1;
                }
            }
        }
        if !strip {
            value.push('\n');
        }
        let next = if i >= b.len() {
            None
        } else {
            self.next(i).ok()?
        };
        let node = Node {
            span: Span::new(at, end),
            value: Value::Scalar(Scalar {
                text: value,
                style: ScalarStyle::Literal,
                kind: ScalarKind::String,
            }),
            tag: None,
            anchor: None,
        };
        Some((node, next))
    }

    /// A quoted scalar closed on its line (a `\` escape bails).
    fn quoted(&self, at: usize) -> Option<Node> {
        let b = self.b;
        let q = b[at];
        let mut i = at + 1;
        let mut doubled = false;
        loop {
            match *b.get(i)? {
                b'\n' | b'\\' if q == b'"' => return None,
                b'\n' => return None,
                c if c == q => {
                    if q == b'\'' && b.get(i + 1) == Some(&b'\'') {
                        doubled = true;
                        i += 2;
                        continue;
                    }
                    break;
                }
                _ => {}
            }
            i += 1;
        }
        let raw = &self.text[at + 1..i];
        let (text, style) = if q == b'"' {
            (raw.to_string(), ScalarStyle::DoubleQuoted)
        } else if doubled {
            (raw.replace("''", "'"), ScalarStyle::SingleQuoted)
        } else {
            (raw.to_string(), ScalarStyle::SingleQuoted)
        };
        Some(Node {
            span: Span::new(at, i + 1),
            value: Value::Scalar(Scalar {
                text,
                style,
                kind: ScalarKind::String,
            }),
            tag: None,
            anchor: None,
        })
    }

    /// A flow list of scalars on one line, `[` at `at` (no trailing comma).
    fn flow_list(&self, at: usize) -> Option<Node> {
        let mut items = Vec::new();
        let mut i = self.skip_spaces(at + 1);
        if self.at(i) != b']' {
            loop {
                let item = match self.at(i) {
                    b'"' | b'\'' => {
                        let n = self.quoted(i)?;
                        // `["a": b]` is a flow pair.
                        let after = self.skip_spaces(n.span.end);
                        if self.at(after) == b':' {
                            return None;
                        }
                        n
                    }
                    _ => self.plain(i, true)?.0,
                };
                i = self.skip_spaces(item.span.end);
                items.push(item);
                match self.at(i) {
                    b',' => {
                        i = self.skip_spaces(i + 1);
                        if self.at(i) == b']' {
                            return None;
                        }
                    }
                    b']' => break,
                    _ => return None,
                }
            }
        }
        Some(collection(
            at,
            i + 1,
            Value::Sequence(Sequence { items, flow: true }),
        ))
    }
}

/// [`resolve_plain`], answered at once for the usual key or value: only a scalar
/// starting with one of these can be anything but a string.
fn kind(text: &str) -> ScalarKind {
    match text.as_bytes().first() {
        None | Some(b'n' | b'N' | b't' | b'T' | b'f' | b'F' | b'~' | b'.' | b'+' | b'-') => {
            resolve_plain(text)
        }
        Some(c) if c.is_ascii_digit() => resolve_plain(text),
        Some(_) => ScalarKind::String,
    }
}

fn collection(start: usize, end: usize, value: Value) -> Node {
    Node {
        span: Span::new(start, end),
        value,
        tag: None,
        anchor: None,
    }
}

fn null_at(at: usize) -> Node {
    Node {
        span: Span::at(at),
        value: Value::Scalar(Scalar {
            text: String::new(),
            style: ScalarStyle::Plain,
            kind: ScalarKind::Null,
        }),
        tag: None,
        anchor: None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn kind_is_resolve_plain() {
        let words = [
            "",
            "~",
            "null",
            "Null",
            "NULL",
            "true",
            "True",
            "FALSE",
            "false",
            ".inf",
            "-.Inf",
            "+.INF",
            ".nan",
            ".NaN",
            "0x1F",
            "0o17",
            "-12",
            "+3",
            "1.5",
            ".5",
            "1e3",
            "1.2E-3",
            "yes",
            "on",
            "x",
            "name",
            "VAR_1",
            "nginx:1.27",
            "/bin/sh",
            "-c",
            "--flag",
            "8000",
        ];
        for w in words {
            assert_eq!(
                format!("{:?}", kind(w)),
                format!("{:?}", resolve_plain(w)),
                "{w}"
            );
        }
        for c in 0u8..128 {
            for rest in ["", "1", "ull", "rue", "alse", "inf", "x"] {
                let w = format!("{}{rest}", c as char);
                assert_eq!(
                    format!("{:?}", kind(&w)),
                    format!("{:?}", resolve_plain(&w)),
                    "{w:?}"
                );
            }
        }
    }
}
