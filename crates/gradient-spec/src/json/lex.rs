//! Splits JSON(C) text into tokens with byte spans. Whitespace is skipped; comments
//! are tokens (JSONC keeps them, JSON reports them). Never fails: what is not JSON
//! becomes a token the parser reports in JSON words (`'single'` strings, bare words,
//! numbers JSON does not allow).

use crate::diag::Span;

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum Tok {
    LBrace,
    RBrace,
    LBracket,
    RBracket,
    Colon,
    Comma,
    /// A string: its value (escapes applied) and how it was written.
    Str {
        value: String,
        single: bool,
        closed: bool,
    },
    /// A number as written; `valid` when JSON's number grammar allows it.
    Num {
        valid: bool,
    },
    /// `true`, `false`, `null`, or any other bare word (`yes`, `name`, `NaN`).
    Word,
    LineComment,
    BlockComment {
        closed: bool,
    },
    /// A character that starts no token.
    Other(char),
}

#[derive(Debug, Clone)]
pub(crate) struct Token {
    pub tok: Tok,
    pub span: Span,
}

impl Token {
    pub(crate) fn is_comment(&self) -> bool {
        matches!(self.tok, Tok::LineComment | Tok::BlockComment { .. })
    }
}

/// A problem inside one token (a bad escape, a line break in a string).
#[derive(Debug, Clone)]
pub(crate) struct LexProblem {
    pub span: Span,
    pub message: String,
}

pub(crate) fn tokens(text: &str) -> (Vec<Token>, Vec<LexProblem>) {
    let b = text.as_bytes();
    let mut out = Vec::new();
    let mut problems = Vec::new();
    let mut i = if text.starts_with('\u{feff}') { 3 } else { 0 };
    while i < b.len() {
        let start = i;
        let c = b[i];
        let tok = match c {
            b' ' | b'\t' | b'\r' | b'\n' => {
                i += 1;
                continue;
            }
            b'{' => single(&mut i, Tok::LBrace),
            b'}' => single(&mut i, Tok::RBrace),
            b'[' => single(&mut i, Tok::LBracket),
            b']' => single(&mut i, Tok::RBracket),
            b':' => single(&mut i, Tok::Colon),
            b',' => single(&mut i, Tok::Comma),
            b'/' if b.get(i + 1) == Some(&b'/') => {
                i += b[i..]
                    .iter()
                    .position(|&c| c == b'\n')
                    .unwrap_or(b.len() - i);
                if i > start && b[i - 1] == b'\r' {
                    i -= 1;
                }
                Tok::LineComment
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                match b[i + 2..].windows(2).position(|w| w == b"*/") {
                    Some(p) => {
                        i += p + 4;
                        Tok::BlockComment { closed: true }
                    }
                    None => {
                        i = b.len();
                        Tok::BlockComment { closed: false }
                    }
                }
            }
            b'"' | b'\'' => string(text, &mut i, &mut problems),
            b'-' | b'+' | b'.' | b'0'..=b'9' => number(b, &mut i),
            c if c.is_ascii_alphabetic() || c == b'_' || c == b'$' => {
                while i < b.len()
                    && (b[i].is_ascii_alphanumeric() || matches!(b[i], b'_' | b'$' | b'-'))
                {
                    i += 1;
                }
                Tok::Word
            }
            _ => {
                let ch = text[i..].chars().next().unwrap_or('\u{fffd}');
                i += ch.len_utf8();
                Tok::Other(ch)
            }
        };
        out.push(Token {
            tok,
            span: Span::new(start, i),
        });
    }
    (out, problems)
}

fn single(i: &mut usize, tok: Tok) -> Tok {
    *i += 1;
    tok
}

/// A number: JSON's grammar is `-? (0 | [1-9][0-9]*) (. [0-9]+)? ([eE] [+-]? [0-9]+)?`;
/// anything else made of number characters (`+1`, `.5`, `01`, `1.`, `0x1F`) is read as
/// one token and marked invalid.
fn number(b: &[u8], i: &mut usize) -> Tok {
    let start = *i;
    while *i < b.len() && (b[*i].is_ascii_alphanumeric() || matches!(b[*i], b'-' | b'+' | b'.')) {
        // A sign only at the start or after an exponent letter.
        if matches!(b[*i], b'-' | b'+') && *i > start && !matches!(b[*i - 1], b'e' | b'E') {
            break;
        }
        *i += 1;
    }
    Tok::Num {
        valid: is_json_number(&b[start..*i]),
    }
}

pub(crate) fn is_json_number(s: &[u8]) -> bool {
    let mut i = 0;
    if s.first() == Some(&b'-') {
        i += 1;
    }
    match s.get(i) {
        Some(b'0') => i += 1,
        Some(b'1'..=b'9') => {
            while s.get(i).is_some_and(u8::is_ascii_digit) {
                i += 1;
            }
        }
        _ => return false,
    }
    if s.get(i) == Some(&b'.') {
        i += 1;
        let d = i;
        while s.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == d {
            return false;
        }
    }
    if matches!(s.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(s.get(i), Some(b'+' | b'-')) {
            i += 1;
        }
        let d = i;
        while s.get(i).is_some_and(u8::is_ascii_digit) {
            i += 1;
        }
        if i == d {
            return false;
        }
    }
    i == s.len()
}

