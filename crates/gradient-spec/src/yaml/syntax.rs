//! Builds a [`Document`]: yaml-edit's parse and syntax validator, converted to
//! diagnostics with our rule ids, plus what the crate lacks: limits on size and depth,
//! unclosed quotes and brackets reported at the opener with the rest of the document still parsed, duplicate keys
//! at the later key, several documents, and a cap on repeated errors.

use super::cap::dedupe_and_cap;
use super::convert::{content_of, content_span, SyntaxNode};
use super::prescan::{self, Opener, Scan};
use super::repair::Repaired;
use super::{dupkeys, Document, MAX_DEPTH, MAX_INPUT_BYTES};
use crate::diag::{Diagnostic, Severity, Span};
use crate::text::LineIndex;
use rowan::ast::AstNode;
use yaml_edit::validator::{Severity as VSeverity, Validator, ValidatorConfig};
use yaml_edit::{SyntaxKind as K, YamlFile};

pub(crate) fn parse_document(text: &str) -> Document {
    if text.len() > MAX_INPUT_BYTES {
        let msg = format!(
            "the document is {} bytes; documents over {} bytes are not checked (a deployment spec is a few KB)",
            text.len(),
            MAX_INPUT_BYTES
        );
        return unchecked(text, Span::at(0), msg);
    }
    let mut analysis = Analysis::run(text);
    let mut diags = Vec::new();
    let mut repaired = None;
    // An unclosed opener also explains "nested too deeply": `[x` on every line nests
    // each line inside the last. Repair first, then judge the depth.
    if analysis.too_deep.is_some() || !analysis.diags.is_empty() {
        let scan = prescan::scan(text);
        if !scan.unclosed.is_empty() {
            let r = Repaired::new(text, &scan.insertions);
            let second = Analysis::run(&r.text);
            if second.too_deep.is_none() {
                diags.extend(unclosed_diagnostics(&scan, text));
                analysis = second;
                repaired = Some(r);
            }
        }
    }
    if let Some(at) = analysis.too_deep {
        let msg = format!(
            "collections nest more than {MAX_DEPTH} levels deep here; the document is not checked (a deployment spec nests a few levels)"
        );
        return unchecked(text, clamp(Span::new(at, at + 1), text), msg);
    }
    let to_original = |s: Span| clamp(repaired.as_ref().map_or(s, |r| r.span(s)), text);
    for mut d in analysis.diags {
        d.span = to_original(d.span);
        diags.push(d);
    }
    let documents: Vec<SyntaxNode> = analysis
        .tree
        .children()
        .filter(|c| c.kind() == K::DOCUMENT)
        .collect();
    let mut root = documents.first().and_then(|d| content_of(d, 0));
    if let (Some(node), Some(r)) = (root.as_mut(), repaired.as_ref()) {
        r.remap_node(node);
    }
    if let Some(extra) = documents
        .iter()
        .skip(1)
        .find(|d| content_of(d, 0).is_some())
    {
        let span = to_original(content_span(extra));
        // The first three bytes mark it, widened to a whole character (fuzzer).
        let mut end = span.end.min(span.start + 3);
        while !text.is_char_boundary(end) {
            end += 1;
        }
        diags.push(Diagnostic::new(
            "multiple-documents",
            Severity::Error,
            Span::new(span.start, end),
            "",
            "the file holds more than one YAML document (after `---`); a deployment spec is one document",
        ));
    }
    if let Some(node) = &root {
        dupkeys::check(node, text, &mut diags);
    }
    dedupe_and_cap(&mut diags);
    Document {
        text: text.to_string(),
        root,
        syntax_diagnostics: diags,
    }
}

/// A document that is not parsed at all, with the one `limit` diagnostic saying why.
pub(super) fn unchecked(text: &str, span: Span, msg: String) -> Document {
    Document {
        text: text.to_string(),
        root: None,
        syntax_diagnostics: vec![Diagnostic::new("limit", Severity::Error, span, "", msg)],
    }
}

