//! `wrong-type`, `missing-field`, `unknown-key` and `misplaced-field`: the field
//! catalogue walked over the tree, at every depth (list items, probes, headers,
//! metrics, integrations per type). The only place these four are reported; the
//! other rules judge values of the right kind.

use super::context::{
    append_entry, fill_entry, first_line_span, indent_step, layout_is_reliable, node_span,
    wrap_block_mapping_in_list,
};
use super::Context;
use crate::rules::RuleId;
use misplaced::is_spec_wrapper;

mod misplaced;
use crate::diag::{Applicability, Diagnostic, Fix, Severity, Span, TextEdit};
use crate::path::SpecPath;
use crate::spec::{self, Field, Kind, Owner, Requirement};
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
            walker.mapping(&holder, root, "", &SpecPath::root(), None);
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

/// The field at `pattern` for an integration of type `variant`; a key that only other
/// types have is still a known key (the `integrations` rule judges it).
fn field_for(pattern: &str, variant: Option<&str>) -> Option<&'static Field> {
    spec::field_by_pattern(pattern, variant).or_else(|| spec::field_by_pattern(pattern, None))
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

/// A help text as the tail of a sentence ("The container…" → "the container…").
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => f.to_lowercase().chain(c).collect(),
        None => String::new(),
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

    /// Checks every entry of a mapping, then its required fields.
    fn mapping(
        &mut self,
        holder: &Holder,
        map: &Mapping,
        pattern: &str,
        path: &SpecPath,
        variant: Option<&str>,
    ) {
        for entry in &map.entries {
            let Some(key) = entry.key.as_scalar().map(|s| s.text.as_str()) else {
                continue;
            };
            if key == "<<" {
                continue; // a YAML merge key: its content is an alias, opaque here
            }
            let canonical = spec::canonical_key(pattern, key);
            let child_pattern = spec::join(pattern, canonical);
            let child_path = path.key(key);
            if let Some(field) = field_for(&child_pattern, variant) {
                self.value(field, entry, &child_pattern, &child_path);
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
    fn value(&mut self, field: &Field, entry: &Entry, pattern: &str, path: &SpecPath) {
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
                        self.item(field, item, it, &item_pattern, &path.index(i));
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
    fn item(&mut self, list: &Field, kind: &Kind, node: &Node, pattern: &str, path: &SpecPath) {
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

    fn wrong_type(
        &mut self,
        expected: String,
        node: &Node,
        span: Span,
        path: &SpecPath,
        pattern: &str,
        fix: Option<Fix>,
    ) {
        let actual = node.kind_name();
        let name = path
            .0
            .last()
            .map_or_else(String::new, |_| format!("`{path}` "));
        let mut msg = format!("{name}must be {expected}, but it is {actual}");
        if spec::is_probe(pattern) && node.as_scalar().is_some() {
            msg.push_str(
                ": a probe is a mapping with `path` (an HTTP check) or `exec` (a command)",
            );
            if node.scalar_text() == Some("...") {
                msg.push_str("; the `...` of the docs' example is a placeholder, not a value");
            }
        } else if fix.as_ref().is_some_and(|f| f.title.starts_with("Wrap")) {
            if node.as_mapping().is_some() {
                msg.push_str(
                    ", so the API rejects it; write each item as a list entry starting with `- `",
                );
            } else {
                let src = node.span.slice(self.cx.text);
                msg.push_str(&format!(
                    ", so the API rejects it; write it as a list: `[{src}]`"
                ));
            }
        } else if fix.is_some() {
            msg.push_str("; quote it to keep it as text");
        }
        let d = self.push(RuleId::WrongType, Severity::Error, span, path, msg);
        d.fix = fix;
    }

    fn root_not_mapping(&mut self) {
        let node = self.cx.root_node;
        let msg = format!(
            "a deployment spec must be a mapping of fields (`image: …`, `resources: …`), but the document is {}",
            node.kind_name()
        );
        self.push(
            RuleId::WrongType,
            Severity::Error,
            node_span(node),
            &SpecPath::root(),
            msg,
        );
    }

    /// "Wrap in a list" for a list field written as a single item: a block or flow
    /// mapping where a list of mappings belongs (`models` as a mapping), or one
    /// simple scalar (`ports: 8000`).
    fn wrap_fix(&self, item: &Kind, node: &Node) -> Option<Fix> {
        let text = self.cx.text;
        if !layout_is_reliable(self.cx) {
            return None;
        }
        let brackets = || {
            vec![
                TextEdit::insert(node.span.start, "["),
                TextEdit::insert(node.span.end, "]"),
            ]
        };
        let edits = match (&node.value, item) {
            (Value::Mapping(m), Kind::Mapping) if m.flow => brackets(),
            (Value::Mapping(_), Kind::Mapping) => wrap_block_mapping_in_list(text, node)?,
            (Value::Scalar(s), k) if k.is_scalar() && s.kind != ScalarKind::Null => {
                let src = node.span.slice(text);
                let simple = !src.is_empty()
                    && !matches!(s.style, ScalarStyle::Literal | ScalarStyle::Folded)
                    && !src.contains(|c: char| c.is_whitespace() || ",[]{}#".contains(c));
                if !simple {
                    return None;
                }
                brackets()
            }
            _ => return None,
        };
        Some(unsafe_fix("Wrap in a list", edits))
    }

    /// Reports required fields that are absent or empty.
    fn required(
        &mut self,
        holder: &Holder,
        map: &Mapping,
        pattern: &str,
        path: &SpecPath,
        variant: Option<&str>,
    ) {
        let shape = self.cx.shape;
        for &f in spec::fields_under(pattern) {
            if !f.variants.is_empty() && !variant.is_some_and(|v| f.variants.contains(&v)) {
                continue;
            }
            let needed = match f.requirement {
                Requirement::Required(s) => s.contains(shape) && !self.counterpart_present(f),
                Requirement::HttpProbe => is_http_probe(map),
                _ => false,
            };
            if !needed {
                continue;
            }
            let key = f.key();
            let field_path = path.key(key);
            match map.get_entry(key) {
                None => self.missing(holder, f, &field_path, variant),
                Some(e) if e.value.is_null() => self.empty(e, f, &field_path, variant),
                Some(e) if e.value.as_sequence().is_some_and(|s| s.items.is_empty()) => {
                    self.empty(e, f, &field_path, variant)
                }
                Some(e)
                    if matches!(f.owner, Owner::Structure | Owner::Value(_))
                        && e.value.as_str().is_some_and(|s| s.trim().is_empty()) =>
                {
                    self.empty(e, f, &field_path, variant)
                }
                Some(_) => {}
            }
        }
    }

    /// True when the field doing `f`'s job in the other shape is present (then
    /// `mixed-shape` says what to write instead, and `f` is not reported missing).
    fn counterpart_present(&self, f: &Field) -> bool {
        let Some(other) = spec::counterpart(f.path) else {
            return false;
        };
        let mut node = self.cx.root_node;
        for key in other.split('.') {
            match node.as_mapping().and_then(|m| m.get(key)) {
                Some(n) => node = n,
                None => return false,
            }
        }
        true
    }

    fn missing_message(&self, f: &Field, path: &SpecPath, absent: bool) -> String {
        let shape = match f.requirement {
            Requirement::Required(s) if s != spec::Shapes::BOTH => {
                format!(" in a {} spec", s.name())
            }
            Requirement::HttpProbe => " in an HTTP probe".to_string(),
            _ => String::new(),
        };
        let state = if absent { "missing" } else { "empty" };
        format!(
            "`{path}` is required{shape} but {state}: {}",
            lower_first(f.help)
        )
    }

    fn missing(&mut self, holder: &Holder, f: &Field, path: &SpecPath, variant: Option<&str>) {
        let (cx, step) = (self.cx, self.step);
        let edit = layout_is_reliable(cx)
            .then(|| {
                append_entry(cx.text, holder.node, f.key(), step, |layout| {
                    spec::value_text(cx.shape, f.path, variant, layout)
                })
            })
            .flatten();
        let msg = self.missing_message(f, path, true);
        let d = self.push(
            RuleId::MissingField,
            Severity::Error,
            holder.span,
            path,
            msg,
        );
        d.fix = edit.map(|e| unsafe_fix(format!("Add `{}`", f.key()), vec![e]));
    }

    fn empty(&mut self, entry: &Entry, f: &Field, path: &SpecPath, variant: Option<&str>) {
        let (cx, step) = (self.cx, self.step);
        let value = |layout: spec::Layout| spec::value_text(cx.shape, f.path, variant, layout);
        let edits = if !layout_is_reliable(cx) {
            None
        } else if entry.value.is_null() {
            fill_entry(cx.text, entry, step, value)
        } else {
            Some(vec![TextEdit::replace(
                entry.value.span,
                value(spec::Layout::Flow).trim_start().to_string(),
            )])
        };
        let msg = self.missing_message(f, path, false);
        let span = super::context::value_span(entry);
        let d = self.push(RuleId::MissingField, Severity::Error, span, path, msg);
        d.fix = edits.map(|e| unsafe_fix(format!("Fill in `{}`", f.key()), e));
    }

    fn unknown_key(
        &mut self,
        map: &Mapping,
        entry: &Entry,
        pattern: &str,
        path: &SpecPath,
        variant: Option<&str>,
    ) {
        let Some(key) = entry.key.scalar_text() else {
            return;
        };
        let key_path = path.key(key);
        let (msg, rename) = match spec::stray_key(key) {
            Some(stray) => (
                format!("`{key}` is not part of the deployment spec: {}", stray.hint),
                stray.rename_to,
            ),
            None => {
                // Keys of the spec's own shape first: a near key of the other shape
                // would only turn this warning into a `mixed-shape` error.
                let keys = |shape, variant| {
                    spec::children_of(pattern, shape, variant)
                        .into_iter()
                        .map(|f| f.key())
                };
                let suggestion = spec::suggest(key, keys(Some(self.cx.shape), variant))
                    .or_else(|| spec::suggest(key, keys(None, None)));
                let mut msg =
                    format!("`{key}` is not a field {} in any version of the spec, so it is ignored or rejected", place(path));
                if let Some(s) = suggestion {
                    msg.push_str(&format!("; did you mean `{s}`?"));
                }
                (msg, suggestion)
            }
        };
        let fix = rename.filter(|to| map.get_entry(to).is_none()).map(|to| {
            unsafe_fix(
                format!("Rename to `{to}`"),
                vec![TextEdit::replace(entry.key.span, to)],
            )
        });
        let d = self.push(
            RuleId::UnknownKey,
            Severity::Warning,
            entry.key.span,
            &key_path,
            msg,
        );
        d.fix = fix;
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

/// A probe in the HTTP form: no `exec`, and an HTTP key present.
fn is_http_probe(map: &Mapping) -> bool {
    map.get_entry("exec").is_none()
        && spec::HTTP_PROBE_KEYS
            .iter()
            .any(|k| map.get_entry(k).is_some())
}
