//! Writing a [`NewValue`] as JSON text: laid out over lines in the file's indentation,
//! or on one line inside a collection written on one line.

use super::super::error::EditError;
use super::super::value::NewValue;

/// A JSON string literal.
pub(crate) fn string(s: &str) -> String {
    serde_json::to_string(s).unwrap_or_else(|_| "\"\"".to_string())
}

/// A JSON number that reads back as the same type: a float keeps a `.0`.
fn float(f: f64) -> Result<String, EditError> {
    if !f.is_finite() {
        return Err(EditError::unsupported(
            "JSON has no NaN or infinity: write the number as a string",
        ));
    }
    let s = format!("{f:?}");
    Ok(if s.contains(['.', 'e', 'E']) {
        s
    } else {
        format!("{s}.0")
    })
}

fn scalar(v: &NewValue) -> Result<String, EditError> {
    Ok(match v {
        NewValue::Null => "null".into(),
        NewValue::Bool(b) => b.to_string(),
        NewValue::Int(i) => i.to_string(),
        NewValue::Float(f) => float(*f)?,
        NewValue::Str(s) => string(s),
        NewValue::Map(_) => "{}".into(),
        NewValue::Seq(_) => "[]".into(),
    })
}

/// `v` over lines: a non-empty collection opens on this line, its children one `unit`
/// deeper than `base` (the indentation of the line it starts on), and closes on a line
/// of its own at `base`.
pub(crate) fn block(v: &NewValue, base: &str, unit: &str, eol: &str) -> Result<String, EditError> {
    let inner = format!("{base}{unit}");
    let parts: Vec<String> = match v {
        NewValue::Map(m) if !m.is_empty() => m
            .iter()
            .map(|(k, val)| Ok(format!("{}: {}", string(k), block(val, &inner, unit, eol)?)))
            .collect::<Result<_, EditError>>()?,
        NewValue::Seq(s) if !s.is_empty() => s
            .iter()
            .map(|val| block(val, &inner, unit, eol))
            .collect::<Result<_, EditError>>()?,
        _ => return scalar(v),
    };
    let (open, close) = if matches!(v, NewValue::Map(_)) {
        ('{', '}')
    } else {
        ('[', ']')
    };
    let sep = format!(",{eol}{inner}");
    Ok(format!(
        "{open}{eol}{inner}{}{eol}{base}{close}",
        parts.join(&sep)
    ))
}

/// `v` on one line: `{"a": 1, "b": [2, 3]}`.
pub(crate) fn inline(v: &NewValue) -> Result<String, EditError> {
    match v {
        NewValue::Map(m) if !m.is_empty() => {
            let parts = m
                .iter()
                .map(|(k, val)| Ok(format!("{}: {}", string(k), inline(val)?)))
                .collect::<Result<Vec<_>, EditError>>()?;
            Ok(format!("{{{}}}", parts.join(", ")))
        }
        NewValue::Seq(s) if !s.is_empty() => {
            let parts = s.iter().map(inline).collect::<Result<Vec<_>, _>>()?;
            Ok(format!("[{}]", parts.join(", ")))
        }
        _ => scalar(v),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn values() {
        let v = NewValue::map([
            ("name", NewValue::str("A \"b\"")),
            ("ports", NewValue::Seq(vec![NewValue::Int(8000)])),
            ("x", NewValue::Float(1.0)),
        ]);
        assert_eq!(
            block(&v, "  ", "  ", "\n").unwrap(),
            "{\n    \"name\": \"A \\\"b\\\"\",\n    \"ports\": [\n      8000\n    ],\n    \"x\": 1.0\n  }"
        );
        assert_eq!(
            inline(&v).unwrap(),
            "{\"name\": \"A \\\"b\\\"\", \"ports\": [8000], \"x\": 1.0}"
        );
        assert!(inline(&NewValue::Float(f64::NAN)).is_err());
        assert_eq!(block(&NewValue::Seq(vec![]), "", "  ", "\n").unwrap(), "[]");
    }
}
