//! How the layer (`yaml::events`, what `yaml::parse` is) and the oracle (`oracle::parse`,
//! yaml-edit) compare on one text: the same verdict (a `yaml-syntax` problem or not),
//! and where both accept it, the same tree (node kinds, spans, entry spans, values,
//! styles, types, tags, anchors) and the same `duplicate-key` / `multiple-documents`
//! problems. Used by `differential.rs` (every suite case and corpus file) and by the
//! differential fuzz target (`fuzz/fuzz_targets/differential.rs`).
//!
//! [`Strictness::Strict`] reports every difference (the test lists each one by case).
//! [`Strictness::Known`] compares what the edits rely on: the verdict, and where both
//! accept the text, the tree's shape and the spans of its nodes and entries (values,
//! properties and the other problems' places are left to the strict test). It lets
//! through the classes of difference the test lists and explains, and those the
//! fuzzer found where yaml-edit is wrong (`fuzz/README.md`), recognised by their
//! shape, so the fuzzer stops only at a new one:
//! - [`Quirk::EntryEnd`]: an entry with an explicit key (`? key`) or an empty value
//!   (`key: # nothing`, `: # both empty`), or an empty list item (`- # Empty`), ends
//!   later in yaml-edit by the spaces, comment or line break after it, and so do the
//!   nodes and entries that end with it (5WE3, KK5P, M2N8, S3PD; the fuzzer found the
//!   same after every empty value, e.g. `image: # x` at the end of a document);
//! - [`Quirk::MultiLineKey`]: an implicit key whose plain scalar began on an earlier
//!   line (`a\nb: c`), which YAML refuses and yaml-edit reads as a key;
//! - [`Quirk::TrailingSpace`]: a plain scalar ending the text ends at its last
//!   character in the layer, after the spaces or line break that end the text in
//!   yaml-edit;
//! - [`Quirk::EmptyNode`]: an empty node (zero width) placed elsewhere across spaces,
//!   line breaks or a comment only: `- # Empty` (W42U), `&a : a` (PW8X);
//! - [`Quirk::TabIndent`]: a tab in indentation that YAML (and libyaml) refuses and
//!   yaml-edit lets through, found by the layer only (`broken.rs`, 26 corpus lines);
//! - [`Quirk::Unprintable`]: a character YAML does not allow (a NUL, a control
//!   character) that yaml-edit's validator lets through in some places;
//! - [`Quirk::InvalidTag`]: a tag with characters outside YAML's tag grammar (`!Æ`,
//!   `!"x`) or an undeclared named handle (`!e!x`), which yaml-edit takes as written;
//! - [`Quirk::InvalidHeader`]: a block scalar header with more than its indicators
//!   (`>- +`), which yaml-edit reads on;
//! - [`Quirk::SecondProperties`]: a second anchor or tag on the line after a node's
//!   properties, which yaml-edit lets through;
//! - [`Quirk::InvalidDirective`]: a malformed `%` directive (`%TAG !e!x…`), which
//!   yaml-edit lets through;
//! - [`Quirk::DirectiveInScalar`]: a line starting with `%` that continues a scalar
//!   (`a\n%b`, suite case XLQ9 after `---`), which yaml-edit takes for a directive, and
//!   a quote, bracket or tag handle inside a plain scalar, which it takes for syntax;
//! - over the depth limit neither parse is checked, and which one gives up first
//!   depends on how each counts nesting: no verdict;
//! - [`Quirk::UnknownAlias`]: an alias to an anchor not defined before it, a syntax
//!   error for yaml-edit's validator; the layer reads it as an alias (as its parse did
//!   before the validator) and leaves it to `to_json`, which reports it (`events/aliases.rs`).

use super::parse;
use super::verdict_quirks::*;
use crate::diag::Span;
use crate::yaml::{events, Document, Entry, Node, Value};
use crate::RuleId;

/// Which differences [`compare`] reports.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Strictness {
    /// Every difference.
    Strict,
    /// All but the known quirks of yaml-edit (the module's list).
    Known,
}

/// A known, accepted class of difference (the module doc says why each is accepted).
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum Quirk {
    EntryEnd,
    TrailingSpace,
    MultiLineKey,
    EmptyNode,
    TabIndent,
    UnknownAlias,
    Unprintable,
    InvalidTag,
    InvalidHeader,
    SecondProperties,
    InvalidDirective,
    DirectiveInScalar,
}

/// The first difference between the two parses of `text` that `strictness` does not
/// let through, described (path, then both sides); `None` when they agree.
pub fn compare(text: &str, strictness: Strictness) -> Option<String> {
    let old = parse(text);
    let new = events::parse(text);
    compare_documents(&old, &new, text, strictness)
}

