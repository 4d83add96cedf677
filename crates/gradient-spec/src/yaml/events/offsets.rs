//! saphyr-parser reports positions as character indices; the tree and diagnostics use
//! byte offsets. Events arrive almost in text order, so walking from the last answer is
//! linear over a whole parse (and free for ASCII text, the usual spec).

pub(crate) struct ByteOffsets<'a> {
    text: &'a str,
    /// The last answer: a character index and its byte offset.
    chars: usize,
    bytes: usize,
}

impl<'a> ByteOffsets<'a> {
    pub(crate) fn new(text: &'a str) -> Self {
        ByteOffsets {
            text,
            chars: 0,
            bytes: 0,
        }
    }

    /// The byte offset of character index `ci` (the text's length past its end).
    /// Costs the distance from the last answer (a run of ASCII in one step).
    pub(crate) fn byte(&mut self, ci: usize) -> usize {
        let b = self.text.as_bytes();
        if ci > self.chars {
            let n = ci - self.chars;
            if b.get(self.bytes..self.bytes + n)
                .is_some_and(|r| r.is_ascii())
            {
                self.bytes += n;
                self.chars = ci;
            }
        } else if ci < self.chars {
            let n = self.chars - ci;
            if self.bytes >= n && b[self.bytes - n..self.bytes].is_ascii() {
                self.bytes -= n;
                self.chars = ci;
            }
        }
        while self.chars < ci {
            let Some(c) = self.text.get(self.bytes..).and_then(|r| r.chars().next()) else {
                return self.text.len();
            };
            self.bytes += c.len_utf8();
            self.chars += 1;
        }
        while self.chars > ci {
            let Some(c) = self
                .text
                .get(..self.bytes)
                .and_then(|r| r.chars().next_back())
            else {
                break;
            };
            self.bytes -= c.len_utf8();
            self.chars -= 1;
        }
        self.bytes
    }
}

#[cfg(test)]
mod tests {
    use super::ByteOffsets;

    #[test]
    fn character_indices_become_byte_offsets_in_any_order() {
        let text = "aé😀b";
        let mut o = ByteOffsets::new(text);
        assert_eq!(
            [4, 1, 2, 0, 3, 9].map(|i| o.byte(i)),
            [text.len(), 1, 3, 0, 7, text.len()]
        );
        assert_eq!(ByteOffsets::new("abc").byte(2), 2);
        let mut o = ByteOffsets::new("ab€cd");
        assert_eq!([4, 1, 5, 3, 2].map(|i| o.byte(i)), [6, 1, 7, 5, 2]);
    }
}
