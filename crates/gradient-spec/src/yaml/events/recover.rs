//! Recovery: saphyr-parser stops at the first error; an editor needs the rest.
//!
//! 1. Unclosed quotes and brackets are found by `prescan`, reported at the opener and
//!    closed in a repaired text that is parsed instead (as the yaml-edit layer does).
//! 2. After any other error, parsing resumes at the next top-level line (indented as
//!    the first, not a comment, a marker or a closing bracket) at or after the
//!    error's line, as a section on its own; the sections' entries (or items) join
//!    the first section's root. So every top-level section's problems are found, and
//!    the form keeps every section that parses. Each byte is parsed about twice at
//!    most: a section is parsed up to its error, and the next starts on that line.
//!
//! A top-level section that is not a block mapping or list like the first one's
//! root is left out of the tree (its problem is still reported).

use super::aliases;
use super::build::{Doc, Run};
use super::dashes;
use super::messages;
use super::misindent;
use super::tabs;
use crate::diag::{Diagnostic, Severity, Span};
use crate::yaml::prescan;
use crate::yaml::repair::Repaired;
use crate::yaml::syntax::{clamp, unclosed_diagnostics};
use crate::yaml::{Node, Value};
use crate::RuleId;

/// The documents of a text with its syntax problems (spans into the original text).
pub(crate) struct Parsed {
    pub docs: Vec<Doc>,
    pub diags: Vec<Diagnostic>,
    pub too_deep: Option<usize>,
    /// The text was read by the fast path (`Run::fast`).
    pub fast: bool,
}

pub(crate) fn parse_recovering(text: &str) -> Parsed {
    // Offsets (into `text`) of aliases to unknown anchors, read as plain scalars.
    let mut unknown = Vec::new();
    let first = aliases::run(text, &mut unknown);
    if first.error.is_none() && first.too_deep.is_none() {
        let mut docs = first.docs;
        let mut diags = Vec::new();
        restore_aliases(&mut docs, text, &mut unknown, &mut diags);
        return Parsed {
            docs,
            diags,
            too_deep: None,
            fast: first.fast,
        };
    }
    // Tabs after a colon that saphyr-parser refuses: read as spaces from here on.
    // Or dashes inside flow scalars that it refuses: masked from here on.
    let (spaced, masked) = match &first.error {
        Some((at, m)) if tabs::rejected(text, *at, m) => (tabs::spaced(text), None),
        Some((_, m)) if m == dashes::REJECTED => (None, dashes::masked(text)),
        _ => (None, None),
    };
    let (base, first) = match spaced.as_ref().or(masked.as_ref()) {
        Some((s, _)) => (s.as_str(), aliases::run(s, &mut unknown)),
        None => (text, first),
    };
    let mut diags = Vec::new();
    let mut repaired = None;
    let mut run = first;
    if run.error.is_some() || run.too_deep.is_some() {
        let scan = prescan::scan(base);
        if !scan.unclosed.is_empty() {
            let r = Repaired::new(base, &scan.insertions);
            let mut found = Vec::new();
            let second = aliases::run(&r.text, &mut found);
            if second.too_deep.is_none() {
                unknown.extend(found.into_iter().map(|at| r.to_original(at)));
                diags.extend(unclosed_diagnostics(&scan, text));
                run = second;
                repaired = Some(r);
            }
        }
    }
    let work = repaired.as_ref().map_or(base, |r| r.text.as_str());
    let (docs, errors, too_deep) = if run.too_deep.is_some() || run.error.is_none() {
        (run.docs, Vec::new(), run.too_deep)
    } else {
        let (docs, errors, deep, found) = sections(work, run);
        let back = |at: usize| repaired.as_ref().map_or(at, |r| r.to_original(at));
        unknown.extend(found.into_iter().map(back));
        (docs, errors, deep)
    };
    let (mut docs, mut errors) = (docs, errors);
    if repaired.is_none() && too_deep.is_none() {
        plain_run_on_values(base, &mut docs, &mut errors, &mut unknown);
    }
    let to_original = |at: usize| repaired.as_ref().map_or(at, |r| r.to_original(at));
    for (at, message) in errors {
        let (at, message) = at_the_tab(work, at, message);
        let message =
            misindent::explain(work, at, &message).unwrap_or_else(|| messages::explain(&message));
        let at = to_original(at).min(text.len());
        let mut end = (at + 1).min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        diags.push(Diagnostic::new(
            RuleId::YamlSyntax,
            Severity::Error,
            clamp(Span::new(at, end), text),
            "",
            message,
        ));
    }
    for d in &mut docs {
        if let Some(r) = &repaired {
            d.start = r.to_original(d.start.min(r.text.len()));
        }
        if let Some(node) = d.root.as_mut() {
            if let Some(r) = &repaired {
                r.remap_node(node);
            }
            if let Some((_, replaced)) = &spaced {
                tabs::restore_quoted(node, text, replaced);
            }
            if let Some((m, replaced)) = &masked {
                dashes::restore(node, m, replaced);
            }
        }
    }
    restore_aliases(&mut docs, text, &mut unknown, &mut diags);
    Parsed {
        docs,
        diags,
        too_deep: too_deep.map(to_original),
        fast: false,
    }
}

