//! The tree builder's tests: spans of entries, items and recovered sections
//! (`build.rs`), many of them found by the differential fuzz target.

use crate::yaml::events::parse;
use crate::yaml::Node;

fn root(text: &str) -> Node {
    let doc = parse(text);
    assert!(
        doc.syntax_diagnostics.is_empty(),
        "{:?}",
        doc.syntax_diagnostics
    );
    doc.root.expect("a root")
}

/// Found by the span checks of `tests/yaml_props.rs`: a block scalar whose event
/// starts at its first content line read a leading `&`, `!` or `>` there as an
/// anchor, a tag or its header.
#[test]
fn a_block_scalars_content_is_not_read_as_its_properties() {
    for (text, slice, value) in [
        ("|\n&\n", "|\n&", "&\n"),
        ("|\n>\n", "|\n>", ">\n"),
        ("|\r>", "|\r>", ">\n"),
    ] {
        let node = root(text);
        assert_eq!(node.span.slice(text), slice, "{text:?}");
        assert_eq!(node.scalar_text(), Some(value));
        assert_eq!((node.anchor, node.tag), (None, None), "{text:?}");
    }
    let text = "note: |\n  !important\nquote: >\n  &x\n";
    let m = root(text);
    let m = m.as_mapping().unwrap();
    for (key, slice) in [("note", "|\n  !important"), ("quote", ">\n  &x")] {
        let v = m.get(key).unwrap();
        assert_eq!(v.span.slice(text), slice);
        assert_eq!((&v.anchor, &v.tag), (&None, &None), "{key}");
    }
    // Properties before the header are still read.
    let text = "- &a !t |\n  x\n";
    let list = root(text);
    let item = &list.as_sequence().unwrap().items[0];
    assert_eq!(
        (item.anchor.as_deref(), item.tag.as_deref()),
        (Some("a"), Some("!t"))
    );
}

/// Found by the same checks: a comment ended only at `\n`, so after a lone `\r`
/// the content was taken for part of it.
#[test]
fn a_comment_ends_at_a_lone_carriage_return() {
    let text = "&0 #\r-x";
    let node = root(text);
    assert_eq!(node.span.slice(text), "-x");
    assert_eq!(node.anchor.as_deref(), Some("0"));
    // And a block scalar's header is found after one.
    let text = "#\r|\n%";
    assert_eq!(root(text).span.slice(text), "|\n%");
}

/// Found by the differential fuzz target: in `? ? a`, the key is a mapping whose
/// entry starts at the second `?` (only a single `?` is the outer entry's alone).
#[test]
fn an_explicit_key_that_is_an_explicit_keys_mapping_starts_at_its_question_mark() {
    for (text, inner) in [
        ("? ? a\n", "? a"),
        ("? ? ", "? "),
        ("? earth: blue\n", "earth: blue"),
    ] {
        let m = root(text);
        let key = &m.as_mapping().unwrap().entries[0].key;
        let end = key.span.end.max(key.span.start + inner.len());
        assert_eq!(
            &text[key.span.start..end],
            inner,
            "{text:?}: {:?}",
            key.span
        );
    }
}

/// Found by the differential fuzz target: an inner explicit key without a value
/// took the `:` of the outer mapping's next entry for its own.
#[test]
fn an_outer_mappings_colon_is_not_an_inner_empty_values() {
    let text = "a:\n  ? - x\n  :   ? - y\n  : b\n";
    let m = root(text);
    let a = m
        .as_mapping()
        .unwrap()
        .get("a")
        .unwrap()
        .as_mapping()
        .unwrap();
    let spans: Vec<&str> = a.entries.iter().map(|e| e.span.slice(text)).collect();
    assert_eq!(spans, ["? - x\n  :   ? - y", ": b"]);
}

