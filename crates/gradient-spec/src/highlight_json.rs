//! Syntax colours for JSON and JSONC documents, one line at a time, in the classes of
//! [`crate::highlight`]: a string followed by `:` is a key, `//` and `/* */` are
//! comments. Strings cannot span lines in JSON, so the only state carried from line
//! to line is being inside a `/* */` comment; it is found by looking back at most
//! [`LOOKBACK_LINES`] lines, like the YAML highlighter.

use crate::highlight::{Token, TokenClass, LOOKBACK_LINES};
use crate::text::line_text;

/// The colours of lines `first..first + count` of a JSON(C) text whose lines start at
/// `line_starts`.
pub fn highlight_json_lines(
    text: &str,
    line_starts: &[usize],
    first: usize,
    count: usize,
) -> Vec<Vec<Token>> {
    let mut in_comment = false;
    for l in first.saturating_sub(LOOKBACK_LINES)..first.min(line_starts.len()) {
        in_comment = highlight_json_line(line_text(text, line_starts, l), in_comment).1;
    }
    let end = first.saturating_add(count).min(line_starts.len());
    let mut out = Vec::with_capacity(end.saturating_sub(first));
    for l in first..end {
        let (tokens, next) = highlight_json_line(line_text(text, line_starts, l), in_comment);
        out.push(tokens);
        in_comment = next;
    }
    out
}

fn push(out: &mut Vec<Token>, start: usize, end: usize, class: TokenClass) {
    if end > start {
        out.push(Token { start, end, class });
    }
}

/// The tokens of one line, and whether a `/* */` comment is still open at its end.
pub fn highlight_json_line(line: &str, in_comment: bool) -> (Vec<Token>, bool) {
    let b = line.as_bytes();
    let mut end = b.len();
    while end > 0 && matches!(b[end - 1], b'\n' | b'\r') {
        end -= 1;
    }
    let mut out = Vec::new();
    let mut i = 0;
    if in_comment {
        match line[..end].find("*/") {
            Some(p) => {
                push(&mut out, 0, p + 2, TokenClass::Comment);
                i = p + 2;
            }
            None => {
                push(&mut out, 0, end, TokenClass::Comment);
                return (out, true);
            }
        }
    }
    while i < end {
        let start = i;
        match b[i] {
            b' ' | b'\t' => i += 1,
            b'/' if b.get(i + 1) == Some(&b'/') => {
                push(&mut out, i, end, TokenClass::Comment);
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => match line[i + 2..end].find("*/") {
                Some(p) => {
                    i += p + 4;
                    push(&mut out, start, i, TokenClass::Comment);
                }
                None => {
                    push(&mut out, start, end, TokenClass::Comment);
                    return (out, true);
                }
            },
            q @ (b'"' | b'\'') => {
                i += 1;
                while i < end && b[i] != q {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i = (i + 1).min(end);
                let rest = line[i..end].trim_start();
                let class = if rest.starts_with(':') {
                    TokenClass::Key
                } else {
                    TokenClass::String
                };
                push(&mut out, start, i, class);
            }
            b'{' | b'}' | b'[' | b']' | b':' | b',' => {
                i += 1;
                push(&mut out, start, i, TokenClass::Punctuation);
            }
            _ => {
                while i < end && !matches!(b[i], b' ' | b'\t' | b',' | b':' | b']' | b'}' | b'/') {
                    i += 1;
                }
                if i == start {
                    i += 1;
                }
                let word = &line[start..i];
                let class = match word {
                    "true" | "false" => TokenClass::Bool,
                    "null" => TokenClass::Null,
                    w if w.starts_with(|c: char| c == '-' || c.is_ascii_digit()) => {
                        TokenClass::Number
                    }
                    _ => TokenClass::Plain,
                };
                push(&mut out, start, i, class);
            }
        }
        // Keep every token on character boundaries (a stray byte of a multibyte
        // character inside a word ends the word at the next boundary).
        while i < end && !line.is_char_boundary(i) {
            i += 1;
        }
        if let Some(last) = out.last_mut() {
            last.end = last.end.min(end);
            while !line.is_char_boundary(last.end) {
                last.end += 1;
            }
        }
    }
    (out, false)
}

#[cfg(test)]
mod tests {
    use super::*;
    use TokenClass::*;

    fn classes(line: &str, in_comment: bool) -> Vec<(&str, TokenClass)> {
        highlight_json_line(line, in_comment)
            .0
            .into_iter()
            .map(|t| (&line[t.start..t.end], t.class))
            .collect()
    }

    #[test]
    fn a_jsonc_line() {
        assert_eq!(
            classes("  \"port\": 8000, // the \"port\"\n", false),
            [
                ("\"port\"", Key),
                (":", Punctuation),
                ("8000", Number),
                (",", Punctuation),
                ("// the \"port\"", Comment),
            ]
        );
        assert_eq!(
            classes("[\"a\\\"b\", true, null] /* x", false),
            [
                ("[", Punctuation),
                ("\"a\\\"b\"", String),
                (",", Punctuation),
                ("true", Bool),
                (",", Punctuation),
                ("null", Null),
                ("]", Punctuation),
                ("/* x", Comment),
            ]
        );
        assert!(highlight_json_line("/* x", false).1);
        assert_eq!(
            classes("end */ \"é\"", true),
            [("end */", Comment), ("\"é\"", String)]
        );
        assert_eq!(classes("héllo", false), [("héllo", Plain)]);
    }

    #[test]
    fn any_line_gives_tokens_on_character_boundaries() {
        for line in [
            "\"é",
            "é\\",
            "'日本",
            "/*é",
            "-é:",
            "\\\"",
            "é/",
            "{\"a\\",
            "\u{1F600}x:y",
        ] {
            for state in [false, true] {
                for t in highlight_json_line(line, state).0 {
                    assert!(t.start < t.end && t.end <= line.len(), "{line:?}");
                    assert!(
                        line.is_char_boundary(t.start) && line.is_char_boundary(t.end),
                        "{line:?}"
                    );
                }
            }
        }
    }

    #[test]
    fn lines_carry_an_open_comment() {
        let text = "{\n/* a\nb */ \"k\": 1\n}\n";
        let starts = [0, 2, 7, 19, 21];
        let lines = highlight_json_lines(text, &starts, 2, 1);
        assert_eq!(lines[0][0].class, Comment);
        assert_eq!(lines[0][1].class, Key);
    }
}
