//! Line arithmetic on byte offsets for the edit layer. Lines end as [`crate::text`]
//! defines it (`\n`, `\r\n` or a lone `\r`). Never panics: offsets past the end are
//! clamped.

pub(crate) use crate::text::{
    line_end_at as line_end, line_start_at as line_start, next_line_start_at as next_line_start,
};

/// The start of the line before the one starting at `start` (`None` on the first line).
pub(crate) fn prev_line_start(text: &str, start: usize) -> Option<usize> {
    (start > 0).then(|| line_start(text, start - 1))
}

/// The column (in bytes) of `pos` on its line; a byte-order mark does not count.
pub(crate) fn column(text: &str, pos: usize) -> usize {
    let start = line_start(text, pos);
    let bom = if start == 0 && text.starts_with('\u{feff}') {
        3
    } else {
        0
    };
    pos.min(text.len()).saturating_sub(start + bom)
}

/// The text of the line starting at `start`, without its line break.
pub(crate) fn line_at(text: &str, start: usize) -> &str {
    text.get(start..line_end(text, start)).unwrap_or("")
}

/// Spaces at the start of a line.
pub(crate) fn indent_of(line: &str) -> usize {
    line.bytes().take_while(|&b| b == b' ').count()
}

/// A line holding only spaces and tabs.
pub(crate) fn is_blank(line: &str) -> bool {
    line.bytes().all(|b| b == b' ' || b == b'\t')
}

/// Whether only spaces stand between the start of its line and `pos`.
pub(crate) fn starts_line(text: &str, pos: usize) -> bool {
    text.get(line_start(text, pos)..pos)
        .is_some_and(|s| s.bytes().all(|b| b == b' '))
}

/// The line ending the document uses: CRLF when its first line break is one.
pub(crate) fn eol_of(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// The first position at or after `pos` that is neither a space nor a line break.
pub(crate) fn skip_space_and_breaks(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    pos + text.as_bytes()[pos..]
        .iter()
        .take_while(|b| matches!(b, b' ' | b'\t' | b'\r' | b'\n'))
        .count()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lines_with_crlf() {
        let t = "a: 1\r\nbb: 2\r\n";
        assert_eq!(line_start(t, 8), 6);
        assert_eq!(line_end(t, 6), 11);
        assert_eq!(next_line_start(t, 6), 13);
        assert_eq!(prev_line_start(t, 6), Some(0));
        assert_eq!(line_at(t, 6), "bb: 2");
        assert_eq!(eol_of(t), "\r\n");
        assert_eq!(line_end(t, 99), t.len());
        assert_eq!(column(t, 9), 3);
    }
}
