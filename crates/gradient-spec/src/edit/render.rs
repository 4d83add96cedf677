//! Rendering a [`NewValue`] as YAML text at a given place: after `key:`, after `- `,
//! on the lines below an owner, or inside a flow collection.

use super::scalar;
use super::value::NewValue;

/// How the document lays out block collections (detected by `context`).
#[derive(Debug, Clone, Copy)]
pub(crate) struct Layout {
    /// Spaces a nested mapping is indented by.
    pub unit: usize,
    /// Whether a list under a key is indented (`key:\n  - a`) or not (`key:\n- a`).
    pub seq_indent: bool,
    /// The document's line ending.
    pub eol: &'static str,
}

fn pad(col: usize) -> String {
    " ".repeat(col)
}

fn is_multiline_block(v: &NewValue) -> bool {
    matches!(v, NewValue::Str(s) if scalar::literal_ok(s))
}

fn non_empty_collection(v: &NewValue) -> bool {
    matches!(v, NewValue::Map(m) if !m.is_empty()) || matches!(v, NewValue::Seq(s) if !s.is_empty())
}

/// A mapping key, quoted when needed.
pub(crate) fn key(k: &str, flow: bool) -> String {
    scalar::string(k, None, flow)
}

/// `key: value` for a block mapping whose keys are at column `col`.
pub(crate) fn entry(k: &str, v: &NewValue, col: usize, lay: &Layout) -> String {
    format!("{}:{}", key(k, false), after_colon(v, col, lay))
}

/// What follows `key:` (starting with a space or a line break), the key being at `col`.
pub(crate) fn after_colon(v: &NewValue, col: usize, lay: &Layout) -> String {
    match v {
        NewValue::Map(_) if non_empty_collection(v) => below(v, col + lay.unit, lay),
        NewValue::Seq(_) if non_empty_collection(v) => {
            below(v, col + if lay.seq_indent { lay.unit } else { 0 }, lay)
        }
        NewValue::Str(s) if is_multiline_block(v) => {
            format!(" {}", scalar::literal(s, col + lay.unit, lay.eol))
        }
        _ => format!(" {}", scalar::inline(v, None, false)),
    }
}

/// What follows a `-` at column `col` (starting with a space or a line break).
pub(crate) fn after_dash(v: &NewValue, col: usize, lay: &Layout) -> String {
    let inner = col + 2;
    match v {
        NewValue::Map(m) if !m.is_empty() => {
            let mut out = String::new();
            for (i, (k, val)) in m.iter().enumerate() {
                if i == 0 {
                    out.push(' ');
                } else {
                    out.push_str(lay.eol);
                    out.push_str(&pad(inner));
                }
                out.push_str(&entry(k, val, inner, lay));
            }
            out
        }
        NewValue::Seq(s) if !s.is_empty() => {
            let mut out = String::new();
            for (i, item) in s.iter().enumerate() {
                if i == 0 {
                    out.push(' ');
                } else {
                    out.push_str(lay.eol);
                    out.push_str(&pad(inner));
                }
                out.push('-');
                out.push_str(&after_dash(item, inner, lay));
            }
            out
        }
        NewValue::Str(s) if is_multiline_block(v) => {
            format!(" {}", scalar::literal(s, inner, lay.eol))
        }
        _ => format!(" {}", scalar::inline(v, None, false)),
    }
}

/// A non-empty collection written on the lines below its owner, its entries or dashes
/// at column `col`. Starts with a line break. Scalars and empty collections give the
/// inline form (with a leading space) instead.
pub(crate) fn below(v: &NewValue, col: usize, lay: &Layout) -> String {
    let mut out = String::new();
    match v {
        NewValue::Map(m) if !m.is_empty() => {
            for (k, val) in m {
                out.push_str(lay.eol);
                out.push_str(&pad(col));
                out.push_str(&entry(k, val, col, lay));
            }
        }
        NewValue::Seq(s) if !s.is_empty() => {
            for item in s {
                out.push_str(lay.eol);
                out.push_str(&pad(col));
                out.push('-');
                out.push_str(&after_dash(item, col, lay));
            }
        }
        _ => {
            out.push(' ');
            out.push_str(&scalar::inline(v, None, false));
        }
    }
    out
}

/// The value in flow style (`{a: 1, b: [x, y]}`), on one line.
pub(crate) fn flow(v: &NewValue) -> String {
    match v {
        NewValue::Map(m) => {
            let parts: Vec<String> = m
                .iter()
                .map(|(k, val)| format!("{}: {}", key(k, true), flow(val)))
                .collect();
            format!("{{{}}}", parts.join(", "))
        }
        NewValue::Seq(s) => {
            let parts: Vec<String> = s.iter().map(flow).collect();
            format!("[{}]", parts.join(", "))
        }
        _ => scalar::inline(v, None, true),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const LAY: Layout = Layout {
        unit: 2,
        seq_indent: true,
        eol: "\n",
    };

    #[test]
    fn nested_values() {
        let v = NewValue::map([
            ("maxReplicas", NewValue::Int(5)),
            (
                "metrics",
                NewValue::Seq(vec![NewValue::map([
                    ("metric", "cpu".into()),
                    ("value", NewValue::Int(50)),
                ])]),
            ),
        ]);
        assert_eq!(
            after_colon(&v, 2, &LAY),
            "\n    maxReplicas: 5\n    metrics:\n      - metric: cpu\n        value: 50"
        );
        assert_eq!(
            after_dash(&v, 0, &LAY),
            " maxReplicas: 5\n  metrics:\n    - metric: cpu\n      value: 50"
        );
        assert_eq!(
            flow(&v),
            "{maxReplicas: 5, metrics: [{metric: cpu, value: 50}]}"
        );
        assert_eq!(after_colon(&NewValue::Seq(vec![]), 0, &LAY), " []");
        assert_eq!(after_colon(&NewValue::str("8000"), 0, &LAY), " \"8000\"");
    }
}
