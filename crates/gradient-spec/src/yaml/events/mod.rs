//! The YAML layer's next parse: saphyr-parser's conformant event stream, turned into
//! the same spanned [`Node`]s and syntax diagnostics as [`crate::yaml::parse`], in one
//! pass and without yaml-edit, rowan or a separate validator.
//!
//! # Design decision (issue 14 spike)
//!
//! Two routes were measured (native release, opt-level 3; wasm32 opt-level "z", LTO,
//! brotli q11; the 5,000-line spec of `tests/yaml_bench.rs`, 129 KB):
//!
//! | | suite verdicts | 5,000 lines | 100 lines | wasm brotli |
//! |---|---|---|---|---|
//! | yaml-edit parse + validator (today) | 402/402 (with our passes) | parse 8.4 ms + validator | | ~101 KB |
//! | saphyr-parser 0.3.4 event stream with spans | 402/402 alone | 2.2 ms | 0.04 ms | ~30 KB |
//!
//! (wasm sizes are over an empty cdylib of 3 KB; std formatting and allocation are
//! shared with the app, so the real cost to the page is lower for both.)
//!
//! Decision: route (2), saphyr-parser events into our own node builder, with our own
//! recovery. It is conformant on every suite case as it stands (an own scanner would
//! have to earn those 402 verdicts one by one), 4× faster than yaml-edit's parse alone,
//! and a third of its size. What it lacks we add around it, each measured by the
//! differential test `tests/yaml_events.rs` against today's parse:
//! - byte offsets (it counts characters): [`offsets`], linear over a parse;
//! - anchors and tags as written, block scalar headers (its spans start at the
//!   content): [`props`];
//! - recovery: it stops at the first error. Unclosed quotes and brackets are repaired
//!   and reported at the opener as today (`prescan`, `repair`); what follows another
//!   error is parsed section by section (top-level keys at column 0), so problems
//!   after it are still found and the form keeps the sections that parse: [`recover`].
//!   Parsing each top-level section on its own is also the unit for re-parsing only
//!   the section an edit touched.
//!
//! The own scanner (route 1) stays the fallback if saphyr-parser's error positions or
//! messages cannot be made good enough for an editor.

mod build;
mod comments;
mod offsets;
mod props;
mod recover;
mod tabs;

pub use comments::comment_spans;

use super::cap::dedupe_and_cap;
use super::syntax::{clamp, unchecked};
use super::{dupkeys, Document, MAX_DEPTH, MAX_INPUT_BYTES};
use crate::diag::{Diagnostic, Severity, Span};

/// Parses `text` like [`crate::yaml::parse`]: never fails, never panics; problems come
/// back as diagnostics (`yaml-syntax`, `duplicate-key`, `multiple-documents`, `limit`).
pub fn parse(text: &str) -> Document {
    if text.len() > MAX_INPUT_BYTES {
        let msg = format!(
            "the document is {} bytes; documents over {} bytes are not checked (a deployment spec is a few KB)",
            text.len(),
            MAX_INPUT_BYTES
        );
        return unchecked(text, Span::at(0), msg);
    }
    let parsed = recover::parse_recovering(text);
    if let Some(at) = parsed.too_deep {
        let msg = format!(
            "collections nest more than {MAX_DEPTH} levels deep here; the document is not checked (a deployment spec nests a few levels)"
        );
        return unchecked(text, clamp(Span::new(at, at + 1), text), msg);
    }
    let mut diags = parsed.diags;
    let mut docs = parsed.docs.into_iter();
    let root = docs.next().and_then(|d| d.root);
    if let Some(extra) = docs.find(|d| d.root.is_some()) {
        let start = extra.start.min(text.len());
        let mut end = (start + 3).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        diags.push(Diagnostic::new(
            "multiple-documents",
            Severity::Error,
            Span::new(start, end),
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

#[cfg(test)]
mod parity_tests;
