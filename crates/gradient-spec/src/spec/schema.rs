//! JSON Schema (draft 2020-12) of both spec shapes, generated from the catalogue.
//!
//! Policy: a spec is valid when it matches the legacy or the v1 shape (`anyOf`; a
//! spec with no shape-specific field can match both). Unknown keys are allowed
//! (they are warnings for the linter, and a schema cannot warn), but the keys that
//! are errors for the linter are forbidden with a `false` schema: the other shape's
//! fields (`mixed-shape`) and misplaced fields (`misplaced-field`). Within
//! `healthChecks`, where any other key is an error, `additionalProperties` is false.

use super::keys::{MISPLACED, SPEC_WRAPPER};
use super::lookup::children_of;
use super::names::{INTEGRATION_TYPES, LEGACY_API_VERSIONS, MAX_INTEGRATIONS, V1_API_VERSIONS};
use super::types::{Field, Kind, Owner, Shape};
use crate::yaml::{resolve_plain, ScalarKind};
use serde_json::{json, Map, Value};

/// The JSON Schema printed by `gradient-spec schema`.
pub fn json_schema() -> Value {
    json!({
        "$schema": "https://json-schema.org/draft/2020-12/schema",
        "$id": "urn:gradient-spec:deployment-spec",
        "title": "Paperspace Gradient Deployment spec",
        "description": "A Gradient Deployment spec in the legacy shape (top-level `port`, `resources.instanceType`, `models`, `repositories`) or the v1 shape (`resources.machineType`, `resources.ports`, `integrations`). Generated from the gradient-spec field catalogue.",
        "type": "object",
        "anyOf": [{ "$ref": "#/$defs/legacy" }, { "$ref": "#/$defs/v1" }],
        "$defs": {
            "legacy": shape_schema(Shape::Legacy),
            "v1": shape_schema(Shape::V1),
        },
    })
}

fn shape_schema(shape: Shape) -> Value {
    let mut schema = object_schema(shape, "", None);
    let (title, versions) = match shape {
        Shape::Legacy => ("Legacy shape", LEGACY_API_VERSIONS),
        Shape::V1 => ("v1 shape", V1_API_VERSIONS),
    };
    schema["title"] = json!(title);
    if let Some(props) = schema["properties"].as_object_mut() {
        if let Some(api) = props.get_mut("apiVersion") {
            api["enum"] = json!(versions);
        }
        props.insert(SPEC_WRAPPER.to_string(), Value::Bool(false));
        if let Some(hc) = props.get("healthChecks").cloned() {
            let mut alias = hc;
            alias["deprecated"] = json!(true);
            alias["description"] =
                json!("Another spelling of `healthChecks`; prefer `healthChecks`.");
            props.insert("healthchecks".to_string(), alias);
        }
    }
    schema
}

/// The schema of the mapping at `pattern`: its fields in `shape`, the required ones,
/// and `false` for the keys that are errors there.
fn object_schema(shape: Shape, pattern: &str, variant: Option<&str>) -> Value {
    let mut props = Map::new();
    let mut required = Vec::new();
    for child in children_of(pattern, Some(shape), variant) {
        props.insert(child.key().to_string(), field_schema(shape, child, variant));
        if child.requirement.required_in(shape) {
            required.push(child.key());
        }
    }
    for other in children_of(pattern, None, variant) {
        props
            .entry(other.key().to_string())
            .or_insert(Value::Bool(false));
    }
    for m in MISPLACED.iter().filter(|m| m.found_in == pattern) {
        props.entry(m.key.to_string()).or_insert(Value::Bool(false));
    }
    let mut schema = json!({ "type": "object", "properties": props });
    if !required.is_empty() {
        schema["required"] = json!(required);
    }
    if pattern == "healthChecks" {
        schema["additionalProperties"] = json!(false);
    }
    if super::lookup::is_probe(pattern) {
        schema["anyOf"] = json!([{ "required": ["path"] }, { "required": ["exec"] }]);
    }
    if pattern == "resources.autoscaling.metrics[]" {
        schema["oneOf"] = json!([
            { "properties": {
                "metric": { "enum": ["cpu", "memory"] },
                "value": { "type": "integer", "minimum": 1, "maximum": 100 } } },
            { "properties": {
                "metric": { "const": "requestDuration" },
                "value": { "type": "number", "minimum": 0.01 } } },
        ]);
    }
    schema
}

