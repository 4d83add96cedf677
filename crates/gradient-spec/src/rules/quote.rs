//! Writing a new scalar value in the quoting style of the one it replaces, so a fix
//! changes the content and nothing else about how the line looks.

use crate::yaml::{resolve_plain, ScalarKind, ScalarStyle};

/// `content` written in `style`. A plain scalar that could not hold `content`
/// unchanged (it would read as another type, or contain YAML indicators) becomes
/// double-quoted. `None` for block scalars: no one-line rewrite keeps their look.
pub(crate) fn render(style: ScalarStyle, content: &str) -> Option<String> {
    match style {
        ScalarStyle::Plain if plain_safe(content) => Some(content.to_string()),
        ScalarStyle::SingleQuoted if !content.contains(['\n', '\r']) => {
            Some(format!("'{}'", content.replace('\'', "''")))
        }
        ScalarStyle::Plain | ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted => {
            Some(double(content))
        }
        ScalarStyle::Literal | ScalarStyle::Folded => None,
    }
}

/// `content` as a double-quoted YAML scalar.
pub(crate) fn double(content: &str) -> String {
    let mut out = String::with_capacity(content.len() + 2);
    out.push('"');
    for c in content.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\r' => out.push_str("\\r"),
            '\t' => out.push_str("\\t"),
            c if c.is_control() => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Conservative: true only for strings that read back as the same string when written
/// plain, in block and in flow context alike.
fn plain_safe(s: &str) -> bool {
    const LEADING: &[char] = &[
        '-', '?', ':', '#', '&', '*', '!', '|', '>', '\'', '"', '%', '@', '`',
    ];
    matches!(resolve_plain(s), ScalarKind::String)
        && !s.is_empty()
        && !s.starts_with(LEADING)
        && !s.starts_with(char::is_whitespace)
        && !s.ends_with(char::is_whitespace)
        && !s.ends_with(':')
        && !s.contains(": ")
        && !s.contains(" #")
        && !s.contains(|c: char| c.is_control() || matches!(c, ',' | '[' | ']' | '{' | '}'))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_the_style_or_falls_back_to_double_quotes() {
        assert_eq!(
            render(ScalarStyle::Plain, "/opt/repos").as_deref(),
            Some("/opt/repos")
        );
        assert_eq!(
            render(ScalarStyle::Plain, "secret:x").as_deref(),
            Some("secret:x")
        );
        assert_eq!(
            render(ScalarStyle::Plain, "true").as_deref(),
            Some("\"true\"")
        );
        assert_eq!(
            render(ScalarStyle::Plain, "a: b").as_deref(),
            Some("\"a: b\"")
        );
        assert_eq!(
            render(ScalarStyle::SingleQuoted, "it's").as_deref(),
            Some("'it''s'")
        );
        assert_eq!(
            render(ScalarStyle::DoubleQuoted, "a\"b\\").as_deref(),
            Some("\"a\\\"b\\\\\"")
        );
        assert_eq!(render(ScalarStyle::Literal, "x"), None);
    }
}
