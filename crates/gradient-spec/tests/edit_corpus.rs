//! Every operation on every corpus file (and its CRLF twin): each edit that is made
//! changes only the intended range, keeps every comment that is not part of a removed
//! item, parses cleanly and reads back as intended.

mod edit_support;

use edit_support::*;
use gradient_spec::diag::Span;
use gradient_spec::edit::{append_item, insert_key, move_item, remove, set_scalar, NewValue};
use gradient_spec::yaml::{parse, Node, Value};
use gradient_spec::SpecPath;

/// The corpus, plus CRLF twins of the files with comments, block scalars, flow lists
/// and two-space indentation. (Parsing is slow in debug builds: the batteries below
/// sample, so every kind of node is still covered.)
fn texts() -> Vec<(String, String)> {
    let mut out = Vec::new();
    for (name, text) in corpus() {
        if ["e01", "e03", "e10"].iter().any(|p| name.starts_with(p)) {
            out.push((format!("{name} (CRLF)"), text.replace('\n', "\r\n")));
        }
        out.push((name, text));
    }
    out
}

/// Takes every `n`th item, starting at `k % n`, so that over the files all are taken.
fn sample<T>(items: Vec<T>, k: usize, n: usize) -> impl Iterator<Item = T> {
    items
        .into_iter()
        .enumerate()
        .filter(move |(i, _)| i % n == k % n)
        .map(|(_, t)| t)
}

fn parent_region(text: &str, root: &Node, path: &SpecPath) -> Span {
    let parent = SpecPath(path.0[..path.0.len() - 1].to_vec());
    if parent.0.is_empty() {
        return Span::new(0, text.len());
    }
    let node = node_at(root, &parent).unwrap();
    region_of(text, start_of(root, &parent), &node)
}

fn scalar_values(old: &Node) -> Vec<NewValue> {
    let mut v = vec![
        NewValue::str("changed-value"),
        NewValue::str("8000"),
        NewValue::str("yes"),
        NewValue::str("a: b # not a comment"),
        NewValue::str(""),
        NewValue::str("-c"),
        NewValue::str("two\nlines\n"),
        NewValue::Int(7),
        NewValue::Float(1.0),
        NewValue::Bool(false),
        NewValue::Null,
    ];
    if let Some(s) = old.scalar_text() {
        v.push(NewValue::str(format!("{s}x")));
    }
    v
}

#[test]
fn set_every_scalar() {
    let mut made = 0;
    for (name, text) in texts() {
        let root = parse(&text).root.unwrap();
        for (i, (path, node)) in all_paths(&root).into_iter().enumerate() {
            if !matches!(node.value, Value::Scalar(_)) {
                continue;
            }
            for value in sample(scalar_values(&node), i, 5) {
                let edits = set_scalar(&text, &path, &value)
                    .unwrap_or_else(|e| panic!("{name}: set {path} = {value:?} refused: {e}"));
                let region = Span::new(
                    line_start(&text, node.span.start),
                    next_line(&text, node.span.end),
                );
                check(
                    &text,
                    &edits,
                    &Expect {
                        region,
                        removed: Span::default(),
                        path: &path,
                        value: Some(&value),
                    },
                );
                made += 1;
            }
        }
    }
    assert!(made > 400, "{made}");
}

#[test]
fn remove_every_key_and_item() {
    for (k, (name, text)) in texts().into_iter().enumerate() {
        let root = parse(&text).root.unwrap();
        for (path, node) in sample(all_paths(&root), k, 2) {
            let edits = remove(&text, &path)
                .unwrap_or_else(|e| panic!("{name}: remove {path} refused: {e}"));
            let start = start_of(&root, &path);
            let removed = owned_allowance(&text, start, node.span.end);
            let region = parent_region(&text, &root, &path);
            let new = check(
                &text,
                &edits,
                &Expect {
                    region,
                    removed,
                    path: &path,
                    value: None,
                },
            );
            // The rest of the parent is still there, in order.
            let parent = SpecPath(path.0[..path.0.len() - 1].to_vec());
            let before = node_at(&root, &parent).and_then(|n| to_new(&n));
            let after = node_at(&parse(&new).root.unwrap(), &parent).and_then(|n| to_new(&n));
            let mut want = before.clone();
            match (&mut want, path.0.last()) {
                (Some(NewValue::Map(m)), Some(gradient_spec::PathSegment::Key(k))) => {
                    m.retain(|(key, _)| key != k)
                }
                (Some(NewValue::Seq(s)), Some(gradient_spec::PathSegment::Index(i))) => {
                    s.remove(*i);
                }
                _ => {}
            }
            assert_eq!(after, want, "{name}: remove {path}\n{new}");
        }
    }
}

