//! Lines of a text, and byte offset ↔ line/column ↔ UTF-16 offset. Lines and columns
//! are 1-based for people, columns counted in characters (Unicode scalar values); the
//! DOM counts UTF-16 code units, so the app converts through here.
//!
//! **One definition of a line break**, YAML's (and what a textarea shows): `\n`,
//! `\r\n`, or a lone `\r`. Every line table of the core and the app comes from
//! [`line_starts`] or [`LineIndex`], and the edit layer's line arithmetic from
//! [`line_break_len`], so a lone `\r` cannot be a line for one part and not another
//! (the fuzzer found fixes misplaced that way).

/// The length of the line break starting at byte `at` of `bytes`: 2 for `\r\n`, 1 for
/// `\n` or a lone `\r`, 0 when none starts there.
#[inline]
pub fn line_break_len(bytes: &[u8], at: usize) -> usize {
    match bytes.get(at) {
        Some(b'\n') => 1,
        Some(b'\r') if bytes.get(at + 1) == Some(&b'\n') => 2,
        Some(b'\r') => 1,
        _ => 0,
    }
}

/// The byte offset where each line of `text` starts (the first is 0; a text ending
/// in a line break has an empty last line).
pub fn line_starts(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut starts = Vec::with_capacity(text.len() / 24 + 1);
    starts.push(0);
    let mut i = 0;
    while i < bytes.len() {
        // Line breaks are ASCII: skip straight to the next `\n` or `\r`.
        match bytes[i..].iter().position(|&b| b == b'\n' || b == b'\r') {
            Some(k) => {
                i += k;
                i += line_break_len(bytes, i);
                starts.push(i);
            }
            None => break,
        }
    }
    starts
}

/// The start of the line holding byte `pos` (clamped): just after the last line break
/// that ends at or before it.
pub fn line_start_at(text: &str, pos: usize) -> usize {
    let b = text.as_bytes();
    let mut i = pos.min(b.len());
    while i > 0 {
        i -= 1;
        // A `\r` right before `pos` with `\n` at `pos` is a CRLF not yet ended.
        if b[i] == b'\n' || (b[i] == b'\r' && b.get(i + 1) != Some(&b'\n')) {
            return i + 1;
        }
    }
    0
}

/// Where the content of the line holding byte `pos` ends (at its line break, or the
/// end of the text).
pub fn line_end_at(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    text.as_bytes()[pos..]
        .iter()
        .position(|&b| b == b'\n' || b == b'\r')
        .map_or(text.len(), |i| pos + i)
}

/// The start of the line after the one holding byte `pos` (the text's length on the
/// last line).
pub fn next_line_start_at(text: &str, pos: usize) -> usize {
    let end = line_end_at(text, pos);
    end + line_break_len(text.as_bytes(), end)
}

/// Line `line` (0-based) of a text whose lines start at `starts` (see
/// [`line_starts`]), without its line break; empty when out of range or not at a
/// character boundary.
pub fn line_text<'a>(text: &'a str, starts: &[usize], line: usize) -> &'a str {
    starts
        .get(line)
        .and_then(|&start| text.get(start..line_end_at(text, start)))
        .unwrap_or("")
}

/// A text's line table, with what converting its offsets needs: built once per text
/// version and shared by every conversion.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct LineIndex {
    /// See [`line_starts`].
    starts: Vec<usize>,
    /// Every character longer than one byte: its byte offset, and how many bytes it
    /// takes beyond one (`extra8`) and beyond its UTF-16 length (`extra16`), summed
    /// over it and all before it. Empty for ASCII text, so conversions there are free.
    wide: Vec<Wide>,
    len: usize,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Wide {
    at: usize,
    /// Its UTF-16 offset.
    at16: usize,
    len8: u8,
    /// Sums up to and including this character.
    extra8: usize,
    extra16: usize,
}

/// A 1-based line and column (column in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut wide = Vec::new();
        if !text.is_ascii() {
            let (mut extra8, mut extra16) = (0, 0);
            for (at, c) in text.char_indices().filter(|(_, c)| !c.is_ascii()) {
                let at16 = at - extra16;
                extra8 += c.len_utf8() - 1;
                extra16 += c.len_utf8() - c.len_utf16();
                wide.push(Wide {
                    at,
                    at16,
                    len8: c.len_utf8() as u8,
                    extra8,
                    extra16,
                });
            }
        }
        LineIndex {
            starts: line_starts(text),
            wide,
            len: text.len(),
        }
    }

    /// The byte offset where each line starts (see [`line_starts`]).
    pub fn starts(&self) -> &[usize] {
        &self.starts
    }

    pub fn line_count(&self) -> usize {
        self.starts.len()
    }

    /// `offset` clamped to the text and moved back to the start of its character,
    /// with the number of wide characters before it.
    fn settle(&self, offset: usize) -> (usize, usize) {
        let offset = offset.min(self.len);
        let k = self.wide.partition_point(|w| w.at < offset);
        match k.checked_sub(1).map(|i| self.wide[i]) {
            Some(w) if offset < w.at + w.len8 as usize => (w.at, k - 1),
            _ => (offset, k),
        }
    }

    /// Bytes beyond one per character before the `k` first wide characters.
    fn extra8(&self, k: usize) -> usize {
        k.checked_sub(1).map_or(0, |i| self.wide[i].extra8)
    }

    /// The 0-based line holding byte `offset` (clamped).
    pub fn line_of(&self, offset: usize) -> usize {
        let offset = offset.min(self.len);
        self.starts.partition_point(|&s| s <= offset) - 1
    }

    /// The 1-based line and character column of a byte offset (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let (offset, k) = self.settle(offset);
        let line = self.line_of(offset);
        let (start, ks) = self.settle(self.starts[line]);
        let chars = (offset - start) - (self.extra8(k) - self.extra8(ks));
        Position {
            line: line + 1,
            column: chars + 1,
        }
    }

    /// The UTF-16 offset (what a textarea's `selectionStart` counts) of a byte offset.
    pub fn utf16_offset(&self, offset: usize) -> usize {
        let (offset, k) = self.settle(offset);
        offset - k.checked_sub(1).map_or(0, |i| self.wide[i].extra16)
    }

    /// The byte offset of a UTF-16 offset (clamped; inside a surrogate pair it rounds
    /// down to the character start).
    pub fn byte_offset_of_utf16(&self, utf16: usize) -> usize {
        let k = self.wide.partition_point(|w| w.at16 < utf16);
        let byte = match k.checked_sub(1).map(|i| self.wide[i]) {
            Some(w) if utf16 < w.at16 + w.len16() => w.at,
            _ => utf16 + k.checked_sub(1).map_or(0, |i| self.wide[i].extra16),
        };
        byte.min(self.len)
    }

    /// The byte offset where 1-based `line` starts (clamped).
    pub fn line_start(&self, line: usize) -> usize {
        self.starts
            .get(line.saturating_sub(1))
            .copied()
            .unwrap_or(self.len)
    }
}

