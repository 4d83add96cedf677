//! JSON and JSONC specs are checked in their own format: the real ones of
//! `tests/data/corpus/` (`j*.json`, `c*.jsonc`, sources in `SOURCES.md`) give their
//! stated outcome at exact positions and the same value `serde_json` reads; JSONC
//! comments and trailing commas are understood; JSON-only mistakes get JSON words.

use gradient_spec::format::NameKind;
use gradient_spec::text::LineIndex;
use gradient_spec::{check, check_as, parse_as, Diagnostic, Format, Severity};
use std::path::PathBuf;

fn corpus_dir() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/corpus"
    ))
}

/// Every corpus file written in `ext` (`json`, `jsonc`), as (name, text), by name.
fn corpus(ext: &str) -> Vec<(String, String)> {
    let mut out: Vec<(String, String)> = std::fs::read_dir(corpus_dir())
        .expect("corpus")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == ext))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().into_owned();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    out.sort();
    out
}

fn format_of(name: &str) -> Format {
    match Format::of_name(name) {
        NameKind::Spec(f) => f,
        other => panic!("{name}: {other:?}"),
    }
}

/// `line:col rule` of every diagnostic of `severity`.
fn at(text: &str, diags: &[Diagnostic], severity: Severity) -> Vec<String> {
    let index = LineIndex::new(text);
    diags
        .iter()
        .filter(|d| d.severity == severity)
        .map(|d| {
            let p = index.position(d.span.start);
            format!("{}:{} {}", p.line, p.column, d.rule)
        })
        .collect()
}

/// The outcomes stated in SOURCES.md: no error, and these warnings at these places
/// (other warnings allowed, e.g. `unknown-key` for `$schema` until the rule knows it).
const EXPECTED: &[(&str, &[&str])] = &[
    ("j01-v0alpha0-app-template.json", &["1:1 api-version"]),
    ("j02-v1-gea-healthchecks.json", &[]),
    ("j03-v1-ollama-disabled.json", &[]),
    ("j04-v1-mistral-vllm-env.json", &[]),
    (
        "c01-latest-stable-diffusion-app.jsonc",
        &["3:17 api-version"],
    ),
    ("c02-latest-app-template.jsonc", &["3:17 api-version"]),
];

#[test]
fn real_json_and_jsonc_specs_give_their_outcome() {
    let files: Vec<(String, String)> = corpus("json").into_iter().chain(corpus("jsonc")).collect();
    assert!(corpus("json").len() >= 4 && corpus("jsonc").len() >= 2);
    assert_eq!(
        files.len(),
        EXPECTED.len(),
        "every file has an expected outcome"
    );
    for (name, text) in &files {
        let (_, warnings) = EXPECTED
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("{name} is not in EXPECTED"));
        let f = format_of(name);
        assert_eq!(
            Format::detect(text),
            f,
            "{name}: content says the same as the name"
        );
        let report = check_as(text, f);
        assert_eq!(
            at(text, &report.diagnostics, Severity::Error),
            Vec::<String>::new(),
            "{name}"
        );
        let got = at(text, &report.diagnostics, Severity::Warning);
        for w in *warnings {
            assert!(
                got.contains(&w.to_string()),
                "{name}: {w} missing from {got:?}"
            );
        }
    }
}

#[test]
fn the_tree_means_what_serde_json_reads() {
    for (name, text) in corpus("json") {
        let doc = parse_as(&text, Format::Json);
        let want: serde_json::Value = serde_json::from_str(&text).unwrap();
        assert_eq!(doc.to_json().unwrap(), want, "{name}");
    }
    for (name, text) in corpus("jsonc") {
        let doc = parse_as(&text, Format::Jsonc);
        assert!(doc.syntax_diagnostics.is_empty(), "{name}");
        // These files' comments are whole `//` lines.
        let stripped: String = text
            .lines()
            .filter(|l| !l.trim_start().starts_with("//"))
            .map(|l| format!("{l}\n"))
            .collect();
        let want: serde_json::Value = serde_json::from_str(&stripped).unwrap();
        assert_eq!(doc.to_json().unwrap(), want, "{name}");
    }
}

/// The second bug: a `.jsonc` spec read as YAML took `// …` lines for keys.
#[test]
fn jsonc_comment_lines_are_not_yaml_keys() {
    let (_, text) = corpus("jsonc").remove(0);
    let as_yaml = check(&text);
    assert!(as_yaml
        .diagnostics
        .iter()
        .any(|d| d.message.contains("// The name")));
    let as_jsonc = check_as(&text, Format::Jsonc);
    assert!(!as_jsonc
        .diagnostics
        .iter()
        .any(|d| d.message.contains("//") || d.rule == "missing-field"));
}