#[test]
fn append_to_every_list() {
    for (name, text) in texts() {
        let root = parse(&text).root.unwrap();
        for (path, node) in all_paths(&root) {
            let Some(seq) = node.as_sequence() else {
                continue;
            };
            let value = if seq.items.iter().any(|i| i.as_mapping().is_some()) {
                NewValue::map([
                    ("name", NewValue::str("NEW_VAR")),
                    ("value", NewValue::str("secret:x")),
                ])
            } else {
                NewValue::str("new item")
            };
            let edits = append_item(&text, &path, &value)
                .unwrap_or_else(|e| panic!("{name}: append {path}: {e}"));
            let region = region_of(&text, start_of(&root, &path), &node);
            let at = path.index(seq.items.len());
            check(
                &text,
                &edits,
                &Expect {
                    region,
                    removed: Span::default(),
                    path: &at,
                    value: Some(&value),
                },
            );
        }
    }
}

#[test]
fn insert_into_every_mapping_and_create_sections() {
    let nested = NewValue::map([
        ("enabled", NewValue::Bool(true)),
        (
            "metrics",
            NewValue::Seq(vec![NewValue::map([
                ("metric", NewValue::str("cpu")),
                ("value", NewValue::Int(50)),
            ])]),
        ),
    ]);
    for (k, (name, text)) in texts().into_iter().enumerate() {
        let root = parse(&text).root.unwrap();
        let mut maps: Vec<(SpecPath, Node)> = all_paths(&root)
            .into_iter()
            .filter(|(_, n)| n.as_mapping().is_some())
            .collect();
        maps.insert(0, (SpecPath::root(), root.clone()));
        for (path, node) in sample(maps, k, 3) {
            let region = if path.0.is_empty() {
                Span::new(0, text.len())
            } else {
                region_of(&text, start_of(&root, &path), &node)
            };
            for value in [NewValue::str("v"), nested.clone()] {
                let edits = insert_key(&text, &path, "addedKey", &value)
                    .unwrap_or_else(|e| panic!("{name}: insert into {path}: {e}"));
                let at = path.key("addedKey");
                check(
                    &text,
                    &edits,
                    &Expect {
                        region,
                        removed: Span::default(),
                        path: &at,
                        value: Some(&value),
                    },
                );
            }
            let deep = path.key("newSection").key("inner");
            let edits = set_scalar(&text, &deep, &NewValue::Int(3))
                .unwrap_or_else(|e| panic!("{name}: create {deep}: {e}"));
            check(
                &text,
                &edits,
                &Expect {
                    region,
                    removed: Span::default(),
                    path: &deep,
                    value: Some(&NewValue::Int(3)),
                },
            );
        }
    }
}

#[test]
fn move_items_of_every_list() {
    for (name, text) in texts() {
        let root = parse(&text).root.unwrap();
        for (path, node) in all_paths(&root) {
            let Some(seq) = node.as_sequence() else {
                continue;
            };
            let n = seq.items.len();
            if n < 2 {
                continue;
            }
            for (from, to) in [(0, n - 1), (n - 1, 0), (0, 1)] {
                let edits = move_item(&text, &path, from, to)
                    .unwrap_or_else(|e| panic!("{name}: move {path}: {e}"));
                let region = region_of(&text, start_of(&root, &path), &node);
                let want = to_new(&seq.items[from]).unwrap();
                let at = path.index(to);
                let new = check(
                    &text,
                    &edits,
                    &Expect {
                        region,
                        removed: Span::default(),
                        path: &at,
                        value: Some(&want),
                    },
                );
                // Moving back restores the text exactly.
                let back = move_item(&new, &path, to, from).unwrap();
                let restored = gradient_spec::diag::apply_edits(&new, &back).unwrap();
                assert_eq!(restored, text, "{name}: move {path} {from}->{to} and back");
            }
        }
    }
}
