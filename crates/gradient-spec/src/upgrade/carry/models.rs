//! `models` (a list of `{id, path}`, or one such mapping) → `model` integrations.

use super::{absolute, unique, Carried};
use crate::edit::NewValue;
use crate::path::SpecPath;
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
    let mut out = Vec::new();
    for (at, item) in items {
        let Some(m) = item.as_mapping() else {
            notes.push(UpgradeNote::new(
                at,
                item.span,
                format!(
                    "this model is {}, not a mapping with an `id`: not carried over",
                    item.kind_name()
                ),
            ));
            continue;
        };
        let Some(id) = m
            .get("id")
            .and_then(Node::scalar_text)
            .filter(|s| !s.trim().is_empty())
        else {
            notes.push(UpgradeNote::new(
                at,
                item.span,
                "this model has no `id`: not carried over (a v1 model integration needs one)",
            ));
            continue;
        };
        let name = unique(&name_from_id(id), names);
        let mut fields = vec![
            ("type".to_string(), NewValue::str("model")),
            ("name".to_string(), NewValue::str(name)),
            ("id".to_string(), NewValue::str(id)),
        ];
        if let Some(path_node) = m.get("path") {
            match path_node.scalar_text() {
                Some(p) if !path_node.is_null() => {
                    let p = absolute(p, &at.key("path"), path_node.span, notes);
                    fields.push(("path".to_string(), NewValue::str(p)));
                }
                _ => {}
            }
        }
        for e in &m.entries {
            let k = e.key.scalar_text().unwrap_or("");
            if !matches!(k, "id" | "path") {
                notes.push(UpgradeNote::new(
                    at.key(k),
                    e.key.span,
                    format!("`{k}` is not a field of a model: not carried over"),
                ));
            }
        }
        out.push(Carried {
            value: NewValue::Map(fields),
            span: item.span,
            what: format!("model `{id}`"),
            from: at,
        });
    }
    out
}
