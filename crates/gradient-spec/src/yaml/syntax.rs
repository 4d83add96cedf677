//! What both parses share: the document that is not parsed (a `limit`), the
//! diagnostics of unclosed quotes and brackets found by the pre-scan, and spans kept
//! inside the text. The tests below are the layer's behaviour on broken and hostile
//! input, through [`crate::yaml::parse`].

use super::prescan::{Opener, Scan};
use super::Document;
use crate::diag::{Diagnostic, Severity, Span};
use crate::text::LineIndex;
use crate::RuleId;

/// A document that is not parsed at all, with the one `limit` diagnostic saying why.
pub(super) fn unchecked(text: &str, span: Span, msg: String) -> Document {
    Document {
        text: text.to_string(),
        root: None,
        syntax_diagnostics: vec![Diagnostic::new(
            RuleId::Limit,
            Severity::Error,
            span,
            "",
            msg,
        )],
    }
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
                RuleId::YamlSyntax,
                Severity::Error,
                clamp(Span::new(u.at, u.at + 1), text),
                "",
                message,
            )
        })
        .collect()
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

// The behaviour tests of the YAML layer's syntax problems live in
// `events/parity_tests.rs`, beside the parse they test.
