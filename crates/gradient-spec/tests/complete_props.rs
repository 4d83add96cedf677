//! Completion on every corpus spec and on arbitrary text: no panic at any offset,
//! `replace` inside the text on character boundaries, and, where the text parses,
//! the path read from indentation equals the path of the parsed tree.

use gradient_spec::complete::{complete, complete_doc, CaretPosition, Completion};
use gradient_spec::yaml::{parse, Node, Value};
use gradient_spec::SpecPath;
use proptest::prelude::*;
use std::path::PathBuf;

fn corpus() -> Vec<(String, String)> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/corpus"
    ));
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| {
            let path = e.ok()?.path();
            (path.extension()? == "yaml").then(|| {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&path).unwrap())
            })
        })
        .collect();
    files.sort();
    assert!(files.len() >= 15, "only {} corpus specs found", files.len());
    files
}

fn assert_valid(text: &str, c: &Completion) {
    let r = c.context.replace;
    assert!(r.start <= r.end && r.end <= text.len(), "{r:?} in {text:?}");
    assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
    for item in &c.items {
        assert!(!item.label.is_empty());
    }
}

#[test]
fn every_offset_of_every_corpus_file() {
    for (name, text) in corpus() {
        let doc = parse(&text);
        for offset in 0..=text.len() + 2 {
            let c = complete_doc(&doc, offset);
            assert_valid(&text, &c);
            if c.context.position != CaretPosition::Other {
                let typed = &text
                    [c.context.replace.start..offset.min(text.len()).max(c.context.replace.start)];
                assert!(
                    typed.ends_with(&c.context.prefix) || c.context.prefix.is_empty(),
                    "{name} at {offset}: prefix {:?}",
                    c.context.prefix
                );
            }
        }
    }
}

/// Every key and scalar of a parsed tree with its concrete path.
fn collect(node: &Node, path: &SpecPath, out: &mut Vec<(usize, SpecPath, bool)>) {
    match &node.value {
        Value::Mapping(m) if !m.flow => {
            for e in &m.entries {
                let Some(k) = e.key.scalar_text() else {
                    continue;
                };
                let p = path.key(k);
                out.push((e.key.span.end, p.clone(), true));
                collect(&e.value, &p, out);
            }
        }
        Value::Sequence(s) if !s.flow => {
            for (i, item) in s.items.iter().enumerate() {
                collect(item, &path.index(i), out);
            }
        }
        Value::Scalar(sc) if !sc.style.is_quoted() && !node.span.is_empty() => {
            if !matches!(sc.style, gradient_spec::yaml::ScalarStyle::Plain) {
                return;
            }
            out.push((node.span.end, path.clone(), false));
        }
        _ => {}
    }
}

#[test]
fn paths_from_indentation_match_the_parse() {
    let mut checked = 0;
    for (name, text) in corpus() {
        let doc = parse(&text);
        let Some(root) = &doc.root else { continue };
        let mut spots = Vec::new();
        collect(root, &SpecPath::root(), &mut spots);
        for (offset, path, is_key) in spots {
            let c = complete_doc(&doc, offset);
            let cx = &c.context;
            if cx.position == CaretPosition::Other {
                continue;
            }
            // A scalar on the line after its key reads as a key being typed there.
            let typed_key = !is_key && cx.position == CaretPosition::Key && cx.parent == path;
            if !typed_key {
                assert_eq!(cx.path, path, "{name} at {offset} ({:?})", cx.position);
            }
            if is_key {
                assert_eq!(cx.position, CaretPosition::Key, "{name} at {offset}");
            }
            checked += 1;
        }
    }
    assert!(checked > 300, "checked {checked}");
}

/// YAML-ish text: the characters that matter to the caret's context, and any others.
fn yamlish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[ \\-:#|>\"'\\[\\]{},\t\r\n]",
            Just("\n  ".to_string()),
            Just("- ".to_string()),
            Just("resources:".to_string()),
            Just("env:".to_string()),
            Just("name: ".to_string()),
            "[a-z0-9]{1,4}",
            "\\PC",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn any_text_any_offset(text in yamlish(), any in "\\PC*", offset in 0usize..200) {
        for source in [&text, &any] {
            let c = complete(source, offset);
            assert_valid(source, &c);
            let c = complete(source, source.len().saturating_sub(offset % 8));
            assert_valid(source, &c);
        }
    }
}
