//! The values an edit writes: a plain data type, rendered by `render`.

use crate::spec::Kind;

/// A value to write into the document. Strings are kept as strings: they are quoted
/// when written plain they would read back as something else (`"8000"`, `"yes"`).
#[derive(Debug, Clone, PartialEq)]
pub enum NewValue {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    Str(String),
    /// A mapping, in this key order.
    Map(Vec<(String, NewValue)>),
    Seq(Vec<NewValue>),
}

impl NewValue {
    /// The value a person typed into a field of `kind`: a number where the field
    /// wants one and the text is one, a boolean for `true`/`false` in a boolean field,
    /// a string otherwise (a wrong value then shows as a problem).
    pub fn typed(kind: Option<Kind>, text: &str) -> Self {
        let t = text.trim();
        match kind {
            Some(Kind::Integer { .. } | Kind::Port) => t
                .parse::<i64>()
                .map(NewValue::Int)
                .unwrap_or_else(|_| NewValue::str(text)),
            Some(Kind::Number { .. }) => match t.parse::<i64>() {
                Ok(i) => NewValue::Int(i),
                Err(_) => t
                    .parse::<f64>()
                    .ok()
                    .filter(|f| f.is_finite())
                    .map_or_else(|| NewValue::str(text), NewValue::Float),
            },
            Some(Kind::Bool) if t == "true" || t == "false" => NewValue::Bool(t == "true"),
            _ => NewValue::str(text),
        }
    }

    /// A string value.
    pub fn str(s: impl Into<String>) -> Self {
        NewValue::Str(s.into())
    }
    /// A mapping from `(key, value)` pairs.
    pub fn map<K: Into<String>>(entries: impl IntoIterator<Item = (K, NewValue)>) -> Self {
        NewValue::Map(entries.into_iter().map(|(k, v)| (k.into(), v)).collect())
    }
    pub fn is_scalar(&self) -> bool {
        !matches!(self, NewValue::Map(_) | NewValue::Seq(_))
    }
    /// "a string", "a mapping", … for messages.
    pub fn kind_name(&self) -> &'static str {
        match self {
            NewValue::Null => "empty (null)",
            NewValue::Bool(_) => "a boolean",
            NewValue::Int(_) => "an integer",
            NewValue::Float(_) => "a number",
            NewValue::Str(_) => "a string",
            NewValue::Map(_) => "a mapping",
            NewValue::Seq(_) => "a list",
        }
    }
}

impl From<&str> for NewValue {
    fn from(s: &str) -> Self {
        NewValue::Str(s.to_string())
    }
}
impl From<String> for NewValue {
    fn from(s: String) -> Self {
        NewValue::Str(s)
    }
}
impl From<bool> for NewValue {
    fn from(b: bool) -> Self {
        NewValue::Bool(b)
    }
}
impl From<i64> for NewValue {
    fn from(i: i64) -> Self {
        NewValue::Int(i)
    }
}
impl From<f64> for NewValue {
    fn from(f: f64) -> Self {
        NewValue::Float(f)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn typed_values_follow_the_field_kind() {
        assert_eq!(NewValue::typed(Some(Kind::Port), "80"), NewValue::Int(80));
        assert_eq!(
            NewValue::typed(Some(Kind::Port), "eighty"),
            NewValue::str("eighty")
        );
        assert_eq!(
            NewValue::typed(
                Some(Kind::Number {
                    min: None,
                    max: None
                }),
                "0.15"
            ),
            NewValue::Float(0.15)
        );
        assert_eq!(
            NewValue::typed(Some(Kind::String), "true"),
            NewValue::str("true")
        );
    }
}
