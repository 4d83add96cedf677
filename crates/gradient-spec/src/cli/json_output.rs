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
    use gradient_spec::{Severity, Span};

    /// The core's serialisation, with `file` first (the fields themselves are tested
    /// with `Located`).
    #[test]
    fn the_located_shape_with_its_file_first() {
        let text = "image: x\nport: x\n";
        let d = Diagnostic::new(
            gradient_spec::RuleId::PortRange,
            Severity::Error,
            Span::new(15, 16),
            "port",
            "m",
        );
        let index = LineIndex::new(text);
        let v = diagnostic("a.yaml", &index, &d);
        let keys: Vec<&String> = v.as_object().unwrap().keys().collect();
        assert_eq!(keys.first().map(|k| k.as_str()), Some("file"));
        let mut rest = v.clone();
        rest.as_object_mut().unwrap().remove("file");
        assert_eq!(
            rest,
            serde_json::to_value(Located::new(&index, &d)).unwrap()
        );
        assert_eq!((&v["line"], &v["endColumn"]), (&2.into(), &8.into()));
    }
}
