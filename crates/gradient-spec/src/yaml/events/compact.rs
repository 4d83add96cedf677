//! saphyr-parser reads a `:` that starts an entry with no key (`: - a`, `: b: c`) like
//! an explicit value after `?`, where a list or mapping may start on the `:`'s line.
//! YAML allows that only after an explicit `?` key (the compact forms); after an empty
//! implicit key the value is a block node, which starts on a later line, as yaml-edit
//! says (found by the differential fuzz target). The layer reports such a value.

use crate::diag::{Diagnostic, Severity, Span};
use crate::yaml::{Node, Value};
use crate::RuleId;

/// One `yaml-syntax` problem per block list or mapping that starts on the line of a
/// keyless entry's `:` in `node`.
pub(crate) fn check(node: &Node, text: &str, diags: &mut Vec<Diagnostic>) {
    match &node.value {
        Value::Mapping(m) => {
            for e in &m.entries {
                let keyless = !m.flow
                    && e.key.span.is_empty()
                    && text.as_bytes().get(e.span.start) == Some(&b':');
                if keyless && is_block_collection(&e.value) {
                    let between = text.get(e.span.start..e.value.span.start).unwrap_or("");
                    if !between.contains(['\n', '\r']) {
                        // The value's first character (found by fuzzing: `: ʇ1: x`).
                        let at = e.value.span.start;
                        let len = text[at..].chars().next().map_or(0, char::len_utf8);
                        diags.push(Diagnostic::new(
                            RuleId::YamlSyntax,
                            Severity::Error,
                            Span::new(at, at + len),
                            "",
                            "a list or mapping cannot start on the line of a `:` with no key before it; write the key, or start the value on the next line, indented",
                        ));
                    }
                }
                check(&e.key, text, diags);
                check(&e.value, text, diags);
            }
        }
        Value::Sequence(q) => q.items.iter().for_each(|n| check(n, text, diags)),
        _ => {}
    }
}

fn is_block_collection(node: &Node) -> bool {
    match &node.value {
        Value::Mapping(m) => !m.flow,
        Value::Sequence(q) => !q.flow,
        _ => false,
    }
}

#[cfg(test)]
mod tests {
    use crate::yaml::events::parse;

    #[test]
    fn a_keyless_entrys_value_cannot_start_a_collection_on_its_line() {
        // The last in a later document, which the recovery parses on its own.
        for text in [
            ": - a\n",
            "#\n: va : va",
            "x: 1\n: ? b\n",
            "x: 1\n---\n: - a\n",
        ] {
            let doc = parse(text);
            assert!(
                doc.syntax_diagnostics
                    .iter()
                    .any(|d| d.rule == "yaml-syntax"),
                "{text:?}"
            );
        }
        // After an explicit key, on the next line, or in flow: YAML allows it.
        for text in [
            "? a\n: - b\n",
            ":\n  - a\n",
            ": a\n",
            "{: [a]}\n",
            "? - a\n: ? b\n",
        ] {
            let doc = parse(text);
            assert!(
                doc.syntax_diagnostics.is_empty(),
                "{text:?}: {:?}",
                doc.syntax_diagnostics
            );
        }
    }
}