/// [`compare`] on two documents already parsed (`old` by the oracle, `new` by the layer).
pub fn compare_documents(
    old: &Document,
    new: &Document,
    text: &str,
    strictness: Strictness,
) -> Option<String> {
    let known = strictness == Strictness::Known;
    if known && (has_limit(old) || has_limit(new)) {
        // Over the depth limit the text is not checked; each parser counts nesting
        // its own way (saphyr-parser's flow levels, yaml-edit's tree), so which one
        // gives up first is no verdict.
        return None;
    }
    let (bad_old, bad_new) = (has_syntax_error(old), has_syntax_error(new));
    if bad_old != bad_new {
        let accepted = if bad_new {
            // One problem the text shows YAML refuses settles the verdict (the others
            // may be the recovery's, after it).
            any(new, |m, at| {
                tab_indentation(m, at, text)
                    || unprintable(m, at, text)
                    || invalid_tag(m, at, text)
                    || invalid_block_header(m, at, text)
                    || second_properties(m, at, text)
                    || invalid_directive(m, at, text)
                    || multi_line_key(m, at, text)
            }) || only(new, |m, _| {
                OPEN_LAYER_REJECTS.iter().any(|o| m.starts_with(o))
            })
        } else {
            only(old, |m, at| unknown_alias(m, at, text))
                || only(old, |m, at| {
                    directive_in_scalar(m, new, text) || syntax_in_plain_scalar(m, at, new)
                })
                || only(old, |m, _| {
                    OPEN_ORACLE_REJECTS.iter().any(|o| m.starts_with(o))
                })
        };
        if known && accepted {
            return None;
        }
        let first = |d: &Document| {
            d.syntax_diagnostics
                .iter()
                .find(|x| x.rule == RuleId::YamlSyntax)
                .map(|x| format!("{:?} {}", x.span, x.message))
        };
        return Some(format!(
            "verdict: yaml-edit {:?}, events {:?}",
            first(old),
            first(new)
        ));
    }
    if bad_old {
        // Both reject it: the trees of a broken text are each parser's best effort.
        return None;
    }
    // The fuzz target compares the verdict and the spans (what the edits cut by); the
    // problems' places, values and properties are compared on the suite and corpus.
    if !known && other_problems(old) != other_problems(new) {
        return Some(format!(
            "problems {:?} vs {:?}",
            other_problems(old),
            other_problems(new)
        ));
    }
    match (&old.root, &new.root) {
        (Some(a), Some(b)) => {
            let mut late = Vec::new();
            if known {
                late_ends(b, text, &mut late);
            }
            Diff { text, known, late }.node(a, b, "$")
        }
        (None, None) => None,
        (a, b) => Some(format!(
            "root {:?} vs {:?}",
            a.as_ref().map(|n| n.kind_name()),
            b.as_ref().map(|n| n.kind_name())
        )),
    }
}

/// The quirk that explains why a node's span differs (`old` yaml-edit's, `new` the
/// layer's), if one does.
fn node_quirk(d: &Diff, old: &Node, new: &Node) -> Option<Quirk> {
    let (a, b) = (old.span, new.span);
    if a.is_empty()
        && b.is_empty()
        && only_trivia(d.text, a.start.min(b.start), a.start.max(b.start))
    {
        return Some(Quirk::EmptyNode);
    }
    if d.ends_later(a, b) {
        return Some(Quirk::EntryEnd);
    }
    let longer = a.start == b.start && a.end > b.end;
    let rest = d.text.get(b.end..a.end).unwrap_or("x");
    (longer && a.end == d.text.len() && rest.trim().is_empty()).then_some(Quirk::TrailingSpace)
}

/// The quirk that explains why an entry's span differs, if one does.
fn entry_quirk(d: &Diff, old: &Entry, new: &Entry) -> Option<Quirk> {
    d.ends_later(old.span, new.span).then_some(Quirk::EntryEnd)
}

/// Whether an entry yaml-edit ends late: one with an explicit key (its `?` starts it),
/// or with an empty value (`key:`, `: # both empty`).
fn ends_late(e: &Entry, text: &str) -> bool {
    let explicit = text.as_bytes().get(e.span.start) == Some(&b'?');
    explicit || e.value.span.is_empty()
}

/// The ends of the entries of `node` (at any depth) that yaml-edit ends late, and of
/// its empty list items (`- # Empty`).
fn late_ends(node: &Node, text: &str, out: &mut Vec<usize>) {
    match &node.value {
        Value::Mapping(m) => {
            for e in &m.entries {
                if ends_late(e, text) {
                    out.push(e.span.end);
                }
                late_ends(&e.key, text, out);
                late_ends(&e.value, text, out);
            }
        }
        Value::Sequence(q) => {
            for n in &q.items {
                if n.span.is_empty() {
                    out.push(n.span.end);
                }
                late_ends(n, text, out);
            }
        }
        _ => {}
    }
}