/// yaml-edit's parse of one text and its syntax errors (spans into that text).
struct Analysis {
    tree: SyntaxNode,
    diags: Vec<Diagnostic>,
    /// Where the parser gave up because collections nest deeper than [`MAX_DEPTH`].
    too_deep: Option<usize>,
}

impl Analysis {
    fn run(text: &str) -> Analysis {
        let parse = YamlFile::parse(text);
        // An immutable tree: rowan's mutable trees (what `tree()` gives) compute each
        // node's offset by walking up to the root, which made deep documents quadratic.
        let tree = SyntaxNode::new_root(parse.tree().syntax().green().into_owned());
        let too_deep = parse
            .positioned_errors()
            .iter()
            .find(|e| e.message.contains("nested too deeply"))
            .map(|e| e.range.start as usize);
        let mut diags = Vec::new();
        if too_deep.is_some() {
            return Analysis {
                tree,
                diags,
                too_deep,
            };
        }
        for e in parse.positioned_errors() {
            let span = clamp(
                Span::new(e.range.start as usize, e.range.end as usize),
                text,
            );
            diags.push(syntax_error(span, &e.message));
        }
        // Duplicate keys are ours (`dupkeys.rs`): reported at the key, by value.
        let config = ValidatorConfig {
            check_duplicate_keys: false,
            ..ValidatorConfig::default()
        };
        for v in Validator::with_config(config).validate_syntax(&tree) {
            if v.severity != VSeverity::Error {
                continue;
            }
            let span = v
                .text_range
                .map(|r| clamp(Span::new(r.start as usize, r.end as usize), text))
                .unwrap_or_default();
            diags.push(syntax_error(span, &v.message));
        }
        Analysis {
            tree,
            diags,
            too_deep,
        }
    }
}

fn syntax_error(span: Span, message: &str) -> Diagnostic {
    Diagnostic::new(
        "yaml-syntax",
        Severity::Error,
        span,
        "",
        first_sentence(message),
    )
}

/// One `yaml-syntax` error at each opener the pre-scan found unclosed.
pub(super) fn unclosed_diagnostics(scan: &Scan, text: &str) -> Vec<Diagnostic> {
    let lines = LineIndex::new(text);
    scan.unclosed
        .iter()
        .map(|u| {
            let what = match u.opener {
                Opener::List => "the list that starts here",
                Opener::Map => "the mapping that starts here",
                Opener::DoubleQuote | Opener::SingleQuote => "the string that starts here",
            };
            let before = match u.ended_by {
                Some(at) => format!("before line {}", lines.position(at).line),
                None => "before the end of the document".to_string(),
            };
            let message = format!(
                "`{}` is never closed: {what} needs a closing `{}` {before}",
                u.opener.opener(),
                u.opener.closer()
            );
            Diagnostic::new(
                "yaml-syntax",
                Severity::Error,
                clamp(Span::new(u.at, u.at + 1), text),
                "",
                message,
            )
        })
        .collect()
}

/// yaml-edit's messages run on ("… Expected: … Context: … Suggestion: …"): keep the
/// first sentence, which says what is wrong.
fn first_sentence(msg: &str) -> String {
    let s = msg.split(". ").next().unwrap_or(msg).trim_end_matches('.');
    let mut chars = s.chars();
    match chars.next() {
        Some(c) => c.to_lowercase().chain(chars).collect(),
        None => "invalid YAML".to_string(),
    }
}

/// `span` moved inside `text` and onto character boundaries.
pub(super) fn clamp(span: Span, text: &str) -> Span {
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    let start = fix(span.start);
    Span::new(start, fix(span.end).max(start))
}

#[cfg(test)]
mod tests {
    use crate::text::LineIndex;
    use crate::yaml::{parse, Document, MAX_DEPTH, MAX_INPUT_BYTES, MAX_SYNTAX_ERRORS};

