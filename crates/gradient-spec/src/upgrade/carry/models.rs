//! `models` (a list of `{id, path}`, or one such mapping) → `model` integrations.

use super::{absolute, unique, Carried};
use crate::edit::NewValue;
use crate::path::SpecPath;
use crate::upgrade::items::{self, Item};
use crate::upgrade::UpgradeNote;
use crate::yaml::{Node, Value};

/// `id` → a name for the model integration: lower-case letters, digits and `-`.
pub(crate) fn name_from_id(id: &str) -> String {
    let mut name = String::new();
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        "model".to_string()
    } else {
        name.to_string()
    }
}

/// The `model` integrations the legacy `models` become, named apart from `names`;
/// notes for what cannot be carried.
pub(crate) fn to_integrations(
    models: &Node,
    names: &mut Vec<String>,
    notes: &mut Vec<UpgradeNote>,
) -> Vec<Carried> {
    let base = SpecPath::root().key("models");
    // An official example writes one model as a mapping: read it as a list of one.
    let items: Vec<(SpecPath, &Node)> = match &models.value {
        Value::Sequence(s) => s
            .items
            .iter()
            .enumerate()
            .map(|(i, n)| (base.index(i), n))
            .collect(),
        Value::Mapping(_) => vec![(base.clone(), models)],
        _ => {
            if !models.is_null() {
                notes.push(UpgradeNote::new(
                    base,
                    models.span,
                    format!(
                        "`models` is {}, not a list of models: nothing carried over from it",
                        models.kind_name()
                    ),
                ));
            }
            return Vec::new();
        }
    };
    items::mappings(items, "model", " with an `id`", notes)
        .iter()
        .filter_map(|item| integration(item, names, notes))
        .collect()
}

/// One legacy model as a `model` integration named after its `id`; a note when it has
/// no `id`.
fn integration(
    item: &Item,
    names: &mut Vec<String>,
    notes: &mut Vec<UpgradeNote>,
) -> Option<Carried> {
    let Some(id) = item.field("id") else {
        item.note(
            "this model has no `id`: not carried over (a v1 model integration needs one)",
            notes,
        );
        return None;
    };
    let name = unique(&name_from_id(id), names);
    let mut fields = vec![
        ("type".to_string(), NewValue::str("model")),
        ("name".to_string(), NewValue::str(name)),
        ("id".to_string(), NewValue::str(id)),
    ];
    if let Some(path_node) = item.map.get("path") {
        match path_node.scalar_text() {
            Some(p) if !path_node.is_null() => {
                let p = absolute(p, &item.at.key("path"), path_node.span, notes);
                fields.push(("path".to_string(), NewValue::str(p)));
            }
            _ => {}
        }
    }
    for (k, e) in item.other_entries(&["id", "path"]) {
        notes.push(UpgradeNote::new(
            item.at.key(k),
            e.key.span,
            format!("`{k}` is not a field of a model: not carried over"),
        ));
    }
    Some(Carried {
        value: NewValue::Map(fields),
        span: item.node.span,
        what: format!("model `{id}`"),
        from: item.at.clone(),
    })
}
