//! Lookups over the field table, by spec path (`env[0].value`) or by pattern
//! (`env[].value`): what drives the rules, the form, completion and hover.

use super::fields::GROUPS;
use super::keys::canonical_key;
use super::names::{MACHINE_NAMES, PROBES};
use super::types::{Field, Kind, Shape};
use crate::path::{PathSegment, SpecPath};
use std::collections::BTreeMap;
use std::sync::OnceLock;

const BOOLS: &[&str] = &["true", "false"];

/// Every field of both shapes, in display order.
pub fn fields() -> impl Iterator<Item = &'static Field> {
    GROUPS.iter().flat_map(|g| g.iter())
}

/// The field table by pattern and by parent pattern, each list in display order.
/// Scanning the whole table per lookup was 7–10 % of checking a long spec: the rules
/// look up every key of every list item.
struct Index {
    by_path: BTreeMap<&'static str, Vec<&'static Field>>,
    by_parent: BTreeMap<&'static str, Vec<&'static Field>>,
}

fn index() -> &'static Index {
    static INDEX: OnceLock<Index> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index = Index {
            by_path: BTreeMap::new(),
            by_parent: BTreeMap::new(),
        };
        for f in fields() {
            index.by_path.entry(f.path).or_default().push(f);
            index.by_parent.entry(f.parent()).or_default().push(f);
        }
        index
    })
}

/// Every entry whose pattern is `pattern` (one per shape or integration type), in
/// display order.
fn entries_at(pattern: &str) -> &'static [&'static Field] {
    index().by_path.get(pattern).map_or(&[], Vec::as_slice)
}

/// Every entry directly under the pattern `parent` (`env[]` for the keys of an env
/// item), in display order; several per key where shapes or types differ.
pub fn fields_under(parent: &str) -> &'static [&'static Field] {
    index().by_parent.get(parent).map_or(&[], Vec::as_slice)
}

/// The pattern of a concrete path: indices become `[]` and accepted alternative
/// spellings their canonical key (`healthchecks.liveness` → `healthChecks.liveness`).
pub fn pattern(path: &SpecPath) -> String {
    let mut out = String::new();
    for seg in &path.0 {
        match seg {
            PathSegment::Key(k) => {
                let k = canonical_key(&out, k);
                if !out.is_empty() {
                    out.push('.');
                }
                out.push_str(k);
            }
            PathSegment::Index(_) => out.push_str("[]"),
        }
    }
    out
}

/// `parent.key` as a pattern (`key` alone at the top level).
pub fn join(parent: &str, key: &str) -> String {
    if parent.is_empty() {
        key.to_string()
    } else {
        format!("{parent}.{key}")
    }
}

/// The field at a pattern, in any shape. For integration fields that differ by type,
/// `variant` picks the entry for that type (`None`: the first).
pub fn field_by_pattern(pattern: &str, variant: Option<&str>) -> Option<&'static Field> {
    entries_at(pattern)
        .iter()
        .copied()
        .find(|f| f.applies_to(variant))
}

/// [`field_by_pattern`] of `join(parent, key)` among `under`, the fields under
/// `parent` ([`fields_under`]), without building that pattern: the structure walker
/// asks this for every key of every mapping on every keystroke, and looks `under` up
/// once per mapping. A key holding a `.` names no field (the joined pattern would have
/// found a deeper one).
pub fn field_by_key(
    under: &[&'static Field],
    key: &str,
    variant: Option<&str>,
) -> Option<&'static Field> {
    under
        .iter()
        .copied()
        .find(|f| f.key() == key && f.applies_to(variant))
}

/// The field at `path` in a spec of `shape`; `None` when that shape has no such
/// field. A path ending in a list index (`resources.ports[0]`) gives the list's
/// field: its [`Kind::List`] says what an item is.
pub fn field(shape: Shape, path: &SpecPath) -> Option<&'static Field> {
    field_variant(shape, path, None)
}

/// [`field`] for an integration of type `variant`.
pub fn field_variant(
    shape: Shape,
    path: &SpecPath,
    variant: Option<&str>,
) -> Option<&'static Field> {
    let mut p = pattern(path);
    while p.ends_with("[]") {
        p.truncate(p.len() - 2);
    }
    entries_at(&p)
        .iter()
        .copied()
        .find(|f| f.shapes.contains(shape) && f.applies_to(variant))
}

