//! Writing one scalar so that it reads back as the same value and type.
//!
//! A string is written plain when that is unambiguous, else quoted: it must not read
//! back as a number, boolean or null (YAML 1.2 *or* 1.1, since older loaders still
//! read `yes` and `on` as booleans), nor start with an indicator, nor hold `: ` or
//! ` #`. Quoting is double by default (it can hold anything), single when the old
//! value was single-quoted and the new one fits.

use super::value::NewValue;
use crate::yaml::{resolve_plain, ScalarKind, ScalarStyle};

/// The text of a scalar value on one line. `prefer` is the style of the value being
/// replaced (kept when the new value allows it); `flow` is true inside `[...]`/`{...}`.
pub(crate) fn inline(v: &NewValue, prefer: Option<ScalarStyle>, flow: bool) -> String {
    match v {
        NewValue::Null => "null".to_string(),
        NewValue::Bool(b) => b.to_string(),
        NewValue::Int(i) => i.to_string(),
        NewValue::Float(f) => float(*f),
        NewValue::Str(s) => string(s, prefer, flow),
        // Collections are rendered by `render`; an empty one can be written inline.
        NewValue::Map(_) => "{}".to_string(),
        NewValue::Seq(_) => "[]".to_string(),
    }
}

/// A string, keeping `prefer` where it can.
pub(crate) fn string(s: &str, prefer: Option<ScalarStyle>, flow: bool) -> String {
    match prefer {
        Some(ScalarStyle::DoubleQuoted) => double(s),
        Some(ScalarStyle::SingleQuoted) if single_ok(s) => single(s),
        _ if plain_ok(s, flow) => s.to_string(),
        _ => double(s),
    }
}

/// A float that reads back as a float of the same value (`1.0`, not `1`).
pub(crate) fn float(f: f64) -> String {
    if f.is_nan() {
        ".nan".to_string()
    } else if f.is_infinite() {
        if f > 0.0 { ".inf" } else { "-.inf" }.to_string()
    } else {
        let s = format!("{f:?}");
        match resolve_plain(&s) {
            ScalarKind::Float(_) => s,
            _ => format!("{s}.0"),
        }
    }
}

/// Characters no plain or single-quoted scalar may hold (line breaks, controls, BOM).
fn is_special(c: char) -> bool {
    (c.is_control() && c != '\t') || matches!(c, '\u{85}' | '\u{2028}' | '\u{2029}' | '\u{feff}')
}

/// YAML 1.1 booleans and nulls, in any case.
fn is_yaml11_keyword(s: &str) -> bool {
    matches!(
        s.to_ascii_lowercase().as_str(),
        "y" | "n" | "yes" | "no" | "on" | "off" | "true" | "false" | "null" | "~" | "<<" | "="
    )
}

/// Starts like a number (YAML 1.1 also has `1_000`, `0b1`, `1:20`, dates …).
fn looks_numeric(s: &str) -> bool {
    let mut chars = s.chars();
    match chars.next() {
        Some(c) if c.is_ascii_digit() => true,
        Some('+' | '-' | '.') => chars.next().is_some_and(|c| c.is_ascii_digit() || c == '.'),
        _ => false,
    }
}

/// Whether `s` can be written without quotes and read back as the same string.
pub(crate) fn plain_ok(s: &str, flow: bool) -> bool {
    let Some(first) = s.chars().next() else {
        return false;
    };
    let last = s.chars().next_back().unwrap_or(first);
    if "-?:,[]{}#&*!|>'\"%@`".contains(first) || first.is_whitespace() || last.is_whitespace() {
        return false;
    }
    if s.chars().any(|c| is_special(c) || c == '\t')
        || s.contains(": ")
        || s.ends_with(':')
        || s.contains(" #")
        || s.starts_with("...")
    {
        return false;
    }
    if flow && s.contains([',', '[', ']', '{', '}', ':']) {
        return false;
    }
    resolve_plain(s) == ScalarKind::String && !is_yaml11_keyword(s) && !looks_numeric(s)
}

