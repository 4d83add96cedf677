//! The legacy → v1 upgrade in the document's own format (`upgrade_to_v1_as`): every
//! legacy JSON and JSONC spec of the corpus comes back as valid JSON (JSONC with its
//! comments), with no legacy field, its other keys in their order and the same notes
//! as the YAML upgrade; v1 JSON is left alone; every legacy YAML spec of the corpus,
//! converted to JSON, upgrades to the same value as the YAML upgrade gives.

mod edit_support;

use edit_support::*;
use gradient_spec::diag::apply_edits;
use gradient_spec::edit::convert;
use gradient_spec::upgrade::{
    is_legacy, is_legacy_as, needs_upgrade, upgrade_to_v1, upgrade_to_v1_as, Upgrade, UpgradeStatus,
};
use gradient_spec::{check_as, parse_as, Format};
use proptest::prelude::*;
use serde_json::Value as Json;

/// The JSON and JSONC specs of the corpus, as (name, format, text), sorted by name.
fn json_corpus() -> Vec<(String, Format, String)> {
    let mut files: Vec<(String, Format, String)> = std::fs::read_dir(CORPUS)
        .expect("tests/data/corpus")
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().to_string();
            let f = Format::of_document(Some(&name), "");
            let ext_json = name.ends_with(".json") || name.ends_with(".jsonc");
            (ext_json && f.is_json()).then(|| (name, f, std::fs::read_to_string(e.path()).unwrap()))
        })
        .collect();
    files.sort_by(|a, b| a.0.cmp(&b.0));
    files
}

/// The comments of a JSONC text (outside strings), in order.
fn comments(text: &str) -> Vec<String> {
    let b = text.as_bytes();
    let (mut out, mut i) = (Vec::new(), 0);
    while i < b.len() {
        match b[i] {
            b'"' => {
                i += 1;
                while i < b.len() && b[i] != b'"' {
                    i += if b[i] == b'\\' { 2 } else { 1 };
                }
                i += 1;
            }
            b'/' if b.get(i + 1) == Some(&b'/') => {
                let end = text[i..].find('\n').map_or(b.len(), |n| i + n);
                out.push(text[i..end].trim_end().to_string());
                i = end;
            }
            b'/' if b.get(i + 1) == Some(&b'*') => {
                let end = text[i + 2..].find("*/").map_or(b.len(), |n| i + n + 4);
                out.push(text[i..end].to_string());
                i = end;
            }
            _ => i += 1,
        }
    }
    out
}

/// The document's value, read by serde_json (JSONC through the core's conversion to
/// plain JSON, which must succeed): the result is JSON a JSON loader accepts.
fn serde_value(name: &str, text: &str, f: Format) -> Json {
    let plain = match f {
        Format::Json => text.to_string(),
        _ => convert(text, f, Format::Json).unwrap_or_else(|e| panic!("{name}: {e}\n{text}")),
    };
    serde_json::from_str(&plain).unwrap_or_else(|e| panic!("{name}: not JSON: {e}\n{text}"))
}

/// The document's value as the core reads it, with no syntax problem.
fn core_value(name: &str, text: &str, f: Format) -> Json {
    let doc = parse_as(text, f);
    assert!(
        doc.syntax_diagnostics.is_empty(),
        "{name}: {:?}\n{text}",
        doc.syntax_diagnostics
    );
    doc.to_json().expect("a JSON value")
}

/// Fails when a value still has a legacy field or not `apiVersion: v1`.
fn assert_v1_value(name: &str, v: &Json) {
    for key in ["port", "models", "repositories"] {
        assert!(v.get(key).is_none(), "{name}: `{key}` left: {v}");
    }
    assert!(
        v["resources"].get("instanceType").is_none(),
        "{name}: instanceType left: {v}"
    );
    assert_eq!(v["apiVersion"], "v1", "{name}");
}

/// The keys of an object in the document's order.
fn keys(doc: &str, f: Format, path: &[&str]) -> Vec<String> {
    let d = parse_as(doc, f);
    let mut node = d.root.as_ref();
    for k in path {
        node = node.and_then(|n| n.as_mapping()).and_then(|m| m.get(k));
    }
    node.and_then(|n| n.as_mapping())
        .map(|m| {
            m.entries
                .iter()
                .filter_map(|e| e.key.scalar_text().map(str::to_string))
                .collect()
        })
        .unwrap_or_default()
}

