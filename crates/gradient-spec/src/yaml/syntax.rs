//! Builds a [`Document`]: yaml-edit's parse and syntax validator, converted to
//! diagnostics with our rule ids, plus the checks the crate lacks.

use super::convert::{content_of, content_span, SyntaxNode};
use super::{Document, MAX_INPUT_BYTES, MAX_SYNTAX_ERRORS};
use crate::diag::{Diagnostic, Severity, Span};
use rowan::ast::AstNode;
use yaml_edit::validator::{Rule as VRule, Severity as VSeverity, Validator};
use yaml_edit::{SyntaxKind as K, YamlFile};

pub(crate) fn parse_document(text: &str) -> Document {
    if text.len() > MAX_INPUT_BYTES {
        let msg = format!(
            "the document is {} bytes; documents over {} bytes are not checked (a deployment spec is a few KB)",
            text.len(),
            MAX_INPUT_BYTES
        );
        return Document {
            text: text.to_string(),
            root: None,
            syntax_diagnostics: vec![Diagnostic::new(
                "limit",
                Severity::Error,
                Span::at(0),
                "",
                msg,
            )],
        };
    }
    let parse = YamlFile::parse(text);
    // An immutable tree: rowan's mutable trees (what `tree()` gives) compute each
    // node's offset by walking up to the root, which made deep documents quadratic.
    let tree = SyntaxNode::new_root(parse.tree().syntax().green().into_owned());
    let tree = &tree;
    let mut diags = Vec::new();
    for e in parse.positioned_errors() {
        let span = clamp(
            Span::new(e.range.start as usize, e.range.end as usize),
            text,
        );
        diags.push(Diagnostic::new(
            "yaml-syntax",
            Severity::Error,
            span,
            "",
            first_sentence(&e.message),
        ));
    }
    for v in Validator::new().validate_syntax(tree) {
        if v.severity != VSeverity::Error {
            continue;
        }
        let span = v
            .text_range
            .map(|r| clamp(Span::new(r.start as usize, r.end as usize), text))
            .unwrap_or_default();
        let rule = if v.rule == VRule::DuplicateKeys {
            "duplicate-key"
        } else {
            "yaml-syntax"
        };
        diags.push(Diagnostic::new(
            rule,
            Severity::Error,
            span,
            "",
            v.message.clone(),
        ));
    }
    let documents: Vec<SyntaxNode> = tree
        .children()
        .filter(|c| c.kind() == K::DOCUMENT)
        .collect();
    let root = documents.first().and_then(|d| content_of(d, 0));
    for extra in documents.iter().skip(1) {
        if content_of(extra, 0).is_some() {
            let span = content_span(extra);
            diags.push(Diagnostic::new(
                "multiple-documents",
                Severity::Error,
                Span::new(span.start, span.start.max(span.start + 3).min(span.end.max(span.start))),
                "",
                "the file holds more than one YAML document (after `---`); a deployment spec is one document",
            ));
            break;
        }
    }
    cap_syntax_errors(&mut diags);
    Document {
        text: text.to_string(),
        root,
        syntax_diagnostics: diags,
    }
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

fn clamp(span: Span, text: &str) -> Span {
    let fix = |mut i: usize| {
        i = i.min(text.len());
        while !text.is_char_boundary(i) {
            i -= 1;
        }
        i
    };
    Span::new(fix(span.start), fix(span.end.max(span.start)))
}

/// Deduplicates syntax errors (same place, same message) and keeps at most
/// [`MAX_SYNTAX_ERRORS`], so 20,000 unclosed brackets give a readable list.
fn cap_syntax_errors(diags: &mut Vec<Diagnostic>) {
    crate::diag::sort(diags);
    diags.dedup_by(|a, b| a.span == b.span && a.message == b.message);
    let syntax: Vec<usize> = diags
        .iter()
        .enumerate()
        .filter(|(_, d)| d.rule == "yaml-syntax")
        .map(|(i, _)| i)
        .collect();
    if syntax.len() > MAX_SYNTAX_ERRORS {
        let hidden = syntax.len() - MAX_SYNTAX_ERRORS;
        let last_kept = syntax[MAX_SYNTAX_ERRORS - 1];
        let drop: std::collections::HashSet<usize> =
            syntax[MAX_SYNTAX_ERRORS..].iter().copied().collect();
        let mut i = 0;
        diags.retain(|_| {
            let keep = !drop.contains(&i);
            i += 1;
            keep
        });
        if let Some(d) = diags
            .iter_mut()
            .filter(|d| d.rule == "yaml-syntax")
            .nth(MAX_SYNTAX_ERRORS - 1)
        {
            d.message = format!("{} (and {hidden} more syntax errors not shown)", d.message);
        }
        let _ = last_kept;
    }
}
