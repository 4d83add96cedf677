//! The postMessage API between an embedded editor and the page that embeds it, as
//! plain data, so every message shape is tested natively. Version 1:
//!
//! - posted: `gradient-spec:ready {version}`, `gradient-spec:change {yaml, errors,
//!   warnings}`, `gradient-spec:resize {height}`, `gradient-spec:value {id, yaml,
//!   diagnostics}` (the answer to `get`), `gradient-spec:error {about, message}` (a
//!   message of a known type that could not be used);
//! - accepted: `gradient-spec:set {yaml}`, `gradient-spec:get {id}`.
//!
//! Adding fields keeps the version; removing or changing one bumps it. Messages are
//! only serialized here (never parsed as JSON): a JSON parser would cost bundle bytes,
//! so the DOM layer reads the two fields it needs (`type`, `yaml`) from the object.

use gradient_spec::text::LineIndex;
use serde::Serialize;

/// The API version posted in `gradient-spec:ready`.
pub const API_VERSION: u32 = 1;

const PREFIX: &str = "gradient-spec:";

/// Texts above this size are refused by `set` (as opened files are).
pub const MAX_SET_BYTES: usize = 5 * 1024 * 1024;

/// The `yaml` field of an incoming message, as found on the object.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Field {
    Absent,
    Text(String),
    /// Present but not a string.
    Other,
}

/// A message the editor acts on.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Incoming {
    /// Load this text as one undoable step.
    Set { yaml: String },
    /// Answer with the text and its diagnostics (the DOM layer echoes the `id`).
    Get,
}

/// What to do with a message that arrived from the parent window.
#[derive(Debug, Clone, PartialEq, Eq)]
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

/// Reads a message from its `type` (when it is a string) and its `yaml` field.
pub fn parse(kind: Option<&str>, yaml: Field) -> Parsed {
    let Some(kind) = kind else {
        return Parsed::Ignore;
    };
    let refuse = |message: String| Parsed::Refuse {
        about: kind.to_string(),
        message,
    };
    match kind.strip_prefix(PREFIX) {
        Some("set") => match yaml {
            Field::Text(yaml) if yaml.len() > MAX_SET_BYTES => refuse(format!(
                "the text is {:.1} MB; texts over 5 MB are not loaded",
                yaml.len() as f64 / 1_048_576.0
            )),
            Field::Text(yaml) => Parsed::Act(Incoming::Set { yaml }),
            Field::Absent | Field::Other => refuse("`yaml` must be a string".into()),
        },
        Some("get") => Parsed::Act(Incoming::Get),
        _ => Parsed::Ignore,
    }
}

/// One diagnostic in a `value` answer: plain fields, `line` and `column` from 1
/// (`column` in characters, as the Problems list shows them).
#[derive(Debug, Serialize)]
pub struct PlainDiagnostic<'a> {
    pub rule: &'a str,
    pub severity: &'a str,
    pub message: &'a str,
    pub line: usize,
    pub column: usize,
    pub path: &'a str,
}

/// A message the editor posts (the `id` of a `value` is added by the DOM layer,
/// exactly as the host sent it).
#[derive(Debug, Serialize)]
#[serde(tag = "type")]
pub enum Outgoing<'a> {
    #[serde(rename = "gradient-spec:ready")]
    Ready { version: u32 },
    #[serde(rename = "gradient-spec:change")]
    Change {
        yaml: &'a str,
        errors: usize,
        warnings: usize,
    },
    #[serde(rename = "gradient-spec:resize")]
    Resize { height: u32 },
    #[serde(rename = "gradient-spec:value")]
    Value {
        yaml: &'a str,
        diagnostics: Vec<PlainDiagnostic<'a>>,
    },
    #[serde(rename = "gradient-spec:error")]
    Error { about: &'a str, message: &'a str },
}

