//! Edits, fixes and Format on JSON and JSONC specs keep the document in its own
//! format: a JSON spec still parses with `serde_json` after every edit, a JSONC spec
//! keeps its comments, key order and indentation stay the file's own. Run on the real
//! specs of `tests/data/corpus/`; the property tests are in `formats_edit_props.rs`.

mod formats_support;

use formats_support::*;
use gradient_spec::diag::apply_edits;
use gradient_spec::edit::{convert, in_format, EditError, NewValue};
use gradient_spec::{check_as, Format};
use serde_json::Value as Json;
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
