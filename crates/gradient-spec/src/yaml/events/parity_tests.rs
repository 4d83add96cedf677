//! The behaviours of today's layer (the tests of `yaml/syntax.rs`, run here against
//! [`super::parse`]): limits, recovery at openers, tabs, caps, documents, aliases.

use super::parse;
use crate::text::LineIndex;
use crate::yaml::{Document, MAX_DEPTH, MAX_INPUT_BYTES, MAX_SYNTAX_ERRORS};

/// (line, column, rule, message) of each syntax diagnostic.
fn diags(doc: &Document) -> Vec<(usize, usize, &'static str, String)> {
    let idx = LineIndex::new(&doc.text);
    doc.syntax_diagnostics
        .iter()
        .map(|d| {
            let p = idx.position(d.span.start);
            (p.line, p.column, d.rule.as_str(), d.message.clone())
        })
        .collect()
}

fn keys(doc: &Document) -> Vec<String> {
    let Some(m) = doc.root.as_ref().and_then(|r| r.as_mapping()) else {
        return Vec::new();
    };
    m.entries
        .iter()
        .filter_map(|e| e.key.scalar_text().map(str::to_string))
        .collect()
}

/// Found by the fuzzer: the mark of a problem cut a character in two.
#[test]
fn a_second_document_is_marked_on_whole_characters() {
    let text = ":\n%\n\u{9C412}";
    let doc = parse(text);
    for d in &doc.syntax_diagnostics {
        assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
    }
    // yaml-edit reads a second document after the stray `%`; saphyr-parser rejects
    // the directive: a syntax problem, on whole characters.
    assert!(doc
        .syntax_diagnostics
        .iter()
        .any(|d| d.rule == "yaml-syntax" && !d.span.is_empty()));
}

#[test]
fn unclosed_list_is_reported_at_the_bracket_and_the_rest_parses() {
    let text = "image: x\ncommand: [python, app.py\nport: 8000\nenv:\n  - name: A\n    value: b\n";
    let doc = parse(text);
    let d = diags(&doc);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!((d[0].0, d[0].1, d[0].2), (2, 10, "yaml-syntax"));
    assert!(
        d[0].3.contains("`[` is never closed") && d[0].3.contains("before line 3"),
        "{}",
        d[0].3
    );
    assert_eq!(keys(&doc), ["image", "command", "port", "env"]);
    let root = doc.root.as_ref().unwrap().as_mapping().unwrap();
    let cmd = root.get("command").unwrap();
    assert_eq!(cmd.span.slice(text), "[python, app.py");
    let items: Vec<&str> = cmd
        .as_sequence()
        .unwrap()
        .items
        .iter()
        .map(|i| i.span.slice(text))
        .collect();
    assert_eq!(items, ["python", "app.py"]);
    assert_eq!(root.get("port").unwrap().span.slice(text), "8000");
}

#[test]
fn unclosed_quotes_are_reported_at_the_quote() {
    for (text, col) in [
        ("image: \"x\ncommand: [python]\nport: 8000\n", 8),
        ("image: 'x\ncommand: [python]\nport: 8000\n", 8),
    ] {
        let doc = parse(text);
        let d = diags(&doc);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].0, d[0].1), (1, col));
        assert!(d[0].3.contains("is never closed"), "{}", d[0].3);
        assert_eq!(keys(&doc), ["image", "command", "port"]);
        assert_eq!(
            doc.root
                .as_ref()
                .unwrap()
                .as_mapping()
                .unwrap()
                .get("image")
                .unwrap()
                .scalar_text(),
            Some("x")
        );
    }
}

#[test]
fn unclosed_mapping_at_the_end_of_the_document() {
    let doc = parse("a: 1\nb: {c: 2\n");
    let d = diags(&doc);
    assert_eq!((d[0].0, d[0].1), (2, 4));
    assert!(
        d[0].3.contains("before the end of the document"),
        "{}",
        d[0].3
    );
    assert_eq!(
        doc.to_json().unwrap(),
        serde_json::json!({"a": 1, "b": {"c": 2}})
    );
}

#[test]
fn tab_indentation_is_reported_at_the_tab() {
    for (text, line) in [
        ("image: x\n\tport: 8000\n", 2),
        ("resources:\n\tinstanceType: C4\n", 2),
        ("env:\n  - name: a\n\t  value: b\n", 3),
    ] {
        let d = diags(&parse(text));
        assert!(
            d.iter().any(|x| x.0 == line
                && x.1 == 1
                && x.2 == "yaml-syntax"
                && x.3.to_lowercase().contains("tab")),
            "{text:?}: {d:?}"
        );
    }
    // A tab after the colon is separation, not indentation.
    assert!(diags(&parse("image:\tx\n")).is_empty());
}