impl Wide {
    /// Its UTF-16 length: 2 for a 4-byte character (a surrogate pair), else 1.
    fn len16(&self) -> usize {
        if self.len8 == 4 {
            2
        } else {
            1
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn positions_count_characters() {
        let text = "a: 1\nname: \"日本😀\" # x\n";
        let idx = LineIndex::new(text);
        assert_eq!(idx.position(0), Position { line: 1, column: 1 });
        let x = text.find('#').unwrap();
        // `name: "` is 7 chars, then 3 chars, `" ` 2 more: `#` is the 13th character.
        assert_eq!(
            idx.position(x),
            Position {
                line: 2,
                column: 13
            }
        );
    }

    #[test]
    fn utf16_round_trip() {
        let text = "k: 😀é\nz: x\r\nw";
        let idx = LineIndex::new(text);
        for (b, _) in text.char_indices().chain([(text.len(), ' ')]) {
            let u = idx.utf16_offset(b);
            assert_eq!(u, text[..b].encode_utf16().count());
            assert_eq!(idx.byte_offset_of_utf16(u), b);
        }
    }

    #[test]
    fn one_definition_of_a_line_break() {
        let text = "a\nb\r\nc\rd\r\re";
        assert_eq!(line_starts(text), [0, 2, 5, 7, 9, 10]);
        assert_eq!(line_starts(""), [0]);
        assert_eq!(line_starts("x\n"), [0, 2]);
        let idx = LineIndex::new(text);
        assert_eq!(idx.line_count(), 6);
        let at = |o| {
            let p = idx.position(o);
            (p.line, p.column)
        };
        assert_eq!(at(text.find('d').unwrap()), (4, 1));
        assert_eq!(at(text.find('e').unwrap()), (6, 1));
        assert_eq!(at(3), (2, 2), "the \\r of a CRLF ends its line");
        assert_eq!(idx.line_start(4), 7);
        assert_eq!(idx.line_start(99), text.len());
        assert_eq!(
            (
                line_break_len(b"\r\n", 0),
                line_break_len(b"\r", 0),
                line_break_len(b"x", 0)
            ),
            (2, 1, 0)
        );
    }

    #[test]
    fn scanning_agrees_with_the_table() {
        let text = "a\nbb\r\ncc\rd\r\r\ne\n";
        let starts = line_starts(text);
        for pos in 0..=text.len() + 1 {
            let line = LineIndex::new(text).line_of(pos);
            let mid_crlf = pos > 0
                && text.as_bytes().get(pos - 1) == Some(&b'\r')
                && text.as_bytes().get(pos) == Some(&b'\n');
            assert_eq!(line_start_at(text, pos), starts[line], "start at {pos}");
            if !mid_crlf {
                let next = starts.get(line + 1).copied().unwrap_or(text.len());
                assert_eq!(next_line_start_at(text, pos), next, "next at {pos}");
            }
        }
        let lines: Vec<&str> = (0..starts.len())
            .map(|l| line_text(text, &starts, l))
            .collect();
        assert_eq!(lines, ["a", "bb", "cc", "d", "", "e", ""]);
        assert_eq!(line_text(text, &starts, 99), "");
    }

    /// The table against a plain scan of the text, over every offset of mixed text.
    #[test]
    fn conversions_agree_with_a_scan() {
        let text = "é: 😀\r\n日\rx\n\n𝄞a";
        let idx = LineIndex::new(text);
        let starts = idx.starts().to_vec();
        for b in 0..=text.len() + 2 {
            let settled = (0..=b.min(text.len()))
                .rev()
                .find(|&i| text.is_char_boundary(i))
                .unwrap();
            let line = starts.iter().rposition(|&s| s <= settled).unwrap();
            let column = text[starts[line]..settled].chars().count() + 1;
            assert_eq!(
                idx.position(b),
                Position {
                    line: line + 1,
                    column
                },
                "at {b}"
            );
            assert_eq!(idx.utf16_offset(b), text[..settled].encode_utf16().count());
        }
        let total16 = text.encode_utf16().count();
        for u in 0..=total16 + 1 {
            let b = idx.byte_offset_of_utf16(u);
            assert!(
                text.is_char_boundary(b) && idx.utf16_offset(b) <= u,
                "{u} -> {b}"
            );
        }
        assert_eq!(idx.byte_offset_of_utf16(total16 + 5), text.len());
    }
}
