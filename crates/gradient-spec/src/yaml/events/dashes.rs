//! saphyr-parser rejects a `-` inside a plain scalar in a flow collection when a flow
//! indicator follows it (`[a -]`, `{k: b -, c: d}`), which YAML allows (only a scalar's
//! *first* `-` may not be followed by one) and yaml-edit and libyaml accept. When that
//! is its error, the text is parsed again (with the recovery of `recover.rs`) with
//! those dashes masked as `~` (the same length, so every span stays right), and the
//! scalars that held one get their `-` back by position.

use crate::yaml::{Node, Value};

/// saphyr-parser's message for the dash it wrongly rejects.
pub(crate) const REJECTED: &str = "plain scalar cannot start with '-' followed by ,[]{}";

/// What stands in for a masked `-`: plain-safe in flow, one byte, and no escape makes it.
const MASK: u8 = b'~';

/// `text` with the dashes that continue a plain scalar before a flow indicator masked,
/// and their offsets. A dash that would start a scalar (`[-]`, `[a, -]`, `{a: -}`) is
/// left alone: that one YAML refuses too.
pub(crate) fn masked(text: &str) -> Option<(String, Vec<usize>)> {
    let b = text.as_bytes();
    let mut bytes = b.to_vec();
    let mut replaced = Vec::new();
    for i in 1..b.len() {
        let before_indicator = b
            .get(i + 1)
            .is_some_and(|c| matches!(c, b',' | b'[' | b']' | b'{' | b'}'));
        if b[i] != b'-' || !before_indicator || !matches!(b[i - 1], b' ' | b'\t') {
            continue;
        }
        let mut p = i - 1;
        while p > 0 && matches!(b[p - 1], b' ' | b'\t') {
            p -= 1;
        }
        let continues = p > 0
            && !matches!(
                b[p - 1],
                b'\n' | b'\r' | b'[' | b'{' | b',' | b':' | b'-' | b'?' | b'#'
            );
        if continues {
            bytes[i] = MASK;
            replaced.push(i);
        }
    }
    if replaced.is_empty() {
        return None;
    }
    // One ASCII byte for another: the text is still UTF-8.
    String::from_utf8(bytes).ok().map(|s| (s, replaced))
}

/// Gives the scalars that cover a masked offset their `-` back: the k-th mask in the
/// written scalar is the k-th in its value (folding and escapes leave `~` alone).
pub(crate) fn restore(node: &mut Node, masked: &str, replaced: &[usize]) {
    let span = node.span;
    match &mut node.value {
        Value::Scalar(s) => {
            let first = replaced.partition_point(|&r| r < span.start);
            for &r in replaced[first..].iter().take_while(|&&r| r < span.end) {
                let Some(before) = masked.get(span.start..r) else {
                    continue;
                };
                let k = before.bytes().filter(|&c| c == MASK).count();
                let at = s
                    .text
                    .bytes()
                    .enumerate()
                    .filter(|&(_, c)| c == MASK)
                    .nth(k)
                    .map(|(j, _)| j);
                if let Some(j) = at {
                    s.text.replace_range(j..j + 1, "-");
                }
            }
        }
        Value::Mapping(m) => {
            for e in &mut m.entries {
                restore(&mut e.key, masked, replaced);
                restore(&mut e.value, masked, replaced);
            }
        }
        Value::Sequence(seq) => {
            for item in &mut seq.items {
                restore(item, masked, replaced);
            }
        }
        Value::Alias(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::yaml::events::parse;

    #[test]
    fn a_dash_inside_a_flow_scalar_before_an_indicator_is_content() {
        let doc = parse("{a: b -, c: [d -], e: '~ -'}\n");
        assert!(
            doc.syntax_diagnostics.is_empty(),
            "{:?}",
            doc.syntax_diagnostics
        );
        assert_eq!(
            doc.to_json().unwrap(),
            serde_json::json!({"a": "b -", "c": ["d -"], "e": "~ -"})
        );
        // A quoted scalar and a `~` of its own keep theirs.
        let text = "- [x -, \"q -]\", y ~ -, z]\n";
        let doc = parse(text);
        assert!(
            doc.syntax_diagnostics.is_empty(),
            "{:?}",
            doc.syntax_diagnostics
        );
        assert_eq!(
            doc.to_json().unwrap(),
            serde_json::json!([["x -", "q -]", "y ~ -", "z"]])
        );
        // A scalar may not start with a dash before an indicator.
        for bad in ["[-]\n", "[a, -]\n", "{a: -}\n"] {
            assert!(!parse(bad).syntax_diagnostics.is_empty(), "{bad:?}");
        }
    }
}