/// The fields held by the pattern `parent` (a mapping, or the items of a list of
/// mappings), in display order, one per key. `shape: None` takes both shapes.
pub fn children_of(
    parent: &str,
    shape: Option<Shape>,
    variant: Option<&str>,
) -> Vec<&'static Field> {
    let parent = match field_by_pattern(parent, None) {
        Some(f) if f.is_list_of_mappings() => format!("{parent}[]"),
        _ => parent.to_string(),
    };
    let mut out: Vec<&'static Field> = Vec::new();
    for &f in fields_under(&parent) {
        if shape.is_none_or(|s| f.shapes.contains(s))
            && f.applies_to(variant)
            && !out.iter().any(|o| o.key() == f.key())
        {
            out.push(f);
        }
    }
    out
}

/// The fields held at `path` in a spec of `shape` (`""`: the top level; a list of
/// mappings or one of its items: the item's fields), for the form and completion.
pub fn children(shape: Shape, path: &SpecPath, variant: Option<&str>) -> Vec<&'static Field> {
    children_of(&pattern(path), Some(shape), variant)
}

/// The values offered for the scalar at `path` (completion of a value, a select):
/// an enum's values, the known machine names, or `true`/`false`. Empty when any
/// value of the field's kind goes.
pub fn allowed_values(shape: Shape, path: &SpecPath) -> &'static [&'static str] {
    value_kind(shape, path).map_or(&[], |kind| kind_values(&kind))
}

/// The kind of the value at `path`: its field's, or the item kind for an item of a
/// list (`resources.ports[0]` is a port). What a typed value is read as.
pub fn value_kind(shape: Shape, path: &SpecPath) -> Option<Kind> {
    let f = field(shape, path)?;
    Some(match (f.kind, path.0.last()) {
        (Kind::List(item), Some(PathSegment::Index(_))) => *item,
        (k, _) => k,
    })
}

/// The values a kind offers (see [`allowed_values`]).
pub fn kind_values(kind: &Kind) -> &'static [&'static str] {
    match kind {
        Kind::Enum(values) => values,
        Kind::Machine => MACHINE_NAMES,
        Kind::Bool => BOOLS,
        _ => &[],
    }
}

/// The fields of an integration of type `integration_type`, in display order.
pub fn integration_fields(integration_type: &str) -> Vec<&'static Field> {
    children_of("integrations[]", Some(Shape::V1), Some(integration_type))
}

