//! YAML allows only printable characters in a stream (`c-printable`: tab, line breaks,
//! and the rest of Unicode but the C0 and C1 controls, DEL, U+FFFE and U+FFFF).
//! saphyr-parser refuses some of them in some places only (a NUL where a token starts)
//! and lets the rest through, inside scalars and comments; yaml-edit's validator, the
//! layer before the switch, refused them all. So does the layer: each one is a
//! `yaml-syntax` problem at the character (found by the differential fuzz target).
//! A byte order mark is left to saphyr-parser, which knows where one may stand.

use crate::diag::{Diagnostic, Severity, Span};
use crate::RuleId;

/// Whether YAML allows `c` in a stream.
fn printable(c: char) -> bool {
    matches!(c,
        '\t' | '\n' | '\r' | '\u{20}'..='\u{7e}' | '\u{85}' | '\u{a0}'..='\u{d7ff}'
        | '\u{e000}'..='\u{fffd}' | '\u{10000}'..)
}

/// One `yaml-syntax` problem per character of `text` that YAML does not allow.
pub(crate) fn check(text: &str, diags: &mut Vec<Diagnostic>) {
    let b = text.as_bytes();
    // The usual spec is printable ASCII: one pass over the bytes says so.
    let plain = |c: &u8| matches!(c, b'\t' | b'\n' | b'\r' | 0x20..=0x7e);
    if b.iter().all(plain) {
        return;
    }
    for (at, c) in text.char_indices() {
        if !printable(c) {
            diags.push(Diagnostic::new(
                RuleId::YamlSyntax,
                Severity::Error,
                Span::new(at, at + c.len_utf8()),
                "",
                super::messages::explain("found unprintable character"),
            ));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::yaml::events::parse;

    #[test]
    fn every_character_yaml_does_not_allow_is_reported_where_it_stands() {
        let text = "a: b\u{1}c\nd: \"\u{7f}\" # \u{9f}\ne: ok\u{85}x\n";
        let doc = parse(text);
        let at: Vec<&str> = doc
            .syntax_diagnostics
            .iter()
            .filter(|d| d.message.contains("control character"))
            .map(|d| d.span.slice(text))
            .collect();
        assert_eq!(
            at,
            ["\u{1}", "\u{7f}", "\u{9f}"],
            "{:?}",
            doc.syntax_diagnostics
        );
        // The tree is still built.
        let root = doc.root.as_ref().unwrap().as_mapping().unwrap();
        assert_eq!(root.get("e").unwrap().scalar_text(), Some("ok\u{85}x"));
        assert!(parse("a: \t b\r\nc: é\n").syntax_diagnostics.is_empty());
    }
}
