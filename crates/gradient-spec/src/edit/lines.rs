//! Line arithmetic on byte offsets (LF and CRLF alike). Never panics: offsets past
//! the end are clamped.

/// The start of the line holding `pos`.
pub(crate) fn line_start(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    text.as_bytes()[..pos]
        .iter()
        .rposition(|&b| b == b'\n')
        .map_or(0, |i| i + 1)
}

/// The end of the content of the line holding `pos` (before `\n` or `\r\n`).
pub(crate) fn line_end(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    let b = text.as_bytes();
    match b[pos..].iter().position(|&c| c == b'\n') {
        Some(i) => {
            let nl = pos + i;
            if nl > pos && b[nl - 1] == b'\r' {
                nl - 1
            } else {
                nl
            }
        }
        None => text.len(),
    }
}

/// The start of the line after the one holding `pos` (the text length on the last line).
pub(crate) fn next_line_start(text: &str, pos: usize) -> usize {
    let pos = pos.min(text.len());
    match text.as_bytes()[pos..].iter().position(|&c| c == b'\n') {
        Some(i) => pos + i + 1,
        None => text.len(),
    }
}

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
