//! The caret inside a flow collection on one line (`ports: [80, 4`, `- {name: A`):
//! which item or key it is in, counted from the opening bracket to the caret.

use super::lines::{quote_end, unquote};
use crate::path::PathSegment;

#[derive(Debug, PartialEq)]
pub(super) enum Slot {
    /// An item of a flow list.
    Item,
    /// A key of a flow mapping.
    Key,
    /// A value of a flow mapping.
    Value,
}

/// Where the caret is in a flow collection. Byte columns of the line.
#[derive(Debug)]
pub(super) struct FlowHit {
    /// The path below the collection's own path.
    pub segs: Vec<PathSegment>,
    pub slot: Slot,
    /// Where the scalar under the caret starts (the caret when there is none).
    pub start: usize,
    /// Where it ends (quotes excluded).
    pub end: usize,
}

enum Frame {
    List(usize),
    /// A mapping: the key read so far (a range of the line) and whether its `:` was seen.
    Map(Option<(usize, usize)>, bool),
}

fn ends_plain(c: u8) -> bool {
    matches!(c, b',' | b'[' | b']' | b'{' | b'}')
}

/// The flow position of `caret` in `line`, the collection opening at `open`;
/// `None` when the caret is past the collection's end or in a comment.
pub(super) fn locate(line: &str, open: usize, caret: usize) -> Option<FlowHit> {
    let b = line.as_bytes();
    let mut stack: Vec<Frame> = Vec::new();
    let mut token: Option<usize> = None;
    let mut i = open;
    while i < caret.min(b.len()) {
        let c = b[i];
        match c {
            b'[' => stack.push(Frame::List(0)),
            b'{' => stack.push(Frame::Map(None, false)),
            b']' | b'}' => {
                stack.pop();
                if stack.is_empty() {
                    return None;
                }
            }
            b',' => match stack.last_mut() {
                Some(Frame::List(n)) => *n += 1,
                Some(Frame::Map(key, colon)) => (*key, *colon) = (None, false),
                None => return None,
            },
            b':' if b
                .get(i + 1)
                .is_none_or(|&n| n == b' ' || n == b'\t' || ends_plain(n)) =>
            {
                if let (Some(Frame::Map(key, colon)), Some(t)) = (stack.last_mut(), token) {
                    if !*colon {
                        *key = Some((t, trim_end(b, t, i)));
                        *colon = true;
                    }
                }
            }
            b'#' if i > 0 && (b[i - 1] == b' ' || b[i - 1] == b'\t') => return None,
            b'"' | b'\'' if token.is_none() => match quote_end(b, i) {
                Some(end) if end <= caret => {
                    token = Some(i);
                    i = end;
                    continue;
                }
                _ => {
                    // The caret is inside this quoted scalar.
                    let end = quote_end(b, i).map_or(b.len(), |e| e - 1);
                    return Some(hit(&stack, b, i + 1, end, line));
                }
            },
            b' ' | b'\t' => {}
            _ => {
                token.get_or_insert(i);
                i += 1;
                continue;
            }
        }
        if c != b' ' && c != b'\t' {
            token = None;
        }
        i += 1;
    }
    if stack.is_empty() {
        return None;
    }
    let start = token.unwrap_or(caret);
    let mut end = caret.max(start);
    while let Some(&c) = b.get(end) {
        let colon = c == b':' && b.get(end + 1).is_none_or(|&n| n == b' ' || ends_plain(n));
        let comment = c == b'#' && end > 0 && b[end - 1] == b' ';
        if ends_plain(c) || colon || comment {
            break;
        }
        end += 1;
    }
    Some(hit(&stack, b, start, trim_end(b, start, end), line))
}

fn trim_end(b: &[u8], start: usize, mut end: usize) -> usize {
    while end > start && (b[end - 1] == b' ' || b[end - 1] == b'\t') {
        end -= 1;
    }
    end
}

fn hit(stack: &[Frame], b: &[u8], start: usize, end: usize, line: &str) -> FlowHit {
    let mut segs = Vec::new();
    let mut slot = Slot::Item;
    for frame in stack {
        match *frame {
            Frame::List(n) => {
                segs.push(PathSegment::Index(n));
                slot = Slot::Item;
            }
            Frame::Map(Some((ks, ke)), true) => {
                let key = line.get(ks..ke).map_or("", unquote);
                segs.push(PathSegment::Key(key.to_string()));
                slot = Slot::Value;
            }
            Frame::Map(..) => slot = Slot::Key,
        }
    }
    let end = end.clamp(start, b.len());
    FlowHit {
        segs,
        slot,
        start,
        end,
    }
}