impl Outgoing<'_> {
    /// The message as JSON text (for `JSON.parse` into the object that is posted).
    pub fn to_json(&self) -> String {
        serde_json::to_string(self).unwrap_or_default()
    }
}

pub fn ready() -> Outgoing<'static> {
    Outgoing::Ready {
        version: API_VERSION,
    }
}

/// The answer to `get` for `yaml`: the exact text and every diagnostic of the core's
/// check, by position. `report` holds the diagnostics the answer borrows.
pub fn value<'a>(yaml: &'a str, report: &'a gradient_spec::Report) -> Outgoing<'a> {
    let index = LineIndex::new(yaml);
    let diagnostics = report
        .diagnostics
        .iter()
        .map(|d| {
            let pos = index.position(d.span.start);
            PlainDiagnostic {
                rule: d.rule.as_str(),
                severity: d.severity.as_str(),
                message: &d.message,
                line: pos.line,
                column: pos.column,
                path: &d.path,
            }
        })
        .collect();
    Outgoing::Value { yaml, diagnostics }
}

#[cfg(test)]
mod tests {
    use super::*;
    use serde_json::{json, Value};

    fn as_json(m: &Outgoing) -> Value {
        serde_json::from_str(&m.to_json()).unwrap()
    }

    #[test]
    fn reads_set_and_get() {
        assert_eq!(
            parse(Some("gradient-spec:set"), Field::Text("image: x\n".into())),
            Parsed::Act(Incoming::Set {
                yaml: "image: x\n".into()
            })
        );
        assert_eq!(
            parse(Some("gradient-spec:get"), Field::Absent),
            Parsed::Act(Incoming::Get)
        );
    }

    #[test]
    fn ignores_what_is_not_for_it() {
        for kind in [
            None,
            Some(""),
            Some("webpackOk"),
            Some("gradient-spec:delete"),
            Some("gradient-spec:ready"),
            Some("gradient-spec:"),
            Some("GRADIENT-SPEC:set"),
        ] {
            assert_eq!(
                parse(kind, Field::Text("x".into())),
                Parsed::Ignore,
                "{kind:?}"
            );
        }
    }

    #[test]
    fn refuses_a_set_without_usable_text() {
        for field in [
            Field::Absent,
            Field::Other,
            Field::Text("x".repeat(MAX_SET_BYTES + 1)),
        ] {
            assert!(matches!(
                parse(Some("gradient-spec:set"), field),
                Parsed::Refuse { ref about, .. } if about == "gradient-spec:set"
            ));
        }
    }

    #[test]
    fn posted_messages_have_their_documented_shape() {
        assert_eq!(
            as_json(&ready()),
            json!({"type": "gradient-spec:ready", "version": 1})
        );
        let change = Outgoing::Change {
            yaml: "a",
            errors: 2,
            warnings: 1,
        };
        assert_eq!(
            as_json(&change),
            json!({"type": "gradient-spec:change", "yaml": "a", "errors": 2, "warnings": 1})
        );
        assert_eq!(
            as_json(&Outgoing::Resize { height: 480 }),
            json!({"type": "gradient-spec:resize", "height": 480})
        );
        let error = Outgoing::Error {
            about: "gradient-spec:set",
            message: "m",
        };
        assert_eq!(
            as_json(&error),
            json!({"type": "gradient-spec:error", "about": "gradient-spec:set", "message": "m"})
        );
    }

    #[test]
    fn value_lists_diagnostics_as_plain_objects() {
        let yaml = "image: \"日本\"\nport: x\n";
        let report = gradient_spec::check(yaml);
        let v = as_json(&value(yaml, &report));
        assert_eq!(v["type"], "gradient-spec:value");
        assert_eq!(v["yaml"], yaml);
        let diags = v["diagnostics"].as_array().unwrap();
        assert!(!diags.is_empty());
        for d in diags {
            let mut keys: Vec<&str> = d.as_object().unwrap().keys().map(String::as_str).collect();
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
