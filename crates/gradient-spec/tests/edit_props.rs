//! Property tests: random operations on random paths of the corpus files (LF and
//! CRLF), and on random text, never panic; each edit is either refused or keeps the
//! invariants (clean parse, the intended value, every comment not removed, CRLF kept).

mod edit_support;

use edit_support::*;
use gradient_spec::diag::{apply_edits, Span};
use gradient_spec::edit::{
    append_item, format, insert_key, move_item, remove, set_scalar, NewValue,
};
use gradient_spec::yaml::parse;
use gradient_spec::SpecPath;
use proptest::prelude::*;

fn tricky_string() -> impl Strategy<Value = String> {
    prop_oneof![
        any::<String>(),
        "[a-z0-9 :#\\-'\"\\[\\]{},&*!|>%@`~.\n\t]{0,12}",
        Just("8000".to_string()),
        Just("yes".to_string()),
        Just("".to_string()),
        Just("a: b".to_string()),
        Just("- x".to_string()),
        Just("line\nbreak\n".to_string()),
        Just("secret:TOKEN".to_string()),
    ]
}

fn scalar() -> impl Strategy<Value = NewValue> {
    prop_oneof![
        Just(NewValue::Null),
        any::<bool>().prop_map(NewValue::Bool),
        any::<i64>().prop_map(NewValue::Int),
        any::<f64>().prop_map(NewValue::Float),
        tricky_string().prop_map(NewValue::Str),
    ]
}

fn value() -> impl Strategy<Value = NewValue> {
    scalar().prop_recursive(2, 8, 3, |inner| {
        prop_oneof![
            prop::collection::vec(("[a-zA-Z][a-zA-Z0-9]{0,6}", inner.clone()), 0..3).prop_map(
                |entries| {
                    let mut seen = std::collections::HashSet::new();
                    NewValue::Map(
                        entries
                            .into_iter()
                            .filter(|(k, _)| seen.insert(k.clone()))
                            .collect(),
                    )
                }
            ),
            prop::collection::vec(inner, 0..3).prop_map(NewValue::Seq),
        ]
    })
}

/// Paths to try: mostly ones of the kind the operation wants (`want`: 0 any, 1 a
/// scalar, 2 a mapping, 3 a list), some that do not exist.
fn candidate_paths(text: &str, want: u8, biased: bool) -> Vec<SpecPath> {
    let mut fitting = Vec::new();
    let mut other = vec![
        p("brandNew"),
        p("resources.autoscaling.maxReplicas"),
        p("env[0].name"),
    ];
    if let Some(root) = parse(text).root {
        if want == 2 {
            fitting.push(SpecPath::root());
        }
        for (path, node) in all_paths(&root) {
            let fits = match want {
                1 => node.as_scalar().is_some(),
                2 => node.as_mapping().is_some(),
                3 => node.as_sequence().is_some(),
                _ => true,
            };
            other.push(path.key("added"));
            other.push(path.index(99));
            if fits {
                fitting.push(path);
            } else {
                other.push(path);
            }
        }
    }
    if biased && !fitting.is_empty() {
        fitting
    } else {
        other.extend(fitting);
        other
    }
}

fn files() -> Vec<String> {
    corpus().into_iter().map(|(_, t)| t).collect()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn random_edits_on_the_corpus(
        file in 0usize..64, crlf in any::<bool>(), op in 0u8..5, pick in any::<usize>(),
        v in value(), sv in scalar(), biased in prop::bool::weighted(0.8), from in 0usize..4, to in 0usize..4,
    ) {
        let files = files();
        let mut text = files[file % files.len()].clone();
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        let want = [1, 2, 0, 3, 3][op as usize];
        let paths = candidate_paths(&text, want, biased);
        let path = paths[pick % paths.len()].clone();
        let root = parse(&text).root.unwrap();
        let (result, read_back, removed) = match op {
            0 => (set_scalar(&text, &path, &sv), Some((path.clone(), sv.clone())), Span::default()),
            1 => (insert_key(&text, &path, "added", &v), Some((path.key("added"), v.clone())), Span::default()),
            2 => {
                let removed = match node_at(&root, &path) {
                    Some(n) => owned_allowance(&text, start_of(&root, &path), n.span.end),
                    None => Span::default(),
                };
                (remove(&text, &path), None, removed)
            }
            3 => {
                let len = node_at(&root, &path).and_then(|n| n.as_sequence().map(|s| s.items.len())).unwrap_or(0);
                (append_item(&text, &path, &v), Some((path.index(len), v.clone())), Span::default())
            }
            _ => {
                let len = node_at(&root, &path).and_then(|n| n.as_sequence().map(|s| s.items.len())).unwrap_or(4).max(1);
                (move_item(&text, &path, from % len, to % len), None, Span::default())
            }
        };
        if std::env::var("EDIT_PROPS_DEBUG").is_ok() {
            eprintln!("op {op} {path}: {:?}", result.as_ref().map(|e| e.len()).map_err(|e| e.to_string()));
        }
        if let Ok(edits) = result {
            let (at, want) = match &read_back {
                Some((at, want)) => (at.clone(), Some(want)),
                None => (path.clone(), None),
            };
            let region = Span::new(0, text.len());
            let new = check(&text, &edits, &Expect { region, removed, path: &at, value: want });
            // The edited document formats, and formatting is stable.
            let formatted = format(&new).unwrap_or_else(|e| panic!("format after edit: {e}\n{new}"));
            prop_assert_eq!(format(&formatted).ok(), Some(formatted));
        }
    }

    #[test]
    fn random_text_never_panics(
        text in prop_oneof![
            any::<String>(),
            "[a-z:\\- \n#\\[\\]{}'\"|>&*!,]{0,60}",
            "(  )?[a-z]{1,3}:( [a-z0-9]{1,3}| \\[[0-9, ]{0,6}\\]| \\{\\}|)( #c)?\r?\n(  - [a-z]{1,2}\r?\n){0,2}",
        ],
        op in 0u8..6, path in "[a-z]{1,2}(\\[[0-9]\\])?(\\.[a-z]{1,2})?", v in value(),
    ) {
        let path = SpecPath::parse(&path).unwrap();
        let result = match op {
            0 => set_scalar(&text, &path, &v),
            1 => insert_key(&text, &path, "k", &v),
            2 => remove(&text, &path),
            3 => append_item(&text, &path, &v),
            4 => move_item(&text, &path, 0, 1),
            _ => format(&text).map(|_| Vec::new()),
        };
        if let Ok(edits) = result {
            let new = apply_edits(&text, &edits).expect("edits apply");
            prop_assert!(parse(&new).syntax_diagnostics.len() <= parse(&text).syntax_diagnostics.len());
        }
    }
}
