//! Property tests for the YAML layer: generated documents mean what they were
//! generated from and their spans slice to their values, and no input (arbitrary text,
//! or a corpus file with random edits) makes the pipeline panic or give spans outside
//! the text (nor, when it parses cleanly, spans that miss their values).
//! Case counts are modest so the file runs in seconds; raise `PROPTEST_CASES` to dig.

#[allow(dead_code)]
#[path = "yaml_data.rs"]
mod data;
#[allow(dead_code)]
#[path = "yaml_spans.rs"]
mod spans;

use proptest::prelude::*;
use serde_json::{json, Map, Value as Json};
use spans::{spans_ok, spans_slice_to_values};

/// Runs the whole pipeline on `text` and checks what must hold for any input.
fn pipeline_holds(text: &str) -> Result<(), TestCaseError> {
    let report = gradient_spec::check(text);
    prop_assert_eq!(&report.doc.text, text);
    for d in &report.diagnostics {
        let s = d.span;
        prop_assert!(
            s.start <= s.end
                && s.end <= text.len()
                && text.is_char_boundary(s.start)
                && text.is_char_boundary(s.end),
            "{} span {:?} outside the text",
            d.rule,
            s
        );
    }
    if let Some(root) = &report.doc.root {
        spans_ok(root, text).map_err(TestCaseError::fail)?;
        // Converting never panics either (it may refuse, e.g. an unknown alias).
        let _ = report.doc.to_json();
    }
    if !report
        .doc
        .syntax_diagnostics
        .iter()
        .any(|d| d.rule == "yaml-syntax")
    {
        spans_slice_to_values(&report.doc).map_err(TestCaseError::fail)?;
    }
    Ok(())
}

// ---- generated documents ----------------------------------------------------------

/// A value to render as YAML.
#[derive(Debug, Clone)]
enum M {
    Null,
    Bool(bool),
    Int(i64),
    Str(String),
    List(Vec<M>),
    Map(Vec<(String, M)>),
}

impl M {
    fn json(&self) -> Json {
        match self {
            M::Null => Json::Null,
            M::Bool(b) => json!(b),
            M::Int(i) => json!(i),
            M::Str(s) => json!(s),
            M::List(items) => Json::Array(items.iter().map(M::json).collect()),
            M::Map(entries) => {
                let mut m = Map::new();
                for (k, v) in entries {
                    m.insert(k.clone(), v.json());
                }
                Json::Object(m)
            }
        }
    }
    fn is_scalar(&self) -> bool {
        !matches!(self, M::List(_) | M::Map(_))
    }
}

fn leaf() -> impl Strategy<Value = M> {
    prop_oneof![
        Just(M::Null),
        any::<bool>().prop_map(M::Bool),
        (-100_000i64..100_000).prop_map(M::Int),
        "[a-zA-Z][a-zA-Z0-9 _./-]{0,12}".prop_map(M::Str),
        "\\PC{0,10}".prop_map(M::Str),
        "[ -~\n\t]{0,12}".prop_map(M::Str),
    ]
}

fn model() -> impl Strategy<Value = M> {
    leaf().prop_recursive(4, 40, 5, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..5).prop_map(M::List),
            prop::collection::vec(("[a-z][a-zA-Z0-9_]{0,8}", inner), 0..5).prop_map(|entries| {
                let mut seen = std::collections::HashSet::new();
                M::Map(
                    entries
                        .into_iter()
                        .filter(|(k, _)| seen.insert(k.clone()))
                        .collect(),
                )
            }),
        ]
    })
}

/// Decides layout choices from a seed (xorshift), so a failing case replays exactly.
struct Styles(u64);

impl Styles {
    fn pick(&mut self, n: u64) -> u64 {
        self.0 ^= self.0 << 13;
        self.0 ^= self.0 >> 7;
        self.0 ^= self.0 << 17;
        self.0 % n
    }
    fn chance(&mut self, one_in: u64) -> bool {
        self.pick(one_in) == 0
    }
}

/// A plain scalar that reads back as this string, in block and flow context.
fn plain_ok(s: &str) -> bool {
    let mut chars = s.chars();
    let first_ok = chars.next().is_some_and(|c| c.is_ascii_alphabetic());
    first_ok
        && s.chars()
            .all(|c| c.is_ascii_alphanumeric() || " _./-".contains(c))
        && !s.ends_with(' ')
        && !s.contains("  ")
        && gradient_spec::yaml::resolve_plain(s) == gradient_spec::yaml::ScalarKind::String
}

fn double_quoted(s: &str) -> String {
    let mut out = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => out.push_str("\\\""),
            '\\' => out.push_str("\\\\"),
            '\n' => out.push_str("\\n"),
            '\t' => out.push_str("\\t"),
            '\r' => out.push_str("\\r"),
            ' '..='~' => out.push(c),
            c if (c as u32) < 0xA0 || c == '\u{FEFF}' || c == '\u{2028}' || c == '\u{2029}' => {
                out.push_str(&format!("\\u{:04X}", c as u32))
            }
            c if (c as u32) > 0xFFFF => out.push_str(&format!("\\U{:08X}", c as u32)),
            c => out.push(c),
        }
    }
    out.push('"');
    out
}

