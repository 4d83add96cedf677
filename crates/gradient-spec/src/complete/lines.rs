//! Reading one line of a spec that may not parse: its indentation, its `- ` item
//! indicators, its key, its value and its comment, all as byte columns of the line.
//! Columns compare across lines because everything before a key is ASCII.

/// A line taken apart. Spans are byte ranges of the line (without its line break).
#[derive(Debug, Clone, Default)]
pub(super) struct Line<'a> {
    pub text: &'a str,
    /// Columns of the `- ` indicators, left to right.
    pub dashes: Vec<usize>,
    /// Where the content after the indentation and the dashes starts.
    pub node: usize,
    /// The key (quotes included) and the column of its `:` indicator.
    pub key: Option<(usize, usize, usize)>,
    /// The value after the key's `:` (or the node when there is no key), trimmed,
    /// without a trailing comment.
    pub value: (usize, usize),
    /// Where a comment starts.
    pub comment: Option<usize>,
}

fn is_ws(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

/// The line's text without its line break or a trailing `\r`.
#[inline]
pub(super) fn content(line: &str) -> &str {
    // Byte tests: `strip_suffix(char)` costs a `memcmp` call, on every line scanned.
    let b = line.as_bytes();
    let mut end = b.len();
    if end > 0 && b[end - 1] == b'\n' {
        end -= 1;
    }
    if end > 0 && b[end - 1] == b'\r' {
        end -= 1;
    }
    &line[..end]
}

/// Leading spaces (tabs are not indentation in YAML).
#[inline]
pub(super) fn indent(line: &str) -> usize {
    line.bytes().take_while(|&b| b == b' ').count()
}

/// True for a line the scans skip: nothing but whitespace or a comment, or
/// indented with a tab (a syntax error, with no column to compare).
#[inline]
pub(super) fn is_skipped(line: &str) -> bool {
    let t = line.trim_start();
    t.is_empty() || t.starts_with('#') || line.as_bytes().get(indent(line)) == Some(&b'\t')
}

/// True for `---` or `...` at the start of a line: a document boundary.
#[inline]
pub(super) fn is_document_marker(line: &str) -> bool {
    (line.starts_with("---") || line.starts_with("..."))
        && line
            .as_bytes()
            .get(3)
            .is_none_or(|&b| is_ws(b) || b == b'\r')
}

/// The end of a quoted scalar starting at `start` (after its closing quote), or
/// `None` when the line ends first.
pub(super) fn quote_end(b: &[u8], start: usize) -> Option<usize> {
    let quote = *b.get(start)?;
    let mut i = start + 1;
    while let Some(&c) = b.get(i) {
        i += 1;
        if quote == b'"' && c == b'\\' {
            i += 1;
        } else if c == quote {
            if quote == b'\'' && b.get(i) == Some(&b'\'') {
                i += 1;
            } else {
                return Some(i);
            }
        }
    }
    None
}

impl<'a> Line<'a> {
    pub(super) fn parse(text: &'a str) -> Line<'a> {
        let text = content(text);
        let b = text.as_bytes();
        let mut pos = indent(text);
        let mut dashes = Vec::new();
        while b.get(pos) == Some(&b'-') && b.get(pos + 1).is_none_or(|&c| is_ws(c)) {
            dashes.push(pos);
            pos += 1;
            while b.get(pos).is_some_and(|&c| is_ws(c)) {
                pos += 1;
            }
        }
        let mut line = Line {
            text,
            dashes,
            node: pos,
            ..Line::default()
        };
        if b.get(pos) == Some(&b'#') {
            line.comment = Some(pos);
            line.value = (pos, pos);
            return line;
        }
        line.key = find_key(b, pos);
        let mut start = line.key.map_or(pos, |(_, _, colon)| colon + 1);
        while b.get(start).is_some_and(|&c| is_ws(c)) {
            start += 1;
        }
        let (end, comment) = value_end(b, start);
        line.value = (start, end);
        line.comment = comment;
        line
    }

    /// The key's name without quotes.
    pub(super) fn key_name(&self) -> Option<&'a str> {
        let (s, e, _) = self.key?;
        Some(unquote(&self.text[s..e]))
    }

    /// The value's text without quotes.
    pub(super) fn value_text(&self) -> &'a str {
        unquote(&self.text[self.value.0..self.value.1])
    }

    /// True when the line holds only indentation and `- ` indicators.
    pub(super) fn is_empty_node(&self) -> bool {
        self.node >= self.text.len()
    }
}

/// `"a"` → `a`, `'a'` → `a`; other text as it is.
pub(super) fn unquote(s: &str) -> &str {
    for q in ['"', '\''] {
        if let Some(inner) = s.strip_prefix(q).and_then(|r| r.strip_suffix(q)) {
            return inner;
        }
    }
    s
}

