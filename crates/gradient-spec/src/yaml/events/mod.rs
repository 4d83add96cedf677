//! The YAML layer's next parse: saphyr-parser's conformant event stream, turned into
//! the same spanned [`Node`](crate::yaml::Node)s and syntax diagnostics as
//! [`crate::yaml::parse`], in one pass and without yaml-edit, rowan or a validator.
//!
//! # Design decision (issue 14 spike)
//!
//! Measured on the 100- and 5,000-line specs of `tests/yaml_bench.rs` (2.4 KB, 129 KB;
//! native release at opt-level 3, median of 30; wasm32 at opt-level "z" with LTO,
//! brotli quality 11, over an empty 3 KB cdylib):
//!
//! | | suite verdicts | 100 lines | 5,000 lines | wasm, brotli |
//! |---|---|---|---|---|
//! | saphyr-parser 0.3.4, bare event stream with spans | 402/402 alone | 0.04 ms | 2.1 ms | 30 KB |
//! | yaml-edit 0.3.6 parse + its validator, bare | 402/402 with our passes | | 8.4 ms parse alone | 101 KB |
//! | today's layer, `yaml::parse` | 402/402 | 0.86-0.90 ms | 53-106 ms | 119 KB |
//! | this layer, `yaml::events::parse` | 402/402 | 0.07 ms | 3.7-9 ms | 68 KB, no yaml-edit or rowan |
//!
//! (The layer figures were taken on a shared machine under load, 7-8 on 2 cores: the
//! ratio, 8-14x, is the stable part. At the 512 KiB limit every hostile input of the
//! bench parses 3-90x faster than with `yaml::parse`, the worst in 0.2-0.7 s.)
//!
//! Decision: route (2), saphyr-parser's events into our own node builder, with our own
//! recovery. It is conformant on every suite case as it stands (an own scanner would
//! have to earn those 402 verdicts one by one), its events carry spans, it is a
//! quarter of yaml-edit's size, and the builder makes each node once from the event
//! stream (no CST to walk again, no validator pass). What it lacks is added around it:
//! - byte offsets (it counts characters): `offsets.rs`, linear over a parse;
//! - anchors and tags as written, block scalar headers, quoted scalars' and flow
//!   collections' true ends (its spans start or end elsewhere there): `props.rs`;
//! - recovery: it stops at the first error. Unclosed quotes and brackets are repaired
//!   and reported at the opener as today (`prescan`, `repair`); after another error,
//!   parsing resumes at the next top-level line as a section of its own, so problems
//!   after it are still found and the form keeps the sections that parse
//!   (`recover.rs`; a section is also the unit for re-parsing only what an edit
//!   touched);
//! - a tab after a `:` before a scalar, which YAML allows and it refuses: `tabs.rs`;
//! - a `-` inside a flow scalar before `,]}` (`[a -]`), likewise: `dashes.rs`;
//! - positions after an unknown `%` directive with non-ASCII words, which it counts in
//!   bytes where all others are in characters: `directives.rs`;
//! - an alias to an unknown anchor, which it refuses and the layer reads as an alias
//!   (as yaml-edit does; `to_json` reports it): `aliases.rs`;
//! - `a: b: c` read as yaml-edit reads it (`b: c` a plain value, with the error),
//!   which the `secret-syntax` rule relies on: `recover.rs`;
//! - a list or mapping on the line of a keyless entry's `:` (`: - a`), which it
//!   reads as after `?`: `compact.rs`;
//! - a flow collection's line not indented past the block it is written in (`- {a\n}`),
//!   which it lets through: `flowindent.rs`;
//! - a character YAML does not allow (a control character) where it lets one through:
//!   `printable.rs`;
//! - a `|` or `>` starting a value inside brackets (`[>x]`), which it reads as a plain
//!   scalar: the builder stops there as at one of its errors (`build.rs`);
//! - the comments, for the edits, from the same tree: [`comment_spans`];
//! - its error messages in the layer's words (what is wrong, what to do): `messages.rs`.
//!
//! The switch is made: [`crate::yaml::parse`] is this parse, and the edits take their
//! comments from its tree, so a form change parses twice (the text, the result) and
//! never with yaml-edit. yaml-edit and rowan are dev-dependencies only: the parse
//! before the switch is the oracle of `yaml/oracle/` (`#[cfg(test)]`):
//! `differential.rs` (every suite case and corpus file, also CRLF and with a BOM: the
//! same verdicts, trees, spans and problems except 7 listed span quirks of yaml-edit;
//! the same comments on all 616 single-document inputs) and `broken.rs` (2,425 corpus
//! files with one broken line: the same verdict but for 26 tab indentations only this
//! layer finds, the first problem on the same line in 98 %, more of the file's keys
//! kept). `tests/yaml_suite.rs` and `tests/yaml_props.rs` check that every key and value
//! slices to what it resolves to (`tests/yaml_spans.rs`), `tests/yaml_events_props.rs`
//! that nothing panics. The whole check (`gradient_spec::check`, `measure_check` in
//! `tests/yaml_bench.rs`, native opt-level 3, median of 30, load 5-6 on 2 cores) went
//! from 0.89 to 0.12 ms on the 100-line spec and from 44 to 6.7 ms on the 5,000-line one.
//!
//! An own scanner (route 1) stays the fallback if saphyr-parser's error positions or
//! messages prove not good enough for an editor.
//!
//! # The fast path (issue 14, second spike)
//!
//! saphyr-parser's scanner and parser remained about half of a check. Most specs are
//! written in a small part of YAML (block mappings and lists, one-line scalars, `|`
//! blocks, comments), so `fast/` reads a text inside that subset in one pass over its
//! bytes straight into the tree, and answers `None` for anything else (then saphyr-
//! parser reads it as before): the layer stays exactly as conformant, and a bail costs
//! only speed. Its oracle (`fast_oracle.rs`) compares the two trees on every suite
//! case, every corpus spec and the texts typed on the way to it, the fuzz corpora and
//! random spec-like texts, and the differential fuzz target runs it on every input.
//! Measured (callgrind, native at opt-level "z", 3 checks of the 5,000-line spec): the
//! whole check 408 M instructions before, 213 M with the fast path (without this
//! session's rule changes); every corpus spec takes it.