/// The keys the upgrade leaves alone keep their relative order.
fn assert_order_kept(name: &str, old: &str, new: &str, f: Format) {
    let moved = [
        "apiVersion",
        "port",
        "models",
        "repositories",
        "integrations",
        "instanceType",
        "machineType",
        "ports",
    ];
    for path in [&[][..], &["resources"][..]] {
        let before = keys(old, f, path);
        let untouched = |t: &str| -> Vec<String> {
            keys(t, f, path)
                .into_iter()
                .filter(|k| !moved.contains(&k.as_str()) && before.contains(k))
                .collect()
        };
        assert_eq!(untouched(old), untouched(new), "{name}: order at {path:?}");
    }
}

/// The notes as (path, message): what the YAML upgrade says, the JSON one says.
fn said(up: &Upgrade) -> Vec<(String, String)> {
    up.notes
        .iter()
        .map(|n| (n.path.clone(), n.message.clone()))
        .collect()
}

/// Everything a successful upgrade in `f` must be.
fn assert_upgraded(name: &str, text: &str, f: Format, up: &Upgrade) {
    assert_eq!(
        up.status,
        UpgradeStatus::Upgraded,
        "{name}: {}",
        up.summary()
    );
    assert_eq!(
        apply_edits(text, &up.edits).as_deref(),
        Some(up.text.as_str()),
        "{name}: the edits make the text"
    );
    let v = serde_value(name, &up.text, f);
    assert_eq!(v, core_value(name, &up.text, f), "{name}");
    assert_v1_value(name, &v);
    assert!(
        !up.text.contains(": v1\n"),
        "{name}: YAML in JSON\n{}",
        up.text
    );
    assert_order_kept(name, text, &up.text, f);
    for n in &up.notes {
        assert!(
            n.span.end <= text.len() && !n.message.is_empty(),
            "{name}: {n:?}"
        );
    }
    let again = upgrade_to_v1_as(&up.text, f);
    assert_eq!(again.status, UpgradeStatus::AlreadyV1, "{name}: twice");
    assert_eq!(again.text, up.text);
}

#[test]
fn legacy_json_and_jsonc_corpus_specs_upgrade_in_their_own_format() {
    let (mut legacy, mut v1, mut jsonc) = (0, 0, 0);
    for (name, f, text) in json_corpus() {
        let report = check_as(&text, f);
        let is_old = report
            .doc
            .root
            .as_ref()
            .and_then(|r| r.as_mapping())
            .is_some_and(needs_upgrade);
        assert_eq!(is_old, is_legacy_as(&text, f), "{name}");
        let up = upgrade_to_v1_as(&text, f);
        if !is_old {
            assert_eq!(up.status, UpgradeStatus::AlreadyV1, "{name}");
            assert_eq!(up.text, text, "{name}");
            assert!(up.edits.is_empty() && up.notes.is_empty() && !up.changed());
            v1 += 1;
            continue;
        }
        assert_upgraded(&name, &text, f, &up);
        // The YAML upgrade of the same spec: the same value, the same notes.
        let yaml = convert(&text, f, Format::Yaml).expect("converts to YAML");
        let yup = upgrade_to_v1(&yaml);
        assert_eq!(
            core_value(&name, &up.text, f),
            core_value(&name, &yup.text, Format::Yaml),
            "{name}: JSON and YAML upgrades differ\n{}\n{}",
            up.text,
            yup.text
        );
        assert_eq!(said(&up), said(&yup), "{name}");
        if f == Format::Jsonc {
            // No corpus spec has a comment inside a removed field: all stay, in order.
            assert!(!comments(&text).is_empty(), "{name}");
            assert_eq!(comments(&up.text), comments(&text), "{name}");
            jsonc += 1;
        }
        legacy += 1;
    }
    assert_eq!(
        (legacy, jsonc, v1),
        (3, 2, 3),
        "j01, c01, c02 legacy; j02–j04 v1"
    );
}

#[test]
fn corpus_json_results_in_detail() {
    let (_, f, j01) = json_corpus()
        .into_iter()
        .find(|c| c.0.starts_with("j01"))
        .unwrap();
    let up = upgrade_to_v1_as(&j01, f);
    assert_eq!(
        up.text,
        "{\n  \"apiVersion\": \"v1\",\n  \"$schema\": \"https://api.paperspace.com/schemas/v0alpha0\",\n  \"name\": \"hello-world\",\n  \"image\": \"nginxdemos/hello:latest\",\n  \"enabled\": true,\n  \"resources\": {\n    \"machineType\": \"C4\",\n    \"ports\": [80]\n  }\n}\n"
    );
    let (_, f, c01) = json_corpus()
        .into_iter()
        .find(|c| c.0.starts_with("c01"))
        .unwrap();
    let up = upgrade_to_v1_as(&c01, f);
    assert!(up
        .text
        .contains("  \"apiVersion\": \"v1\",\n  // The name of the deployment\n"));
    assert!(
        up.text.contains("  \"resources\": {\n    \"machineType\": \"P4000\",\n    \"ports\": [7860],\n    \"replicas\": 1\n  }"),
        "{}",
        up.text
    );
}

