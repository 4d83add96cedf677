//! The postMessage API between an embedded editor and the page that embeds it, as
//! plain data (JSON values), so every message shape is tested natively. Version 1:
//!
//! - posted: `gradient-spec:ready {version}`, `gradient-spec:change {yaml, errors,
//!   warnings}`, `gradient-spec:resize {height}`, `gradient-spec:value {id, yaml,
//!   diagnostics}` (the answer to `get`), `gradient-spec:error {message, about}` (a
//!   message of a known type that could not be used);
//! - accepted: `gradient-spec:set {yaml}`, `gradient-spec:get {id}`.
//!
//! Adding fields keeps the version; removing or changing one bumps it.

use gradient_spec::text::LineIndex;
use serde_json::{json, Value};

/// The API version posted in `gradient-spec:ready`.
pub const API_VERSION: u32 = 1;

const PREFIX: &str = "gradient-spec:";

/// Texts above this size are refused by `set` (as opened files are).
pub const MAX_SET_BYTES: usize = 5 * 1024 * 1024;

/// A message the editor acts on.
#[derive(Debug, Clone, PartialEq)]
pub enum Incoming {
    /// Load this text as one undoable step.
    Set { yaml: String },
    /// Answer with the text and its diagnostics, echoing `id`.
    Get { id: Value },
}

/// What to do with a message that arrived from the parent window.
#[derive(Debug, Clone, PartialEq)]
pub enum Parsed {
    Act(Incoming),
    /// Not for this API (another library's message, an unknown type): silence.
    Ignore,
    /// A known type that cannot be used: answered with `gradient-spec:error`.
    Refuse {
        about: String,
        message: String,
    },
}

/// Reads a message's data (as JSON). Never fails.
pub fn parse(data: &Value) -> Parsed {
    let Some(kind) = data.get("type").and_then(Value::as_str) else {
        return Parsed::Ignore;
    };
    let refuse = |message: String| Parsed::Refuse {
        about: kind.to_string(),
        message,
    };
    match kind.strip_prefix(PREFIX) {
        Some("set") => match data.get("yaml") {
            Some(Value::String(yaml)) if yaml.len() > MAX_SET_BYTES => refuse(format!(
                "the text is {:.1} MB; texts over 5 MB are not loaded",
                yaml.len() as f64 / 1_048_576.0
            )),
            Some(Value::String(yaml)) => Parsed::Act(Incoming::Set { yaml: yaml.clone() }),
            _ => refuse("`yaml` must be a string".into()),
        },
        Some("get") => Parsed::Act(Incoming::Get {
            id: data.get("id").cloned().unwrap_or(Value::Null),
        }),
        _ => Parsed::Ignore,
    }
}

pub fn ready() -> Value {
    json!({ "type": "gradient-spec:ready", "version": API_VERSION })
}

pub fn change(yaml: &str, errors: usize, warnings: usize) -> Value {
    json!({ "type": "gradient-spec:change", "yaml": yaml, "errors": errors, "warnings": warnings })
}

pub fn resize(height: u32) -> Value {
    json!({ "type": "gradient-spec:resize", "height": height })
}

pub fn error(about: &str, message: &str) -> Value {
    json!({ "type": "gradient-spec:error", "about": about, "message": message })
}

/// The answer to `get`: the exact text and every diagnostic of the core's check, by
/// position, as plain objects (`line` and `column` count from 1; `column` in
/// characters, as the Problems list shows them).
pub fn value(id: &Value, yaml: &str) -> Value {
    let report = gradient_spec::check(yaml);
    let index = LineIndex::new(yaml);
    let diagnostics: Vec<Value> = report
        .diagnostics
        .iter()
        .map(|d| {
            let pos = index.position(d.span.start);
            json!({
                "rule": d.rule,
                "severity": d.severity.as_str(),
                "message": d.message,
                "line": pos.line,
                "column": pos.column,
                "path": d.path,
            })
        })
        .collect();
    json!({ "type": "gradient-spec:value", "id": id, "yaml": yaml, "diagnostics": diagnostics })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_set_and_get() {
        assert_eq!(
            parse(&json!({"type": "gradient-spec:set", "yaml": "image: x\n"})),
            Parsed::Act(Incoming::Set {
                yaml: "image: x\n".into()
            })
        );
        assert_eq!(
            parse(&json!({"type": "gradient-spec:get", "id": 7})),
            Parsed::Act(Incoming::Get { id: json!(7) })
        );
        assert_eq!(
            parse(&json!({"type": "gradient-spec:get"})),
            Parsed::Act(Incoming::Get { id: Value::Null })
        );
    }

    #[test]
    fn ignores_what_is_not_for_it() {
        for data in [
            json!("gradient-spec:set"),
            json!(null),
            json!([1, 2]),
            json!({}),
            json!({"type": 3}),
            json!({"type": "webpackOk"}),
            json!({"type": "gradient-spec:delete"}),
            json!({"type": "gradient-spec:ready", "version": 1}),
        ] {
            assert_eq!(parse(&data), Parsed::Ignore, "{data}");
        }
    }

    #[test]
    fn refuses_a_set_without_usable_text() {
        for data in [
            json!({"type": "gradient-spec:set"}),
            json!({"type": "gradient-spec:set", "yaml": 12}),
            json!({"type": "gradient-spec:set", "yaml": "x".repeat(MAX_SET_BYTES + 1)}),
        ] {
            assert!(
                matches!(parse(&data), Parsed::Refuse { ref about, .. } if about == "gradient-spec:set")
            );
        }
    }

    #[test]
    fn posted_messages_have_their_documented_shape() {
        assert_eq!(
            ready(),
            json!({"type": "gradient-spec:ready", "version": 1})
        );
        assert_eq!(
            change("a", 2, 1),
            json!({"type": "gradient-spec:change", "yaml": "a", "errors": 2, "warnings": 1})
        );
        assert_eq!(resize(480)["height"], json!(480));
        assert_eq!(
            error("gradient-spec:set", "m")["type"],
            "gradient-spec:error"
        );
    }

    #[test]
    fn value_lists_diagnostics_as_plain_objects() {
        let yaml = "image: \"日本\"\nport: x\n";
        let v = value(&json!("q1"), yaml);
        assert_eq!(v["type"], "gradient-spec:value");
        assert_eq!(v["id"], "q1");
        assert_eq!(v["yaml"], yaml);
        let diags = v["diagnostics"].as_array().unwrap();
        assert!(!diags.is_empty());
        for d in diags {
            let obj = d.as_object().unwrap();
            let mut keys: Vec<&str> = obj.keys().map(String::as_str).collect();
            keys.sort_unstable();
            assert_eq!(
                keys,
                ["column", "line", "message", "path", "rule", "severity"]
            );
        }
        let port = diags.iter().find(|d| d["path"] == "port").expect("port");
        assert_eq!(
            (port["line"].as_u64(), port["column"].as_u64()),
            (Some(2), Some(7))
        );
        assert_eq!(port["severity"], "error");
    }
}
