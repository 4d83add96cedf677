//! Converting a whole document to another format, for "Download as YAML / JSON".
//! Comments do not survive a change of language; the value and key order do.

use super::context::Ctx;
use super::error::EditError;
use super::render::{below, Layout};
use super::scalar;
use super::value::NewValue;
use crate::format::Format;
use serde_json::Value as Json;

/// `text` (written in `from`) as a document in `to`: the same text when the format is
/// the same, else two-space YAML or two-space JSON (JSONC gets plain JSON). Refused
/// when the document has syntax errors.
pub fn convert(text: &str, from: Format, to: Format) -> Result<String, EditError> {
    if from == to {
        return Ok(text.to_string());
    }
    let doc = crate::parse_as(text, from);
    let errors = doc.syntax_diagnostics.len();
    if errors > 0 {
        return Err(EditError::SyntaxErrors { count: errors });
    }
    let value = doc
        .to_json()
        .map_err(|e| EditError::unsupported(e.to_string()))?;
    let eol = super::lines::eol_of(text);
    match to {
        Format::Json | Format::Jsonc => {
            let s = serde_json::to_string_pretty(&value)
                .map_err(|e| EditError::unsupported(e.to_string()))?;
            Ok(format!("{}{eol}", s.replace('\n', eol)))
        }
        Format::Yaml => {
            let v = to_new(&value);
            let lay = Layout {
                unit: 2,
                seq_indent: true,
                eol,
            };
            let body = match &v {
                NewValue::Map(m) if !m.is_empty() => below(&v, 0, &lay),
                NewValue::Seq(s) if !s.is_empty() => below(&v, 0, &lay),
                _ => scalar::inline(&v, None, false),
            };
            let out = format!("{}{eol}", body.strip_prefix(eol).unwrap_or(&body));
            // The YAML written must mean the same value.
            let _ = Ctx::new(&out)?;
            let back = crate::yaml::parse(&out)
                .to_json()
                .map_err(|e| EditError::unsupported(e.to_string()))?;
            if back != value {
                return Err(EditError::refused(
                    "the YAML would not read back as the same value",
                ));
            }
            Ok(out)
        }
    }
}

fn to_new(v: &Json) -> NewValue {
    match v {
        Json::Null => NewValue::Null,
        Json::Bool(b) => NewValue::Bool(*b),
        Json::Number(n) => match n.as_i64() {
            Some(i) => NewValue::Int(i),
            None => NewValue::Float(n.as_f64().unwrap_or(0.0)),
        },
        Json::String(s) => NewValue::Str(s.clone()),
        Json::Array(a) => NewValue::Seq(a.iter().map(to_new).collect()),
        Json::Object(o) => NewValue::Map(o.iter().map(|(k, v)| (k.clone(), to_new(v))).collect()),
    }
}