#[test]
fn legacy_yaml_corpus_specs_converted_to_json_upgrade_alike() {
    let mut checked = 0;
    for (name, yaml) in corpus() {
        if !is_legacy(&yaml) {
            continue;
        }
        let yup = upgrade_to_v1(&yaml);
        assert_eq!(yup.status, UpgradeStatus::Upgraded, "{name}");
        for f in [Format::Json, Format::Jsonc] {
            let text = convert(&yaml, Format::Yaml, f).expect("converts");
            let up = upgrade_to_v1_as(&text, f);
            assert_upgraded(&name, &text, f, &up);
            assert_eq!(
                serde_value(&name, &up.text, f),
                core_value(&name, &yup.text, Format::Yaml),
                "{name} as {}: JSON and YAML upgrades differ\n{}\n{}",
                f.name(),
                up.text,
                yup.text
            );
            assert_eq!(said(&up), said(&yup), "{name} as {}", f.name());
        }
        checked += 1;
    }
    // e01, e02, e04–e09, e12, n01 and n02 (a v1 spec with legacy fields).
    assert_eq!(checked, 11, "the legacy YAML corpus specs");
}

#[test]
fn jsonc_comments_move_and_stay() {
    let text = r#"{
  // the app
  "image": "x",
  "name": "n",
  // why this port
  "port": "7860", // quoted
  "models": [ // the models
    // first
    {"id": "a", "path": "/opt/a"},
    {
      "id": "b" // b's id
    },
  ],
  "resources": {
    "instanceType": "C4", // the machine
    "replicas": 1,
  },
  /* the repositories */
  "repositories": {"mountPath": "/r", "repositories": [{"url": "https://h/x.git", "name": "x"}]},
}
"#;
    let up = upgrade_to_v1_as(text, Format::Jsonc);
    assert_upgraded("jsonc", text, Format::Jsonc, &up);
    let kept = comments(&up.text);
    for c in [
        "// the app",
        "// why this port",
        "// quoted",
        "// the models",
        "// first",
        "// b's id",
        "// the machine",
    ] {
        assert!(kept.iter().any(|k| k == c), "lost {c}\n{}", up.text);
    }
    assert!(
        up.text.contains(
            "    \"machineType\": \"C4\", // the machine\n    // why this port\n    \"ports\": [7860], // quoted\n    \"replicas\": 1,\n"
        ),
        "{}",
        up.text
    );
    assert!(
        up.text
            .contains("\"integrations\": [ // the models\n    // first\n"),
        "{}",
        up.text
    );
    let v = serde_value("jsonc", &up.text, Format::Jsonc);
    assert_eq!(v["integrations"][2]["path"], "/r/x");
    assert_eq!(v["integrations"][1]["name"], "b");
}

#[test]
fn json_layouts_are_kept() {
    // Four-space indentation, a one-line object, no `resources` at all.
    let text = "{\n    \"name\": \"n\",\n    \"image\": \"x\",\n    \"port\": 8000,\n    \"resources\": {\"instanceType\": \"C4\", \"replicas\": 2}\n}";
    let up = upgrade_to_v1_as(text, Format::Json);
    assert_upgraded("four", text, Format::Json, &up);
    assert_eq!(
        up.text,
        "{\n    \"apiVersion\": \"v1\",\n    \"name\": \"n\",\n    \"image\": \"x\",\n    \"resources\": {\"machineType\": \"C4\", \"ports\": [8000], \"replicas\": 2}\n}"
    );
    let text = "{\"name\": \"n\", \"image\": \"x\", \"models\": [{\"id\": \"m\"}]}\n";
    let up = upgrade_to_v1_as(text, Format::Json);
    assert_upgraded("one line", text, Format::Json, &up);
    let v = serde_value("one line", &up.text, Format::Json);
    assert_eq!(v["resources"]["ports"], serde_json::json!([80]));
    assert_eq!(v["integrations"][0]["type"], "model");
    // CRLF stays CRLF.
    let text = "{\r\n  \"name\": \"n\",\r\n  \"image\": \"x\",\r\n  \"port\": 1,\r\n  \"resources\": {\r\n    \"instanceType\": \"C4\"\r\n  }\r\n}\r\n";
    let up = upgrade_to_v1_as(text, Format::Json);
    assert_upgraded("crlf", text, Format::Json, &up);
    assert!(!up.text.replace("\r\n", "").contains('\n'), "{:?}", up.text);
}