fn single_ok(s: &str) -> bool {
    !s.chars().any(|c| is_special(c) || c == '\t')
}

fn single(s: &str) -> String {
    format!("'{}'", s.replace('\'', "''"))
}

/// A double-quoted scalar: can hold any string.
pub(crate) fn double(s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 2);
    out.push('"');
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            '\0' => out.push_str("\\0"),
            c if (c as u32) < 0x20 || c == '\u{7f}' => {
                out.push_str(&format!("\\x{:02x}", c as u32))
            }
            c if is_special(c) => out.push_str(&format!("\\u{:04x}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

/// Whether `s` can be written as a `|` block scalar: several lines of printable text
/// whose first line does not start with a space, with at most one final line break.
pub(crate) fn literal_ok(s: &str) -> bool {
    if !s.contains('\n') || s.ends_with("\n\n") || s.trim().is_empty() {
        return false;
    }
    if s.chars().any(|c| c != '\n' && c != '\t' && is_special(c)) {
        return false;
    }
    let first = s.lines().find(|l| !l.is_empty()).unwrap_or("");
    !first.starts_with([' ', '\t'])
}

/// `s` as a `|` block scalar whose content lines are indented to `col`.
pub(crate) fn literal(s: &str, col: usize, eol: &str) -> String {
    let (body, chomp) = match s.strip_suffix('\n') {
        Some(b) => (b, ""),
        None => (s, "-"),
    };
    let mut out = format!("|{chomp}");
    for line in body.split('\n') {
        out.push_str(eol);
        if !line.is_empty() {
            out.push_str(&" ".repeat(col));
            out.push_str(line);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn ambiguous_strings_are_quoted() {
        for s in [
            "8000",
            "yes",
            "true",
            "null",
            "1.0",
            "a: b",
            "#x",
            "-c",
            "*a",
            "&a",
            "!a",
            "%a",
            "@a",
            "",
            "~",
            "On",
            "2023-06-14",
            " x",
            "x ",
            "a #b",
            "tab\tx",
            "line\nbreak",
            "...",
            "x:",
            ".5",
        ] {
            assert!(!plain_ok(s, false), "{s:?} should be quoted");
        }
        for s in [
            "C4",
            "ubuntu:20.04",
            "secret:NAME",
            "https://x.y/z#frag",
            "/opt/models",
            "my cool app",
        ] {
            assert!(plain_ok(s, false), "{s:?} may stay plain");
        }
        assert!(!plain_ok("a,b", true));
    }

    #[test]
    fn styles_are_kept_when_possible() {
        assert_eq!(string("x", Some(ScalarStyle::SingleQuoted), false), "'x'");
        assert_eq!(
            string("it's", Some(ScalarStyle::SingleQuoted), false),
            "'it''s'"
        );
        assert_eq!(string("x", Some(ScalarStyle::DoubleQuoted), false), "\"x\"");
        assert_eq!(string("8000", Some(ScalarStyle::Plain), false), "\"8000\"");
        assert_eq!(double("a\"b\\c\nd\u{2028}"), "\"a\\\"b\\\\c\\nd\\u2028\"");
    }

    #[test]
    fn floats_stay_floats() {
        assert_eq!(float(1.0), "1.0");
        assert_eq!(float(0.15), "0.15");
        assert_eq!(float(f64::NAN), ".nan");
        assert_eq!(float(f64::NEG_INFINITY), "-.inf");
        assert!(matches!(resolve_plain(&float(1e20)), ScalarKind::Float(_)));
    }

    #[test]
    fn literal_blocks() {
        assert_eq!(literal("a\n  b\n", 4, "\n"), "|\n    a\n      b");
        assert_eq!(literal("a\n\nb", 2, "\r\n"), "|-\r\n  a\r\n\r\n  b");
        assert!(!literal_ok(" a\nb"));
        assert!(!literal_ok("one line"));
    }
}
