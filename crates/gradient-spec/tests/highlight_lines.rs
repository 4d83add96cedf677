//! Syntax colours: what each piece of a line is, block scalars and quoted strings
//! across lines, and a fresh start at any line with `state_at`.

use gradient_spec::highlight::{
    highlight_line, highlight_lines, state_at, LineState, Token, TokenClass,
};
use gradient_spec::text::line_starts;
use TokenClass::*;

/// The text and class of each token of one line, starting from `Normal`.
fn toks(line: &str) -> Vec<(&str, TokenClass)> {
    toks_in(line, LineState::Normal).0
}

fn toks_in(line: &str, state: LineState) -> (Vec<(&str, TokenClass)>, LineState) {
    let (tokens, next) = highlight_line(line, state);
    let pieces = tokens
        .iter()
        .map(|t: &Token| (&line[t.start..t.end], t.class))
        .collect();
    (pieces, next)
}

/// The tokens of every line of `text`, processed in order.
fn doc(text: &str) -> Vec<Vec<(std::string::String, TokenClass)>> {
    let mut state = LineState::Normal;
    let mut out = Vec::new();
    for line in text.split('\n') {
        let (tokens, next) = highlight_line(line, state);
        out.push(
            tokens
                .iter()
                .map(|t| (line[t.start..t.end].to_string(), t.class))
                .collect(),
        );
        state = next;
    }
    out
}

#[test]
fn keys_and_typed_values() {
    assert_eq!(
        toks("image: paperspace/app:0.1"),
        [
            ("image", Key),
            (":", Punctuation),
            ("paperspace/app:0.1", Plain)
        ]
    );
    assert_eq!(
        toks("  port: 8000"),
        [("port", Key), (":", Punctuation), ("8000", Number)]
    );
    assert_eq!(
        toks("enabled: true"),
        [("enabled", Key), (":", Punctuation), ("true", Bool)]
    );
    assert_eq!(toks("a: ~"), [("a", Key), (":", Punctuation), ("~", Null)]);
    assert_eq!(
        toks("value: 0.15"),
        [("value", Key), (":", Punctuation), ("0.15", Number)]
    );
    assert_eq!(
        toks("yes: yes")[2],
        ("yes", Plain),
        "YAML 1.2: yes is a string"
    );
    assert_eq!(toks("resources:"), [("resources", Key), (":", Punctuation)]);
    assert_eq!(
        toks("  - metric: cpu"),
        [
            ("-", Punctuation),
            ("metric", Key),
            (":", Punctuation),
            ("cpu", Plain)
        ]
    );
    assert_eq!(
        toks("\"quoted key\": 'v'"),
        [("\"quoted key\"", Key), (":", Punctuation), ("'v'", String)]
    );
}

#[test]
fn comments_only_after_whitespace_and_outside_quotes() {
    assert_eq!(
        toks("port: 8080 # local port"),
        [
            ("port", Key),
            (":", Punctuation),
            ("8080", Number),
            ("# local port", Comment)
        ]
    );
    assert_eq!(toks("# whole line"), [("# whole line", Comment)]);
    assert_eq!(
        toks("a: \"a # not comment\""),
        [
            ("a", Key),
            (":", Punctuation),
            ("\"a # not comment\"", String)
        ]
    );
    assert_eq!(
        toks("url: http://x#y"),
        [("url", Key), (":", Punctuation), ("http://x#y", Plain)]
    );
    assert_eq!(
        toks("command: # run this"),
        [
            ("command", Key),
            (":", Punctuation),
            ("# run this", Comment)
        ]
    );
}

#[test]
fn secret_references_are_plain_values() {
    assert_eq!(
        toks("      value: secret:mySecretEnv # stored as a secret"),
        [
            ("value", Key),
            (":", Punctuation),
            ("secret:mySecretEnv", Plain),
            ("# stored as a secret", Comment)
        ]
    );
    assert_eq!(toks(":image"), [(":image", Plain)]);
}