#[test]
fn json_texts_that_cannot_be_upgraded_are_refused_unchanged() {
    let cases = [
        (Format::Json, "{\"image\": \"x\", \"port\": 1,}"),
        (Format::Json, "// c\n{\"image\": \"x\", \"port\": 1}"),
        (Format::Json, "[1, 2]"),
        (Format::Jsonc, "{\"image\": \"x\", \"port\": [8000}"),
        (Format::Json, "{\"image\": \"x\", \"port\": 1, \"port\": 2}"),
        (Format::Json, "{\"image\": \"x\", \"resources\": [\"C4\"]}"),
        (
            Format::Json,
            "{\"image\": \"x\", \"port\": 1, \"integrations\": {}}",
        ),
    ];
    for (f, text) in cases {
        let up = upgrade_to_v1_as(text, f);
        assert!(
            matches!(up.status, UpgradeStatus::Refused { .. }),
            "{text:?}: {:?}",
            up.status
        );
        assert_eq!(up.text, text);
        assert!(up.edits.is_empty() && up.summary().starts_with("not upgraded"));
    }
    assert_eq!(cases.len(), 7);
}

/// One top-level entry of a generated JSONC spec: its key, its value's text (over
/// lines, indented for the top level), a comment above it and one after it.
#[derive(Clone, Debug)]
struct Entry {
    key: &'static str,
    value: String,
    above: bool,
    after: bool,
}

/// A legacy JSONC spec: some of `apiVersion`, `port`, `models`, `repositories` and
/// `resources` written every way the corpus writes them, in any order, with comments
/// around any entry, a 2- or 4-space indentation, trailing commas or not.
fn legacy_jsonc() -> impl Strategy<Value = (String, bool)> {
    let version = prop::sample::select(vec!["", "\"v0alpha0\"", "\"latest\""]);
    let port = prop::sample::select(vec!["", "8000", "\"7860\""]);
    let models = prop::collection::vec(("[a-z]{1,5}", any::<bool>()), 0..3);
    let repos = prop::collection::vec(("[a-z]{1,5}", any::<bool>()), 0..3);
    let resources = any::<bool>();
    let flags = prop::collection::vec((any::<bool>(), any::<bool>()), 8);
    (version, port, models, repos, resources, flags, any::<bool>(), any::<bool>())
        .prop_flat_map(|(version, port, models, repos, block_res, flags, four, trailing)| {
            let u = if four { "    " } else { "  " };
            let mut entries: Vec<(&'static str, String)> = vec![
                ("image", "\"x\"".to_string()),
                ("name", "\"n\"".to_string()),
                ("env", "[{\"name\": \"A\", \"value\": \"b\"}]".to_string()),
            ];
            if !version.is_empty() {
                entries.push(("apiVersion", version.to_string()));
            }
            if !port.is_empty() {
                entries.push(("port", port.to_string()));
            }
            if !models.is_empty() {
                let items: Vec<String> = models
                    .iter()
                    .map(|(id, one_line)| {
                        if *one_line {
                            format!("{{\"id\": \"{id}\", \"path\": \"/opt/{id}\"}}")
                        } else {
                            format!("{{\n{u}{u}{u}\"id\": \"{id}\",\n{u}{u}{u}\"path\": \"/opt/{id}\"\n{u}{u}}}")
                        }
                    })
                    .collect();
                entries.push(("models", format!("[\n{u}{u}{}\n{u}]", items.join(&format!(",\n{u}{u}")))));
            }
            if !repos.is_empty() {
                let items: Vec<String> = repos
                    .iter()
                    .map(|(n, r)| {
                        let r = if *r { ", \"ref\": \"main\"" } else { "" };
                        format!("{{\"url\": \"https://example.com/{n}.git\", \"name\": \"{n}\"{r}}}")
                    })
                    .collect();
                entries.push((
                    "repositories",
                    format!("{{\n{u}{u}\"dataset\": \"ds\",\n{u}{u}\"mountPath\": \"/opt/repos\",\n{u}{u}\"repositories\": [{}]\n{u}}}", items.join(", ")),
                ));
            }
            entries.push((
                "resources",
                if block_res {
                    format!("{{\n{u}{u}\"replicas\": 1,\n{u}{u}\"instanceType\": \"C4\"\n{u}}}")
                } else {
                    "{\"instanceType\": \"A4000\"}".to_string()
                },
            ));
            let entries: Vec<Entry> = entries
                .into_iter()
                .zip(flags)
                .map(|((key, value), (above, after))| Entry { key, value, above, after })
                .collect();
            (Just(entries).prop_shuffle(), Just(u), Just(trailing), Just(block_res))
        })
        .prop_map(|(entries, u, trailing, block_res)| {
            let mut s = String::from("{\n");
            let n = entries.len();
            for (i, e) in entries.iter().enumerate() {
                if e.above {
                    s.push_str(&format!("{u}// about {}\n", e.key));
                }
                let comma = if i + 1 < n || trailing { "," } else { "" };
                let after = if e.after { format!(" // {} after", e.key) } else { String::new() };
                s.push_str(&format!("{u}\"{}\": {}{comma}{after}\n", e.key, e.value));
            }
            s.push_str("}\n");
            (s, block_res)
        })
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 96, ..ProptestConfig::default() })]

    /// Generated JSONC specs upgrade to valid JSONC with the YAML upgrade's value and
    /// notes, keeping every comment but those of the removed `models` and
    /// `repositories` (and of `port` when `resources` is written on one line); without
    /// their comments and trailing commas, as JSON, to valid JSON.
    #[test]
    fn generated_json_specs_upgrade_like_yaml((text, block_res) in legacy_jsonc()) {
        let yaml = convert(&text, Format::Jsonc, Format::Yaml).expect("to YAML");
        let yup = upgrade_to_v1(&yaml);
        let up = upgrade_to_v1_as(&text, Format::Jsonc);
        assert_upgraded("generated", &text, Format::Jsonc, &up);
        prop_assert_eq!(
            core_value("generated", &up.text, Format::Jsonc),
            core_value("yaml", &yup.text, Format::Yaml),
            "{}", up.text
        );
        prop_assert_eq!(said(&up), said(&yup));
        let kept = comments(&up.text);
        for c in comments(&text) {
            let removed = c.contains("models") || c.contains("repositories")
                || (c.contains("port") && !block_res);
            prop_assert!(removed || kept.contains(&c), "lost {}\n{}\n{}", c, text, up.text);
        }
        let json = convert(&text, Format::Jsonc, Format::Json).expect("to JSON");
        let up = upgrade_to_v1_as(&json, Format::Json);
        assert_upgraded("generated JSON", &json, Format::Json, &up);
        prop_assert_eq!(
            serde_value("generated JSON", &up.text, Format::Json),
            core_value("yaml", &yup.text, Format::Yaml)
        );
    }
}

