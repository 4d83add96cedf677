//! The layer's parse before issue 14's switch, kept for the tests only: yaml-edit's
//! rowan tree and syntax validator, converted to [`Node`](crate::yaml::Node)s and
//! diagnostics with our rule ids, plus the same passes as today (unclosed quotes and
//! brackets at the opener, duplicate keys, several documents, the cap). It is the
//! oracle `yaml::events` (what [`crate::yaml::parse`] now is) is measured against:
//! `differential.rs` and `broken.rs`, and the differential fuzz target through
//! [`compare`]. yaml-edit and rowan are dev-dependencies, and optional ones behind the
//! `oracle` feature (off by default): none of this is in the library the browser loads.

#[cfg(test)]
mod broken;
mod compare;
mod convert;
#[cfg(test)]
// Shared with the integration tests, where its items must be `pub`.
#[allow(dead_code, unreachable_pub)]
#[path = "../../../tests/yaml_data.rs"]
mod data;
#[cfg(test)]
mod differential;
mod verdict_quirks;

pub use compare::{compare, compare_documents, Quirk, Strictness};

/// How the layer's fast path (`events/fast/`) reads `text` differently from
/// saphyr-parser, when it takes the fast path at all: the differential fuzz target
/// checks this on every input, beside the comparison with yaml-edit.
pub fn fast_path_difference(text: &str) -> Option<String> {
    super::events::fast_oracle::difference(text)
}

use super::cap::dedupe_and_cap;
use super::prescan;
use super::repair::Repaired;
use super::syntax::{clamp, unchecked, unclosed_diagnostics};
use super::{dupkeys, Document, MAX_DEPTH, MAX_INPUT_BYTES};
use crate::diag::{Diagnostic, Severity, Span};
use crate::RuleId;
use convert::{content_of, content_span, SyntaxNode};
use rowan::ast::AstNode;
use yaml_edit::validator::{Severity as VSeverity, Validator, ValidatorConfig};
use yaml_edit::{SyntaxKind as K, YamlFile};

/// Parses `text` as the layer did with yaml-edit.
pub fn parse(text: &str) -> Document {
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
            RuleId::MultipleDocuments,
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
        RuleId::YamlSyntax,
        Severity::Error,
        span,
        "",
        first_sentence(message),
    )
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
