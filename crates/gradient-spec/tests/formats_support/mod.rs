//! What the JSON/JSONC edit tests share: the real specs of the corpus in their formats,
//! a format-aware reading of a document's value and comments, and edit application
//! checked against the value it should give.
#![allow(dead_code)]

use gradient_spec::diag::apply_edits;
use gradient_spec::{parse_as, Format, SpecPath, TextEdit};
use serde_json::Value as Json;
use std::path::PathBuf;

pub fn corpus() -> Vec<(String, String, Format)> {
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

pub fn p(s: &str) -> SpecPath {
    SpecPath::parse(s).unwrap()
}

/// The comments of a JSONC text, in order, as written.
pub fn comments(text: &str, f: Format) -> Vec<String> {
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
pub fn value(text: &str, f: Format) -> Json {
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

pub fn strip_trailing_comma(s: &str, closer: &str) -> String {
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
pub fn applied(old: &str, edits: &[TextEdit], f: Format, want: &Json, dropped: usize) -> String {
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

pub fn obj(v: &mut Json) -> &mut serde_json::Map<String, Json> {
    v.as_object_mut().unwrap()
}
