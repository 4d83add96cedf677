//! Scalar styles and YAML 1.2 core-schema resolution of plain scalars.

/// How a scalar is written.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum ScalarStyle {
    Plain,
    SingleQuoted,
    DoubleQuoted,
    /// `|` block scalar.
    Literal,
    /// `>` block scalar.
    Folded,
}

impl ScalarStyle {
    pub fn is_quoted(&self) -> bool {
        matches!(self, ScalarStyle::SingleQuoted | ScalarStyle::DoubleQuoted)
    }
}

/// The type a scalar resolves to. Only plain scalars can be anything but a string.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum ScalarKind {
    Null,
    Bool(bool),
    Int(i64),
    Float(f64),
    String,
}

impl ScalarKind {
    /// "a string", "an integer", … for messages.
    pub fn name(&self) -> &'static str {
        match self {
            ScalarKind::Null => "empty (null)",
            ScalarKind::Bool(_) => "a boolean",
            ScalarKind::Int(_) => "an integer",
            ScalarKind::Float(_) => "a number",
            ScalarKind::String => "a string",
        }
    }
    pub fn as_f64(&self) -> Option<f64> {
        match *self {
            ScalarKind::Int(i) => Some(i as f64),
            ScalarKind::Float(f) => Some(f),
            _ => None,
        }
    }
}

/// Resolves a plain scalar by the YAML 1.2 core schema (the schema of js-yaml,
/// go-yaml v3 and libyaml-based loaders in 1.2 mode): `yes`/`no`/`on` are strings.
pub fn resolve_plain(s: &str) -> ScalarKind {
    match s {
        "" | "~" | "null" | "Null" | "NULL" => return ScalarKind::Null,
        "true" | "True" | "TRUE" => return ScalarKind::Bool(true),
        "false" | "False" | "FALSE" => return ScalarKind::Bool(false),
        ".inf" | ".Inf" | ".INF" | "+.inf" | "+.Inf" | "+.INF" => {
            return ScalarKind::Float(f64::INFINITY)
        }
        "-.inf" | "-.Inf" | "-.INF" => return ScalarKind::Float(f64::NEG_INFINITY),
        ".nan" | ".NaN" | ".NAN" => return ScalarKind::Float(f64::NAN),
        _ => {}
    }
    if let Some(i) = resolve_int(s) {
        return ScalarKind::Int(i);
    }
    if is_core_float(s) {
        if let Ok(f) = s.parse::<f64>() {
            return ScalarKind::Float(f);
        }
    }
    ScalarKind::String
}

/// The type of a scalar written with an explicit tag. The core tags (`!!str`,
/// `!!int`, `!!float`, `!!bool`, `!!null`, also in `!<tag:yaml.org,2002:…>` form)
/// decide the type whatever the style; text that does not fit the tag stays a string.
/// The non-specific `!` makes a string; any other tag leaves the usual resolution
/// (plain scalars by the core schema, others strings).
pub fn resolve_tagged(tag: &str, text: &str, style: ScalarStyle) -> ScalarKind {
    let core = tag.strip_prefix("!!").or_else(|| {
        tag.strip_prefix("!<tag:yaml.org,2002:")
            .and_then(|t| t.strip_suffix('>'))
    });
    let untagged = || match style {
        ScalarStyle::Plain => resolve_plain(text),
        _ => ScalarKind::String,
    };
    match (tag, core) {
        ("!", _) => ScalarKind::String,
        (_, Some("str")) => ScalarKind::String,
        (_, Some("null")) => match resolve_plain(text) {
            ScalarKind::Null => ScalarKind::Null,
            _ => ScalarKind::String,
        },
        (_, Some("bool")) => match resolve_plain(text) {
            b @ ScalarKind::Bool(_) => b,
            _ => ScalarKind::String,
        },
        (_, Some("int")) => resolve_int(text).map_or(ScalarKind::String, ScalarKind::Int),
        (_, Some("float")) => match resolve_plain(text) {
            ScalarKind::Int(i) => ScalarKind::Float(i as f64),
            f @ ScalarKind::Float(_) => f,
            _ => ScalarKind::String,
        },
        _ => untagged(),
    }
}

fn resolve_int(s: &str) -> Option<i64> {
    if let Some(hex) = s.strip_prefix("0x") {
        return (!hex.is_empty() && hex.bytes().all(|b| b.is_ascii_hexdigit()))
            .then(|| i64::from_str_radix(hex, 16).ok())
            .flatten();
    }
    if let Some(oct) = s.strip_prefix("0o") {
        return (!oct.is_empty() && oct.bytes().all(|b| (b'0'..=b'7').contains(&b)))
            .then(|| i64::from_str_radix(oct, 8).ok())
            .flatten();
    }
    let digits = s.strip_prefix(['-', '+']).unwrap_or(s);
    if digits.is_empty() || !digits.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse::<i64>().ok()
}

/// `[-+]? ( \. [0-9]+ | [0-9]+ ( \. [0-9]* )? ) ( [eE] [-+]? [0-9]+ )?`
fn is_core_float(s: &str) -> bool {
    let b = s.strip_prefix(['-', '+']).unwrap_or(s).as_bytes();
    let mut i = 0;
    let int_digits = b.iter().take_while(|c| c.is_ascii_digit()).count();
    i += int_digits;
    let mut frac_digits = 0;
    if b.get(i) == Some(&b'.') {
        i += 1;
        frac_digits = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        i += frac_digits;
    }
    if int_digits == 0 && frac_digits == 0 {
        return false;
    }
    if matches!(b.get(i), Some(b'e' | b'E')) {
        i += 1;
        if matches!(b.get(i), Some(b'-' | b'+')) {
            i += 1;
        }
        let exp = b[i..].iter().take_while(|c| c.is_ascii_digit()).count();
        if exp == 0 {
            return false;
        }
        i += exp;
    }
    i == b.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn core_schema() {
        assert_eq!(resolve_plain("~"), ScalarKind::Null);
        assert_eq!(resolve_plain("True"), ScalarKind::Bool(true));
        assert_eq!(resolve_plain("yes"), ScalarKind::String);
        assert_eq!(resolve_plain("8000"), ScalarKind::Int(8000));
        assert_eq!(resolve_plain("-12"), ScalarKind::Int(-12));
        assert_eq!(resolve_plain("0x1F"), ScalarKind::Int(31));
        assert_eq!(resolve_plain("0.15"), ScalarKind::Float(0.15));
        assert_eq!(resolve_plain("1e3"), ScalarKind::Float(1000.0));
        assert_eq!(resolve_plain(".5"), ScalarKind::Float(0.5));
        assert_eq!(resolve_plain("1."), ScalarKind::Float(1.0));
        assert_eq!(resolve_plain("20.04"), ScalarKind::Float(20.04));
        assert_eq!(resolve_plain("ubuntu:20.04"), ScalarKind::String);
        assert_eq!(resolve_plain("1_000"), ScalarKind::String);
        assert_eq!(resolve_plain("."), ScalarKind::String);
        assert_eq!(resolve_plain("e3"), ScalarKind::String);
        assert_eq!(
            resolve_plain("99999999999999999999"),
            ScalarKind::Float(1e20)
        );
    }
}
