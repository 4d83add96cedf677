//! `port-range`: every port (`port`, `resources.ports[]`, a probe's `port`) is an
//! integer from 1 to 65535; a quoted one is a string, which some tools reject.

use super::context::{diag, value_span};
use super::registry::Rule;
use super::Context;
use crate::diag::{Applicability, Diagnostic, Fix, Severity, Span, TextEdit};
use crate::path::SpecPath;
use crate::rules::RuleId;
use crate::spec::PROBES;
use crate::yaml::{Node, ScalarKind, Value};

/// `port-range` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::PortRange,
    severities: &[Severity::Error, Severity::Warning],
    usual: Severity::Error,
    title: "Port",
    what: "A port is not an integer from 1 to 65535, or is quoted.",
    why: "The API expects an integer port; a quoted one is a string and some tools reject it.",
    fix: "Write the port as a plain number, e.g. `8000`.",
};

const MAX_PORT: i64 = 65535;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else { return };
    if let Some(e) = root.get_entry("port") {
        port(&e.value, value_span(e), &SpecPath::root().key("port"), out);
    }
    if let Some(ports) = cx
        .resources()
        .and_then(|r| r.get("ports"))
        .and_then(Node::as_sequence)
    {
        let path = SpecPath::root().key("resources").key("ports");
        for (i, item) in ports.items.iter().enumerate() {
            port(item, item.span, &path.index(i), out);
        }
    }
    for hc_key in ["healthChecks", "healthchecks"] {
        let Some(hc) = root.get(hc_key).and_then(Node::as_mapping) else {
            continue;
        };
        for probe in PROBES {
            let Some(e) = hc
                .get(probe)
                .and_then(Node::as_mapping)
                .and_then(|m| m.get_entry("port"))
            else {
                continue;
            };
            port(
                &e.value,
                value_span(e),
                &SpecPath::root().key(hc_key).key(probe).key("port"),
                out,
            );
        }
    }
}

/// Checks one port value (collections and aliases are `structure`'s).
fn port(node: &Node, span: Span, path: &SpecPath, out: &mut Vec<Diagnostic>) {
    let Value::Scalar(s) = &node.value else {
        return;
    };
    let problem = match s.kind {
        ScalarKind::Int(n) if (1..=MAX_PORT).contains(&n) => return,
        ScalarKind::Int(n) => format!("{n}, outside the port range"),
        ScalarKind::String if s.style.is_quoted() && quoted_port(&s.text).is_some() => {
            out.push(quoted(node, &s.text, span, path));
            return;
        }
        ScalarKind::String => format!("the string \"{}\"", s.text),
        ScalarKind::Null => "empty".to_string(),
        k => format!("{} (`{}`)", k.name(), s.text),
    };
    let msg = format!("`{path}` is {problem}: a port must be an integer from 1 to 65535");
    out.push(diag(
        RuleId::PortRange,
        Severity::Error,
        span,
        path.to_string(),
        msg,
    ));
}

/// The port a quoted string holds, when it is digits only and in range.
fn quoted_port(text: &str) -> Option<i64> {
    let digits = !text.is_empty() && text.bytes().all(|b| b.is_ascii_digit());
    digits
        .then(|| text.parse::<i64>().ok())
        .flatten()
        .filter(|n| (1..=MAX_PORT).contains(n))
}

/// The warning for a quoted port, with the fix that unquotes it.
fn quoted(node: &Node, text: &str, span: Span, path: &SpecPath) -> Diagnostic {
    let msg = format!(
        "`{path}` is the quoted string \"{text}\": the API expects a number, and some tools reject a string"
    );
    let fix = Fix {
        title: "Remove the quotes".to_string(),
        edits: vec![TextEdit::replace(node.span, text)],
        applicability: Applicability::Safe,
    };
    diag(
        RuleId::PortRange,
        Severity::Warning,
        span,
        path.to_string(),
        msg,
    )
    .with_fix(fix)
}
