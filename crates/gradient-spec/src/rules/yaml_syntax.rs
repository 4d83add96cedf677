//! `yaml-syntax`: text that is not well-formed YAML (or JSON). The parsers report it
//! (`crate::yaml`, `crate::json`) where they find it; this file holds its entry, and
//! reports the one such problem that needs the whole tree: an alias (`*name`) with no
//! anchor `&name` written before it. YAML refuses that document, and so do the loaders
//! of Paperspace's tools; the parser reads it as an alias so that the rest of the
//! document is still checked (`yaml/events/aliases.rs`).
//!
//! The parser already learns these aliases (saphyr-parser refuses each one, and
//! `aliases.rs` keeps their offsets to read them again), so its diagnostics are the
//! right place for this problem, without this walk. It is here because a change to the
//! YAML layer restarts its 10-million-execution fuzz count; it moves there with the
//! layer's next change.

use super::registry::Rule;
use super::{Context, RuleId};
use crate::diag::{Diagnostic, Severity};
use crate::yaml::{Node, Value};

/// `yaml-syntax` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::YamlSyntax,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "YAML syntax",
    what: "The text is not well-formed YAML: an unclosed quote or bracket, bad or tab indentation, a stray `:`, an alias (`*name`) with no anchor `&name` before it.",
    why: "Nothing can read the spec until it parses; the rest of the document is still checked where it parsed.",
    fix: "Look at the marked place: close the quote or bracket, indent with spaces, and quote values that contain `: `.",
};

/// One problem per alias whose anchor is not written before it.
pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    // No alias without a `*`: most specs are passed over with one byte search.
    if !cx.text.contains('*') {
        return;
    }
    undefined_aliases(cx.root_node, &mut Vec::new(), out);
}

/// Walks `node` in the order it is written, with the anchors written so far.
fn undefined_aliases<'a>(node: &'a Node, anchors: &mut Vec<&'a str>, out: &mut Vec<Diagnostic>) {
    if let Some(anchor) = &node.anchor {
        anchors.push(anchor);
    }
    match &node.value {
        Value::Alias(name) if !anchors.contains(&name.as_str()) => {
            let hint = match crate::spec::suggest(name, anchors.iter().copied()) {
                Some(close) => format!("did you mean `*{close}`? Or write `&{name}` before it"),
                None => format!("write `&{name}` on the value it stands for, before the alias"),
            };
            out.push(Diagnostic::new(
                RULE.id,
                Severity::Error,
                node.span,
                "",
                format!("the alias `*{name}` names no anchor written before it, so YAML loaders refuse the document; {hint}"),
            ));
        }
        Value::Mapping(m) => {
            for e in &m.entries {
                undefined_aliases(&e.key, anchors, out);
                undefined_aliases(&e.value, anchors, out);
            }
        }
        Value::Sequence(s) => s
            .items
            .iter()
            .for_each(|n| undefined_aliases(n, anchors, out)),
        Value::Alias(_) | Value::Scalar(_) => {}
    }
}

#[cfg(test)]
mod tests {
    use crate::check;

    fn aliases_reported(text: &str) -> Vec<(&str, String)> {
        check(text)
            .diagnostics
            .into_iter()
            .filter(|d| d.rule == "yaml-syntax")
            .map(|d| (d.span.slice(text), d.message))
            .collect()
    }

    #[test]
    fn an_alias_needs_an_anchor_written_before_it() {
        let found = aliases_reported("image: *nope\n");
        assert_eq!(found.len(), 1, "{found:?}");
        assert_eq!(found[0].0, "*nope");
        assert!(found[0].1.contains("write `&nope`"), "{found:?}");
        // A misspelt name gets the close one.
        let text = "x-base: &defaults\n  replicas: 1\nresources: *defualts\n";
        let found = aliases_reported(text);
        assert_eq!(found.len(), 1, "{found:?}");
        assert!(
            found[0].1.contains("did you mean `*defaults`?"),
            "{found:?}"
        );
        // An anchor written after its alias is not there yet; a key can be an alias.
        assert_eq!(aliases_reported("a: *x\nb: &x 1\n").len(), 1);
        assert_eq!(aliases_reported("? *k\n: 1\n").len(), 1);
    }

    #[test]
    fn aliases_to_anchors_before_them_are_fine() {
        for text in [
            "image: &i nginx\nname: *i\n",
            "a: &l [1, *l]\n",
            "- &k key\n- {*k : v}\n",
            "image: \"*nope\"\ncommand: ['*', '-c']\n",
            "image: a*b # *c\n",
        ] {
            assert_eq!(aliases_reported(text), [], "{text:?}");
        }
    }
}
