//! Syntax colours for the visible lines, from the core's line highlighter, as CSS
//! classes over byte ranges.

use crate::state::visible_lines::ColourRange;
use gradient_spec::highlight::{highlight_lines, TokenClass};
use gradient_spec::highlight_json::highlight_json_lines;
use gradient_spec::Format;

fn class_of(class: TokenClass) -> &'static str {
    match class {
        TokenClass::Key => "tok-key",
        TokenClass::String => "tok-string",
        TokenClass::Number => "tok-number",
        TokenClass::Bool => "tok-bool",
        TokenClass::Null => "tok-null",
        TokenClass::Comment => "tok-comment",
        TokenClass::Punctuation => "tok-punct",
        TokenClass::Anchor => "tok-anchor",
        TokenClass::Tag => "tok-tag",
        TokenClass::DocumentMarker => "tok-marker",
        TokenClass::Plain => "tok-plain",
        TokenClass::BlockScalar => "tok-block",
    }
}

/// The colour ranges of lines `first..first + count` (line-relative byte offsets) of
/// a document in `format`.
pub fn colours(
    text: &str,
    line_starts: &[usize],
    first: usize,
    count: usize,
    format: Format,
) -> Vec<Vec<ColourRange>> {
    let tokens = match format {
        Format::Yaml => highlight_lines(text, line_starts, first, count),
        _ => highlight_json_lines(text, line_starts, first, count),
    };
    tokens
        .into_iter()
        .map(|tokens| {
            tokens
                .into_iter()
                .map(|t| ColourRange {
                    start: t.start,
                    end: t.end,
                    class: class_of(t.class),
                })
                .collect()
        })
        .collect()
}
