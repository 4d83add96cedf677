//! Byte offset ↔ line/column ↔ UTF-16 offset. Lines and columns are 1-based for
//! people, columns counted in characters (Unicode scalar values); the DOM counts
//! UTF-16 code units, so the app converts through here.

use line_index::{LineCol, TextSize, WideEncoding, WideLineCol};

/// Precomputed line starts of one text, for fast conversions.
pub struct LineIndex {
    index: line_index::LineIndex,
    /// UTF-16 offset of the start of each line.
    utf16_line_starts: Vec<usize>,
    len: usize,
}

/// A 1-based line and column (column in characters).
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct Position {
    pub line: usize,
    pub column: usize,
}

impl LineIndex {
    pub fn new(text: &str) -> Self {
        let mut utf16_line_starts = vec![0];
        let mut u16_pos = 0;
        for c in text.chars() {
            u16_pos += c.len_utf16();
            if c == '\n' {
                utf16_line_starts.push(u16_pos);
            }
        }
        LineIndex {
            index: line_index::LineIndex::new(text),
            utf16_line_starts,
            len: text.len(),
        }
    }

    fn line_col(&self, offset: usize) -> LineCol {
        let offset = offset.min(self.len);
        self.index.line_col(TextSize::new(offset as u32))
    }

    /// The 1-based line and character column of a byte offset (clamped to the text).
    pub fn position(&self, offset: usize) -> Position {
        let lc = self.line_col(offset);
        let col = self
            .index
            .to_wide(WideEncoding::Utf32, lc)
            .map(|w| w.col as usize)
            .unwrap_or(lc.col as usize);
        Position {
            line: lc.line as usize + 1,
            column: col + 1,
        }
    }

    /// The UTF-16 offset (what a textarea's `selectionStart` counts) of a byte offset.
    pub fn utf16_offset(&self, offset: usize) -> usize {
        let lc = self.line_col(offset);
        let col = self
            .index
            .to_wide(WideEncoding::Utf16, lc)
            .map(|w| w.col as usize)
            .unwrap_or(lc.col as usize);
        self.utf16_line_starts[lc.line as usize] + col
    }

    /// The byte offset of a UTF-16 offset (clamped; inside a surrogate pair it rounds
    /// down to the character start).
    pub fn byte_offset_of_utf16(&self, utf16: usize) -> usize {
        let line = self
            .utf16_line_starts
            .partition_point(|&s| s <= utf16)
            .saturating_sub(1);
        let col = (utf16 - self.utf16_line_starts[line]) as u32;
        let wide = WideLineCol {
            line: line as u32,
            col,
        };
        match self.index.to_utf8(WideEncoding::Utf16, wide) {
            Some(lc) => self
                .index
                .offset(lc)
                .map(|o| u32::from(o) as usize)
                .unwrap_or(self.len)
                .min(self.len),
            None => self.len,
        }
    }

    /// The byte offset where 1-based `line` starts (clamped).
    pub fn line_start(&self, line: usize) -> usize {
        let lc = LineCol {
            line: line.saturating_sub(1) as u32,
            col: 0,
        };
        self.index
            .offset(lc)
            .map(|o| u32::from(o) as usize)
            .unwrap_or(self.len)
    }

    pub fn line_count(&self) -> usize {
        self.utf16_line_starts.len()
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
}