fn field_schema(shape: Shape, field: &Field, variant: Option<&str>) -> Value {
    let mut schema = match field.kind {
        Kind::Mapping => object_schema(shape, field.path, variant),
        Kind::List(item) => {
            let items = if field.path == "integrations" {
                integration_items(shape)
            } else if *item == Kind::Mapping {
                object_schema(shape, &format!("{}[]", field.path), variant)
            } else {
                kind_schema(item)
            };
            let mut list = json!({ "type": "array", "items": items });
            let non_empty = field.requirement.required_in(shape)
                || matches!(field.owner, Owner::Whole(_))
                || field.path.ends_with(".exec.command");
            if non_empty {
                list["minItems"] = json!(1);
            }
            if field.path == "integrations" {
                list["maxItems"] = json!(MAX_INTEGRATIONS);
            }
            list
        }
        kind => kind_schema(&kind),
    };
    schema["title"] = json!(field.label);
    schema["description"] = json!(field.help);
    if let Some(default) = field.default {
        schema["default"] = yaml_scalar_to_json(default);
    }
    schema
}

/// One `oneOf` branch per integration type, each with that type's fields.
fn integration_items(shape: Shape) -> Value {
    let branches: Vec<Value> = INTEGRATION_TYPES
        .iter()
        .map(|t| {
            let mut branch = object_schema(shape, "integrations[]", Some(t));
            branch["properties"]["type"] = json!({ "const": t });
            branch
        })
        .collect();
    json!({ "type": "object", "required": ["type"], "oneOf": branches })
}

fn kind_schema(kind: &Kind) -> Value {
    match *kind {
        Kind::String | Kind::Machine => json!({ "type": "string" }),
        Kind::Secret => json!({ "type": "string", "examples": ["secret:NAME"] }),
        Kind::Path => json!({ "type": "string", "pattern": "^/" }),
        Kind::Integer { min, max } => {
            let mut s = json!({ "type": "integer" });
            if let Some(min) = min {
                s["minimum"] = json!(min);
            }
            if let Some(max) = max {
                s["maximum"] = json!(max);
            }
            s
        }
        Kind::Number { min, max } => {
            let mut s = json!({ "type": "number" });
            if let Some(min) = min {
                s["minimum"] = json!(min);
            }
            if let Some(max) = max {
                s["maximum"] = json!(max);
            }
            s
        }
        Kind::Bool => json!({ "type": "boolean" }),
        Kind::Enum(values) => json!({ "type": "string", "enum": values }),
        Kind::Port => json!({ "type": "integer", "minimum": 1, "maximum": Kind::PORT_MAX }),
        Kind::Mapping => json!({ "type": "object" }),
        Kind::List(item) => json!({ "type": "array", "items": kind_schema(item) }),
    }
}

fn yaml_scalar_to_json(text: &str) -> Value {
    match resolve_plain(text) {
        ScalarKind::Bool(b) => json!(b),
        ScalarKind::Int(i) => json!(i),
        ScalarKind::Float(f) => json!(f),
        ScalarKind::Null => Value::Null,
        ScalarKind::String => json!(text),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn has_both_shapes() {
        let s = json_schema();
        assert_eq!(s["$schema"], "https://json-schema.org/draft/2020-12/schema");
        let legacy = &s["$defs"]["legacy"];
        let v1 = &s["$defs"]["v1"];
        assert_eq!(legacy["required"], json!(["image", "resources"]));
        assert_eq!(v1["required"], json!(["name", "image", "resources"]));
        assert_eq!(legacy["properties"]["integrations"], json!(false));
        assert_eq!(v1["properties"]["port"], json!(false));
        assert_eq!(
            v1["properties"]["resources"]["required"],
            json!(["machineType", "ports"])
        );
        assert_eq!(
            legacy["properties"]["resources"]["properties"]["port"],
            json!(false)
        );
        assert_eq!(legacy["properties"]["port"]["default"], json!(80));
    }
}