/// A key at `pos`: a quoted or plain scalar followed by `:` and a space or the end.
fn find_key(b: &[u8], pos: usize) -> Option<(usize, usize, usize)> {
    match *b.get(pos)? {
        b'[' | b'{' | b'|' | b'>' | b'&' | b'*' | b'!' => None,
        b'"' | b'\'' => {
            let end = quote_end(b, pos)?;
            let mut colon = end;
            while b.get(colon).is_some_and(|&c| is_ws(c)) {
                colon += 1;
            }
            let ok = b.get(colon) == Some(&b':') && b.get(colon + 1).is_none_or(|&c| is_ws(c));
            ok.then_some((pos, end, colon))
        }
        _ => {
            let mut i = pos + 1;
            while let Some(&c) = b.get(i) {
                if c == b'#' && is_ws(b[i - 1]) {
                    return None;
                }
                if c == b':' && b.get(i + 1).is_none_or(|&n| is_ws(n)) {
                    let mut end = i;
                    while end > pos && is_ws(b[end - 1]) {
                        end -= 1;
                    }
                    return Some((pos, end, i));
                }
                i += 1;
            }
            None
        }
    }
}

/// The end of a value starting at `start` (trailing whitespace trimmed) and where a
/// comment after it starts. Quotes are skipped wherever a scalar may start.
fn value_end(b: &[u8], start: usize) -> (usize, Option<usize>) {
    let mut i = start;
    let mut comment = None;
    while let Some(&c) = b.get(i) {
        let at_scalar_start = i == start || matches!(b[i - 1], b' ' | b'\t' | b'[' | b'{' | b',');
        if c == b'#' && i > start && is_ws(b[i - 1]) {
            comment = Some(i);
            break;
        }
        if (c == b'"' || c == b'\'') && at_scalar_start {
            i = quote_end(b, i).unwrap_or(b.len());
            continue;
        }
        i += 1;
    }
    let mut end = comment.unwrap_or(b.len());
    while end > start && is_ws(b[end - 1]) {
        end -= 1;
    }
    (end, comment)
}

/// The position of the last `\n` in `b`, eight bytes at a time: the upward scans
/// may cross a whole document, and a byte loop is several times slower.
#[inline]
pub(super) fn last_newline(b: &[u8]) -> Option<usize> {
    const LO: u64 = 0x0101_0101_0101_0101;
    const HI: u64 = 0x8080_8080_8080_8080;
    let mut end = b.len();
    while end >= 8 {
        let mut word = [0u8; 8];
        word.copy_from_slice(&b[end - 8..end]);
        // Zero bytes of `x` are newlines; this finds whether any byte is zero.
        let x = u64::from_le_bytes(word) ^ (LO * u64::from(b'\n'));
        if x.wrapping_sub(LO) & !x & HI != 0 {
            break;
        }
        end -= 8;
    }
    b[..end].iter().rposition(|&c| c == b'\n')
}

/// The lines above the line starting at `line_start`, nearest first.
pub(super) fn lines_up(text: &str, line_start: usize) -> impl Iterator<Item = &str> {
    let mut end = line_start.min(text.len());
    std::iter::from_fn(move || {
        if end == 0 {
            return None;
        }
        let begin = last_newline(&text.as_bytes()[..end - 1]).map_or(0, |i| i + 1);
        let line = &text[begin..end - 1];
        end = begin;
        Some(content(line))
    })
}

/// The lines below the line ending at `line_end` (its `\n` or the text's end).
pub(super) fn lines_down(text: &str, line_end: usize) -> impl Iterator<Item = &str> {
    let mut start = line_end.saturating_add(1);
    std::iter::from_fn(move || {
        if start > text.len() {
            return None;
        }
        let end = text[start..].find('\n').map_or(text.len(), |i| start + i);
        let line = &text[start..end];
        start = end + 1;
        Some(content(line))
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn last_newline_is_rposition(b in proptest::collection::vec(
            prop_oneof![Just(b'\n'), Just(b' '), Just(0u8), Just(0x8a), any::<u8>()], 0..64,
        )) {
            prop_assert_eq!(last_newline(&b), b.iter().rposition(|&c| c == b'\n'));
        }
    }

    #[test]
    fn a_line_taken_apart() {
        let l = Line::parse("  - name: \"A # b\" # note\r");
        assert_eq!(l.dashes, [2]);
        assert_eq!(l.key_name(), Some("name"));
        assert_eq!(l.value_text(), "A # b");
        assert_eq!(l.comment, Some(18));
        let l = Line::parse("url: http://x#y");
        assert_eq!((l.value_text(), l.comment), ("http://x#y", None));
        assert!(Line::parse("  -").is_empty_node());
        assert_eq!(Line::parse("secret:NAME").key, None);
    }
}