#[test]
fn twenty_thousand_open_brackets_give_one_limit() {
    let doc = parse(&"[".repeat(20_000));
    let d = diags(&doc);
    assert_eq!(d.len(), 1, "{d:?}");
    assert_eq!(d[0].2, "limit");
    assert!(doc.root.is_none());
}

#[test]
fn many_unclosed_lists_are_not_mistaken_for_deep_nesting() {
    let text: String = (0..300).map(|i| format!("k{i}: [x\n")).collect();
    let doc = parse(&text);
    let d = diags(&doc);
    assert!(
        d.iter()
            .all(|x| x.2 == "yaml-syntax" && x.3.contains("never closed")),
        "{d:?}"
    );
    assert_eq!(keys(&doc).len(), 300);
}

#[test]
fn deep_nesting_beyond_the_limit_is_a_limit_problem() {
    let deep = format!(
        "a: {}{}\n",
        "[".repeat(MAX_DEPTH + 10),
        "]".repeat(MAX_DEPTH + 10)
    );
    let d = diags(&parse(&deep));
    assert_eq!(d.iter().map(|x| x.2).collect::<Vec<_>>(), ["limit"]);
    let ok = format!(
        "a: {}{}\n",
        "[".repeat(MAX_DEPTH - 10),
        "]".repeat(MAX_DEPTH - 10)
    );
    assert!(diags(&parse(&ok)).is_empty());
    let dashes = format!("{}x\n", "- ".repeat(MAX_DEPTH + 10));
    assert_eq!(
        diags(&parse(&dashes))
            .iter()
            .map(|x| x.2)
            .collect::<Vec<_>>(),
        ["limit"]
    );
}

#[test]
fn many_errors_are_capped() {
    let doc = parse(&"a: b: c\n".repeat(5_000));
    let n = doc.syntax_diagnostics.len();
    assert!(n <= MAX_SYNTAX_ERRORS, "{n}");
    assert!(doc
        .syntax_diagnostics
        .last()
        .unwrap()
        .message
        .contains("more syntax problems not shown"));
}

#[test]
fn oversized_input_is_not_parsed() {
    let big = "a: b\n".repeat(10 * 1024 * 1024 / 5);
    assert!(big.len() > MAX_INPUT_BYTES);
    let doc = parse(&big);
    assert_eq!(
        diags(&doc).iter().map(|x| x.2).collect::<Vec<_>>(),
        ["limit"]
    );
    assert!(doc.root.is_none());
}

#[test]
fn several_documents_are_one_problem_at_the_first_separator() {
    let d = diags(&parse("a: 1\n---\nb: 2\n---\nc: 3\n"));
    assert_eq!(
        d.iter().map(|x| (x.0, x.2)).collect::<Vec<_>>(),
        [(2, "multiple-documents")]
    );
    assert!(diags(&parse("---\na: 1\n")).is_empty());
}

#[test]
fn aliases_are_not_expanded_when_parsing() {
    let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
    for i in 1..30 {
        let p = i - 1;
        text.push_str(&format!(
            "a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"
        ));
    }
    let doc = parse(&text);
    assert!(diags(&doc).is_empty());
    let root = doc.root.as_ref().unwrap().as_mapping().unwrap();
    let last = root.get("a29").unwrap().as_sequence().unwrap();
    assert!(last
        .items
        .iter()
        .all(|i| i.value == crate::yaml::Value::Alias("a28".into())));
}

/// Found by the fuzzer on the new layer (2026-12-06): a section re-parsed after an error
/// held an empty document after `...`, whose start marker (none yet) overflowed when
/// shifted to the section's place.
#[test]
fn an_empty_document_in_a_recovered_section_does_not_overflow() {
    let text = "image: paperspace/gradient-apts:be112-tf29-j -io14-py39-202:0803\nport: 5000\ncomma\x00\x00\x00\x00\x00\x00\x00\x00nd:\nerspace202803\npo[ ?,0[aceEheriv:te\n!zKn\x22bar\n...\x0d &x\n [e\x00\x0c  ref: main\nresources p :\neplicas:ain\nresourcected <document start>0\ncommand:\n  -ion/";
    let doc = parse(text);
    assert!(doc
        .syntax_diagnostics
        .iter()
        .any(|d| d.rule == "yaml-syntax"));
    assert!(doc
        .syntax_diagnostics
        .iter()
        .all(|d| d.span.end <= text.len()));
}
