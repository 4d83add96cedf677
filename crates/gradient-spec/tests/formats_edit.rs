//! Edits, fixes and Format on JSON and JSONC specs keep the document in its own
//! format: a JSON spec still parses with `serde_json` after every edit, a JSONC spec
//! keeps its comments, key order and indentation stay the file's own. Run on the real
//! specs of `tests/data/corpus/` and, as property tests, on random edits.

use gradient_spec::diag::apply_edits;
use gradient_spec::edit::{convert, in_format, EditError, Editor, NewValue};
use gradient_spec::{check_as, parse_as, Format, SpecPath, TextEdit};
use proptest::prelude::*;
use serde_json::Value as Json;
use std::path::PathBuf;

fn corpus() -> Vec<(String, String, Format)> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/corpus"
    ));
    let mut out: Vec<(String, String, Format)> = std::fs::read_dir(dir)
        .expect("corpus")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter_map(|p| {
            let f = match p.extension()?.to_str()? {
                "json" => Format::Json,
                "jsonc" => Format::Jsonc,
                _ => return None,
            };
            let name = p.file_name()?.to_string_lossy().into_owned();
            Some((name, std::fs::read_to_string(&p).ok()?, f))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    assert!(out.len() >= 6);
    out
}

fn p(s: &str) -> SpecPath {
    SpecPath::parse(s).unwrap()
}

/// The comments of a JSONC text, in order, as written.
fn comments(text: &str, f: Format) -> Vec<String> {
    // Whole-line `//` comments and `// …` after a value: what the corpus holds.
    let _ = f;
    text.lines()
        .filter_map(|l| {
            let mut in_str = false;
            let b = l.as_bytes();
            let mut i = 0;
            while i < b.len() {
                match b[i] {
                    b'\\' if in_str => i += 1,
                    b'"' => in_str = !in_str,
                    b'/' if !in_str && b.get(i + 1) == Some(&b'/') => {
                        return Some(l[i..].trim_end().to_string())
                    }
                    _ => {}
                }
                i += 1;
            }
            None
        })
        .collect()
}

/// The value of a JSON(C) text, read by `serde_json` (JSONC with its `//` comments and
/// trailing commas taken out first, by a route independent of the crate).
fn value(text: &str, f: Format) -> Json {
    let plain = match f {
        Format::Json => text.to_string(),
        _ => {
            let mut s: String = text
                .lines()
                .map(|l| {
                    let c = comments(l, f);
                    match c.first() {
                        Some(c) => l[..l.rfind(c.as_str()).unwrap()].to_string(),
                        None => l.to_string(),
                    }
                })
                .collect::<Vec<_>>()
                .join("\n");
            for closer in ["}", "]"] {
                loop {
                    let re = s.clone();
                    let t = strip_trailing_comma(&re, closer);
                    if t == re {
                        break;
                    }
                    s = t;
                }
            }
            s
        }
    };
    serde_json::from_str(&plain).unwrap_or_else(|e| panic!("not JSON ({e}):\n{plain}"))
}

fn strip_trailing_comma(s: &str, closer: &str) -> String {
    let bytes = s.as_bytes();
    for (i, _) in s.match_indices(closer) {
        let before = s[..i].trim_end();
        if before.ends_with(',') && !bytes.is_empty() {
            let at = before.len() - 1;
            return format!("{}{}", &s[..at], &s[at + 1..]);
        }
    }
    s.to_string()
}

/// Applies `edits`, then checks the result is valid in its format, keeps every comment
/// (unless `dropped`), and reads back as `want`.
fn applied(old: &str, edits: &[TextEdit], f: Format, want: &Json, dropped: usize) -> String {
    let new = apply_edits(old, edits).expect("edits apply");
    let doc = parse_as(&new, f);
    assert!(
        doc.syntax_diagnostics.is_empty(),
        "{:?}\n{new}",
        doc.syntax_diagnostics
    );
    assert_eq!(&value(&new, f), want, "{new}");
    if f == Format::Json {
        serde_json::from_str::<Json>(&new).expect("still JSON");
    }
    let (before, after) = (comments(old, f), comments(&new, f));
    assert_eq!(before.len(), after.len() + dropped, "comments:\n{new}");
    for c in &after {
        assert!(before.contains(c));
    }
    new
}

fn obj(v: &mut Json) -> &mut serde_json::Map<String, Json> {
    v.as_object_mut().unwrap()
}

#[test]
fn every_operation_keeps_each_real_spec_valid_in_its_format() {
    for (name, text, f) in corpus() {
        let ed = in_format(f);
        let orig = value(&text, f);

        // A form change of a string, and of a number.
        let mut want = orig.clone();
        obj(&mut want).insert("name".into(), Json::from("new \"name\" / é"));
        let e = ed
            .set_scalar(&text, &p("name"), &NewValue::str("new \"name\" / é"))
            .unwrap();
        let out = applied(&text, &e, f, &want, 0);
        assert_eq!(
            out.lines().count(),
            text.lines().count(),
            "{name}: one line changed"
        );

        // A new nested section, created with its parents.
        let mut want = orig.clone();
        obj(&mut want)["resources"]
            .as_object_mut()
            .unwrap()
            .insert("autoscaling".into(), serde_json::json!({"enabled": true}));
        let e = ed
            .set_scalar(
                &text,
                &p("resources.autoscaling.enabled"),
                &NewValue::Bool(true),
            )
            .unwrap();
        let with_scaling = applied(&text, &e, f, &want, 0);

        // The case: adding an env variable to a spec.
        let item = NewValue::map([
            ("name", NewValue::str("NAME")),
            ("value", NewValue::str("value")),
        ]);
        let mut want = orig.clone();
        let env = obj(&mut want).entry("env").or_insert(Json::Array(vec![]));
        env.as_array_mut()
            .unwrap()
            .push(serde_json::json!({"name": "NAME", "value": "value"}));
        let e = ed.append_item(&text, &p("env"), &item).unwrap();
        let with_env = applied(&text, &e, f, &want, 0);
        // The file's keys keep their order; a new `env` goes where the reference lists
        // it (before the first key documented after it).
        let keys: Vec<String> = obj(&mut value(&with_env, f)).keys().cloned().collect();
        let old_keys: Vec<String> = obj(&mut orig.clone()).keys().cloned().collect();
        let kept: Vec<String> = keys
            .iter()
            .filter(|k| old_keys.contains(k))
            .cloned()
            .collect();
        assert_eq!(kept, old_keys, "{name}");
        if !old_keys.iter().any(|k| k == "env") {
            let refs: Vec<&str> = old_keys.iter().map(String::as_str).collect();
            let at = gradient_spec::spec::catalogue_index(&p(""), &refs, "env")
                .unwrap_or(old_keys.len());
            assert_eq!(keys[at], "env", "{name}: {keys:?}");
        }
        // Then a second one after it, and its removal.
        let mut want2 = want.clone();
        obj(&mut want2)["env"]
            .as_array_mut()
            .unwrap()
            .push(serde_json::json!({"name": "B", "value": "2"}));
        let item2 = NewValue::map([("name", NewValue::str("B")), ("value", NewValue::str("2"))]);
        let e = ed.append_item(&with_env, &p("env"), &item2).unwrap();
        let two = applied(&with_env, &e, f, &want2, 0);
        let n = want2["env"].as_array().unwrap().len();
        let e = ed.remove(&two, &p(&format!("env[{}]", n - 1))).unwrap();
        assert_eq!(
            applied(&two, &e, f, &want, 0),
            with_env,
            "{name}: remove undoes append"
        );

        // Every top-level key removed, one at a time.
        for key in obj(&mut orig.clone()).keys() {
            let mut want = orig.clone();
            obj(&mut want).shift_remove(key);
            let e = ed.remove(&text, &p(key)).unwrap();
            let own = comment_above(&text, key);
            applied(&text, &e, f, &want, own);
        }
        // The last key of a section removed (its comma goes with it).
        let mut want = orig.clone();
        obj(&mut want)["resources"]
            .as_object_mut()
            .unwrap()
            .shift_remove("autoscaling");
        let e = ed
            .remove(&with_scaling, &p("resources.autoscaling"))
            .unwrap();
        assert_eq!(
            applied(&with_scaling, &e, f, &orig, 0),
            text,
            "{name}: remove undoes insert"
        );
        let _ = want;

        // Lists reordered.
        for list in ["command", "resources.ports", "env"] {
            let target = list
                .split('.')
                .try_fold(&orig, |v, k| v.get(k))
                .and_then(|v| v.as_array());
            let Some(items) = target.filter(|a| a.len() >= 2) else {
                continue;
            };
            let mut want = orig.clone();
            let arr = list
                .split('.')
                .try_fold(&mut want, |v, k| v.get_mut(k))
                .unwrap()
                .as_array_mut()
                .unwrap();
            let moved = arr.remove(0);
            arr.insert(items.len() - 1, moved);
            let e = ed.move_item(&text, &p(list), 0, items.len() - 1).unwrap();
            let out = applied(&text, &e, f, &want, 0);
            let e = ed.move_item(&out, &p(list), items.len() - 1, 0).unwrap();
            assert_eq!(apply_edits(&out, &e).unwrap(), text, "{name}: moved back");
        }
    }
}

/// How many comment lines stand directly above `"key":` (they go with it).
fn comment_above(text: &str, key: &str) -> usize {
    let lines: Vec<&str> = text.lines().collect();
    let Some(i) = lines
        .iter()
        .position(|l| l.trim_start().starts_with(&format!("\"{key}\"")))
    else {
        return 0;
    };
    lines[..i]
        .iter()
        .rev()
        .take_while(|l| l.trim_start().starts_with("//"))
        .count()
}

#[test]
fn new_values_use_the_file_s_indentation() {
    let four = "{\n    \"name\": \"a\",\n    \"resources\": {\n        \"machineType\": \"C4\"\n    }\n}\n";
    let ed = in_format(Format::Json);
    let e = ed
        .insert_key(
            four,
            &p(""),
            "env",
            &NewValue::Seq(vec![NewValue::map([("name", NewValue::str("A"))])]),
        )
        .unwrap();
    assert_eq!(
        apply_edits(four, &e).unwrap(),
        "{\n    \"name\": \"a\",\n    \"resources\": {\n        \"machineType\": \"C4\"\n    },\n    \"env\": [\n        {\n            \"name\": \"A\"\n        }\n    ]\n}\n"
    );
    let tabs = "{\r\n\t\"name\": \"a\"\r\n}\r\n";
    let e = ed
        .set_scalar(tabs, &p("resources.replicas"), &NewValue::Int(2))
        .unwrap();
    assert_eq!(
        apply_edits(tabs, &e).unwrap(),
        "{\r\n\t\"name\": \"a\",\r\n\t\"resources\": {\r\n\t\t\"replicas\": 2\r\n\t}\r\n}\r\n"
    );
    // A collection written on one line gets the new entry on that line (`ports` before
    // `replicas`, as the reference lists them).
    let one = "{\"name\": \"a\", \"resources\": {\"replicas\": 1}}";
    let e = ed
        .set_scalar(one, &p("resources.ports[0]"), &NewValue::Int(80))
        .unwrap();
    assert_eq!(
        apply_edits(one, &e).unwrap(),
        "{\"name\": \"a\", \"resources\": {\"ports\": [80], \"replicas\": 1}}"
    );
}

#[test]
fn jsonc_keeps_comments_and_trailing_comma_style() {
    let text = "{\n  // who\n  \"name\": \"a\", // the name\n  \"env\": [\n    {\"name\": \"A\", \"value\": \"1\"}, // first\n  ],\n}\n";
    let ed = in_format(Format::Jsonc);
    let item = NewValue::map([("name", NewValue::str("B")), ("value", NewValue::str("2"))]);
    let e = ed.append_item(text, &p("env"), &item).unwrap();
    assert_eq!(
        apply_edits(text, &e).unwrap(),
        "{\n  // who\n  \"name\": \"a\", // the name\n  \"env\": [\n    {\"name\": \"A\", \"value\": \"1\"}, // first\n    {\n      \"name\": \"B\",\n      \"value\": \"2\"\n    },\n  ],\n}\n"
    );
    let e = ed
        .set_scalar(text, &p("image"), &NewValue::str("x"))
        .unwrap();
    assert_eq!(
        apply_edits(text, &e).unwrap(),
        "{\n  // who\n  \"name\": \"a\", // the name\n  \"image\": \"x\",\n  \"env\": [\n    {\"name\": \"A\", \"value\": \"1\"}, // first\n  ],\n}\n"
    );
    // Removing `name` takes its own comments (above it and after it) along.
    let e = ed.remove(text, &p("name")).unwrap();
    assert_eq!(
        apply_edits(text, &e).unwrap(),
        "{\n  \"env\": [\n    {\"name\": \"A\", \"value\": \"1\"}, // first\n  ],\n}\n"
    );
    // The last item of a list without a trailing comma: the comma before it goes.
    let t2 = "{\n  \"a\": 1, // one\n  \"b\": 2\n}\n";
    let e = ed.remove(t2, &p("b")).unwrap();
    assert_eq!(apply_edits(t2, &e).unwrap(), "{\n  \"a\": 1 // one\n}\n");
}

#[test]
fn refusals_say_why() {
    let ed = in_format(Format::Json);
    let err = ed
        .set_scalar("{\"a\": 1}", &p("a"), &NewValue::Float(f64::NAN))
        .unwrap_err();
    assert!(err.to_string().contains("JSON has no NaN"), "{err}");
    assert!(matches!(
        ed.insert_key("{\"a\": 1}", &p(""), "a", &NewValue::Int(2)),
        Err(EditError::KeyExists { .. })
    ));
    assert!(ed.set_scalar("", &p("a"), &NewValue::Int(1)).is_err());
    assert!(ed
        .append_item("{\"a\": 1}", &p("a"), &NewValue::Int(1))
        .is_err());
    assert!(matches!(
        ed.format("{\"a\": 1,}"),
        Err(EditError::SyntaxErrors { count: 1 })
    ));
}

/// Serialises like `JSON.stringify(v, null, indent)` (serde_json keeps key order).
fn stringify(v: &Json, indent: &[u8]) -> String {
    use serde::Serialize;
    let mut out = Vec::new();
    let fmt = serde_json::ser::PrettyFormatter::with_indent(indent);
    let mut ser = serde_json::Serializer::with_formatter(&mut out, fmt);
    v.serialize(&mut ser).unwrap();
    String::from_utf8(out).unwrap() + "\n"
}

#[test]
fn format_gives_canonical_json_in_the_file_s_indent() {
    for (name, text, f) in corpus() {
        let ed = in_format(f);
        let out = ed.format(&text).unwrap();
        assert_eq!(ed.format(&out).unwrap(), out, "{name}: idempotent");
        assert_eq!(value(&out, f), value(&text, f), "{name}");
        assert_eq!(
            comments(&out, f),
            comments(&text, f),
            "{name}: comments kept in order"
        );
        if f == Format::Json {
            let indent: &[u8] = if name.starts_with("j04") {
                b"    "
            } else {
                b"  "
            };
            assert_eq!(out, stringify(&value(&text, f), indent), "{name}");
        }
    }
    let plain = convert(
        "{\n  // a\n\n  \"a\": 1, /* b */\n}\n",
        Format::Jsonc,
        Format::Json,
    );
    assert_eq!(plain.unwrap(), "{\n  \"a\": 1\n}\n");
    let messy = "// a\n{ \"a\" :1,/* b */\"c\":[ ], \"d\": [1,2,], // e\n\n  \"f\": {}}";
    let out = in_format(Format::Jsonc).format(messy).unwrap();
    assert_eq!(
        out,
        "// a\n{\n  \"a\": 1, /* b */\n  \"c\": [],\n  \"d\": [\n    1,\n    2\n  ], // e\n\n  \"f\": {}\n}\n"
    );
}

#[test]
fn fixes_on_json_write_json() {
    let text = "{\n  \"apiVersion\": \"v1\",\n  \"name\": \"demo\",\n  \"image\": \"nginx:latest\",\n  \"enabled\": true,\n  \"env\": [\n    {\"name\": \"TOKEN\", \"value\": \"SECRET:hf_token\"}\n  ],\n  \"resources\": {\n    \"machineType\": \"C4\",\n    \"replicas\": 1,\n    \"ports\": 8000\n  },\n  \"healthchecks\": {\n    \"readiness\": {\"path\": \"/ready\", \"port\": 8000}\n  }\n}\n";
    for f in [Format::Json, Format::Jsonc] {
        let text = if f == Format::Jsonc {
            text.replace("\"enabled\": true,", "\"enabled\": true, // on")
        } else {
            text.to_string()
        };
        let report = check_as(&text, f);
        let fixes: Vec<_> = report
            .diagnostics
            .iter()
            .filter_map(|d| d.fix.as_ref().map(|x| (d, x)))
            .collect();
        assert!(fixes.len() >= 3, "{:?}", report.diagnostics);
        for (d, fix) in fixes {
            let out = gradient_spec::apply_fix_as(&text, f, &report, fix)
                .unwrap_or_else(|| panic!("{}: {} refused", d.rule, fix.title));
            let after = check_as(&out, f);
            assert!(after.doc.syntax_diagnostics.is_empty(), "{out}");
            assert_eq!(comments(&out, f), comments(&text, f));
            if f == Format::Json {
                serde_json::from_str::<Json>(&out).expect("still JSON");
            }
            assert!(
                !after
                    .diagnostics
                    .iter()
                    .any(|x| x.rule == d.rule && x.path == d.path && x.message == d.message),
                "{}: still there:\n{out}",
                fix.title
            );
            // The change is local: only the lines of the fixed value differ.
            let changed = out
                .lines()
                .zip(text.lines())
                .filter(|(a, b)| a != b)
                .count();
            assert!(changed <= 2, "{}:\n{out}", fix.title);
        }
    }
}

#[test]
fn conversions_keep_the_value() {
    for (name, text, f) in corpus() {
        let yaml = convert(&text, f, Format::Yaml).unwrap();
        let back = gradient_spec::yaml::parse(&yaml);
        assert!(back.syntax_diagnostics.is_empty(), "{name}");
        assert_eq!(back.to_json().unwrap(), value(&text, f), "{name}");
        let json = convert(&yaml, Format::Yaml, Format::Json).unwrap();
        assert_eq!(
            serde_json::from_str::<Json>(&json).unwrap(),
            value(&text, f),
            "{name}"
        );
        assert_eq!(
            convert(&text, f, f).unwrap(),
            text,
            "{name}: own format byte for byte"
        );
        if f == Format::Jsonc {
            let plain = convert(&text, f, Format::Json).unwrap();
            assert_eq!(
                plain,
                stringify(&value(&text, f), b"  "),
                "{name}: canonical JSON"
            );
        }
    }
}

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
