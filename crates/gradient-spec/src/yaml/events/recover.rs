//! Recovery: saphyr-parser stops at the first error. Unclosed quotes and brackets are
//! found by `prescan`, reported at the opener and closed in a repaired text that is
//! parsed instead (as the yaml-edit layer does).

use super::build::{self, Doc};
use crate::diag::{Diagnostic, Severity, Span};
use crate::yaml::prescan;
use crate::yaml::repair::Repaired;
use crate::yaml::syntax::{clamp, unclosed_diagnostics};

/// The documents of a text with its syntax problems (spans into the original text).
pub(crate) struct Parsed {
    pub docs: Vec<Doc>,
    pub diags: Vec<Diagnostic>,
    pub too_deep: Option<usize>,
}

pub(crate) fn parse_recovering(text: &str) -> Parsed {
    let mut run = build::run(text);
    let mut diags = Vec::new();
    let mut repaired = None;
    if run.too_deep.is_some() || run.error.is_some() {
        let scan = prescan::scan(text);
        if !scan.unclosed.is_empty() {
            let r = Repaired::new(text, &scan.insertions);
            let second = build::run(&r.text);
            if second.too_deep.is_none() {
                diags.extend(unclosed_diagnostics(&scan, text));
                run = second;
                repaired = Some(r);
            }
        }
    }
    let to_original = |at: usize| repaired.as_ref().map_or(at, |r| r.to_original(at));
    if let Some((at, message)) = &run.error {
        let at = to_original(*at);
        let mut end = (at + 1).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        diags.push(Diagnostic::new(
            "yaml-syntax",
            Severity::Error,
            clamp(Span::new(at, end), text),
            "",
            message.clone(),
        ));
    }
    let mut docs = run.docs;
    if let Some(r) = &repaired {
        for d in &mut docs {
            d.start = r.to_original(d.start.min(r.text.len()));
            if let Some(node) = d.root.as_mut() {
                r.remap_node(node);
            }
        }
    }
    Parsed {
        docs,
        diags,
        too_deep: run.too_deep.map(to_original),
    }
}
