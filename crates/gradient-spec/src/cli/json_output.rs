//! JSON output: one array of objects, one per problem, for tools (CI annotations,
//! editors). Keys: file, rule, severity, message, path, line, column, endLine,
//! endColumn (1-based, columns in characters) and fix when there is one.

use gradient_spec::text::LineIndex;
use gradient_spec::{Applicability, Diagnostic};
use serde_json::{json, Value};

pub fn diagnostic(name: &str, index: &LineIndex, d: &Diagnostic) -> Value {
    let start = index.position(d.span.start);
    let end = index.position(d.span.end);
    let mut v = json!({
        "file": name,
        "rule": d.rule,
        "severity": d.severity.as_str(),
        "message": d.message,
        "path": d.path,
        "line": start.line,
        "column": start.column,
        "endLine": end.line,
        "endColumn": end.column,
    });
    if let (Some(fix), Some(obj)) = (&d.fix, v.as_object_mut()) {
        let applicability = match fix.applicability {
            Applicability::Safe => "safe",
            Applicability::Unsafe => "unsafe",
            Applicability::Display => "display",
        };
        let edits: Vec<Value> = fix
            .edits
            .iter()
            .map(|e| {
                let s = index.position(e.span.start);
                let t = index.position(e.span.end);
                json!({
                    "line": s.line, "column": s.column, "endLine": t.line, "endColumn": t.column,
                    "start": e.span.start, "end": e.span.end, "insert": e.insert,
                })
            })
            .collect();
        obj.insert(
            "fix".into(),
            json!({ "title": fix.title, "applicability": applicability, "edits": edits }),
        );
    }
    v
}

#[cfg(test)]
mod tests {
    use super::*;
    use gradient_spec::RuleId;
    use gradient_spec::{Fix, Severity, Span, TextEdit};

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
