//! `wrong-type`, `missing-field`, `unknown-key` and `misplaced-field`: the field
//! catalogue walked over the tree, at every depth (list items, probes, headers,
//! metrics, integrations per type). The only place these four are reported; the
//! other rules judge values of the right kind.

use super::context::{first_line_span, indent_step, node_span};
use super::Context;
use crate::rules::RuleId;
use misplaced_field::is_spec_wrapper;

pub(super) mod misplaced_field;
pub(super) mod missing_field;
pub(super) mod unknown_key;
pub(super) mod wrong_type;
use crate::diag::{Applicability, Diagnostic, Fix, Severity, Span, TextEdit};
use crate::path::{PathSegment, SpecPath};
use crate::spec::{self, Field, Kind, Owner};
use crate::yaml::{Entry, Mapping, Node, ScalarKind, ScalarStyle, Value};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let mut walker = Walker {
        cx,
        out,
        step: indent_step(cx.text, cx.root_node),
        required: true,
    };
    match cx.root {
        Some(root) => {
            let holder = Holder {
                node: cx.root_node,
                span: first_line_span(cx.text),
            };
            walker.mapping(&holder, root, "", &mut SpecPath::root(), None);
        }
        None => walker.root_not_mapping(),
    }
}

struct Walker<'a, 'o> {
    cx: &'a Context<'a>,
    out: &'o mut Vec<Diagnostic>,
    /// The document's indentation step, for inserted lines.
    step: usize,
    /// False inside a `spec:` wrapper, whose missing fields are reported at the top.
    required: bool,
}

/// A mapping being walked: its node (where fields get inserted) and where a
/// diagnostic about a field missing from it points.
struct Holder<'n> {
    node: &'n Node,
    span: Span,
}