/// Whether `text[from..to]` holds only spaces, tabs, line breaks and comments.
fn only_trivia(text: &str, from: usize, to: usize) -> bool {
    let Some(between) = text.get(from..to) else {
        return false;
    };
    let mut in_comment = false;
    for c in between.chars() {
        match c {
            '\n' | '\r' => in_comment = false,
            _ if in_comment => {}
            ' ' | '\t' => {}
            '#' => in_comment = true,
            _ => return false,
        }
    }
    true
}

fn has_limit(d: &Document) -> bool {
    d.syntax_diagnostics.iter().any(|x| x.rule == RuleId::Limit)
}

fn has_syntax_error(d: &Document) -> bool {
    d.syntax_diagnostics
        .iter()
        .any(|x| x.rule == RuleId::YamlSyntax)
}

/// The other problems (not `yaml-syntax`) by rule and span.
fn other_problems(d: &Document) -> Vec<(&'static str, usize, usize)> {
    d.syntax_diagnostics
        .iter()
        .filter(|x| x.rule != RuleId::YamlSyntax)
        .map(|x| (x.rule.as_str(), x.span.start, x.span.end))
        .collect()
}

struct Diff<'t> {
    text: &'t str,
    /// Whether the known quirks are let through.
    known: bool,
    /// Where the layer ends the entries yaml-edit ends late (see [`ends_late`]).
    late: Vec<usize>,
}

impl Diff<'_> {
    /// yaml-edit's span `a` is the layer's `b` ending later by spaces, line breaks or a
    /// comment only, where `b` ends with an entry yaml-edit ends late (it, or a node or
    /// entry ending with it: its trivia reach them too).
    fn ends_later(&self, a: Span, b: Span) -> bool {
        a.start == b.start
            && a.end > b.end
            && self.late.contains(&b.end)
            && only_trivia(self.text, b.end, a.end)
    }

    fn show(&self, n: &Node) -> String {
        format!("{:?} {:?}", n.span, n.span.slice(self.text))
    }

    /// The first difference between two trees, as a path and the two sides.
    fn node(&self, a: &Node, b: &Node, path: &str) -> Option<String> {
        if a.span != b.span && !(self.known && node_quirk(self, a, b).is_some()) {
            return Some(format!("{path}: span {} vs {}", self.show(a), self.show(b)));
        }
        if !self.known && (a.tag != b.tag || a.anchor != b.anchor) {
            return Some(format!(
                "{path}: properties {:?}/{:?} vs {:?}/{:?}",
                a.tag, a.anchor, b.tag, b.anchor
            ));
        }
        match (&a.value, &b.value) {
            (Value::Scalar(_), Value::Scalar(_)) | (Value::Alias(_), Value::Alias(_))
                if self.known =>
            {
                None
            }
            (Value::Scalar(x), Value::Scalar(y)) => {
                let same_kind = format!("{:?}", x.kind) == format!("{:?}", y.kind);
                (x.text != y.text || x.style != y.style || !same_kind)
                    .then(|| format!("{path}: scalar {x:?} vs {y:?}"))
            }
            (Value::Alias(x), Value::Alias(y)) => {
                (x != y).then(|| format!("{path}: alias {x} vs {y}"))
            }
            (Value::Sequence(x), Value::Sequence(y)) => {
                if x.flow != y.flow || x.items.len() != y.items.len() {
                    return Some(format!(
                        "{path}: list flow {} len {} vs flow {} len {}",
                        x.flow,
                        x.items.len(),
                        y.flow,
                        y.items.len()
                    ));
                }
                x.items
                    .iter()
                    .zip(&y.items)
                    .enumerate()
                    .find_map(|(i, (p, q))| self.node(p, q, &format!("{path}[{i}]")))
            }
            (Value::Mapping(x), Value::Mapping(y)) => {
                if x.flow != y.flow || x.entries.len() != y.entries.len() {
                    return Some(format!(
                        "{path}: mapping flow {} len {} vs flow {} len {}",
                        x.flow,
                        x.entries.len(),
                        y.flow,
                        y.entries.len()
                    ));
                }
                x.entries
                    .iter()
                    .zip(&y.entries)
                    .enumerate()
                    .find_map(|(i, (p, q))| {
                        let at = format!("{path}.{i}");
                        let accepted = self.known && entry_quirk(self, p, q).is_some();
                        if p.span != q.span && !accepted {
                            return Some(format!(
                                "{at}: entry span {:?} {:?} vs {:?} {:?}",
                                p.span,
                                p.span.slice(self.text),
                                q.span,
                                q.span.slice(self.text)
                            ));
                        }
                        self.node(&p.key, &q.key, &format!("{at}(key)"))
                            .or_else(|| self.node(&p.value, &q.value, &at))
                    })
            }
            _ => Some(format!("{path}: {} vs {}", a.kind_name(), b.kind_name())),
        }
    }
}