fn scalar(m: &M, st: &mut Styles) -> String {
    match m {
        M::Null => ["~", "null", "Null"][st.pick(3) as usize].to_string(),
        M::Bool(b) => b.to_string(),
        M::Int(i) => i.to_string(),
        M::Str(s) if plain_ok(s) && !st.chance(4) => s.clone(),
        M::Str(s) if s.chars().all(|c| (' '..='~').contains(&c)) && st.chance(2) => {
            format!("'{}'", s.replace('\'', "''"))
        }
        M::Str(s) => double_quoted(s),
        M::List(_) | M::Map(_) => unreachable!("scalars only"),
    }
}

/// Breaks a one-line plain or double-quoted scalar at a single space onto a
/// continuation line indented `pad` (both fold the break back into that space).
fn fold_at_a_space(written: &str, pad: &str) -> Option<String> {
    if !(written.starts_with('"')
        || written
            .chars()
            .next()
            .is_some_and(|c| c.is_ascii_alphabetic()))
    {
        return None;
    }
    let b = written.as_bytes();
    let at = (1..b.len().saturating_sub(1))
        .find(|&i| b[i] == b' ' && b[i - 1] != b' ' && b[i + 1] != b' ' && b[i - 1] != b'\\')?;
    Some(format!("{}\n{pad}{}", &written[..at], &written[at + 1..]))
}

/// A string a literal block scalar can hold: printable ASCII lines, the first not
/// starting with white space, no line of only white space, at most one final break.
fn literal_ok(s: &str) -> bool {
    let body = s.strip_suffix('\n').unwrap_or(s);
    s.contains('\n')
        && !body.ends_with('\n')
        && body.chars().all(|c| c == '\n' || (' '..='~').contains(&c))
        && body
            .lines()
            .next()
            .is_some_and(|l| !l.is_empty() && !l.starts_with(' '))
        && body
            .split('\n')
            .all(|l| l.is_empty() || !l.trim().is_empty())
}

/// A scalar value in block context, after `key:` or `-`, on lines indented `indent`.
fn block_scalar_value(m: &M, indent: usize, st: &mut Styles) -> String {
    let pad = " ".repeat(indent + 2);
    if let M::Str(s) = m {
        if literal_ok(s) && st.chance(2) {
            let body = s.strip_suffix('\n').unwrap_or(s);
            let chomp = if s.ends_with('\n') { "" } else { "-" };
            let lines: Vec<String> = body
                .split('\n')
                .map(|l| {
                    if l.is_empty() {
                        String::new()
                    } else {
                        format!("{pad}{l}")
                    }
                })
                .collect();
            return format!(" |{chomp}\n{}", lines.join("\n"));
        }
    }
    let written = scalar(m, st);
    let written = match fold_at_a_space(&written, &pad) {
        Some(folded) if st.chance(3) => folded,
        _ => written,
    };
    format!(" {written}{}", comment(st))
}

fn comment(st: &mut Styles) -> &'static str {
    if st.chance(4) {
        "  # note"
    } else {
        ""
    }
}

