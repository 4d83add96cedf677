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

/// Makes the plain scalars at the offsets in `found` (sorted) aliases again, named
/// from `text`.
pub(crate) fn restore(node: &mut Node, text: &str, found: &[usize]) {
    match &mut node.value {
        Value::Scalar(_) => {
            if found.binary_search(&node.span.start).is_ok() {
                let name = text
                    .get(node.span.start + 1..node.span.end)
                    .unwrap_or("")
                    .to_string();
                node.value = Value::Alias(name);
            }
        }
        Value::Mapping(m) => {
            for e in &mut m.entries {
                restore(&mut e.key, text, found);
                restore(&mut e.value, text, found);
            }
        }
        Value::Sequence(s) => s.items.iter_mut().for_each(|n| restore(n, text, found)),
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
