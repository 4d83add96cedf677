//! Random edits and random text on JSON and JSONC specs: every edit the layer accepts
//! keeps the document valid in its own format, and no text makes it panic.

mod formats_support;

use formats_support::*;
use gradient_spec::diag::apply_edits;
use gradient_spec::edit::{in_format, Editor, NewValue};
use gradient_spec::{check_as, parse_as, Format, SpecPath, TextEdit};
use proptest::prelude::*;
use serde_json::Value as Json;

fn scalar() -> impl Strategy<Value = NewValue> {
    prop_oneof![
        Just(NewValue::Null),
        any::<bool>().prop_map(NewValue::Bool),
        any::<i64>().prop_map(NewValue::Int),
        // Binary fractions: serde_json (without `float_roundtrip`) reads them exactly.
        (-1_000_000i64..1_000_000).prop_map(|i| NewValue::Float(i as f64 / 8.0)),
        any::<String>().prop_map(NewValue::Str),
        "[a-z\"\\\\/ ,:{}\\[\\]]{0,8}".prop_map(NewValue::Str),
    ]
}

fn new_value() -> impl Strategy<Value = NewValue> {
    scalar().prop_recursive(2, 6, 3, |inner| {
        prop_oneof![
            prop::collection::btree_map("[a-z]{1,4}", inner.clone(), 0..3)
                .prop_map(|m| NewValue::Map(m.into_iter().collect())),
            prop::collection::vec(inner, 0..3).prop_map(NewValue::Seq),
        ]
    })
}

/// What is at a path: 0 a scalar, 1 an object, 2 a list.
fn kind(v: &Json) -> u8 {
    match v {
        Json::Object(_) => 1,
        Json::Array(_) => 2,
        _ => 0,
    }
}

/// Every path of a value, collections included, with its kind.
fn paths(v: &Json, at: SpecPath, out: &mut Vec<(SpecPath, u8)>) {
    match v {
        Json::Object(m) => {
            for (k, x) in m {
                out.push((at.key(k), kind(x)));
                paths(x, at.key(k), out);
            }
        }
        Json::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                out.push((at.index(i), kind(x)));
                paths(x, at.index(i), out);
            }
        }
        _ => {}
    }
}

fn run_op(
    ed: Editor,
    text: &str,
    op: u8,
    path: &SpecPath,
    v: &NewValue,
    k: usize,
) -> Option<Vec<TextEdit>> {
    match op % 5 {
        0 if v.is_scalar() => ed.set_scalar(text, path, v).ok(),
        1 => ed.insert_key(text, path, &format!("k{k}"), v).ok(),
        2 => ed.append_item(text, path, v).ok(),
        3 => ed.remove(text, path).ok(),
        _ => ed.move_item(text, path, 0, k % 3).ok(),
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(96))]

    /// Random operations on random paths of the real specs: each result is refused or
    /// valid in its format (serde_json reads a JSON one), with every comment not
    /// removed with its entry.
    #[test]
    fn random_edits_stay_valid(
        file in 0usize..6,
        steps in prop::collection::vec((any::<u8>(), any::<prop::sample::Index>(), new_value(), 0usize..5), 1..6),
    ) {
        let corpus = corpus();
        let (_, mut text, f) = corpus[file % corpus.len()].clone();
        let ed = in_format(f);
        for (op, pick, v, k) in steps {
            let mut all = vec![(SpecPath::root(), 1)];
            paths(&value(&text, f), SpecPath::root(), &mut all);
            // Mostly paths of the kind the operation wants; the rest anywhere.
            let want = [0u8, 1, 2, 9, 2][(op % 5) as usize];
            let fitting: Vec<_> = all.iter().filter(|(_, k)| *k == want).cloned().collect();
            let pool = if fitting.is_empty() || op >= 200 { &all } else { &fitting };
            let (path, _) = pool[pick.index(pool.len())].clone();
            let Some(edits) = run_op(ed, &text, op, &path, &v, k) else { continue };
            let new = apply_edits(&text, &edits).unwrap();
            let doc = parse_as(&new, f);
            prop_assert!(doc.syntax_diagnostics.is_empty(), "{:?}\n{}", doc.syntax_diagnostics, new);
            if f == Format::Json {
                let got: Json = serde_json::from_str(&new).expect("still JSON");
                prop_assert_eq!(got, doc.to_json().unwrap());
            }
            let (before, after) = (comments(&text, f), comments(&new, f));
            for c in &after {
                prop_assert!(before.contains(c));
            }
            text = new;
        }
        let out = ed.format(&text);
        prop_assert!(out.is_ok(), "{:?}", out);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(256))]

    /// Random JSON-ish text through check, every operation and Format: never a panic,
    /// every span on character boundaries, every accepted edit valid in its format.
    #[test]
    fn random_text_never_panics(
        text in "[{}\\[\\],:\"'/*\\\\ \na-z0-9.é-]{0,60}",
        jsonc in any::<bool>(),
        op in any::<u8>(),
        v in new_value(),
    ) {
        let f = if jsonc { Format::Jsonc } else { Format::Json };
        let report = check_as(&text, f);
        for d in &report.diagnostics {
            prop_assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            if let Some(fix) = &d.fix {
                let _ = gradient_spec::apply_fix_as(&text, f, &report, fix);
            }
        }
        let ed = in_format(f);
        for path in [p(""), p("a"), p("a[0]"), p("a.b")] {
            if let Some(edits) = run_op(ed, &text, op, &path, &v, 1) {
                let new = apply_edits(&text, &edits).unwrap();
                let before = parse_as(&text, f).syntax_diagnostics.len();
                prop_assert!(parse_as(&new, f).syntax_diagnostics.len() <= before, "{}", new);
            }
        }
        let _ = ed.format(&text);
    }
}
