//! saphyr-parser rejects a tab right after a value's `:` when a letter or `-` follows
//! (`image:\tx`), which YAML allows (a tab separates as a space does) and yaml-edit
//! accepts. When that is its error, the text is parsed again (with the recovery of
//! `recover.rs`) with those tabs read as spaces: the same length, so every span stays
//! right. Quoted scalars that held such a tab get their value back from the original.
//!
//! Known gap: a block scalar whose content holds `:` and a tab keeps a space there.

use super::build;
use crate::yaml::{Node, Scalar, Value};

/// saphyr-parser's message for the tab it wrongly rejects after a `:`.
const REJECTED: &str = "':' must be followed by a valid YAML whitespace";

/// Whether saphyr-parser's error (`message` at `at`) is a tab it wrongly refuses: after
/// a value's `:`, or after an explicit key's `?` (`?\tkey`, found by the differential
/// fuzz target; it wants a space there).
pub(crate) fn rejected(text: &str, at: usize, message: &str) -> bool {
    let b = text.as_bytes();
    message == REJECTED
        || (message == "expected whitespace"
            && b.get(at) == Some(&b'\t')
            && at > 0
            && b[at - 1] == b'?')
}

/// Whether the `?` at `i` is an explicit key's indicator (it starts a line or follows a
/// space), not part of a scalar.
fn key_indicator(b: &[u8], i: usize) -> bool {
    b[i] == b'?' && (i == 0 || matches!(b[i - 1], b' ' | b'\t' | b'\n' | b'\r'))
}

/// `text` with the tabs after a `:` that saphyr-parser refuses made spaces, and the
/// offsets changed (same length: every offset still points at the same place).
pub(crate) fn spaced(text: &str) -> Option<(String, Vec<usize>)> {
    let mut bytes = text.as_bytes().to_vec();
    let mut replaced = Vec::new();
    for i in 1..bytes.len() {
        let after_colon = bytes[i - 1] == b':'
            || key_indicator(text.as_bytes(), i - 1)
            || replaced.last() == Some(&(i - 1));
        if bytes[i] == b'\t' && after_colon && scalar_follows(text.as_bytes(), i) {
            bytes[i] = b' ';
            replaced.push(i);
        }
    }
    // A tab and a space are both one byte: the text is still UTF-8.
    String::from_utf8(bytes).ok().map(|s| (s, replaced))
}

/// Whether what follows the tabs at `i` on its line is a scalar: not a block list
/// entry (`-` and a space) nor an implicit key (`key:`), which YAML does not allow to
/// be separated by a tab there (suite cases Y79Y-007 and -009).
fn scalar_follows(b: &[u8], mut i: usize) -> bool {
    while i < b.len() && (b[i] == b'\t' || b[i] == b' ') {
        i += 1;
    }
    let blank = |j: usize| b.get(j).is_none_or(|c| c.is_ascii_whitespace());
    if b.get(i) == Some(&b'-') && blank(i + 1) {
        return false;
    }
    if let Some(&q) = b.get(i).filter(|&&c| c == b'"' || c == b'\'') {
        i += 1;
        while i < b.len() && b[i] != q && b[i] != b'\n' {
            i += if b[i] == b'\\' && q == b'"' { 2 } else { 1 };
        }
        i += 1;
    }
    while i < b.len() && b[i] != b'\n' {
        if b[i] == b'#' && b[i - 1].is_ascii_whitespace() {
            break;
        }
        if b[i] == b':' && blank(i + 1) {
            return false;
        }
        i += 1;
    }
    true
}

/// Re-reads from `original` the quoted scalars that cover a replaced offset.
pub(crate) fn restore_quoted(node: &mut Node, original: &str, replaced: &[usize]) {
    let span = node.span;
    let covers = || {
        let i = replaced.partition_point(|&r| r < span.start);
        replaced.get(i).is_some_and(|&r| r < span.end)
    };
    match &mut node.value {
        Value::Scalar(s) if s.style.is_quoted() && covers() => {
            if let Some(text) = original.get(span.start..span.end).and_then(quoted_value) {
                s.text = text;
            }
        }
        Value::Mapping(m) => {
            for e in &mut m.entries {
                restore_quoted(&mut e.key, original, replaced);
                restore_quoted(&mut e.value, original, replaced);
            }
        }
        Value::Sequence(seq) => {
            for item in &mut seq.items {
                restore_quoted(item, original, replaced);
            }
        }
        _ => {}
    }
}

/// The value of a quoted scalar written alone.
fn quoted_value(written: &str) -> Option<String> {
    let run = build::run(written);
    let root = run.docs.into_iter().next()?.root?;
    match root.value {
        Value::Scalar(Scalar { text, .. }) => Some(text),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::yaml::events::parse;

    #[test]
    fn a_tab_after_a_colon_separates() {
        let doc = parse("image:\tx\ncommand:\t-a\nq: \"a:\tb\"\n");
        assert!(
            doc.syntax_diagnostics.is_empty(),
            "{:?}",
            doc.syntax_diagnostics
        );
        let root = doc.root.unwrap();
        let m = root.as_mapping().unwrap();
        assert_eq!(m.get("image").unwrap().scalar_text(), Some("x"));
        assert_eq!(m.get("command").unwrap().scalar_text(), Some("-a"));
        assert_eq!(m.get("q").unwrap().scalar_text(), Some("a:\tb"));
    }

    /// Found by the differential fuzz target: saphyr-parser wants a space after `?`.
    #[test]
    fn a_tab_after_an_explicit_keys_question_mark_separates() {
        for text in ["?\tkey\n: v\n", "?\t", "?\t\t name "] {
            let doc = parse(text);
            assert!(
                doc.syntax_diagnostics.is_empty(),
                "{text:?}: {:?}",
                doc.syntax_diagnostics
            );
        }
        let text = "?\tkey\n: v\n";
        let root = parse(text).root.unwrap();
        let e = &root.as_mapping().unwrap().entries[0];
        assert_eq!(
            (e.key.span.slice(text), e.value.span.slice(text)),
            ("key", "v")
        );
        // A block list after the tab stays refused, as after a `:` (suite case Y79Y).
        assert!(!parse("?\t- a\n").syntax_diagnostics.is_empty());
    }
}