#[test]
fn flow_collections() {
    assert_eq!(
        toks("ports: [8000]"),
        [
            ("ports", Key),
            (":", Punctuation),
            ("[", Punctuation),
            ("8000", Number),
            ("]", Punctuation)
        ]
    );
    assert_eq!(
        toks("- {name: A, value: \"b\"}"),
        [
            ("-", Punctuation),
            ("{", Punctuation),
            ("name", Key),
            (":", Punctuation),
            ("A", Plain),
            (",", Punctuation),
            ("value", Key),
            (":", Punctuation),
            ("\"b\"", String),
            ("}", Punctuation)
        ]
    );
    assert_eq!(
        toks("a: x,y")[2],
        ("x,y", Plain),
        "a comma is text outside flow"
    );
    let (first, state) = toks_in("ports: [80,", LineState::Normal);
    assert_eq!(first.last(), Some(&(",", Punctuation)));
    assert_eq!(state, LineState::Flow { depth: 1 });
    let (second, state) = toks_in("  443]", state);
    assert_eq!(second, [("443", Number), ("]", Punctuation)]);
    assert_eq!(state, LineState::Normal);
}

#[test]
fn anchors_tags_and_markers() {
    assert_eq!(
        toks("base: &b !!str x"),
        [
            ("base", Key),
            (":", Punctuation),
            ("&b", Anchor),
            ("!!str", Tag),
            ("x", Plain)
        ]
    );
    assert_eq!(
        toks("other: *b"),
        [("other", Key), (":", Punctuation), ("*b", Anchor)]
    );
    assert_eq!(toks("---"), [("---", DocumentMarker)]);
    assert_eq!(
        toks("... # end"),
        [("...", DocumentMarker), ("# end", Comment)]
    );
    assert_eq!(toks("%YAML 1.2"), [("%YAML 1.2", DocumentMarker)]);
    assert_eq!(
        toks("      ..."),
        [("...", Plain)],
        "indented, `...` is a plain scalar"
    );
}

#[test]
fn block_scalars_span_lines() {
    let lines = doc("command:\n  - |\n    cd /opt # not a comment\n\n    python app.py\nport: 80");
    assert_eq!(
        lines[1],
        [("-".into(), Punctuation), ("|".into(), Punctuation)]
    );
    assert_eq!(lines[2], [("cd /opt # not a comment".into(), BlockScalar)]);
    assert!(lines[3].is_empty());
    assert_eq!(lines[4], [("python app.py".into(), BlockScalar)]);
    assert_eq!(lines[5][0], ("port".into(), Key));
    let folded = doc("a: >-  # note\n  text: here\nb: 1");
    assert_eq!(
        folded[0],
        [
            ("a".into(), Key),
            (":".into(), Punctuation),
            (">-".into(), Punctuation),
            ("# note".into(), Comment)
        ]
    );
    assert_eq!(folded[1], [("text: here".into(), BlockScalar)]);
    assert_eq!(folded[2][0], ("b".into(), Key));
}

#[test]
fn quoted_strings_span_lines() {
    let lines = doc("a: \"one # two\n  three\" # c\nb: 'it''s\n  x'\nc: 1");
    assert_eq!(lines[0][2], ("\"one # two".into(), String));
    assert_eq!(
        lines[1],
        [("three\"".into(), String), ("# c".into(), Comment)]
    );
    assert_eq!(lines[2][2], ("'it''s".into(), String));
    assert_eq!(lines[3], [("x'".into(), String)]);
    assert_eq!(lines[4][0], ("c".into(), Key));
}

#[test]
fn crlf_line_breaks_are_not_coloured() {
    let (tokens, _) = highlight_line("port: 80 # c\r\n", LineState::Normal);
    assert_eq!(tokens.last().map(|t| t.end), Some(12));
}

#[test]
fn state_at_matches_a_scan_from_the_top() {
    let text = "a: 1\ncommand:\n  - |\n    one\n      two\n    three\n  - x\nb: \"q\n  r\"\nc: [1,\n  2]\nd: 4\n";
    let starts = line_starts(text);
    let mut state = LineState::Normal;
    for (i, line) in text.split('\n').enumerate() {
        assert_eq!(state_at(text, &starts, i), state, "line {i}");
        state = highlight_line(line, state).1;
    }
    let window = highlight_lines(text, &starts, 4, 2);
    assert_eq!(window.len(), 2);
    assert_eq!(window[0][0].class, BlockScalar);
    assert_eq!(state_at(text, &starts, 999), LineState::Normal);
}

#[test]
fn state_at_in_an_indented_document() {
    let text = "  env:\n    - name: A\n      value: |\n        x\n\n          y\n  port: 80\n";
    let starts = line_starts(text);
    assert_eq!(
        state_at(text, &starts, 5),
        LineState::BlockScalar { parent: 6 }
    );
    assert_eq!(
        state_at(text, &starts, 6),
        LineState::BlockScalar { parent: 6 }
    );
    assert_eq!(state_at(text, &starts, 7), LineState::Normal);
}
