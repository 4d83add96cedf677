//! Property tests for the next parse (`yaml::events`): no input (arbitrary text, YAML
//! punctuation, unicode) makes it panic or give a span outside the text or off a
//! character boundary, in the tree or in its problems. The same inputs through today's
//! layer are in `yaml_props.rs`; `PROPTEST_CASES` raises the counts.

use gradient_spec::yaml::{events, Node, Value};
use proptest::prelude::*;

fn span_ok(s: gradient_spec::diag::Span, text: &str) -> bool {
    s.start <= s.end
        && s.end <= text.len()
        && text.is_char_boundary(s.start)
        && text.is_char_boundary(s.end)
}

fn tree_ok(node: &Node, text: &str) -> bool {
    span_ok(node.span, text)
        && match &node.value {
            Value::Mapping(m) => m
                .entries
                .iter()
                .all(|e| span_ok(e.span, text) && tree_ok(&e.key, text) && tree_ok(&e.value, text)),
            Value::Sequence(q) => q.items.iter().all(|n| tree_ok(n, text)),
            _ => true,
        }
}

fn holds(text: &str) -> Result<(), TestCaseError> {
    let doc = events::parse(text);
    for d in &doc.syntax_diagnostics {
        prop_assert!(span_ok(d.span, text), "{} at {:?}", d.rule, d.span);
    }
    if let Some(root) = &doc.root {
        prop_assert!(tree_ok(root, text), "a node span outside the text");
    }
    for c in events::comment_spans(&doc) {
        prop_assert!(span_ok(c, text), "comment at {c:?}");
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(
        std::env::var("PROPTEST_CASES").ok().and_then(|v| v.parse().ok()).unwrap_or(512)
    ))]

    #[test]
    fn arbitrary_text(text in "\\PC{0,200}") {
        holds(&text)?;
    }

    #[test]
    fn yaml_punctuation(text in "[-:?,\\[\\]{}#&*!|>'\"%@` \t\r\na-c0-9é]{0,160}") {
        holds(&text)?;
    }

    #[test]
    fn indented_lines(lines in prop::collection::vec(("[ \t]{0,6}", "[-:?,\\[\\]{}#&*!|>'\" a-c]{0,20}"), 0..20)) {
        let text: String = lines.iter().map(|(i, l)| format!("{i}{l}\n")).collect();
        holds(&text)?;
    }
}