/// Damaged JSON: every legacy JSON(C) text of the corpus (and the YAML corpus as JSON)
/// with each line dropped and each line doubled. The upgrade never panics; when it
/// upgrades, the result reads back in its format with no syntax problem and its
/// edits make it; when it refuses, the text comes back unchanged with a reason.
#[test]
fn damaged_json_is_upgraded_cleanly_or_refused() {
    let mut texts: Vec<(String, Format, String)> = json_corpus();
    for (name, yaml) in corpus() {
        if is_legacy(&yaml) {
            let json = convert(&yaml, Format::Yaml, Format::Json).expect("converts");
            texts.push((name, Format::Json, json));
        }
    }
    let (mut upgraded, mut refused) = (0, 0);
    for (name, f, text) in &texts {
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        for i in 0..lines.len() {
            for variant in [
                [&lines[..i], &lines[i + 1..]].concat().concat(),
                [&lines[..=i], &lines[i..]].concat().concat(),
            ] {
                let up = upgrade_to_v1_as(&variant, *f);
                match &up.status {
                    UpgradeStatus::Upgraded => {
                        let doc = parse_as(&up.text, *f);
                        assert!(
                            doc.syntax_diagnostics.is_empty(),
                            "{name}: {:?}\n{}",
                            doc.syntax_diagnostics,
                            up.text
                        );
                        assert_eq!(
                            apply_edits(&variant, &up.edits).as_deref(),
                            Some(up.text.as_str())
                        );
                        upgraded += 1;
                    }
                    UpgradeStatus::Refused { reason } => {
                        assert!(!reason.is_empty() && up.text == variant && up.edits.is_empty());
                        refused += 1;
                    }
                    UpgradeStatus::AlreadyV1 => assert_eq!(up.text, variant),
                }
            }
        }
    }
    assert!(texts.len() >= 17, "{}", texts.len());
    assert!(
        upgraded >= 100 && refused >= 100,
        "{upgraded} upgraded, {refused} refused"
    );
}
