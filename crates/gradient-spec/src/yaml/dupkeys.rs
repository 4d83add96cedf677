//! `duplicate-key`: a key written twice in one mapping. YAML forbids it, and loaders
//! disagree on what it means (some keep the first, most the last, some refuse the
//! file). Reported at the later key, naming the line of the first.
//!
//! Keys compare by value, as YAML says: `8000` and `0x1F40` are the same integer key,
//! `"8000"` is a different (string) key.

use super::{Node, ScalarKind, Value};
use crate::diag::{Diagnostic, Severity};
use crate::path::{PathSegment, SpecPath};
use crate::text::LineIndex;
use crate::RuleId;
use std::collections::HashMap;

/// One step of the path being walked, borrowed from the tree: the path is spelled
/// out only when a duplicate is reported (this walk visits every node on every
/// keystroke, so it allocates nothing per node).
#[derive(Clone, Copy)]
enum Step<'a> {
    Key(&'a str),
    Index(usize),
    /// An entry whose key is not a scalar: the path stays its mapping's.
    Same,
}

pub(crate) fn check(root: &Node, text: &str, out: &mut Vec<Diagnostic>) {
    let mut lines = None;
    walk(root, &mut Vec::new(), text, &mut lines, out);
}

fn walk<'a>(
    node: &'a Node,
    path: &mut Vec<Step<'a>>,
    text: &str,
    lines: &mut Option<LineIndex>,
    out: &mut Vec<Diagnostic>,
) {
    match &node.value {
        Value::Mapping(m) => {
            let mut seen = Seen::default();
            for e in &m.entries {
                path.push(match e.key.scalar_text() {
                    Some(k) => Step::Key(k),
                    None => Step::Same,
                });
                if let Some(first) = seen.insert(identity(&e.key), e.key.span.start) {
                    let line = lines
                        .get_or_insert_with(|| LineIndex::new(text))
                        .position(first)
                        .line;
                    let shown = e.key.span.slice(text);
                    out.push(Diagnostic::new(
                        RuleId::DuplicateKey,
                        Severity::Error,
                        e.key.span,
                        spelled(path).to_string(),
                        format!(
                            "the key `{shown}` is already set on line {line}; YAML forbids a key twice in one mapping, and loaders disagree on which value wins"
                        ),
                    ));
                }
                walk(&e.key, path, text, lines, out);
                walk(&e.value, path, text, lines, out);
                path.pop();
            }
        }
        Value::Sequence(s) => {
            for (i, item) in s.items.iter().enumerate() {
                path.push(Step::Index(i));
                walk(item, path, text, lines, out);
                path.pop();
            }
        }
        Value::Scalar(_) | Value::Alias(_) => {}
    }
}

/// The path of `steps` as a [`SpecPath`].
fn spelled(steps: &[Step]) -> SpecPath {
    SpecPath(
        steps
            .iter()
            .filter_map(|s| match s {
                Step::Key(k) => Some(PathSegment::Key((*k).to_string())),
                Step::Index(i) => Some(PathSegment::Index(*i)),
                Step::Same => None,
            })
            .collect(),
    )
}

/// The keys of one mapping seen so far, with where each was first written: a short
/// list searched in order (most mappings have a few keys), a hash map past that.
#[derive(Default)]
struct Seen<'a> {
    few: Vec<(Identity<'a>, usize)>,
    many: HashMap<Identity<'a>, usize>,
}

impl<'a> Seen<'a> {
    const FEW: usize = 16;

    /// Records `id` at `at`; the earlier offset when it was seen before.
    fn insert(&mut self, id: Identity<'a>, at: usize) -> Option<usize> {
        if self.many.is_empty() {
            if let Some((_, first)) = self.few.iter().find(|(k, _)| *k == id) {
                return Some(*first);
            }
            if self.few.len() < Self::FEW {
                self.few.push((id, at));
                return None;
            }
            self.many.extend(self.few.drain(..));
        }
        match self.many.get(&id) {
            Some(&first) => Some(first),
            None => {
                self.many.insert(id, at);
                None
            }
        }
    }
}

/// What a key is, for comparing keys by value: borrowed for the scalars that keys
/// almost always are, written out for the rare collection or alias key.
#[derive(PartialEq, Eq, Hash)]
enum Identity<'a> {
    Null,
    Bool(bool),
    Int(i128),
    Float(u64),
    Str(&'a str),
    Other(String),
}

fn identity(node: &Node) -> Identity<'_> {
    match &node.value {
        Value::Scalar(s) => match s.kind {
            ScalarKind::Null => Identity::Null,
            ScalarKind::Bool(b) => Identity::Bool(b),
            ScalarKind::Int(i) => Identity::Int(i.into()),
            ScalarKind::Float(f) => Identity::Float(f.to_bits()),
            ScalarKind::String => Identity::Str(&s.text),
        },
        _ => Identity::Other(written(node)),
    }
}

/// A collection or alias key written out by value (`[a,b]`, `{k:v}`, `*name`).
fn written(node: &Node) -> String {
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
            let items: Vec<String> = s.items.iter().map(written).collect();
            format!("[{}]", items.join(","))
        }
        Value::Mapping(m) => {
            let entries: Vec<String> = m
                .entries
                .iter()
                .map(|e| format!("{}:{}", written(&e.key), written(&e.value)))
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
