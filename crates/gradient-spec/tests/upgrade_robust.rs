//! The upgrade on damaged and odd input: corpus files with lines dropped, duplicated
//! or replaced by snippets that stress the edit layer (flow mappings, anchors, tags,
//! block scalars, CRLF, tabs, unclosed brackets). It must never panic; when it
//! upgrades, its edits must make its text, the text must have no legacy field and no
//! new syntax problem, and upgrading again must change nothing. When it refuses, the
//! text comes back unchanged with a reason.

mod edit_support;

use edit_support::corpus;
use gradient_spec::diag::apply_edits;
use gradient_spec::upgrade::{upgrade_to_v1, UpgradeStatus};
use gradient_spec::yaml::{parse, Node};
use proptest::prelude::*;

const SNIPPETS: &[&str] = &[
    "port: &p 8000",
    "port: !!str 8000",
    "port: [8000]",
    "port:",
    "port: 8000 # c",
    "  port: 1",
    "models: *p",
    "models: []",
    "models:\n  - {id: a, path: /x}\n  - id: b\n    extra: 1",
    "repositories: {dataset: d, repositories: [{url: 'https://h/r', name: r}]}",
    "repositories:\n  repositories:\n    - url: https://h/r\n      name: r\n      ref: v1",
    "resources: {instanceType: C4, replicas: 1}",
    "resources:\n  instanceType: |\n    C4",
    "resources:\n\tinstanceType: C4",
    "integrations: [{type: volume, name: v}]",
    "apiVersion: [v1]",
    "apiVersion: \"v0alpha0\"",
    "? port\n: 8000",
    "name: [unclosed",
    "---",
    "# just a comment",
    "",
];

fn mutated() -> impl Strategy<Value = String> {
    let edits = prop::collection::vec((0usize..200, 0u8..3, 0usize..SNIPPETS.len()), 0..4);
    (0usize..64, edits, any::<bool>()).prop_map(|(file, edits, crlf)| {
        let files = corpus();
        let mut lines: Vec<String> = files[file % files.len()]
            .1
            .lines()
            .map(str::to_string)
            .collect();
        for (at, op, snippet) in edits {
            if lines.is_empty() {
                lines.push(String::new());
            }
            let at = at % lines.len();
            match op {
                0 => {
                    lines.remove(at);
                }
                1 => {
                    let line = lines[at].clone();
                    lines.insert(at, line);
                }
                _ => lines.insert(at, SNIPPETS[snippet].to_string()),
            }
        }
        let eol = if crlf { "\r\n" } else { "\n" };
        let mut text = lines.join(eol);
        text.push_str(eol);
        text
    })
}

fn syntax_problems(text: &str) -> usize {
    parse(text)
        .syntax_diagnostics
        .iter()
        .filter(|d| d.rule == "yaml-syntax")
        .count()
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 256, ..ProptestConfig::default() })]

    #[test]
    fn the_upgrade_never_breaks_a_text(text in mutated()) {
        let up = upgrade_to_v1(&text);
        match &up.status {
            UpgradeStatus::Upgraded => {
                prop_assert_eq!(apply_edits(&text, &up.edits), Some(up.text.clone()));
                prop_assert!(syntax_problems(&up.text) <= syntax_problems(&text), "{}", up.text);
                let doc = parse(&up.text);
                let root = doc.root.as_ref().and_then(Node::as_mapping).expect("a mapping");
                for key in ["port", "models", "repositories"] {
                    prop_assert!(root.get_entry(key).is_none(), "{key} left:\n{}", up.text);
                }
                prop_assert!(
                    root.get("resources").and_then(Node::as_mapping).is_none_or(|r| r.get_entry("instanceType").is_none()),
                    "instanceType left:\n{}", up.text
                );
                for n in &up.notes {
                    prop_assert!(n.span.start <= n.span.end && n.span.end <= text.len());
                    prop_assert!(text.is_char_boundary(n.span.start) && text.is_char_boundary(n.span.end));
                }
                let again = upgrade_to_v1(&up.text);
                prop_assert_eq!(&again.status, &UpgradeStatus::AlreadyV1, "{}", up.text);
                prop_assert_eq!(again.text, up.text);
            }
            UpgradeStatus::AlreadyV1 => {
                prop_assert_eq!(&up.text, &text);
                prop_assert!(up.edits.is_empty() && up.notes.is_empty());
            }
            UpgradeStatus::Refused { reason } => {
                prop_assert_eq!(&up.text, &text);
                prop_assert!(up.edits.is_empty() && !reason.is_empty());
            }
        }
    }
}