/// Makes the aliases read as plain scalars aliases again (`unknown`: their offsets in
/// `text`); an alias that ran on past its name is reported instead (`aliases::restore`).
fn restore_aliases(
    docs: &mut [Doc],
    text: &str,
    unknown: &mut [usize],
    diags: &mut Vec<Diagnostic>,
) {
    if unknown.is_empty() {
        return;
    }
    unknown.sort_unstable();
    let mut run_on = Vec::new();
    for node in docs.iter_mut().filter_map(|d| d.root.as_mut()) {
        aliases::restore(node, text, unknown, &mut run_on);
    }
    for at in run_on {
        diags.push(Diagnostic::new(
            RuleId::YamlSyntax,
            Severity::Error,
            clamp(Span::new(at, at + 1), text),
            "",
            "an alias (`*name`) is a whole value: nothing can follow it but a comment; quote the value if the `*` belongs to it",
        ));
    }
}

/// saphyr-parser's message for a second `key: value` on a line (`a: b: c`).
const NESTED_VALUE: &str = "mapping values are not allowed in this context";

/// `password: secret: tok` is read as yaml-edit reads it (and as the rules expect):
/// the rest of the line is the plain scalar `secret: tok`. Where that was the error,
/// the colons after it on its line are read as `;` in a copy of the text (same
/// length, every span stays right), the whole copy parsed again, and those scalars'
/// values taken from the text. The error stays reported.
fn plain_run_on_values(
    base: &str,
    docs: &mut Vec<Doc>,
    errors: &mut Vec<(usize, String)>,
    unknown: &mut Vec<usize>,
) {
    let mut copy = base.as_bytes().to_vec();
    let mut replaced = Vec::new();
    for (at, message) in errors.iter() {
        if message != NESTED_VALUE || copy.get(*at) != Some(&b':') {
            continue;
        }
        let mut p = *at;
        while p < copy.len() && copy[p] != b'\n' {
            if copy[p] == b'#' && matches!(copy[p - 1], b' ' | b'\t') {
                break;
            }
            if copy[p] == b':' && copy.get(p + 1).is_none_or(|c| c.is_ascii_whitespace()) {
                copy[p] = b';';
                replaced.push(p);
            }
            p += 1;
        }
    }
    // A `;` for a `:`: both one byte, the copy is still UTF-8.
    let Ok(copy) = String::from_utf8(copy) else {
        return;
    };
    if replaced.is_empty() {
        return;
    }
    let mut found = Vec::new();
    let again = aliases::run(&copy, &mut found);
    if again.too_deep.is_some() {
        return;
    }
    let (mut more_docs, more_errors, deep) = if again.error.is_some() {
        let (d, e, deep, more) = sections(&copy, again);
        found.extend(more);
        (d, e, deep)
    } else {
        (again.docs, Vec::new(), None)
    };
    if deep.is_some() {
        return;
    }
    for node in more_docs.iter_mut().filter_map(|d| d.root.as_mut()) {
        restore_plain(node, base, &replaced);
    }
    *docs = more_docs;
    // The tree is replaced: so are the aliases found for it.
    *unknown = found;
    errors.extend(more_errors);
}

