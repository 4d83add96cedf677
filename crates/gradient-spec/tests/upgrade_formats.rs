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