/// A flow rendering (only for collections of scalars and small collections).
fn flow(m: &M, st: &mut Styles) -> String {
    match m {
        M::List(items) => format!(
            "[{}]",
            items
                .iter()
                .map(|i| flow(i, st))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        M::Map(entries) => {
            format!(
                "{{{}}}",
                entries
                    .iter()
                    .map(|(k, v)| format!("{k}: {}", flow(v, st)))
                    .collect::<Vec<_>>()
                    .join(", ")
            )
        }
        M::Null => "null".to_string(),
        other => scalar(other, st),
    }
}

/// Renders a collection in block style at `indent`; `first_inline` when the first
/// line continues a `- ` already written.
fn block(m: &M, indent: usize, first_inline: bool, st: &mut Styles, out: &mut String) {
    let pad = " ".repeat(indent);
    match m {
        M::Map(entries) => {
            for (i, (k, v)) in entries.iter().enumerate() {
                let inline = first_inline && i == 0;
                if !inline {
                    if st.chance(5) {
                        out.push('\n');
                    }
                    if st.chance(6) {
                        out.push_str(&format!("{pad}# about {k}\n"));
                    }
                    out.push_str(&pad);
                }
                out.push_str(k);
                out.push(':');
                value(v, indent, st, out);
            }
        }
        M::List(items) => {
            for (i, item) in items.iter().enumerate() {
                if !(first_inline && i == 0) {
                    out.push_str(&pad);
                }
                out.push('-');
                match item {
                    M::Map(e) if !e.is_empty() && st.chance(2) => {
                        out.push(' ');
                        block(item, indent + 2, true, st, out);
                    }
                    M::List(l) if !l.is_empty() && st.chance(2) => {
                        out.push(' ');
                        block(item, indent + 2, true, st, out);
                    }
                    _ => value(item, indent, st, out),
                }
            }
        }
        _ => unreachable!("collections only"),
    }
}

/// Writes a value after `key:` or `-`, ending with a line break.
fn value(v: &M, indent: usize, st: &mut Styles, out: &mut String) {
    match v {
        M::Null if st.chance(3) => out.push('\n'),
        v if v.is_scalar() => {
            out.push_str(&block_scalar_value(v, indent, st));
            out.push('\n');
        }
        M::List(items) if items.is_empty() => out.push_str(" []\n"),
        M::Map(entries) if entries.is_empty() => out.push_str(" {}\n"),
        v if st.chance(4) => {
            out.push(' ');
            out.push_str(&flow(v, st));
            out.push('\n');
        }
        v => {
            out.push_str(comment(st));
            out.push('\n');
            block(v, indent + 2, false, st, out);
        }
    }
}

fn render(m: &M, seed: u64) -> String {
    let mut st = Styles(seed | 1);
    let mut out = String::new();
    if st.chance(4) {
        out.push_str("# generated\n");
    }
    if st.chance(4) {
        out.push_str("---\n");
    }
    match m {
        M::Map(e) if !e.is_empty() => block(m, 0, false, &mut st, &mut out),
        M::List(l) if !l.is_empty() => block(m, 0, false, &mut st, &mut out),
        other => {
            out.push_str(&flow(other, &mut st));
            out.push('\n');
        }
    }
    out
}

/// `cases` unless `PROPTEST_CASES` asks for another number.
fn cfg(cases: u32) -> ProptestConfig {
    let cases = std::env::var("PROPTEST_CASES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(cases);
    ProptestConfig {
        cases,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(cfg(96))]

    /// A generated document parses without syntax problems, means its model, and its
    /// spans slice to its values (also with CRLF line breaks).
    #[test]
    fn generated_documents_round_trip(m in model(), seed in any::<u64>(), crlf in any::<bool>()) {
        let mut text = render(&m, seed);
        if crlf {
            text = text.replace('\n', "\r\n");
        }
        if std::env::var("SHOW_GENERATED").is_ok() {
            println!("----\n{text}");
        }
        let doc = gradient_spec::yaml::parse(&text);
        let syntax: Vec<_> = doc.syntax_diagnostics.iter().map(|d| (d.rule.as_str(), d.message.clone(), d.span)).collect();
        prop_assert!(syntax.is_empty(), "{text:?}: {syntax:?}");
        prop_assert_eq!(doc.to_json().map_err(|e| TestCaseError::fail(e.to_string()))?, m.json(), "{:?}", text);
        let nodes = spans_slice_to_values(&doc).map_err(TestCaseError::fail)?;
        prop_assert!(nodes >= 1, "{text:?}: no nodes");
        pipeline_holds(&text)?;
    }

    /// Any text at all: no panic, spans inside the text.
    #[test]
    fn arbitrary_text_never_breaks_the_pipeline(text in "\\PC{0,200}") {
        pipeline_holds(&text)?;
    }

    /// Text made of YAML's own punctuation, where parsers break most.
    #[test]
    fn yaml_punctuation_never_breaks_the_pipeline(text in "[-:?,\\[\\]{}#&*!|>'\"%@` \t\r\na-c0-9]{0,120}") {
        pipeline_holds(&text)?;
    }
}

/// A corpus file with a few random edits (characters inserted, deleted or replaced,
/// drawn mostly from YAML's punctuation).
fn mutated_corpus() -> impl Strategy<Value = String> {
    let files = data::corpus_files();
    let edits = prop::collection::vec(
        (
            any::<prop::sample::Index>(),
            0u8..3,
            "[-:?,\\[\\]{}#&*!|>'\"\t\n ]|\\PC",
        ),
        1..6,
    );
    (0..files.len(), edits).prop_map(move |(i, edits)| {
        let mut chars: Vec<char> = files[i].1.chars().collect();
        for (at, op, s) in edits {
            let c = s.chars().next().unwrap_or(' ');
            if chars.is_empty() {
                chars.push(c);
                continue;
            }
            let at = at.index(chars.len());
            match op {
                0 => chars.insert(at, c),
                1 => {
                    chars.remove(at);
                }
                _ => chars[at] = c,
            }
        }
        chars.into_iter().collect()
    })
}

proptest! {
    #![proptest_config(cfg(48))]

    #[test]
    fn mutated_corpus_files_never_break_the_pipeline(text in mutated_corpus()) {
        pipeline_holds(&text)?;
    }
}

#[test]
fn corpus_files_spans_slice_to_values() {
    for (name, text) in data::corpus_files() {
        for text in [text.clone(), text.replace('\n', "\r\n")] {
            let doc = gradient_spec::yaml::parse(&text);
            let nodes = spans_slice_to_values(&doc).unwrap_or_else(|e| panic!("{name}: {e}"));
            assert!(nodes > 10, "{name}: {nodes} nodes");
            pipeline_holds(&text).unwrap_or_else(|e| panic!("{name}: {e}"));
        }
    }
}
