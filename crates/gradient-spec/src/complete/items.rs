//! What completion offers at a caret context, from the field catalogue: keys valid
//! in the mapping and not yet in it, or the values a field allows, filtered by what
//! is typed; and the help of the field under the caret.

use super::caret::lookup;
use super::{CaretContext, CaretPosition};
use crate::path::{PathSegment, SpecPath};
use crate::rules::Shape;
use crate::spec::{self, Field, Kind};

/// What an item completes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ItemKind {
    Key,
    Value,
}

/// One completion item.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Item {
    /// What the list shows (the key or value).
    pub label: &'static str,
    /// What replaces [`CaretContext::replace`] when chosen.
    pub insert_text: String,
    /// The field's one line of help, or what the value means.
    pub detail: String,
    pub kind: ItemKind,
}

/// The field under the caret, for a help panel that follows the caret.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FieldHelp {
    /// The concrete path (`env[1].value`).
    pub path: String,
    pub label: &'static str,
    pub help: &'static str,
    /// What the field holds ("a list of port numbers").
    pub kind: String,
    /// The values offered for it (empty: any value of its kind).
    pub allowed: &'static [&'static str],
    pub default: Option<&'static str>,
    /// All of it as Markdown ([`Field::hover`]).
    pub hover: String,
}

/// Completion items at the caret and the help of the field under it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Completion {
    pub context: CaretContext,
    pub items: Vec<Item>,
    pub help: Option<FieldHelp>,
}

pub(super) fn complete(context: CaretContext) -> Completion {
    let items = match context.position {
        CaretPosition::Key => keys(&context, &context.parent),
        CaretPosition::Value => values(&context),
        CaretPosition::ListItem if item_is_mapping(&context) => keys(&context, &context.path),
        CaretPosition::ListItem => values(&context),
        CaretPosition::Other => Vec::new(),
    };
    let help = help(&context);
    Completion {
        context,
        items,
        help,
    }
}

fn item_is_mapping(cx: &CaretContext) -> bool {
    lookup(cx.shape, &cx.path, cx.variant.as_deref()).is_some_and(Field::is_list_of_mappings)
}

/// Prefix matches first, then other substring matches, ignoring ASCII case (the
/// catalogue's names are ASCII); catalogue order within each group.
fn filter<T>(candidates: Vec<T>, prefix: &str, name: impl Fn(&T) -> &str) -> Vec<T> {
    let p = prefix.to_ascii_lowercase();
    let (mut first, mut then) = (Vec::new(), Vec::new());
    for c in candidates {
        let n = name(&c).to_ascii_lowercase();
        if n.starts_with(&p) {
            first.push(c);
        } else if n.contains(&p) {
            then.push(c);
        }
    }
    first.append(&mut then);
    first
}

fn keys(cx: &CaretContext, mapping: &SpecPath) -> Vec<Item> {
    let pattern = spec::pattern(mapping);
    let present: Vec<&str> = cx
        .siblings
        .iter()
        .map(|k| spec::canonical_key(&pattern, k))
        .collect();
    let fields: Vec<&'static Field> = spec::children_of(&pattern, cx.shape, cx.variant.as_deref())
        .into_iter()
        .filter(|f| !present.contains(&f.key()))
        .collect();
    filter(fields, &cx.prefix, |f| f.key())
        .into_iter()
        .map(|f| Item {
            label: f.key(),
            insert_text: key_text(cx, f),
            detail: f.help.to_string(),
            kind: ItemKind::Key,
        })
        .collect()
}

/// `key: ` for a scalar; for a mapping `key:` and a line break to its first child's
/// indentation, for a list the same and `- `, so typing goes on where it should.
/// The bare key when the line already has the `:`, and `key: ` inside `{ }`.
fn key_text(cx: &CaretContext, f: &Field) -> String {
    let s = &cx.style;
    let mut out = String::new();
    if s.space_before {
        out.push(' ');
    }
    if s.new_item {
        out.push_str("- ");
    }
    out.push_str(f.key());
    if s.has_colon {
        return out;
    }
    if s.flow || f.kind.is_scalar() {
        out.push_str(": ");
        return out;
    }
    out.push(':');
    out.push_str(s.newline);
    out.push_str(&" ".repeat(s.key_col + 2));
    if f.is_list() {
        out.push_str("- ");
    }
    out
}

