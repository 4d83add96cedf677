//! saphyr-parser refuses an alias whose anchor is not defined (`image: *nope`), and
//! a section parsed on its own does not see the anchors of the sections before it.
//! yaml-edit reads such an alias as an alias (and `to_json` reports it); so does this
//! layer: the `*` is read as a letter in a copy of the text (same length, every span
//! stays right) and the plain scalar it makes becomes the alias again in the tree.
//! At most [`MAX_FIXES`] per parse; past that, saphyr-parser's error is reported.

use super::build::{self, Run};
use crate::yaml::{Node, Value};

/// saphyr-parser's message for an alias to an unknown anchor.
const UNKNOWN: &str = "while parsing node, found unknown anchor";

/// Each fix costs a parse of the text again.
const MAX_FIXES: usize = 32;

/// Parses `text`, reading aliases to unknown anchors as plain scalars; their offsets
/// are added to `found` (the fixes of the whole parse are counted there).
pub(crate) fn run(text: &str, found: &mut Vec<usize>) -> Run {
    let mut run = build::run(text);
    let mut fixed: Option<String> = None;
    while let Some((at, message)) = &run.error {
        let at = *at;
        let current = fixed.as_deref().unwrap_or(text);
        if message != UNKNOWN
            || found.len() >= MAX_FIXES
            || current.as_bytes().get(at) != Some(&b'*')
            || !stands_alone(current.as_bytes(), at)
        {
            break;
        }
        let mut copy = current.to_string();
        copy.replace_range(at..at + 1, "x");
        found.push(at);
        run = build::run(&copy);
        fixed = Some(copy);
    }
    run
}

/// The end of the alias name after the `*` at `at`: saphyr-parser's anchor characters
/// run up to a space, a line break or a flow indicator.
fn name_end(b: &[u8], at: usize) -> usize {
    let n = b[at + 1..]
        .iter()
        .position(|c| {
            matches!(
                c,
                b' ' | b'\t' | b'\r' | b'\n' | b',' | b'[' | b']' | b'{' | b'}'
            )
        })
        .unwrap_or(b.len() - at - 1);
    at + 1 + n
}

/// Whether the alias at `at` is a whole node on its line: only a comment, a `:` (it is
/// a key), a flow `,` `]` `}` or the line's end follows its name. Otherwise (`*a b`)
/// the alias is followed by more content, which YAML refuses: it is not read as a
/// scalar, and saphyr-parser's error stands.
fn stands_alone(b: &[u8], at: usize) -> bool {
    let end = name_end(b, at);
    let mut p = end;
    while p < b.len() && matches!(b[p], b' ' | b'\t') {
        p += 1;
    }
    let spaced = p > end;
    match b.get(p) {
        None | Some(b'\r' | b'\n' | b',' | b']' | b'}') => true,
        Some(b'#') => spaced,
        Some(b':') => b
            .get(p + 1)
            .is_none_or(|c| matches!(c, b' ' | b'\t' | b'\r' | b'\n' | b',' | b']' | b'}')),
        _ => false,
    }
}

/// Makes the plain scalars at the offsets in `found` (sorted) aliases again, named
/// from `text`. A scalar that runs on past the alias's name (onto the next line: `*a`
/// then an indented `b`) is YAML's error, not an alias: its offset goes to `run_on`.
pub(crate) fn restore(node: &mut Node, text: &str, found: &[usize], run_on: &mut Vec<usize>) {
    match &mut node.value {
        Value::Scalar(_) => {
            let at = node.span.start;
            if found.binary_search(&at).is_ok() {
                if name_end(text.as_bytes(), at) != node.span.end {
                    run_on.push(at);
                    return;
                }
                let name = text.get(at + 1..node.span.end).unwrap_or("").to_string();
                node.value = Value::Alias(name);
            }
        }
        Value::Mapping(m) => {
            for e in &mut m.entries {
                restore(&mut e.key, text, found, run_on);
                restore(&mut e.value, text, found, run_on);
            }
        }
        Value::Sequence(s) => s
            .items
            .iter_mut()
            .for_each(|n| restore(n, text, found, run_on)),
        Value::Alias(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::yaml::events::parse;
    use crate::yaml::Value;

    #[test]
    fn an_alias_to_an_unknown_anchor_is_an_alias() {
        let text = "a: *nope\nb: [*x, 1]\nc: &d 2\n";
        let doc = parse(text);
        assert!(
            doc.syntax_diagnostics.is_empty(),
            "{:?}",
            doc.syntax_diagnostics
        );
        let root = doc.root.as_ref().unwrap().as_mapping().unwrap();
        assert_eq!(root.get("a").unwrap().value, Value::Alias("nope".into()));
        assert_eq!(root.get("a").unwrap().span.slice(text), "*nope");
        let b = root.get("b").unwrap().as_sequence().unwrap();
        assert_eq!(b.items[0].value, Value::Alias("x".into()));
        assert!(doc.to_json().is_err());
    }

    /// Found by the differential fuzz target: `*en Griffey: 58` was read as the alias
    /// `*en Griffey` (the masked `*` made one plain scalar of it); YAML refuses content
    /// after an alias, and so do yaml-edit and now the layer.
    #[test]
    fn an_alias_followed_by_more_content_is_an_error() {
        for text in [
            "- *en Griffey: 58\n",
            "a: *x true\n",
            "a: *x\n  more\n",
            "*a 3\n",
        ] {
            let doc = parse(text);
            assert!(
                doc.syntax_diagnostics
                    .iter()
                    .any(|d| d.rule == "yaml-syntax"),
                "{text:?}: {:?}",
                doc.syntax_diagnostics
            );
        }
        for text in [
            "a: *x # c\n",
            "*k : v\n",
            "[*x, *y]\n",
            "{a: *x}\n",
            "- *x\n",
        ] {
            let doc = parse(text);
            assert!(
                doc.syntax_diagnostics.is_empty(),
                "{text:?}: {:?}",
                doc.syntax_diagnostics
            );
        }
    }

    #[test]
    fn a_section_after_an_error_sees_aliases_to_earlier_anchors() {
        let text = "defaults: &d {replicas: 1}\nport: a: b\nresources: *d\n";
        let doc = parse(text);
        let root = doc.root.as_ref().unwrap().as_mapping().unwrap();
        assert_eq!(
            root.get("resources").unwrap().value,
            Value::Alias("d".into())
        );
        assert_eq!(
            doc.syntax_diagnostics.len(),
            1,
            "{:?}",
            doc.syntax_diagnostics
        );
    }
}
