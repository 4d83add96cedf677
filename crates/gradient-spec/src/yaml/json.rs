//! Converts the spanned tree to JSON, for "Download JSON" and as the value tests
//! compare against other YAML loaders.
//!
//! Choices (JSON cannot say everything YAML can):
//! - aliases are expanded here, and only here (parsing never expands them), within a
//!   budget of [`MAX_ALIAS_NODES`] nodes and [`MAX_JSON_DEPTH`] levels: an alias bomb
//!   gives a [`JsonError`] at once instead of a hang or an out-of-memory;
//! - merge keys (`<<: *defaults`, YAML 1.1, honoured by js-yaml, PyYAML and go-yaml)
//!   are applied: keys written in the mapping win, then earlier merged mappings;
//! - keys that are not strings are stringified: `null`, `true`, `8000`, and a
//!   collection key as its compact JSON text, up to [`MAX_KEY_BYTES`] (nested
//!   collection keys double their escaping at each level: `{{{{…` would grow
//!   exponentially);
//! - a repeated key keeps its first position and its last value (what `JSON.parse` and
//!   most loaders do; the document also gets a `duplicate-key` error);
//! - `.nan`, `.inf` and `-.inf` become `null`, as `JSON.stringify` does: JSON has no
//!   such numbers;
//! - tags are not kept; the core tags (`!!str`, `!!int`, …) already decided the
//!   scalar's type when the tree was built.

use super::{Document, Mapping, Node, ScalarKind, ScalarStyle, Value, MAX_DEPTH};
use crate::diag::Span;
use serde_json::{Map, Number, Value as Json};
use std::collections::{HashMap, HashSet};
use std::fmt;

/// The most nodes that expanding aliases may add to the output (a real spec adds a
/// few dozen; "a billion laughs" would add 10^9).
pub const MAX_ALIAS_NODES: usize = 100_000;
/// The deepest the output may nest once aliases are expanded (the tree itself is
/// capped at [`MAX_DEPTH`]; aliases of aliases could nest further).
pub const MAX_JSON_DEPTH: usize = MAX_DEPTH;

/// The longest JSON text a collection key may become.
pub const MAX_KEY_BYTES: usize = 1024;

/// Why a tree could not be converted, and where.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JsonError {
    /// The alias (or node) at fault.
    pub span: Span,
    pub message: String,
}

impl fmt::Display for JsonError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.message)
    }
}

impl std::error::Error for JsonError {}

/// Converts `node` to JSON. Aliases in it resolve through the anchors of `doc` (the
/// document `node` belongs to) written before them.
pub fn to_json(node: &Node, doc: &Document) -> Result<Json, JsonError> {
    let mut anchors = Vec::new();
    if let Some(root) = &doc.root {
        collect_anchors(root, &mut anchors);
    }
    let mut cx = Converter {
        anchors,
        cache: HashMap::new(),
        alias_nodes: 0,
    };
    cx.convert(node, 0).map(|out| out.value)
}

impl Document {
    /// The document's content as JSON (`null` when it has none); see [`to_json`].
    pub fn to_json(&self) -> Result<Json, JsonError> {
        match &self.root {
            Some(root) => to_json(root, self),
            None => Ok(Json::Null),
        }
    }
}

/// Anchored nodes in document order (a pre-order walk visits nodes by start offset).
fn collect_anchors<'a>(node: &'a Node, out: &mut Vec<&'a Node>) {
    if node.anchor.is_some() {
        out.push(node);
    }
    match &node.value {
        Value::Mapping(m) => {
            for e in &m.entries {
                collect_anchors(&e.key, out);
                collect_anchors(&e.value, out);
            }
        }
        Value::Sequence(s) => s.items.iter().for_each(|n| collect_anchors(n, out)),
        Value::Scalar(_) | Value::Alias(_) => {}
    }
}

/// A converted value with the figures the alias budget needs.
#[derive(Clone)]
struct Out {
    value: Json,
    /// Number of JSON values in it (itself included).
    nodes: usize,
    /// Nesting levels (a scalar is 1).
    depth: usize,
}

impl Out {
    fn leaf(value: Json) -> Out {
        Out {
            value,
            nodes: 1,
            depth: 1,
        }
    }
}

struct Converter<'a> {
    anchors: Vec<&'a Node>,
    /// Anchored nodes already converted, by address: an alias costs one clone.
    cache: HashMap<*const Node, Out>,
    /// Nodes added so far by expanding aliases.
    alias_nodes: usize,
}

