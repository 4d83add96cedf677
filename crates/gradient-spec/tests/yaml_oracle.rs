//! Oracle: our tree, converted by `to_json`, must mean what yaml_serde (libyaml) reads
//! from the same text, for every valid YAML Test Suite case and every corpus file that
//! yaml_serde reads as exactly one document.
//!
//! Normalised, because the two legitimately differ there:
//! - tags: yaml_serde keeps unknown tags (`!foo x`) as `Tagged` values; `to_json`
//!   drops them, so the oracle drops them too;
//! - merge keys: `to_json` applies them, so the oracle runs yaml_serde's `apply_merge`
//!   (cases where that fails are excluded);
//! - numbers compare by value (`1.0` = `1`), and non-finite floats are `null`;
//! - where libyaml disagrees with the suite's own expected value (checked against the
//!   suite's event trees), the case is compared with that value instead: see
//!   [`LIBYAML_DIVERGES`];
//! - plain scalars yaml_serde resolves beyond the YAML 1.2 core schema (`0b11`,
//!   `+0x1F`) or below it (`007` is a string to it, the integer 7 to the core schema).

#[allow(dead_code)]
#[path = "yaml_data.rs"]
mod data;

use gradient_spec::yaml::{parse, resolve_plain, ScalarKind};
use serde::Deserialize;
use serde_json::{Map, Number, Value as Json};
use serde_yaml::Value as Yaml;

/// yaml_serde's single document, normalised to JSON; `Err(reason)` when the case
/// cannot be compared.
fn oracle(text: &str) -> Result<Json, String> {
    let mut docs = Vec::new();
    for doc in serde_yaml::Deserializer::from_str(text) {
        docs.push(Yaml::deserialize(doc).map_err(|e| format!("yaml_serde rejects it: {e}"))?);
    }
    if docs.len() != 1 {
        return Err(format!("yaml_serde reads {} documents", docs.len()));
    }
    let mut v = docs.pop().unwrap_or(Yaml::Null);
    v.apply_merge()
        .map_err(|e| format!("yaml_serde's merge fails: {e}"))?;
    Ok(normalise(&v))
}

fn normalise(v: &Yaml) -> Json {
    match v {
        Yaml::Null => Json::Null,
        Yaml::Bool(b) => Json::Bool(*b),
        Yaml::Number(n) => {
            if let Some(i) = n.as_i64() {
                Json::Number(i.into())
            } else if let Some(u) = n.as_u64() {
                Json::Number(u.into())
            } else {
                n.as_f64()
                    .and_then(Number::from_f64)
                    .map_or(Json::Null, Json::Number)
            }
        }
        Yaml::String(s) => Json::String(s.clone()),
        Yaml::Sequence(items) => Json::Array(items.iter().map(normalise).collect()),
        Yaml::Mapping(m) => {
            let mut out = Map::new();
            for (k, v) in m {
                out.insert(key_string(&normalise(k)), normalise(v));
            }
            Json::Object(out)
        }
        Yaml::Tagged(t) => normalise(&t.value),
    }
}

/// The same key stringification as `to_json`.
fn key_string(k: &Json) -> String {
    match k {
        Json::String(s) => s.clone(),
        Json::Null => "null".into(),
        other => other.to_string(),
    }
}

/// Equal, or different only where the two schemas legitimately differ.
fn same(ours: &Json, theirs: &Json) -> bool {
    match (ours, theirs) {
        (Json::Number(a), Json::Number(b)) => a.as_f64() == b.as_f64(),
        (Json::Array(a), Json::Array(b)) => {
            a.len() == b.len() && a.iter().zip(b).all(|(x, y)| same(x, y))
        }
        (Json::Object(a), Json::Object(b)) => {
            a.len() == b.len() && a.iter().all(|(k, v)| b.get(k).is_some_and(|w| same(v, w)))
        }
        // `007`: an integer by the core schema, a string to yaml_serde.
        (Json::Number(a), Json::String(s)) => {
            leading_zero_int(s)
                && matches!(resolve_plain(s), ScalarKind::Int(i) if Some(i as f64) == a.as_f64())
        }
        // `0b11`, `+0x1F`: integers to yaml_serde only.
        (Json::String(s), Json::Number(_)) => {
            let d = s.trim_start_matches(['+', '-']);
            d.starts_with("0b")
                || (s.starts_with(['+', '-']) && (d.starts_with("0x") || d.starts_with("0o")))
        }
        _ => ours == theirs,
    }
}

