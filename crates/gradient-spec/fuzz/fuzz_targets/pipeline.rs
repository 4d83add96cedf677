//! Fuzzes the whole pipeline: parse → check → JSON → print. Whatever the bytes, it
//! must not panic, hang or run out of memory; every span must lie inside the text on
//! character boundaries; and the tree must print back the text byte for byte.
#![no_main]

use libfuzzer_sys::fuzz_target;
use rowan::ast::AstNode;

fuzz_target!(|data: &[u8]| {
    // Non-UTF-8 input is refused before parsing (the CLI exits 2 on it).
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let report = gradient_spec::check(text);
    for d in &report.diagnostics {
        let s = d.span;
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{} span {s:?} outside the text",
            d.rule
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{} span {s:?} splits a character",
            d.rule
        );
    }
    let _ = report.doc.to_json();
    if text.len() <= gradient_spec::yaml::MAX_INPUT_BYTES {
        let printed = yaml_edit::YamlFile::parse(text).tree().syntax().to_string();
        assert_eq!(printed, text, "the tree does not print back");
    }
});
