//! Which lines belong to a block entry or list item: the comment policy.
//!
//! An entry (or item) owns
//! - the comment lines directly above it at its own indentation, with no blank line
//!   between (`# the port` above `port: 8000`);
//! - its own lines, including a trailing `# comment`;
//! - the comment lines directly below it that are indented deeper than it (they sit
//!   inside its value).
//!
//! A comment separated by a blank line, or at a shallower indentation, belongs to the
//! surrounding section and is never moved or removed with the entry.

use super::lines::{
    column, indent_of, is_blank, line_at, line_start, next_line_start, prev_line_start, starts_line,
};
use super::yaml_text::YamlText;
use crate::diag::Span;

/// The whole lines owned by the entry or item whose key or dash is at `start` and
/// whose content ends at `end`; `None` when something else stands before it on its
/// line (`- name: x` for the key `name`).
pub(crate) fn owned_lines(ctx: &YamlText, start: usize, end: usize) -> Option<Span> {
    let text = ctx.text;
    if !starts_line(text, start) {
        return None;
    }
    let col = column(text, start);
    let mut first = line_start(text, start);
    while let Some(prev) = prev_line_start(text, first) {
        if ctx.is_comment_line(prev) && indent_of(line_at(text, prev)) == col {
            first = prev;
        } else {
            break;
        }
    }
    let last = next_line_start(text, skip_deeper_comments(ctx, end, col));
    Some(Span::new(first, last.max(first)))
}

/// Steps from `end` over the comment lines right below it indented deeper than `col`;
/// returns a position on the last line that belongs to the entry.
pub(crate) fn skip_deeper_comments(ctx: &YamlText, end: usize, col: usize) -> usize {
    let text = ctx.text;
    let mut pos = end;
    loop {
        let next = next_line_start(text, pos);
        if next >= text.len() || next == line_start(text, pos) {
            return pos;
        }
        if ctx.is_comment_line(next) && indent_of(line_at(text, next)) > col {
            pos = next;
        } else {
            return pos;
        }
    }
}

/// Whether the line starting at `ls` is blank (or `ls` is past the end).
pub(crate) fn blank_line_at(text: &str, ls: usize) -> bool {
    ls >= text.len() || is_blank(line_at(text, ls))
}