fn leading_zero_int(s: &str) -> bool {
    let d = s.trim_start_matches(['+', '-']);
    d.len() > 1 && d.starts_with('0') && d.bytes().all(|b| b.is_ascii_digit())
}

/// Valid cases where libyaml reads something other than the YAML Test Suite expects,
/// with the value the suite expects (from its `tree`/`json` data).
const LIBYAML_DIVERGES: &[(&str, &str)] = &[
    // `?foo` is a plain scalar in a flow mapping; libyaml takes `?` as an explicit key.
    ("652Z", r#"{"?foo": "bar", "bar": 42}"#),
    // The same in a flow sequence.
    ("HM87-01", r#"["?x"]"#),
    // `|+` then a last line of spaces without a line break: keep gives one "\n".
    ("JEF9-02", r#"["\n"]"#),
    // A last line of three spaces (one more than the indentation) is content.
    ("L24T-01", r#"{"foo": "x\n \n"}"#),
    // `&an:chor` is one anchor name; libyaml stops it at the colon.
    ("Y2GN", r#"{"key": "value"}"#),
    // The non-specific tag `!` makes a string (spec 6.28); libyaml resolves `! 12` as
    // if untagged.
    ("S4JQ", r#"["12", 12, "12"]"#),
    // The same rule for an empty node tagged `!` (the suite gives no JSON for it).
    ("UKK6-02", r#""""#),
];

struct Tally {
    compared: usize,
    excluded: Vec<(String, String)>,
    wrong: Vec<String>,
}

fn run(name: &str, text: &str, t: &mut Tally) {
    let expected = LIBYAML_DIVERGES.iter().find(|(id, _)| *id == name);
    let theirs =
        match expected.map(|(_, json)| serde_json::from_str(json).map_err(|e| e.to_string())) {
            Some(v) => v,
            None => oracle(text),
        };
    let theirs = match theirs {
        Ok(v) => v,
        Err(reason) => {
            t.excluded.push((name.to_string(), reason));
            return;
        }
    };
    t.compared += 1;
    let doc = parse(text);
    match doc.to_json() {
        Ok(ours) if same(&ours, &theirs) => {}
        Ok(ours) => t
            .wrong
            .push(format!("{name}:\n  ours:   {ours}\n  theirs: {theirs}")),
        Err(e) => t
            .wrong
            .push(format!("{name}: to_json failed: {e}\n  theirs: {theirs}")),
    }
}

#[test]
fn to_json_agrees_with_yaml_serde() {
    let mut t = Tally {
        compared: 0,
        excluded: Vec::new(),
        wrong: Vec::new(),
    };
    for case in data::suite_cases().iter().filter(|c| !c.invalid) {
        run(&case.id, &case.text, &mut t);
    }
    let suite_compared = t.compared;
    for (name, text) in data::corpus_files() {
        run(&name, &text, &mut t);
    }
    println!(
        "oracle: {} compared ({} suite cases, {} corpus files), {} excluded, {} wrong",
        t.compared,
        suite_compared,
        t.compared - suite_compared,
        t.excluded.len(),
        t.wrong.len()
    );
    for (name, why) in &t.excluded {
        println!("  excluded {name}: {why}");
    }
    for w in &t.wrong {
        println!("WRONG {w}");
    }
    assert!(
        t.wrong.is_empty(),
        "{} cases disagree with yaml_serde",
        t.wrong.len()
    );
}

/// The same comparison with every line break written as CRLF (Windows files).
#[test]
fn crlf_documents_agree_with_yaml_serde() {
    let mut t = Tally {
        compared: 0,
        excluded: Vec::new(),
        wrong: Vec::new(),
    };
    for case in data::suite_cases().iter().filter(|c| !c.invalid) {
        run(&case.id, &case.text.replace('\n', "\r\n"), &mut t);
    }
    for (name, text) in data::corpus_files() {
        run(&name, &text.replace('\n', "\r\n"), &mut t);
    }
    println!(
        "oracle, CRLF: {} compared, {} excluded, {} wrong",
        t.compared,
        t.excluded.len(),
        t.wrong.len()
    );
    for w in &t.wrong {
        println!("WRONG {w}");
    }
    assert!(
        t.wrong.is_empty(),
        "{} CRLF cases disagree with yaml_serde",
        t.wrong.len()
    );
}

/// Small documents for the constructs a converter most often gets wrong.
const HANDWRITTEN: &[&str] = &[
    "a: one\n  two\n\n  three\nb: x\n",
    "- plain\n  multi line # comment\n- next\n",
    "strip: |-\n  a\n\n\nclip: |\n  a\n\n\nkeep: |+\n  a\n\n\nend: 1\n",
    "strip: >-\n  a\n  b\n\n  c\n\n\nclip: >\n  a\n    more\n  b\n\nkeep: >+\n  a\n\n",
    "ind: |2\n    two more\n  base\nnext: |1\n  x\n",
    "- \"esc: \\x41 \\u263A \\U0001F600 \\/ \\t| \\\\ \\\" \\e \\0 \\N \\_ \\L \\P\"\n- \"fold \\\n  ed\"\n- \"multi\n\n  line\"\n- 'it''s\n  folded'\n",
    "command: [python, -m, \"app\", 'x y', {k: v}]\nenv: {A: 1, B: [x, y]}\nempty: []\nnone: {}\n",
    "? complex key\n: value\n? [a, b]\n: seq key\n? |\n  block key\n: 3\n",
    "a:\nb: ~\nc: null\nd: ''\ne: \"\"\n",
    "- a:\n- ? x\n- \n",
    "base: &base\n  image: x\n  ports: &p [1, 2]\nother: *base\nports: *p\nderived:\n  <<: *base\n  image: y\n",
    "--- # doc\nkey: value\n...\n",
    "%YAML 1.2\n---\na: b\n",
    "image: paperspace/fastapi:1.0 # trailing\nport: 8000\nenabled: true\nreplicas: 0x10\nratio: .5\nexp: 1e3\nneg: -7\n",
    "list:\n- a\n- b\nnested:\n  - - x\n    - y\n  - k: v\n    l: w\n",
    "url: http://x.y/z?a=b#frag\ntime: 12:30:00\nweird: a:b\nhash: a#b\ncolon: 'a: b'\n",
    "\u{FEFF}bom: 1\n",
    "tabs:\tvalue\t\nother: \"t\\tab\"\n",
    "unicode: 日本語 😀\nkey 😀: ü\n",
    "long: >\n  folded text that\n  continues\n\n  new para\n    indented\n  back\n",
    "trailing:   spaces   \nq: \"  inner  \"\n",
    "k: !!str 8000\nf: !!float 3\nb: !!bool true\nn: !!null null\n",
    "empty_flow_entries: [a, b, ]\nmap: {a: 1, b: 2, }\n",
    "multi: \"line one\n  line two\"\nsingle: 'x\n\n  y'\n",
];

#[test]
fn handwritten_documents_agree_with_yaml_serde() {
    let mut t = Tally {
        compared: 0,
        excluded: Vec::new(),
        wrong: Vec::new(),
    };
    for (i, text) in HANDWRITTEN.iter().enumerate() {
        run(&format!("handwritten[{i}]"), text, &mut t);
        run(
            &format!("handwritten[{i}] CRLF"),
            &text.replace('\n', "\r\n"),
            &mut t,
        );
    }
    println!(
        "oracle, handwritten: {} compared, {} excluded, {} wrong",
        t.compared,
        t.excluded.len(),
        t.wrong.len()
    );
    for (name, why) in &t.excluded {
        println!("  excluded {name}: {why}");
    }
    for w in &t.wrong {
        println!("WRONG {w}");
    }
    assert!(
        t.wrong.is_empty(),
        "{} handwritten cases disagree with yaml_serde",
        t.wrong.len()
    );
}