/// The field at `key` among `under` (the fields of the mapping's pattern) for an
/// integration of type `variant`; a key that only other types have is still a known key (the
/// `integrations` rule judges it).
fn field_for(under: &[&'static Field], key: &str, variant: Option<&str>) -> Option<&'static Field> {
    spec::field_by_key(under, key, variant).or_else(|| spec::field_by_key(under, key, None))
}

fn unsafe_fix(title: impl Into<String>, edits: Vec<TextEdit>) -> Fix {
    Fix {
        title: title.into(),
        edits,
        applicability: Applicability::Unsafe,
    }
}

/// "at the top level" or "in `resources`", for messages.
fn place(path: &SpecPath) -> String {
    if path.0.is_empty() {
        "at the top level".to_string()
    } else {
        format!("in `{path}`")
    }
}

impl Walker<'_, '_> {
    fn push(
        &mut self,
        rule: RuleId,
        severity: Severity,
        span: Span,
        path: &SpecPath,
        msg: String,
    ) -> &mut Diagnostic {
        self.out
            .push(Diagnostic::new(rule, severity, span, path.to_string(), msg));
        let last = self.out.len() - 1;
        &mut self.out[last]
    }

    /// Checks every entry of a mapping, then its required fields. `path` is the
    /// mapping's, extended in place for each child (no copy of it per node).
    fn mapping(
        &mut self,
        holder: &Holder,
        map: &Mapping,
        pattern: &str,
        path: &mut SpecPath,
        variant: Option<&str>,
    ) {
        let under = spec::fields_under(pattern);
        for entry in &map.entries {
            let Some(key) = entry.key.as_scalar().map(|s| s.text.as_str()) else {
                continue;
            };
            if key == "<<" {
                continue; // a YAML merge key: its content is an alias, opaque here
            }
            let canonical = spec::canonical_key(pattern, key);
            if let Some(field) = field_for(under, canonical, variant) {
                path.0.push(PathSegment::Key(key.to_string()));
                // The field's own pattern is the child's (`pattern.canonical`).
                self.value(field, entry, field.path, path);
                path.0.pop();
            } else if pattern.is_empty()
                && key == spec::SPEC_WRAPPER
                && is_spec_wrapper(&entry.value)
            {
                self.spec_wrapper(map, entry);
            } else if let Some(m) = spec::misplaced_field(pattern, key) {
                self.misplaced(map, entry, m, path);
            } else if spec::other_keys_rule(pattern).is_none() {
                self.unknown_key(map, entry, pattern, path, variant);
            }
        }
        if self.required {
            self.required(holder, map, pattern, path, variant);
        }
    }

    /// Checks the value of a known field.
    fn value(&mut self, field: &Field, entry: &Entry, pattern: &str, path: &mut SpecPath) {
        let node = &entry.value;
        if matches!(node.value, Value::Alias(_))
            || node.is_null()
            || matches!(field.owner, Owner::Whole(_))
        {
            return;
        }
        let span = super::context::value_span(entry);
        match field.kind {
            Kind::Mapping => match node.as_mapping() {
                Some(m) => {
                    let holder = Holder {
                        node,
                        span: entry.key.span,
                    };
                    self.mapping(&holder, m, pattern, path, None);
                }
                None => self.wrong_type(field.kind.describe(), node, span, path, pattern, None),
            },
            Kind::List(item) => match node.as_sequence() {
                Some(seq) => {
                    let item_pattern = format!("{pattern}[]");
                    for (i, it) in seq.items.iter().enumerate() {
                        path.0.push(PathSegment::Index(i));
                        self.item(field, item, it, &item_pattern, path);
                        path.0.pop();
                    }
                }
                None => {
                    let fix = self.wrap_fix(item, node);
                    self.wrong_type(field.kind.describe(), node, span, path, pattern, fix);
                }
            },
            kind => self.scalar(field.owner, &kind, node, span, path, pattern),
        }
    }

    /// Checks one item of a list field.
    fn item(&mut self, list: &Field, kind: &Kind, node: &Node, pattern: &str, path: &mut SpecPath) {
        if matches!(node.value, Value::Alias(_)) {
            return;
        }
        let span = node_span(node);
        match kind {
            Kind::Mapping => match node.as_mapping() {
                Some(m) => {
                    let variant = if list.path == "integrations" {
                        integration_type(m)
                    } else {
                        None
                    };
                    self.mapping(&Holder { node, span }, m, pattern, path, variant);
                }
                None => {
                    let what = format!("a mapping ({})", item_keys(pattern));
                    self.wrong_type(what, node, span, path, pattern, None);
                }
            },
            scalar => {
                if node.is_null() && list.owner == Owner::Structure {
                    let what = format!("{} item", scalar.describe());
                    self.wrong_type(what, node, span, path, pattern, None);
                } else if !node.is_null() {
                    self.scalar(list.owner, scalar, node, span, path, pattern);
                }
            }
        }
    }

    /// Checks a scalar field's value: a collection is always `wrong-type`; the scalar
    /// kind only when no other rule owns it.
    fn scalar(
        &mut self,
        owner: Owner,
        kind: &Kind,
        node: &Node,
        span: Span,
        path: &SpecPath,
        pattern: &str,
    ) {
        if node.as_mapping().is_some() || node.as_sequence().is_some() {
            let what = kind.describe();
            self.wrong_type(what, node, span, path, pattern, None);
            return;
        }
        if matches!(owner, Owner::Scalar(_) | Owner::Whole(_)) || node.is_null() {
            return;
        }
        let Some(scalar) = node.as_scalar() else {
            return;
        };
        let ok = match kind {
            Kind::String | Kind::Secret | Kind::Path | Kind::Machine | Kind::Enum(_) => {
                scalar.kind == ScalarKind::String
            }
            Kind::Integer { .. } | Kind::Port => matches!(scalar.kind, ScalarKind::Int(_)),
            Kind::Number { .. } => matches!(scalar.kind, ScalarKind::Int(_) | ScalarKind::Float(_)),
            Kind::Bool => matches!(scalar.kind, ScalarKind::Bool(_)),
            Kind::Mapping | Kind::List(_) => true,
        };
        if ok {
            return;
        }
        let quote = matches!(
            kind,
            Kind::String | Kind::Secret | Kind::Path | Kind::Machine | Kind::Enum(_)
        ) && scalar.style == ScalarStyle::Plain;
        let fix = quote.then(|| Fix {
            title: "Quote it as text".to_string(),
            edits: vec![TextEdit::replace(
                node.span,
                format!("\"{}\"", span.slice(self.cx.text)),
            )],
            applicability: Applicability::Safe,
        });
        self.wrong_type(kind.describe(), node, node.span, path, pattern, fix);
    }
}

/// "`name`, `value`" — the required keys of an item, for messages.
fn item_keys(pattern: &str) -> String {
    let keys: Vec<&str> = spec::fields_under(pattern)
        .iter()
        .filter(|f| f.variants.is_empty())
        .map(|f| f.key())
        .take(3)
        .collect();
    spec::backticked(&keys).replace(" or ", ", ")
}

/// The known `type` of an integration item.
fn integration_type(m: &Mapping) -> Option<&'static str> {
    let t = m.get("type").and_then(Node::as_str)?;
    spec::INTEGRATION_TYPES.iter().find(|x| **x == t).copied()
}