/// Gives the plain scalars that cover a replaced colon their value from `text`.
fn restore_plain(node: &mut Node, text: &str, replaced: &[usize]) {
    let span = node.span;
    match &mut node.value {
        Value::Scalar(s) => {
            let i = replaced.partition_point(|&r| r < span.start);
            if replaced.get(i).is_some_and(|&r| r < span.end) {
                let written = text.get(span.start..span.end).unwrap_or("");
                // A plain scalar folds its line breaks into spaces.
                s.text = written.lines().map(str::trim).collect::<Vec<_>>().join(" ");
                s.kind = crate::yaml::resolve_plain(&s.text);
            }
        }
        Value::Mapping(m) => {
            for e in &mut m.entries {
                restore_plain(&mut e.key, text, replaced);
                restore_plain(&mut e.value, text, replaced);
            }
        }
        Value::Sequence(q) => q
            .items
            .iter_mut()
            .for_each(|n| restore_plain(n, text, replaced)),
        Value::Alias(_) => {}
    }
}

/// saphyr-parser reports a tab used as indentation where the scalar or line before it
/// ends: the problem is reported at the tab instead (on the error's line or the next),
/// with the layer's message.
fn at_the_tab(text: &str, at: usize, message: String) -> (usize, String) {
    if !messages::about_tabs(&message) {
        return (at, message);
    }
    let b = text.as_bytes();
    let mut line = at.min(b.len());
    while line > 0 && b[line - 1] != b'\n' {
        line -= 1;
    }
    for _ in 0..2 {
        let indent = b[line..].iter().take_while(|&&c| c == b' ' || c == b'\t');
        if let Some(i) = indent.clone().position(|&c| c == b'\t') {
            return (
                line + i,
                "tabs are not allowed for indentation in YAML".to_string(),
            );
        }
        match b[line..].iter().position(|&c| c == b'\n') {
            Some(i) => line += i + 1,
            None => break,
        }
    }
    (at, message)
}

/// What [`sections`] finds.
type Sections = (Vec<Doc>, Vec<(usize, String)>, Option<usize>, Vec<usize>);

/// Parses `text` section by section after `first` (its parse from the start) stopped
/// at an error: the documents (the first one's root holding every section's entries),
/// every section's error, where collections nest too deeply, and the offsets of the
/// aliases to unknown anchors read as plain scalars.
fn sections(text: &str, first: Run) -> Sections {
    let mut docs = first.docs;
    let mut errors = Vec::new();
    let mut error = first.error;
    let mut from = 0;
    let mut unknown = Vec::new();
    while let Some((at, message)) = error.take() {
        errors.push((at, message));
        let Some(next) = next_section(text, from, at) else {
            break;
        };
        from = next;
        let Some(rest) = text.get(next..) else { break };
        let mut found = Vec::new();
        let run = aliases::run(rest, &mut found);
        unknown.extend(found.into_iter().map(|at| next + at));
        if let Some(deep) = run.too_deep {
            return (docs, errors, Some(next + deep), unknown);
        }
        error = run.error.map(|(e, m)| (next + e, m));
        drop_from(&mut docs, next);
        let mut more = run.docs.into_iter();
        if let Some(mut d) = more.next() {
            if let Some(root) = d.root.as_mut() {
                shift(root, next);
            }
            join(&mut docs, d.root);
        }
        for mut d in more {
            // `usize::MAX` marks a document with no start yet (no `---`, no content).
            if d.start != usize::MAX {
                d.start += next;
            }
            if let Some(root) = d.root.as_mut() {
                shift(root, next);
            }
            docs.push(d);
        }
    }
    (docs, errors, None, unknown)
}

/// The start of the first top-level line after `from` at or after the line holding
/// `error`: indented as the document's first line (a tab that indents a line of a
/// document at column 0 is skipped).
fn next_section(text: &str, from: usize, error: usize) -> Option<usize> {
    let b = text.as_bytes();
    let base = base_indent(b);
    let mut line = error.min(b.len());
    while line > 0 && b[line - 1] != b'\n' {
        line -= 1;
    }
    while line < b.len() {
        let spaces = b[line..].iter().take_while(|&&c| c == b' ').count();
        let tabs = b[line..].iter().take_while(|&&c| c == b'\t').count();
        let start = if base == 0 { line + tabs } else { line };
        if start > from && spaces == base && is_content(b, line + spaces.max(tabs)) {
            return Some(start);
        }
        line = b[line..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |i| line + i + 1);
    }
    None
}

