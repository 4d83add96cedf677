//! The value a new field or list item starts with when a person adds it (the form's
//! Add buttons): its required children, each empty. A scalar starts as `null`, which
//! the form shows as an empty input and the rules as absent, never as the catalogue's
//! example (`<dataset-id>`, `https://github.com/owner/repo.git`): an example written
//! as a value reads as a real one, passes the checks and ends up deployed, while an
//! empty required field is a `missing-field` problem the person sees. A choice of
//! exactly one value (`summary: average`) is not an example, and is written; so is
//! the `type` of a new integration, which decides its other fields. (Fixes insert
//! the examples instead: `spec::value_text`.)

use super::value::NewValue;
use crate::path::SpecPath;
use crate::spec::{self, Field, Kind, Shape};

impl NewValue {
    /// The empty value of a new `field` at `pattern` (a catalogue pattern such as
    /// `resources` or `integrations[]`), for the integration type `variant`.
    pub fn empty_field(shape: Shape, field: &Field, pattern: &str, variant: Option<&str>) -> Self {
        match field.kind {
            Kind::Mapping => empty_mapping(shape, pattern, variant),
            Kind::List(Kind::Mapping) => {
                NewValue::Seq(vec![empty_mapping(shape, &format!("{pattern}[]"), variant)])
            }
            Kind::List(item) => NewValue::Seq(vec![empty_scalar(*item)]),
            k => empty_scalar(k),
        }
    }

    /// The empty new item of the `list` field at `path`.
    pub fn empty_item(shape: Shape, list: &Field, path: &SpecPath) -> Self {
        let pattern = spec::pattern(path);
        match list.kind {
            Kind::List(Kind::Mapping) => {
                empty_mapping(shape, &format!("{pattern}[]"), spec::item_variant(&pattern))
            }
            Kind::List(item) => empty_scalar(*item),
            _ => NewValue::Null,
        }
    }
}

/// A mapping at `pattern` with its required children, empty; an item of a list with
/// variants (integrations) gets its `type` first.
fn empty_mapping(shape: Shape, pattern: &str, variant: Option<&str>) -> NewValue {
    let mut entries: Vec<(String, NewValue)> = Vec::new();
    if let Some(default) = pattern.strip_suffix("[]").and_then(spec::item_variant) {
        entries.push(("type".into(), NewValue::str(variant.unwrap_or(default))));
    }
    for c in spec::children_of(pattern, Some(shape), variant)
        .iter()
        .filter(|c| c.is_required(shape) && c.key() != "type")
    {
        let child = NewValue::empty_field(shape, c, &spec::join(pattern, c.key()), variant);
        entries.push((c.key().to_string(), child));
    }
    NewValue::Map(entries)
}

/// An empty scalar of `kind`: `null`, or the only value of a one-value choice.
fn empty_scalar(kind: Kind) -> NewValue {
    match kind {
        Kind::Enum([only]) => NewValue::str(*only),
        _ => NewValue::Null,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn path(p: &str) -> SpecPath {
        SpecPath::parse(p).expect("a spec path")
    }

    #[test]
    fn a_new_integration_starts_with_its_type_and_empty_required_fields() {
        let list = spec::field(Shape::V1, &path("integrations")).unwrap();
        let NewValue::Map(entries) = NewValue::empty_item(Shape::V1, list, &path("integrations"))
        else {
            panic!("a mapping")
        };
        assert_eq!(entries[0], ("type".into(), NewValue::str("git-lfs")));
        assert!(entries.len() > 1, "{entries:?}");
        assert!(entries[1..].iter().all(|(_, v)| *v == NewValue::Null));
    }

    #[test]
    fn sections_and_scalar_items_start_empty() {
        let resources = spec::field(Shape::V1, &path("resources")).unwrap();
        let v = NewValue::empty_field(Shape::V1, resources, "resources", None);
        assert_eq!(
            v,
            NewValue::map([
                ("machineType", NewValue::Null),
                ("ports", NewValue::Seq(vec![NewValue::Null]))
            ])
        );
        let command = spec::field(Shape::Legacy, &path("command")).unwrap();
        assert_eq!(
            NewValue::empty_item(Shape::Legacy, command, &path("command")),
            NewValue::Null
        );
        let env = spec::field(Shape::Legacy, &path("env")).unwrap();
        assert_eq!(
            NewValue::empty_item(Shape::Legacy, env, &path("env")),
            NewValue::map([("name", NewValue::Null), ("value", NewValue::Null)])
        );
    }
}