/// True when `pattern` is one of the probes under `healthChecks`.
pub fn is_probe(pattern: &str) -> bool {
    pattern
        .strip_prefix("healthChecks.")
        .is_some_and(|k| PROBES.contains(&k))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> SpecPath {
        SpecPath::parse(s).unwrap()
    }

    #[test]
    fn patterns_drop_indices_and_aliases() {
        assert_eq!(pattern(&p("env[3].value")), "env[].value");
        assert_eq!(
            pattern(&p("healthchecks.liveness.path")),
            "healthChecks.liveness.path"
        );
        assert_eq!(pattern(&p("")), "");
    }

    #[test]
    fn fields_by_shape() {
        assert!(field(Shape::Legacy, &p("resources.instanceType")).is_some());
        assert!(field(Shape::V1, &p("resources.instanceType")).is_none());
        assert_eq!(
            field(Shape::V1, &p("resources.ports[0]")).map(|f| f.path),
            Some("resources.ports")
        );
        assert_eq!(
            field(Shape::V1, &p("healthChecks.readiness.headers[0].name")).map(|f| f.label),
            Some("Header name")
        );
    }

    #[test]
    fn children_in_order() {
        let keys_at = |shape, path: &SpecPath, variant| -> Vec<&str> {
            children(shape, path, variant)
                .iter()
                .map(|f| f.key())
                .collect()
        };
        let keys = keys_at(Shape::Legacy, &p("env"), None);
        assert_eq!(keys, ["name", "value"]);
        assert_eq!(
            keys_at(Shape::Legacy, &p("env[2]"), None),
            ["name", "value"]
        );
        let s3 = keys_at(Shape::V1, &p("integrations[0]"), Some("s3"));
        assert!(s3.contains(&"region") && s3.contains(&"secretAccessKey") && !s3.contains(&"id"));
        let model = keys_at(Shape::V1, &p("integrations[0]"), Some("model"));
        assert!(model.contains(&"id") && !model.contains(&"url"));
        let top = keys_at(Shape::V1, &SpecPath::root(), None);
        assert!(top.contains(&"integrations") && !top.contains(&"port"));
    }

    /// The catalogue says which lists the form reorders and how large a port may be.
    #[test]
    fn reorderable_lists_and_number_bounds() {
        let mut reorderable: Vec<&str> =
            fields().filter(|f| f.reorderable).map(|f| f.path).collect();
        reorderable.sort_unstable();
        assert_eq!(reorderable, ["command", "env", "repositories.repositories"]);
        assert_eq!(Kind::Port.bounds(), (Some(1.0), Some(65535.0)));
        let replicas = field(Shape::V1, &p("resources.replicas")).unwrap();
        assert_eq!(replicas.kind.bounds().0, Some(0.0));
        assert_eq!(Kind::String.bounds(), (None, None));
    }

    #[test]
    fn integration_types_and_hover() {
        let keys = |t| {
            integration_fields(t)
                .iter()
                .map(|f| f.key())
                .collect::<Vec<_>>()
        };
        assert_eq!(keys("volume"), ["type", "name", "path"]);
        assert_eq!(keys("model"), ["type", "name", "path", "id"]);
        assert!(keys("spaces").contains(&"endpoint") && !keys("spaces").contains(&"url"));
        let port = field(Shape::Legacy, &p("port")).unwrap();
        assert!(port
            .hover(Shape::Legacy)
            .starts_with("**Port** (`port`): a port number (1–65535), optional, default `80`."));
        assert!(port.hover(Shape::V1).contains("only in the legacy shape"));
    }

    #[test]
    fn values() {
        assert_eq!(
            allowed_values(Shape::V1, &p("apiVersion")),
            ["v0alpha0", "v0alpha1", "v1", "latest"]
        );
        assert!(allowed_values(Shape::V1, &p("resources.machineType")).contains(&"A100-80G"));
        assert_eq!(
            allowed_values(Shape::V1, &p("resources.autoscaling.metrics[0].summary")),
            ["average"]
        );
        assert_eq!(allowed_values(Shape::V1, &p("enabled")), ["true", "false"]);
        assert!(allowed_values(Shape::V1, &p("image")).is_empty());
    }

    #[test]
    fn the_index_answers_as_a_scan_of_the_table() {
        for f in fields() {
            for variant in [None, f.variants.first().copied()] {
                let scan = fields().find(|g| g.path == f.path && g.applies_to(variant));
                assert_eq!(
                    field_by_pattern(f.path, variant).map(|g| g as *const Field),
                    scan.map(|g| g as *const Field),
                    "{}",
                    f.path
                );
            }
            let parent = f.parent();
            let scan: Vec<_> = fields().filter(|g| g.parent() == parent).collect();
            assert_eq!(fields_under(parent).len(), scan.len(), "{parent}");
            assert!(fields_under(parent)
                .iter()
                .zip(&scan)
                .all(|(a, b)| std::ptr::eq(*a, *b)));
        }
        assert!(fields_under("no.such").is_empty() && field_by_pattern("no.such", None).is_none());
    }

    #[test]
    fn every_field_has_label_help_and_a_parent() {
        for f in fields() {
            assert!(!f.label.is_empty() && !f.help.is_empty(), "{}", f.path);
            assert!(!f.shapes.is_empty(), "{}", f.path);
            let parent = f.parent();
            if !parent.is_empty() {
                let list_parent = parent.strip_suffix("[]");
                let holder = field_by_pattern(list_parent.unwrap_or(parent), None);
                assert!(holder.is_some(), "{} has no parent field", f.path);
            }
            if f.kind.is_scalar() && f.requirement != super::super::types::Requirement::Optional {
                assert!(!f.placeholder.is_empty(), "{} needs a placeholder", f.path);
            }
        }
    }
}
