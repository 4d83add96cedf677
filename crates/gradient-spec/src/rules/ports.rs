//! `port-range`: every port (`port`, `resources.ports[]`, a probe's `port`) is an
//! integer from 1 to 65535; a quoted one is a string, which some tools reject.

use super::context::{diag, value_span};
use super::Context;
use crate::diag::{Applicability, Diagnostic, Fix, Severity, Span, TextEdit};
use crate::path::SpecPath;
use crate::spec::PROBES;
use crate::yaml::{Node, ScalarKind, Value};

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
        ScalarKind::Int(n) => format!("{n} is outside the port range 1–65535"),
        ScalarKind::String if s.style.is_quoted() && is_digits(&s.text) => {
            match s.text.parse::<i64>() {
                Ok(n) if (1..=MAX_PORT).contains(&n) => {
                    let msg = format!(
                    "`{path}` is the quoted string \"{}\": the API expects a number, and some tools reject a string",
                    s.text
                );
                    let fix = Fix {
                        title: "Remove the quotes".to_string(),
                        edits: vec![TextEdit::replace(node.span, s.text.clone())],
                        applicability: Applicability::Safe,
                    };
                    out.push(
                        diag("port-range", Severity::Warning, span, path.to_string(), msg)
                            .with_fix(fix),
                    );
                    return;
                }
                _ => format!("\"{}\" is not a port number from 1 to 65535", s.text),
            }
        }
        ScalarKind::Null => "empty".to_string(),
        k => format!(
            "{} (`{}`), not an integer port from 1 to 65535",
            k.name(),
            s.text
        ),
    };
    let msg = format!("`{path}` is {problem}: a port must be an integer from 1 to 65535");
    out.push(diag(
        "port-range",
        Severity::Error,
        span,
        path.to_string(),
        msg,
    ));
}

fn is_digits(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit())
}
