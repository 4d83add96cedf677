//! The fast path's scalars: plain and quoted ones on one line, literal blocks, and
//! one-line flow lists of scalars.

use super::{collection, Fast, Next};
use crate::diag::Span;
use crate::yaml::scalar::{resolve_plain, ScalarKind, ScalarStyle};
use crate::yaml::{Node, Scalar, Sequence, Value};

impl Fast<'_> {
    /// A plain scalar on one line from `at`, and where it stopped: at a line break,
    /// a comment, a `: ` (or `:` at the end of the line), and in a flow list also at
    /// `,` or `]`. Bails on a start the subset leaves out.
    pub(super) fn plain(&self, at: usize, flow: bool) -> Option<(Node, usize)> {
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
    pub(super) fn literal(&self, at: usize, col: usize) -> Option<(Node, Next)> {
        let b = self.b;
        // `props::block_header` finds the header on its line by the first `|` or `>`
        // where a node can start (outside quotes and comments): nothing of the kind
        // may stand before it.
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
    pub(super) fn quoted(&self, at: usize) -> Option<Node> {
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
    pub(super) fn flow_list(&self, at: usize) -> Option<Node> {
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
