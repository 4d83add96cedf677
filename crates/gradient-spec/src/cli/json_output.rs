//! JSON output: one array of objects, one per problem, for tools (CI annotations,
//! editors): the core's [`Located`] serialisation (rule, severity, message, path,
//! line, column, endLine, endColumn, 1-based, columns in characters, and fix when
//! there is one) with the `file` it was found in first.

use gradient_spec::text::LineIndex;
use gradient_spec::{Diagnostic, Located};
use serde::Serialize;
use serde_json::Value;

/// One problem of one file.
#[derive(Serialize)]
struct FileDiagnostic<'a> {
    file: &'a str,
    #[serde(flatten)]
    located: Located<'a>,
}

pub fn diagnostic(name: &str, index: &LineIndex, d: &Diagnostic) -> Value {
    let item = FileDiagnostic {
        file: name,
        located: Located::new(index, d),
    };
    serde_json::to_value(item).unwrap_or(Value::Null)
}

#[cfg(test)]
mod tests {
    use super::*;
    use gradient_spec::RuleId;
    use gradient_spec::{Applicability, Fix, Severity, Span, TextEdit};

    #[test]
    fn keys_and_fix() {
        let text = "port: \"8000\"\n";
        let d = Diagnostic::new(
            RuleId::PortRange,
            Severity::Warning,
            Span::new(6, 12),
            "port",
            "quoted",
        )
        .with_fix(Fix {
            title: "Unquote".into(),
            edits: vec![TextEdit::replace(Span::new(6, 12), "8000")],
            applicability: Applicability::Safe,
        });
        let v = diagnostic("a.yaml", &LineIndex::new(text), &d);
        assert_eq!(v["file"], "a.yaml");
        assert_eq!(
            (
                v["line"].as_u64(),
                v["column"].as_u64(),
                v["endColumn"].as_u64()
            ),
            (Some(1), Some(7), Some(13))
        );
        assert_eq!(v["fix"]["applicability"], "safe");
        assert_eq!(v["fix"]["edits"][0]["insert"], "8000");
        let plain = Diagnostic::new(RuleId::Image, Severity::Info, Span::at(0), "", "m");
        assert!(diagnostic("a", &LineIndex::new(text), &plain)
            .get("fix")
            .is_none());
    }
}
