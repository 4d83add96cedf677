//! `duplicate-key`: a key written twice in one mapping. YAML forbids it, and loaders
//! disagree on what it means (some keep the first, most the last, some refuse the
//! file). Reported at the later key, naming the line of the first.
//!
//! Keys compare by value, as YAML says: `8000` and `0x1F40` are the same integer key,
//! `"8000"` is a different (string) key.

use super::{Node, ScalarKind, Value};
use crate::diag::{Diagnostic, Severity};
use crate::path::SpecPath;
use crate::text::LineIndex;
use std::collections::HashMap;

pub(crate) fn check(root: &Node, text: &str, out: &mut Vec<Diagnostic>) {
    let mut lines = None;
    walk(root, &SpecPath::root(), text, &mut lines, out);
}

fn walk(
    node: &Node,
    path: &SpecPath,
    text: &str,
    lines: &mut Option<LineIndex>,
    out: &mut Vec<Diagnostic>,
) {
    match &node.value {
        Value::Mapping(m) => {
            let mut seen: HashMap<String, usize> = HashMap::new();
            for e in &m.entries {
                let key_path = match e.key.scalar_text() {
                    Some(k) => path.key(k),
                    None => path.clone(),
                };
                let id = identity(&e.key);
                if let Some(&first) = seen.get(&id) {
                    let line = lines
                        .get_or_insert_with(|| LineIndex::new(text))
                        .position(first)
                        .line;
                    let shown = e.key.span.slice(text);
                    out.push(Diagnostic::new(
                        "duplicate-key",
                        Severity::Error,
                        e.key.span,
                        key_path.to_string(),
                        format!(
                            "the key `{shown}` is already set on line {line}; YAML forbids a key twice in one mapping, and loaders disagree on which value wins"
                        ),
                    ));
                } else {
                    seen.insert(id, e.key.span.start);
                }
                walk(&e.key, &key_path, text, lines, out);
                walk(&e.value, &key_path, text, lines, out);
            }
        }
        Value::Sequence(s) => {
            for (i, item) in s.items.iter().enumerate() {
                walk(item, &path.index(i), text, lines, out);
            }
        }
        Value::Scalar(_) | Value::Alias(_) => {}
    }
}

/// A string that is equal for two keys exactly when they are the same YAML value.
fn identity(node: &Node) -> String {
    match &node.value {
        Value::Scalar(s) => match s.kind {
            ScalarKind::Null => "~".to_string(),
            ScalarKind::Bool(b) => format!("b{b}"),
            ScalarKind::Int(i) => format!("i{i}"),
            ScalarKind::Float(f) => format!("f{}", f.to_bits()),
            ScalarKind::String => format!("s{}", s.text),
        },
        Value::Alias(name) => format!("*{name}"),
        Value::Sequence(s) => {
            let items: Vec<String> = s.items.iter().map(identity).collect();
            format!("[{}]", items.join(","))
        }
        Value::Mapping(m) => {
            let entries: Vec<String> = m
                .entries
                .iter()
                .map(|e| format!("{}:{}", identity(&e.key), identity(&e.value)))
                .collect();
            format!("{{{}}}", entries.join(","))
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::yaml::parse;

    fn dups(text: &str) -> Vec<(String, String, String)> {
        parse(text)
            .syntax_diagnostics
            .iter()
            .filter(|d| d.rule == "duplicate-key")
            .map(|d| {
                (
                    d.span.slice(text).to_string(),
                    d.path.clone(),
                    d.message.clone(),
                )
            })
            .collect()
    }

    #[test]
    fn later_occurrence_is_reported_at_its_key() {
        let text = "image: x\nport: 1\nimage: y\n";
        let d = dups(text);
        assert_eq!(d.len(), 1);
        assert_eq!((d[0].0.as_str(), d[0].1.as_str()), ("image", "image"));
        assert!(d[0].2.contains("line 1"), "{}", d[0].2);
    }

    #[test]
    fn keys_compare_by_value() {
        assert_eq!(dups("8000: a\n0x1F40: b\n").len(), 1);
        assert_eq!(dups("8000: a\n'8000': b\n").len(), 0);
        assert_eq!(dups("a: 1\n\"a\": 2\n").len(), 1);
    }

    #[test]
    fn nested_and_listed_mappings_have_paths() {
        let d = dups("env:\n  - name: A\n    name: B\nresources:\n  ports: [1]\n  ports: [2]\n");
        let paths: Vec<&str> = d.iter().map(|x| x.1.as_str()).collect();
        assert_eq!(paths, ["env[0].name", "resources.ports"]);
    }

    #[test]
    fn same_key_in_sibling_mappings_is_fine() {
        assert!(dups("- name: a\n- name: b\n").is_empty());
    }
}