impl<'a> Converter<'a> {
    fn convert(&mut self, node: &'a Node, depth: usize) -> Result<Out, JsonError> {
        if depth >= MAX_JSON_DEPTH {
            return Err(JsonError {
                span: node.span,
                message: format!(
                    "the value nests deeper than {MAX_JSON_DEPTH} levels once aliases are expanded"
                ),
            });
        }
        if node.anchor.is_some() {
            if let Some(hit) = self.cache.get(&(node as *const Node)) {
                return Ok(hit.clone());
            }
        }
        let out = match &node.value {
            Value::Scalar(s) => Out::leaf(scalar_json(s.kind, &s.text)),
            Value::Sequence(seq) => {
                let mut items = Vec::with_capacity(seq.items.len());
                let (mut nodes, mut deepest) = (1, 0);
                for item in &seq.items {
                    let o = self.convert(item, depth + 1)?;
                    nodes += o.nodes;
                    deepest = deepest.max(o.depth);
                    items.push(o.value);
                }
                Out {
                    value: Json::Array(items),
                    nodes,
                    depth: deepest + 1,
                }
            }
            Value::Mapping(m) => self.mapping(m, depth)?,
            Value::Alias(name) => self.alias(node, name, depth)?,
        };
        if node.anchor.is_some() {
            self.cache.insert(node as *const Node, out.clone());
        }
        Ok(out)
    }

    /// Expands `*name` into a copy of the value of the last `&name` written before it.
    fn alias(&mut self, at: &'a Node, name: &str, depth: usize) -> Result<Out, JsonError> {
        let err = |message: String| JsonError {
            span: at.span,
            message,
        };
        let target = self
            .anchors
            .iter()
            .rev()
            .find(|n| n.anchor.as_deref() == Some(name) && n.span.start < at.span.start)
            .copied()
            .ok_or_else(|| {
                err(format!(
                    "the alias `*{name}` has no anchor `&{name}` before it"
                ))
            })?;
        if target.span.contains(at.span.start) {
            return Err(err(format!(
                "the alias `*{name}` refers to a value that contains it"
            )));
        }
        let out = self.convert(target, depth)?;
        self.alias_nodes = self.alias_nodes.saturating_add(out.nodes);
        if self.alias_nodes > MAX_ALIAS_NODES {
            return Err(err(format!(
                "aliases expand to more than {MAX_ALIAS_NODES} values (an alias bomb?); nothing was exported"
            )));
        }
        if depth + out.depth > MAX_JSON_DEPTH {
            return Err(err(format!(
                "the value nests deeper than {MAX_JSON_DEPTH} levels once aliases are expanded"
            )));
        }
        Ok(out)
    }

    fn mapping(&mut self, m: &'a Mapping, depth: usize) -> Result<Out, JsonError> {
        let mut map = Map::new();
        let (mut nodes, mut deepest) = (1, 0);
        let mut merges = Vec::new();
        let mut explicit = HashSet::new();
        for e in &m.entries {
            let value = self.convert(&e.value, depth + 1)?;
            nodes += value.nodes;
            deepest = deepest.max(value.depth);
            if is_merge_key(&e.key) {
                if let Some(sources) = merge_sources(&value.value) {
                    merges.push((map.len(), sources));
                    continue;
                }
            }
            let key = self.convert(&e.key, depth + 1)?;
            let key = key_string(&key.value).ok_or_else(|| JsonError {
                span: e.key.span,
                message: format!("this key is a collection longer than {MAX_KEY_BYTES} bytes as JSON text; JSON keys are strings"),
            })?;
            explicit.insert(key.clone());
            map.insert(key, value.value);
        }
        if !merges.is_empty() {
            map = apply_merges(map, merges, &explicit);
        }
        Ok(Out {
            value: Json::Object(map),
            nodes,
            depth: deepest + 1,
        })
    }
}

/// A plain `<<` key (a quoted `"<<"` is an ordinary key).
fn is_merge_key(key: &Node) -> bool {
    matches!(&key.value, Value::Scalar(s) if s.style == ScalarStyle::Plain && s.text == "<<")
}

/// The mappings a merge key's value brings in: one mapping, or a list of them.
/// Anything else makes `<<` an ordinary key.
fn merge_sources(value: &Json) -> Option<Vec<Map<String, Json>>> {
    match value {
        Json::Object(m) => Some(vec![m.clone()]),
        Json::Array(items) => items
            .iter()
            .map(|i| match i {
                Json::Object(m) => Some(m.clone()),
                _ => None,
            })
            .collect(),
        _ => None,
    }
}

/// Inserts merged keys at the position of their `<<`, unless written explicitly in
/// the mapping or brought by an earlier merged mapping.
fn apply_merges(
    map: Map<String, Json>,
    merges: Vec<(usize, Vec<Map<String, Json>>)>,
    explicit: &HashSet<String>,
) -> Map<String, Json> {
    let mut out = Map::new();
    let mut pending = merges.into_iter().peekable();
    let len = map.len();
    let mut entries = map.into_iter();
    for pos in 0..=len {
        while let Some((_, sources)) = pending.next_if(|(p, _)| *p == pos) {
            for (k, v) in sources.into_iter().flatten() {
                if !explicit.contains(&k) && !out.contains_key(&k) {
                    out.insert(k, v);
                }
            }
        }
        if let Some((k, v)) = entries.next() {
            out.insert(k, v);
        }
    }
    out
}