/// The indentation of the document's first content line (a spec may indent it all).
fn base_indent(b: &[u8]) -> usize {
    let mut line = 0;
    while line < b.len() {
        let spaces = b[line..].iter().take_while(|&&c| c == b' ').count();
        if is_content(b, line + spaces) {
            return spaces;
        }
        line = b[line..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(b.len(), |i| line + i + 1);
    }
    0
}

/// Whether a node can start at `at`: not a line end, a comment, a directive, a
/// document marker or a closing bracket.
fn is_content(b: &[u8], at: usize) -> bool {
    let marker = |m: &[u8]| {
        b.get(at..at + 3) == Some(m) && b.get(at + 3).is_none_or(|c| c.is_ascii_whitespace())
    };
    match b.get(at) {
        None | Some(b' ' | b'\t' | b'\r' | b'\n' | b'#' | b'%' | b']' | b'}' | b',') => false,
        _ => !marker(b"---") && !marker(b"..."),
    }
}

/// Drops from the first document's root the entries (or items) that start at or
/// after `at`, where a section that is parsed again begins.
fn drop_from(docs: &mut [Doc], at: usize) {
    let Some(root) = docs.first_mut().and_then(|d| d.root.as_mut()) else {
        return;
    };
    // In text order: only the last few can start there.
    match &mut root.value {
        Value::Mapping(m) => {
            while m.entries.last().is_some_and(|e| e.span.start >= at) {
                m.entries.pop();
            }
        }
        Value::Sequence(s) => {
            while s.items.last().is_some_and(|n| n.span.start >= at) {
                s.items.pop();
            }
        }
        _ => {}
    }
}

/// Adds a later section's root to the first document's: its entries to a block
/// mapping, its items to a block list. A section of another shape is left out (the
/// error before it is reported).
fn join(docs: &mut Vec<Doc>, section: Option<Node>) {
    let Some(section) = section else { return };
    let Some(doc) = docs.first_mut() else {
        docs.push(Doc {
            start: section.span.start,
            root: Some(section),
        });
        return;
    };
    let Some(root) = doc.root.as_mut() else {
        doc.root = Some(section);
        return;
    };
    let span = section.span;
    match (&mut root.value, section.value) {
        (Value::Mapping(m), Value::Mapping(more)) if !m.flow && !more.flow => {
            m.entries.extend(more.entries)
        }
        (Value::Sequence(s), Value::Sequence(more)) if !s.flow && !more.flow => {
            s.items.extend(more.items)
        }
        _ => return,
    }
    // The root covers what it holds: its own entries before the section (if any were
    // kept) and the section's.
    root.span = Span::new(root.span.start.min(span.start), root.span.end.max(span.end));
}

/// Moves every span of `node` by `by` bytes.
fn shift(node: &mut Node, by: usize) {
    node.span = Span::new(node.span.start + by, node.span.end + by);
    match &mut node.value {
        Value::Mapping(m) => {
            for e in &mut m.entries {
                e.span = Span::new(e.span.start + by, e.span.end + by);
                shift(&mut e.key, by);
                shift(&mut e.value, by);
            }
        }
        Value::Sequence(s) => s.items.iter_mut().for_each(|n| shift(n, by)),
        Value::Scalar(_) | Value::Alias(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::diag::Span;
    use crate::yaml::events::parse;
    use crate::yaml::{Node, Value};

    #[test]
    fn a_second_colon_on_a_line_is_part_of_a_plain_value() {
        let text = "a: b: c\nd: 1\nlist:\n  - password: secret: tok\n";
        let doc = parse(text);
        let errors: Vec<&str> = doc
            .syntax_diagnostics
            .iter()
            .map(|d| d.span.slice(text))
            .collect();
        assert_eq!(errors, [":", ":"], "{:?}", doc.syntax_diagnostics);
        let root = doc.root.as_ref().unwrap().as_mapping().unwrap();
        let a = root.get("a").unwrap();
        assert_eq!(a.span.slice(text), "b: c");
        assert_eq!(a.as_str(), Some("b: c"));
        assert_eq!(root.get("d").unwrap().scalar_text(), Some("1"));
        let item = &root.get("list").unwrap().as_sequence().unwrap().items[0];
        let password = item.as_mapping().unwrap().get("password").unwrap();
        assert_eq!(password.span.slice(text), "secret: tok");
        assert_eq!(password.as_str(), Some("secret: tok"));
    }

    #[test]
    fn sections_after_an_error_still_parse() {
        let text = "image: x\nport: [1, 2]]\nenv:\n  - name: A\nresources:\n  replicas: 2\n";
        let doc = parse(text);
        assert_eq!(
            doc.syntax_diagnostics
                .iter()
                .filter(|d| d.rule == "yaml-syntax")
                .count(),
            1,
            "{:?}",
            doc.syntax_diagnostics
        );
        let root = doc.root.as_ref().unwrap().as_mapping().unwrap();
        let keys: Vec<&str> = root
            .entries
            .iter()
            .filter_map(|e| e.key.scalar_text())
            .collect();
        assert_eq!(keys, ["image", "port", "env", "resources"]);
        let replicas = root.get("resources").unwrap().as_mapping().unwrap();
        assert_eq!(replicas.get("replicas").unwrap().span.slice(text), "2");
    }

    /// Every node lies inside its parent's span, and every entry inside its mapping's
    /// (what the fuzz targets assert: the edits cut the text by these spans).
    fn assert_nested(node: &Node, outer: Span) {
        let s = node.span;
        assert!(
            outer.start <= s.start && s.start <= s.end && s.end <= outer.end,
            "{s:?} outside {outer:?}"
        );
        match &node.value {
            Value::Mapping(m) => {
                for e in &m.entries {
                    assert!(
                        s.start <= e.span.start && e.span.end <= s.end,
                        "entry {:?} outside its mapping {s:?}",
                        e.span
                    );
                    assert_nested(&e.key, e.span);
                    assert_nested(&e.value, e.span);
                }
            }
            Value::Sequence(q) => q.items.iter().for_each(|i| assert_nested(i, s)),
            _ => {}
        }
    }

    /// Found by fuzzing (kept as `fuzz/corpus/pipeline/found-crash-96e546d…`): after
    /// `%KTA…`, a directive with non-ASCII words that saphyr-parser counted in bytes,
    /// every position was 3 bytes to the right; the recovery then joined the section
    /// re-parsed from the error's line (right positions) to a root list whose start
    /// had drifted past its item's: the root list got 31..31, its item began at 28.
    #[test]
    fn a_recovered_root_list_after_a_directive_covers_its_items() {
        let text = "%KTA!e!p\u{6f2}AG \u{7da}\u{792}2cp/\n---\n- .on/ap- { \u{14}IIIIIIIIIIIIIIIIIIIIIIIIII-\u{2}-$: !e\0";
        let doc = parse(text);
        let root = doc.root.as_ref().expect("the list parses up to the error");
        assert_nested(root, Span::new(0, text.len()));
        assert_eq!(root.span.start, 26, "the root list starts at its `-`");
        let item = &root.as_sequence().unwrap().items[0];
        assert_eq!(item.span.start, 28);
        // The mapping cut short by the error covers its key, the last thing read.
        let entry = &item.as_mapping().unwrap().entries[0];
        assert_eq!(entry.span, item.span);
        // Reported where saphyr-parser stops, in the layer's words for it.
        let first = &doc.syntax_diagnostics[0];
        assert!(first.message.contains("control character"), "{first:?}");
    }

    /// A mapping closed by an error while its key waits for a value ends with that
    /// key (it ended where its previous entry did).
    #[test]
    fn a_mapping_cut_short_after_a_key_covers_it() {
        for text in [
            "a: 1\nkey: !t \0",
            "- k: v\n  other: \0",
            "x:\n  y: z\n  w: &a \0",
        ] {
            let doc = parse(text);
            assert!(!doc.syntax_diagnostics.is_empty(), "{text:?}");
            assert_nested(doc.root.as_ref().unwrap(), Span::new(0, text.len()));
        }
    }
}