/// Found by the differential fuzz target: saphyr-parser refused a `?` that ends
/// the text; YAML reads it as an empty explicit key with an empty value.
#[test]
fn a_question_mark_ending_the_text_is_an_empty_explicit_key() {
    for (text, key_at) in [("- ?", 3), ("a:\n  ?", 6), ("?", 1)] {
        let doc = parse(text);
        assert!(
            doc.syntax_diagnostics.is_empty(),
            "{text:?}: {:?}",
            doc.syntax_diagnostics
        );
        let mut node = doc.root.as_ref().unwrap();
        while let Some(next) = node
            .as_sequence()
            .and_then(|q| q.items.first())
            .or_else(|| {
                node.as_mapping()
                    .and_then(|m| m.entries.first())
                    .map(|e| &e.value)
            })
            .filter(|n| !n.is_null())
        {
            node = next;
        }
        let m = node.as_mapping().expect("the explicit key's mapping");
        assert_eq!(
            m.entries[0].key.span,
            crate::diag::Span::at(key_at),
            "{text:?}"
        );
        assert!(m.entries[0].key.is_null() && m.entries[0].value.is_null());
        assert!(node.span.end <= text.len());
    }
}

/// Found by the differential fuzz target: an explicit key without a value followed
/// by a key starting with `:` (`:x:`) took that `:` for its value indicator, so its
/// entry ran into the next one.
#[test]
fn a_colon_starting_the_next_key_is_not_an_empty_values_indicator() {
    let text = "? a\n:x: 1\n";
    let m = root(text);
    let entries = &m.as_mapping().unwrap().entries;
    let spans: Vec<&str> = entries.iter().map(|e| e.span.slice(text)).collect();
    assert_eq!(spans, ["? a", ":x: 1"]);
    assert_eq!(entries[0].value.span.start, 3);
}

/// Found by the same checks: an entry after a value ending in `?` began at that `?`
/// (taken for an explicit key's indicator), so removing the entry cut the value.
#[test]
fn a_question_mark_ending_a_value_is_not_the_next_keys_indicator() {
    let text = "a: what?\nb:\n  c: 800-\n  d: x\n? e\n: f\n";
    let m = root(text);
    let spans: Vec<&str> = m
        .as_mapping()
        .unwrap()
        .entries
        .iter()
        .map(|e| e.span.slice(text))
        .collect();
    assert_eq!(spans, ["a: what?", "b:\n  c: 800-\n  d: x", "? e\n: f"]);
    // Nor is a block scalar's last line `?`.
    let text = "a:\n  b: |-\n    x\n    ?\n  c: 1\n";
    let a = root(text);
    let inner = a
        .as_mapping()
        .unwrap()
        .get("a")
        .unwrap()
        .as_mapping()
        .unwrap();
    assert_eq!(inner.entries[1].span.slice(text), "c: 1");
}

/// Found by the differential fuzz target: an empty block scalar's span took in the
/// comment after its header, where yaml-edit ends it at the header.
#[test]
fn an_empty_block_scalar_ends_at_its_header() {
    for (text, header) in [
        ("a: | # note\nb: 1\n", "|"),
        ("- >1- # both\n", ">1-"),
        ("- |+ # keep\n\n", "|+"),
    ] {
        let node = root(text);
        let value = match &node.value {
            crate::yaml::Value::Mapping(m) => &m.entries[0].value,
            crate::yaml::Value::Sequence(q) => &q.items[0],
            other => panic!("{other:?}"),
        };
        assert_eq!(value.span.slice(text), header, "{text:?}");
    }
    // One with content still ends at its last line.
    let text = "a: | # note\n  x\n";
    assert_eq!(
        root(text).as_mapping().unwrap().entries[0]
            .value
            .span
            .slice(text),
        "| # note\n  x"
    );
}