#[test]
fn jsonc_comments_and_trailing_commas_keep_exact_positions() {
    let text = "// deploys the demo\n{\n  /* the name */ \"name\": \"demo\",\n  \"image\": \"nginx\", // pinned later\n  \"resources\": {\n    \"instanceType\": \"C4\",\n    \"ports\": 8000, // one port\n  },\n  \"command\": [\"a\", \"b\",],\n}\n";
    let report = check_as(text, Format::Jsonc);
    assert_eq!(
        at(text, &report.diagnostics, Severity::Error),
        ["7:5 mixed-shape", "7:14 wrong-type"],
        "{:?}",
        report.diagnostics
    );
    let as_json = check_as(text, Format::Json);
    assert_eq!(
        at(text, &as_json.diagnostics, Severity::Error),
        [
            "1:1 yaml-syntax",  // the comment before `{`
            "3:3 yaml-syntax",  // `/* the name */`
            "4:21 yaml-syntax", // `// pinned later`
            "7:5 mixed-shape",
            "7:14 wrong-type",
            "7:18 yaml-syntax", // `8000,` before `}`
            "7:20 yaml-syntax", // `// one port`
            "9:23 yaml-syntax", // `"b",]`
            "9:25 yaml-syntax", // `],` before `}`
        ]
    );
    let msgs: Vec<&str> = as_json
        .diagnostics
        .iter()
        .filter(|d| d.rule == "yaml-syntax")
        .map(|d| d.message.as_str())
        .collect();
    assert_eq!(
        msgs.iter()
            .filter(|m| m.starts_with("comments are not allowed in .json"))
            .count(),
        4
    );
    assert_eq!(
        msgs.iter()
            .filter(|m| m.starts_with("a trailing comma is not allowed in JSON"))
            .count(),
        3
    );
}

#[test]
fn json_mistakes_get_json_words_at_their_place() {
    let cases: &[(&str, &str, &str)] = &[
        (
            "{\"name\": \"a\",}",
            "1:13",
            "a trailing comma is not allowed in JSON",
        ),
        (
            "{\n  'name': \"a\"\n}",
            "2:3",
            "JSON keys use double quotes: write `\"name\"`",
        ),
        (
            "{\"name\": 'a'}",
            "1:10",
            "JSON strings use double quotes: write `\"a\"`",
        ),
        (
            "{\n  name: \"a\"\n}",
            "2:3",
            "JSON keys are strings in double quotes: write `\"name\"`",
        ),
        ("{\"port\": 0x1F}", "1:10", "`0x1F` is not a JSON number"),
        ("{\"enabled\": yes}", "1:13", "`yes` is not a JSON value"),
        (
            "{\"a\": 1 \"b\": 2}",
            "1:9",
            "a `,` is missing before `\"b\"`",
        ),
        ("{\"a\": [1, 2}", "1:7", "`[` is never closed"),
        ("{\"a\": \"x}", "1:7", "`\"` is never closed"),
        ("{\"a\": \"\\q\"}", "1:8", "`\\q` is not a JSON escape"),
        ("// c\n{}", "1:1", "comments are not allowed in .json"),
        ("{} {}", "1:4", "`{` after the end of the JSON value"),
        ("", "1:1", "the document is empty"),
    ];
    for (text, pos, words) in cases {
        let report = check_as(text, Format::Json);
        let index = LineIndex::new(text);
        let hit = report.diagnostics.iter().find(|d| {
            let p = index.position(d.span.start);
            d.rule == "yaml-syntax" && format!("{}:{}", p.line, p.column) == *pos
        });
        let hit =
            hit.unwrap_or_else(|| panic!("{text:?}: nothing at {pos}: {:?}", report.diagnostics));
        assert!(hit.message.starts_with(words), "{text:?}: {}", hit.message);
        assert!(!hit.message.contains("YAML"), "{}", hit.message);
    }
    // The same mistakes are fine where JSONC allows them, and only there.
    assert!(check_as("{\"a\": 1,}", Format::Jsonc)
        .doc
        .syntax_diagnostics
        .is_empty());
    assert!(!check_as("{'a': 1}", Format::Jsonc)
        .doc
        .syntax_diagnostics
        .is_empty());
}

#[test]
fn hostile_json_never_panics_and_is_bounded() {
    for text in [
        "[".repeat(100_000),
        "{\"a\":".repeat(1000),
        "\"".repeat(1001),
        "/*".to_string(),
        "{\"a\": \"\\ud800\"}".to_string(),
        "{\"é\": \"\u{1F600}\", \"k\": -}".to_string(),
        "}{][,:".repeat(50),
    ] {
        for f in [Format::Json, Format::Jsonc] {
            let r = check_as(&text, f);
            assert!(!r.diagnostics.is_empty() || r.doc.root.is_some());
            for d in &r.diagnostics {
                assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
            }
        }
    }
}