    /// (line, column, rule, message) of each syntax diagnostic.
    fn diags(doc: &Document) -> Vec<(usize, usize, &'static str, String)> {
        let idx = LineIndex::new(&doc.text);
        doc.syntax_diagnostics
            .iter()
            .map(|d| {
                let p = idx.position(d.span.start);
                (p.line, p.column, d.rule, d.message.clone())
            })
            .collect()
    }

    fn keys(doc: &Document) -> Vec<String> {
        let Some(m) = doc.root.as_ref().and_then(|r| r.as_mapping()) else {
            return Vec::new();
        };
        m.entries
            .iter()
            .filter_map(|e| e.key.scalar_text().map(str::to_string))
            .collect()
    }

    /// Found by the fuzzer: the mark of a second document cut a character in two.
    #[test]
    fn a_second_document_is_marked_on_whole_characters() {
        let text = ":\n%\n\u{9C412}";
        let doc = parse(text);
        for d in &doc.syntax_diagnostics {
            assert!(text.is_char_boundary(d.span.start) && text.is_char_boundary(d.span.end));
        }
        assert!(doc
            .syntax_diagnostics
            .iter()
            .any(|d| d.rule == "multiple-documents" && !d.span.is_empty()));
    }

    #[test]
    fn unclosed_list_is_reported_at_the_bracket_and_the_rest_parses() {
        let text =
            "image: x\ncommand: [python, app.py\nport: 8000\nenv:\n  - name: A\n    value: b\n";
        let doc = parse(text);
        let d = diags(&doc);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!((d[0].0, d[0].1, d[0].2), (2, 10, "yaml-syntax"));
        assert!(
            d[0].3.contains("`[` is never closed") && d[0].3.contains("before line 3"),
            "{}",
            d[0].3
        );
        assert_eq!(keys(&doc), ["image", "command", "port", "env"]);
        let root = doc.root.as_ref().unwrap().as_mapping().unwrap();
        let cmd = root.get("command").unwrap();
        assert_eq!(cmd.span.slice(text), "[python, app.py");
        let items: Vec<&str> = cmd
            .as_sequence()
            .unwrap()
            .items
            .iter()
            .map(|i| i.span.slice(text))
            .collect();
        assert_eq!(items, ["python", "app.py"]);
        assert_eq!(root.get("port").unwrap().span.slice(text), "8000");
    }

    #[test]
    fn unclosed_quotes_are_reported_at_the_quote() {
        for (text, col) in [
            ("image: \"x\ncommand: [python]\nport: 8000\n", 8),
            ("image: 'x\ncommand: [python]\nport: 8000\n", 8),
        ] {
            let doc = parse(text);
            let d = diags(&doc);
            assert_eq!(d.len(), 1, "{d:?}");
            assert_eq!((d[0].0, d[0].1), (1, col));
            assert!(d[0].3.contains("is never closed"), "{}", d[0].3);
            assert_eq!(keys(&doc), ["image", "command", "port"]);
            assert_eq!(
                doc.root
                    .as_ref()
                    .unwrap()
                    .as_mapping()
                    .unwrap()
                    .get("image")
                    .unwrap()
                    .scalar_text(),
                Some("x")
            );
        }
    }

    #[test]
    fn unclosed_mapping_at_the_end_of_the_document() {
        let doc = parse("a: 1\nb: {c: 2\n");
        let d = diags(&doc);
        assert_eq!((d[0].0, d[0].1), (2, 4));
        assert!(
            d[0].3.contains("before the end of the document"),
            "{}",
            d[0].3
        );
        assert_eq!(
            doc.to_json().unwrap(),
            serde_json::json!({"a": 1, "b": {"c": 2}})
        );
    }