/// Found by the differential fuzz target: a lone `\r` ends a line for finding a list
/// item's `-` before a comment line too; the list began at its first item instead.
#[test]
fn a_list_starts_at_its_dash_past_a_lone_carriage_return_and_a_comment() {
    for text in [
        "- \r#c\n  a: 1\n",
        "-\r#c\n   a:",
        "- \r\n#c\r\n  a: 1\r\n",
        "- \n#c\n  a: 1\n",
    ] {
        assert_eq!(root(text).span.start, 0, "{text:?}");
    }
}

/// Found by the pipeline fuzz target: an empty `>` whose header is not found (a `"`
/// inside the plain key before it reads as a quote) took the first byte of the next
/// line for its header, and a span ended inside a 4-byte character there.
#[test]
fn an_empty_block_scalar_whose_header_is_not_found_stays_on_character_boundaries() {
    fn spans(n: &Node, out: &mut Vec<crate::diag::Span>) {
        out.push(n.span);
        match &n.value {
            crate::yaml::Value::Mapping(m) => m.entries.iter().for_each(|e| {
                out.push(e.span);
                spans(&e.key, out);
                spans(&e.value, out);
            }),
            crate::yaml::Value::Sequence(s) => s.items.iter().for_each(|i| spans(i, out)),
            _ => {}
        }
    }
    for text in [
        "k*y\\e \"image: >\n\u{cd68f}n*#0\"\n\n\\",
        "k \"a: >\n\u{e9}b\n",
        "k \"a: |\nb\n",
    ] {
        let doc = crate::yaml::events::parse(text);
        let mut all = Vec::new();
        if let Some(r) = &doc.root {
            spans(r, &mut all);
        }
        for s in all {
            assert!(
                text.is_char_boundary(s.start) && text.is_char_boundary(s.end) && s.start <= s.end,
                "{text:?}: {s:?}"
            );
        }
    }
}

/// Found by the differential fuzz target (`ead8b7ef`, `e7357841`): saphyr-parser reads
/// a `|` or `>` starting a value inside brackets as a plain scalar; YAML starts none
/// with them, and libyaml and yaml-edit refuse it. The layer reports it at the
/// indicator, after properties too; a `>` inside a plain scalar, or starting one of its
/// later lines, is content.
#[test]
fn a_block_indicator_cannot_start_a_value_inside_brackets() {
    for (text, at) in [
        ("[>x]\n", 1),
        ("k: [a, |]\n", 7),
        ("{a: !t >x}\n", 7),
        ("{>a: 1}\n", 1),
        ("- [&a |x]\n", 6),
    ] {
        let doc = parse(text);
        let found: Vec<usize> = doc
            .syntax_diagnostics
            .iter()
            .filter(|d| d.rule == "yaml-syntax")
            .map(|d| d.span.start)
            .collect();
        assert_eq!(found, [at], "{text:?}: {:?}", doc.syntax_diagnostics);
    }
    for text in [
        "[x >y]\n",
        "- [x\n  >y]\n",
        "k: >\n  [x]\n",
        "[\">x\", '|']\n",
    ] {
        root(text);
    }
}

/// Found by review: a plain key holding ` > ` or ` | ` made its block scalar value
/// start inside the key (its header read at the key's `>`), so the two spans overlapped
/// and an edit of the value would have written over the key.
#[test]
fn a_block_indicator_inside_a_plain_key_is_not_the_values_header() {
    for text in ["a > b: |\n  x\n", "a | b: >\n  x\n", "- k \"q: |\n    x\n"] {
        let doc = parse(text);
        let root = doc.root.expect("a root");
        let m = match root.as_mapping() {
            Some(m) => m,
            None => root.as_sequence().unwrap().items[0].as_mapping().unwrap(),
        };
        let e = &m.entries[0];
        assert!(e.key.span.end <= e.value.span.start, "{text:?}: {e:?}");
        assert!(
            matches!(e.value.span.slice(text).as_bytes()[0], b'|' | b'>'),
            "{text:?}: {:?}",
            e.value.span.slice(text)
        );
    }
}