/// A string from its quote to the matching quote; an unclosed one ends at the end of
/// its line (JSON strings cannot hold a raw line break).
fn string(text: &str, i: &mut usize, problems: &mut Vec<LexProblem>) -> Tok {
    let b = text.as_bytes();
    let quote = b[*i];
    let mut value = String::new();
    *i += 1;
    loop {
        let Some(ch) = text[*i..].chars().next() else {
            return Tok::Str {
                value,
                single: quote == b'\'',
                closed: false,
            };
        };
        match ch {
            '\n' | '\r' => {
                return Tok::Str {
                    value,
                    single: quote == b'\'',
                    closed: false,
                }
            }
            c if c as u32 == quote as u32 => {
                *i += 1;
                return Tok::Str {
                    value,
                    single: quote == b'\'',
                    closed: true,
                };
            }
            '\\' => {
                let at = *i;
                *i += 1;
                let esc = text[*i..].chars().next();
                let bad = |problems: &mut Vec<LexProblem>, end: usize, what: &str| {
                    problems.push(LexProblem {
                        span: Span::new(at, end),
                        message: what.to_string(),
                    })
                };
                match esc {
                    Some('"') => value.push('"'),
                    Some('\\') => value.push('\\'),
                    Some('/') => value.push('/'),
                    Some('b') => value.push('\u{8}'),
                    Some('f') => value.push('\u{c}'),
                    Some('n') => value.push('\n'),
                    Some('r') => value.push('\r'),
                    Some('t') => value.push('\t'),
                    Some('u') => {
                        let hex = |at: usize| {
                            text.get(at..at + 4)
                                .filter(|h| h.bytes().all(|c| c.is_ascii_hexdigit()))
                                .and_then(|h| u32::from_str_radix(h, 16).ok())
                        };
                        match hex(*i + 1) {
                            Some(hi) => {
                                *i += 5;
                                let low = (0xD800..0xDC00).contains(&hi)
                                    && text.get(*i..*i + 2) == Some("\\u");
                                let lo = if low { hex(*i + 2) } else { None };
                                let ch = match lo {
                                    Some(lo) if (0xDC00..0xE000).contains(&lo) => {
                                        *i += 6;
                                        char::from_u32(
                                            0x10000 + ((hi - 0xD800) << 10) + (lo - 0xDC00),
                                        )
                                    }
                                    _ => char::from_u32(hi),
                                };
                                value.push(ch.unwrap_or('\u{fffd}'));
                                continue;
                            }
                            None => {
                                bad(
                                    problems,
                                    *i + 1,
                                    "`\\u` must be followed by four hexadecimal digits (`\\u00e9`)",
                                );
                                continue;
                            }
                        }
                    }
                    Some('\'') if quote == b'\'' => value.push('\''),
                    Some(c) if c != '\n' && c != '\r' => {
                        bad(
                            problems,
                            *i + c.len_utf8(),
                            &format!("`\\{c}` is not a JSON escape: write `\\\\` for a backslash"),
                        );
                        value.push(c);
                    }
                    _ => continue,
                }
                *i += esc.map_or(0, char::len_utf8);
            }
            c => {
                if (c as u32) < 0x20 {
                    problems.push(LexProblem {
                        span: Span::new(*i, *i + 1),
                        message: "a control character (a tab, say) must be escaped inside a JSON string (`\\t`)"
                            .to_string(),
                    });
                }
                value.push(c);
                *i += c.len_utf8();
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn numbers() {
        for ok in ["0", "-1", "1.5", "1e9", "-0.5E-3", "8000"] {
            assert!(is_json_number(ok.as_bytes()), "{ok}");
        }
        for bad in ["01", "+1", ".5", "1.", "0x1F", "1e", "-", "NaN"] {
            assert!(!is_json_number(bad.as_bytes()), "{bad}");
        }
    }

    #[test]
    fn strings_and_comments() {
        let (t, p) = tokens("{\"a\\n\\u00e9\": 'b' // c\n/* d */}");
        assert!(p.is_empty());
        let kinds: Vec<&Tok> = t.iter().map(|t| &t.tok).collect();
        assert_eq!(
            kinds[1],
            &Tok::Str {
                value: "a\né".into(),
                single: false,
                closed: true
            }
        );
        assert!(matches!(kinds[3], Tok::Str { single: true, .. }));
        assert_eq!(kinds[4], &Tok::LineComment);
        assert_eq!(kinds[5], &Tok::BlockComment { closed: true });
        let (_, p) = tokens("\"a\\qb\"");
        assert_eq!(p.len(), 1);
        assert_eq!(p[0].span, Span::new(2, 4));
    }
}