mod aliases;
mod build;
mod comments;
mod compact;
mod dashes;
mod directives;
mod fast;
#[cfg(any(test, feature = "oracle"))]
pub(crate) mod fast_oracle;
mod flowindent;
mod messages;
mod misindent;
mod offsets;
mod printable;
mod props;
mod recover;
mod tabindent;
mod tabs;

pub use comments::comment_spans;

use super::cap::dedupe_and_cap;
use super::syntax::{clamp, unchecked};
use super::{dupkeys, Document, MAX_DEPTH, MAX_INPUT_BYTES};
use crate::diag::{Diagnostic, Severity, Span};
use crate::RuleId;

/// Parses `text` like [`crate::yaml::parse`]: never fails, never panics; problems come
/// back as diagnostics (`yaml-syntax`, `duplicate-key`, `multiple-documents`, `limit`).
pub fn parse(text: &str) -> Document {
    #[cfg(any(test, feature = "parse-counter"))]
    crate::parse_counter::bump();
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
    printable::check(text, &mut diags);
    let mut docs = parsed.docs.into_iter();
    let root = docs.next().and_then(|d| d.root);
    let later: Vec<_> = docs.filter_map(|d| Some((d.start, d.root?))).collect();
    // A later document is reported as one, but its syntax is still YAML's: the tree's
    // own syntax checks run on it too (found by the differential fuzz target: `: - x`
    // after a `---`).
    for (_, node) in &later {
        compact::check(node, text, &mut diags);
        flowindent::check(node, text, None, &mut diags);
        tabindent::check(node, text, &mut diags);
    }
    if let Some(&(start, _)) = later.first() {
        let start = start.min(text.len());
        let mut end = (start + 3).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        diags.push(Diagnostic::new(
            RuleId::MultipleDocuments,
            Severity::Error,
            Span::new(start, end),
            "",
            "the file holds more than one YAML document (after `---`); a deployment spec is one document",
        ));
    }
    if let Some(node) = &root {
        // Nothing for them to find in a text the fast path read (`Run::fast`).
        if !parsed.fast {
            compact::check(node, text, &mut diags);
            flowindent::check(node, text, None, &mut diags);
            tabindent::check(node, text, &mut diags);
        }
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
mod build_tests;
#[cfg(test)]
mod fast_tests;
#[cfg(test)]
mod parity_tests;
