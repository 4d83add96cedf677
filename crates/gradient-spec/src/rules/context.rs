//! What every rule needs to know about the document: its root mapping, its shape
//! (legacy or v1), and helpers to say where a diagnostic points.

use crate::diag::{Diagnostic, Severity, Span};
use crate::yaml::{Document, Entry, Mapping, Node};

/// The two shapes of a spec (`reference.md`, "Two shapes").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    Legacy,
    V1,
}

/// Fields that only the legacy shape has (top level), and under `resources`.
pub const LEGACY_TOP: &[&str] = &["port", "models", "repositories"];
pub const LEGACY_RESOURCES: &[&str] = &["instanceType"];
/// Fields that only the v1 shape has (top level), and under `resources`.
pub const V1_TOP: &[&str] = &["integrations", "basicAuthKey"];
pub const V1_RESOURCES: &[&str] = &["machineType", "ports"];

/// The shape a spec takes: its `apiVersion` decides when it names one (`v1`,
/// `v0alpha1` → v1; `v0alpha0` → legacy); otherwise (absent, `latest`, unknown) the
/// majority of shape-specific fields, legacy on a tie with none (old CLI files).
pub fn detect_shape(root: &Mapping) -> Shape {
    match root.get("apiVersion").and_then(Node::scalar_text) {
        Some("v1" | "v0alpha1") => return Shape::V1,
        Some("v0alpha0") => return Shape::Legacy,
        _ => {}
    }
    let (legacy, v1) = shape_votes(root);
    if v1 > legacy {
        Shape::V1
    } else {
        Shape::Legacy
    }
}

/// How many legacy-only and v1-only fields the spec holds.
pub fn shape_votes(root: &Mapping) -> (usize, usize) {
    let resources = root.get("resources").and_then(Node::as_mapping);
    let count = |top: &[&str], res: &[&str]| {
        top.iter().filter(|k| root.get_entry(k).is_some()).count()
            + resources.map_or(0, |r| {
                res.iter().filter(|k| r.get_entry(k).is_some()).count()
            })
    };
    (
        count(LEGACY_TOP, LEGACY_RESOURCES),
        count(V1_TOP, V1_RESOURCES),
    )
}

/// The document as the rules see it. Only built when the root is a mapping (a root
/// of another kind is reported by `structure`).
pub struct Context<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    /// The root node (whatever its kind).
    pub root_node: &'a Node,
    pub root: Option<&'a Mapping>,
    pub shape: Shape,
}

impl<'a> Context<'a> {
    pub fn new(doc: &'a Document) -> Option<Self> {
        let root_node = doc.root.as_ref()?;
        let root = root_node.as_mapping();
        let shape = root.map_or(Shape::Legacy, detect_shape);
        Some(Context {
            doc,
            text: &doc.text,
            root_node,
            root,
            shape,
        })
    }

    /// The value at a top-level key.
    pub fn top(&self, key: &str) -> Option<&'a Node> {
        self.root?.get(key)
    }

    /// The `resources` mapping, when it is one.
    pub fn resources(&self) -> Option<&'a Mapping> {
        self.top("resources")?.as_mapping()
    }
}

/// Where a problem with an entry's value points (rules.md): at the value, or at the
/// key when the value is a block mapping or list (which starts on the next line), or
/// when the value is absent.
pub fn value_span(entry: &Entry) -> Span {
    if entry.value.is_block_collection() || entry.value.span.is_empty() {
        entry.key.span
    } else {
        entry.value.span
    }
}

/// Where a problem with a node that is not behind a key (a list item) points: the
/// node itself, or its first line when it is a block collection.
pub fn node_span(node: &Node) -> Span {
    match &node.value {
        crate::yaml::Value::Mapping(m) if !m.flow => {
            m.entries.first().map_or(node.span, |e| e.key.span)
        }
        _ => node.span,
    }
}

/// Shorthand for a diagnostic without a fix.
pub fn diag(
    rule: &'static str,
    severity: Severity,
    span: Span,
    path: impl Into<String>,
    msg: impl Into<String>,
) -> Diagnostic {
    Diagnostic::new(rule, severity, span, path, msg)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape_of(text: &str) -> Shape {
        let doc = crate::yaml::parse(text);
        detect_shape(doc.root.as_ref().unwrap().as_mapping().unwrap())
    }

    #[test]
    fn api_version_decides_then_majority() {
        assert_eq!(shape_of("apiVersion: v1\nport: 80\n"), Shape::V1);
        assert_eq!(shape_of("apiVersion: v0alpha0\n"), Shape::Legacy);
        assert_eq!(
            shape_of("apiVersion: latest\nport: 80\nresources:\n  instanceType: C4\n"),
            Shape::Legacy
        );
        assert_eq!(
            shape_of("apiVersion: latest\nresources:\n  machineType: C4\n  ports: [80]\n"),
            Shape::V1
        );
        assert_eq!(shape_of("image: x\n"), Shape::Legacy);
    }
}
