//! Converting a whole document to another format, for "Download as YAML / JSON".
//! Comments do not survive a change of language; the value and key order do. Written
//! with the edit layer's own renderers (no serializer crate in the browser bundle).

use super::error::EditError;
use super::render::{below, Layout};
use super::value::NewValue;
use super::{json, scalar};
use crate::format::Format;
use serde_json::Value as Json;

/// `text` (written in `from`) as a document in `to`: the same text when the format is
/// the same; else two-space YAML, or canonical two-space JSON (a JSONC spec loses its
/// comments and trailing commas). Refused when the document has syntax errors.
pub fn convert(text: &str, from: Format, to: Format) -> Result<String, EditError> {
    if from == to {
        return Ok(text.to_string());
    }
    if from.is_json() && to.is_json() {
        return json::plain_json(text);
    }
    let doc = crate::parse_as(text, from);
    let errors = doc.syntax_diagnostics.len();
    if errors > 0 {
        return Err(EditError::SyntaxErrors { count: errors });
    }
    let value = doc
        .to_json()
        .map_err(|e| EditError::unsupported(e.to_string()))?;
    let v = to_new(&value)?;
    let eol = super::lines::eol_of(text);
    let out = match to {
        Format::Json | Format::Jsonc => {
            format!("{}{eol}", json::render_block(&v, "  ", eol)?)
        }
        Format::Yaml => {
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
            format!("{}{eol}", body.strip_prefix(eol).unwrap_or(&body))
        }
    };
    // What is written must read back as the same value.
    let back = crate::parse_as(&out, to);
    if !back.syntax_diagnostics.is_empty() || back.to_json().ok().as_ref() != Some(&value) {
        return Err(EditError::refused(format!(
            "the {} would not read back as the same value",
            to.name()
        )));
    }
    Ok(out)
}

fn to_new(v: &Json) -> Result<NewValue, EditError> {
    Ok(match v {
        Json::Null => NewValue::Null,
        Json::Bool(b) => NewValue::Bool(*b),
        Json::Number(n) => match (n.as_i64(), n.as_f64()) {
            (Some(i), _) => NewValue::Int(i),
            (None, Some(f)) => NewValue::Float(f),
            _ => return Err(EditError::unsupported(format!("the number {n}"))),
        },
        Json::String(s) => NewValue::Str(s.clone()),
        Json::Array(a) => NewValue::Seq(a.iter().map(to_new).collect::<Result<_, _>>()?),
        Json::Object(o) => NewValue::Map(
            o.iter()
                .map(|(k, v)| Ok((k.clone(), to_new(v)?)))
                .collect::<Result<_, EditError>>()?,
        ),
    })
}