fn scalar_json(kind: ScalarKind, text: &str) -> Json {
    match kind {
        ScalarKind::Null => Json::Null,
        ScalarKind::Bool(b) => Json::Bool(b),
        ScalarKind::Int(i) => Json::Number(i.into()),
        ScalarKind::Float(f) => Number::from_f64(f).map_or(Json::Null, Json::Number),
        ScalarKind::String => Json::String(text.to_string()),
    }
}

/// A JSON object key for a converted YAML key; `None` for a collection key too
/// long as text.
fn key_string(key: &Json) -> Option<String> {
    match key {
        Json::String(s) => Some(s.clone()),
        Json::Null => Some("null".to_string()),
        Json::Bool(b) => Some(b.to_string()),
        Json::Number(n) => Some(n.to_string()),
        other => Some(other.to_string()).filter(|t| t.len() <= MAX_KEY_BYTES),
    }
}

#[cfg(test)]
mod tests {
    use crate::yaml::parse;
    use serde_json::json;

    fn j(text: &str) -> serde_json::Value {
        parse(text).to_json().expect("converts")
    }

    #[test]
    fn scalars_resolve_by_the_core_schema() {
        assert_eq!(
            j("a: 1\nb: 1.5\nc: true\nd: ~\ne: yes\nf: '1'\ng:\nh: 0x10\n"),
            json!({"a": 1, "b": 1.5, "c": true, "d": null, "e": "yes", "f": "1", "g": null, "h": 16})
        );
    }

    #[test]
    fn non_finite_floats_become_null() {
        assert_eq!(j("[.nan, .inf, -.inf]"), json!([null, null, null]));
    }

    #[test]
    fn keys_are_stringified() {
        assert_eq!(
            j("1: a\ntrue: b\n~: c\n[x, 2]: d\n"),
            json!({"1": "a", "true": "b", "null": "c", "[\"x\",2]": "d"})
        );
    }

    #[test]
    fn nested_collection_keys_are_refused_before_they_blow_up() {
        // Each mapping's only key is the mapping inside it: every level escapes the
        // quotes of the level below again.
        let text = format!("{}one: two{}\n", "{".repeat(60), "}".repeat(60));
        assert!(parse(&text).syntax_diagnostics.is_empty());
        let err = parse(&text).to_json().expect_err("too long a key");
        assert!(err.message.contains("JSON keys are strings"), "{err}");
    }

    #[test]
    fn aliases_expand_and_keep_key_order() {
        let v = j("base: &b {x: 1}\ncopy: *b\nlist: [*b, *b]\n");
        assert_eq!(
            v,
            json!({"base": {"x": 1}, "copy": {"x": 1}, "list": [{"x": 1}, {"x": 1}]})
        );
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys, ["base", "copy", "list"]);
    }

    #[test]
    fn an_alias_refers_to_the_last_anchor_before_it() {
        assert_eq!(j("- &a 1\n- *a\n- &a 2\n- *a\n"), json!([1, 1, 2, 2]));
    }

    #[test]
    fn merge_keys_apply_with_explicit_keys_winning() {
        let v = j("d: &d {a: 1, b: 2}\ne: &e {b: 3, c: 4}\nx:\n  <<: [*d, *e]\n  a: 9\n");
        assert_eq!(v["x"], json!({"a": 9, "b": 2, "c": 4}));
        let q = j("d: &d {a: 1}\nx: {\"<<\": *d}\n");
        assert_eq!(q["x"], json!({"<<": {"a": 1}}));
    }

    #[test]
    fn repeated_keys_keep_the_last_value() {
        assert_eq!(j("a: 1\nb: 2\na: 3\n"), json!({"a": 3, "b": 2}));
    }

    #[test]
    fn alias_bomb_is_refused() {
        let mut text = String::from("a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n");
        for i in 1..10 {
            let p = i - 1;
            text.push_str(&format!("a{i}: &a{i} [*a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}, *a{p}]\n"));
        }
        let err = parse(&text).to_json().expect_err("budget");
        assert!(err.message.contains("alias bomb"), "{err}");
    }

    #[test]
    fn unknown_and_recursive_aliases_are_errors() {
        assert!(parse("a: *nope\n").to_json().is_err());
        assert!(parse("a: &x [1, *x]\n").to_json().is_err());
    }

    #[test]
    fn deep_alias_chains_are_refused() {
        let mut text = String::from("a0: &a0 [1]\n");
        for i in 1..300 {
            text.push_str(&format!("a{i}: &a{i} [*a{}]\n", i - 1));
        }
        let err = parse(&text).to_json().expect_err("too deep");
        assert!(err.message.contains("deeper"), "{err}");
    }

    #[test]
    fn empty_document_is_null() {
        assert_eq!(j("# only a comment\n"), serde_json::Value::Null);
    }
}