    #[test]
    fn tab_indentation_is_reported_at_the_tab() {
        for (text, line) in [
            ("image: x\n\tport: 8000\n", 2),
            ("resources:\n\tinstanceType: C4\n", 2),
            ("env:\n  - name: a\n\t  value: b\n", 3),
        ] {
            let d = diags(&parse(text));
            assert!(
                d.iter().any(|x| x.0 == line
                    && x.1 == 1
                    && x.2 == "yaml-syntax"
                    && x.3.to_lowercase().contains("tab")),
                "{text:?}: {d:?}"
            );
        }
        // A tab after the colon is separation, not indentation.
        assert!(diags(&parse("image:\tx\n")).is_empty());
    }

    #[test]
    fn twenty_thousand_open_brackets_give_one_limit() {
        let doc = parse(&"[".repeat(20_000));
        let d = diags(&doc);
        assert_eq!(d.len(), 1, "{d:?}");
        assert_eq!(d[0].2, "limit");
        assert!(doc.root.is_none());
    }

    #[test]
    fn many_unclosed_lists_are_not_mistaken_for_deep_nesting() {
        let text: String = (0..300).map(|i| format!("k{i}: [x\n")).collect();
        let doc = parse(&text);
        let d = diags(&doc);
        assert!(
            d.iter()
                .all(|x| x.2 == "yaml-syntax" && x.3.contains("never closed")),
            "{d:?}"
        );
        assert_eq!(keys(&doc).len(), 300);
    }

    #[test]
    fn deep_nesting_beyond_the_limit_is_a_limit_problem() {
        let deep = format!(
            "a: {}{}\n",
            "[".repeat(MAX_DEPTH + 10),
            "]".repeat(MAX_DEPTH + 10)
        );
        let d = diags(&parse(&deep));
        assert_eq!(d.iter().map(|x| x.2).collect::<Vec<_>>(), ["limit"]);
        let ok = format!(
            "a: {}{}\n",
            "[".repeat(MAX_DEPTH - 10),
            "]".repeat(MAX_DEPTH - 10)
        );
        assert!(diags(&parse(&ok)).is_empty());
        let dashes = format!("{}x\n", "- ".repeat(MAX_DEPTH + 10));
        assert_eq!(
            diags(&parse(&dashes))
                .iter()
                .map(|x| x.2)
                .collect::<Vec<_>>(),
            ["limit"]
        );
    }

    #[test]
    fn many_errors_are_capped() {
        let doc = parse(&"a: b: c\n".repeat(5_000));
        let n = doc.syntax_diagnostics.len();
        assert!(n <= MAX_SYNTAX_ERRORS, "{n}");
        assert!(doc
            .syntax_diagnostics
            .last()
            .unwrap()
            .message
            .contains("more syntax problems not shown"));
    }

    #[test]
    fn oversized_input_is_not_parsed() {
        let big = "a: b\n".repeat(10 * 1024 * 1024 / 5);
        assert!(big.len() > MAX_INPUT_BYTES);
        let doc = parse(&big);
        assert_eq!(
            diags(&doc).iter().map(|x| x.2).collect::<Vec<_>>(),
            ["limit"]
        );
        assert!(doc.root.is_none());
    }

    #[test]
    fn several_documents_are_one_problem_at_the_first_separator() {
        let d = diags(&parse("a: 1\n---\nb: 2\n---\nc: 3\n"));
        assert_eq!(
            d.iter().map(|x| (x.0, x.2)).collect::<Vec<_>>(),
            [(2, "multiple-documents")]
        );
        assert!(diags(&parse("---\na: 1\n")).is_empty());
    }

    #[test]
    fn aliases_are_not_expanded_when_parsing() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..30 {
            let p = i - 1;
            text.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        let doc = parse(&text);
        assert!(diags(&doc).is_empty());
        let root = doc.root.as_ref().unwrap().as_mapping().unwrap();
        let last = root.get("a29").unwrap().as_sequence().unwrap();
        assert!(last
            .items
            .iter()
            .all(|i| i.value == crate::yaml::Value::Alias("a28".into())));
    }
}