/// The field at the caret's path and a shape that has it: the document's shape
/// first, else the other one, so a field of the other shape still gets its values
/// and its help (whose text says which shape it belongs to).
fn field_here(cx: &CaretContext) -> Option<(&'static Field, Shape)> {
    let variant = cx.variant.as_deref();
    match lookup(cx.shape, &cx.path, variant) {
        Some(f) => Some((f, cx.shape.unwrap_or_else(|| home_shape(f)))),
        None => lookup(None, &cx.path, variant).map(|f| (f, home_shape(f))),
    }
}

fn values(cx: &CaretContext) -> Vec<Item> {
    let here = field_here(cx);
    let field = here.map(|(f, _)| f);
    let values = match here {
        Some((_, shape)) => spec::allowed_values(shape, &cx.path).to_vec(),
        None => Vec::new(),
    };
    let s = &cx.style;
    filter(values, &cx.prefix, |v| v)
        .into_iter()
        .map(|v| {
            let mut insert_text = String::new();
            if s.space_before {
                insert_text.push(' ');
            }
            if s.new_item {
                insert_text.push_str("- ");
            }
            insert_text.push_str(v);
            Item {
                label: v,
                insert_text,
                detail: describe_value(field, v),
                kind: ItemKind::Value,
            }
        })
        .collect()
}

/// A shape that has the field (for lookups while the document's is undecided).
fn home_shape(f: &Field) -> Shape {
    if f.shapes.legacy {
        Shape::Legacy
    } else {
        Shape::V1
    }
}

const METRIC: &str = "resources.autoscaling.metrics[].metric";
const SUMMARY: &str = "resources.autoscaling.metrics[].summary";

/// What a value means, for the item's detail.
fn describe_value(field: Option<&Field>, value: &str) -> String {
    let Some(f) = field else {
        return String::new();
    };
    let meaning = match (f.path, value) {
        ("apiVersion", "v0alpha0") => "the legacy shape",
        ("apiVersion", "v0alpha1") => "the v1 shape (its earlier name)",
        ("apiVersion", "v1") => "the v1 shape",
        ("apiVersion", "latest") => "the v1 shape now; meant the legacy shape until mid-2023",
        (METRIC, "cpu") => "CPU utilisation, a percentage (1–100)",
        (METRIC, "memory") => "memory utilisation, a percentage (1–100)",
        (METRIC, "requestDuration") => "request duration in seconds (at least 0.01)",
        (SUMMARY, "average") => "the only summary",
        ("integrations[].type", t) => integration_type(t),
        _ if matches!(f.kind, Kind::Machine) || matches!(f.kind, Kind::List(Kind::Machine)) => {
            machine(value)
        }
        _ => "",
    };
    let mut out = meaning.to_string();
    if f.default == Some(value) {
        out.push_str(if out.is_empty() {
            "the default"
        } else {
            " (the default)"
        });
    }
    out
}

fn integration_type(t: &str) -> &'static str {
    match t {
        "git-lfs" => "clone a Git LFS repository (a Hugging Face model, say)",
        "s3" => "mount an S3 bucket",
        "spaces" => "mount a DigitalOcean Spaces bucket",
        "do-spaces" => "the docs' spelling of `spaces`",
        "volume" => "a shared volume",
        "model" => "a model from the Gradient model registry",
        _ => "",
    }
}

fn machine(name: &str) -> &'static str {
    spec::MACHINES
        .iter()
        .find(|(n, _)| *n == name)
        .map_or("", |(_, family)| family)
}

/// The field under the caret: the key's or the value's field, or the list's for an
/// item. None on a blank line or a key that is not (yet) a field.
fn help(cx: &CaretContext) -> Option<FieldHelp> {
    if cx.path == cx.parent && cx.position == CaretPosition::Key {
        return None;
    }
    if cx.path.0.is_empty() {
        return None;
    }
    let (f, shape) = field_here(cx)?;
    let item = matches!(cx.path.0.last(), Some(PathSegment::Index(_)));
    let allowed = if f.kind.is_scalar() || item {
        spec::allowed_values(shape, &cx.path)
    } else {
        &[]
    };
    Some(FieldHelp {
        path: cx.path.to_string(),
        label: f.label,
        help: f.help,
        kind: f.kind.describe(),
        allowed,
        default: f.default,
        hover: f.hover(cx.shape.unwrap_or(shape)),
    })
}
