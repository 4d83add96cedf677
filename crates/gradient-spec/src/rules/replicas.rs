//! `replicas`: `resources.replicas` and `autoscaling.maxReplicas` are whole numbers,
//! not negative; `replicas: 0` stops the deployment (an info).

use super::context::{diag, value_span};
use super::registry::Rule;
use super::{Context, RuleId};
use crate::diag::{Diagnostic, Severity};
use crate::yaml::{Entry, Node, ScalarKind, Value};

/// `replicas` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::Replicas,
    severities: &[Severity::Error, Severity::Info],
    usual: Severity::Error,
    title: "Replicas",
    what: "`replicas` or `maxReplicas` is negative or not an integer; `replicas: 0` stops the deployment.",
    why: "Replica counts are whole numbers; zero replicas serve nothing.",
    fix: "Write a whole number, 1 or more to serve traffic.",
};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(resources) = cx.resources() else {
        return;
    };
    if let Some(e) = resources.get_entry("replicas") {
        replica_count(e, "resources.replicas", true, out);
    }
    let max = resources
        .get("autoscaling")
        .and_then(Node::as_mapping)
        .and_then(|auto| auto.get_entry("maxReplicas"))
        .filter(|e| !e.value.is_null());
    if let Some(e) = max {
        replica_count(e, "resources.autoscaling.maxReplicas", false, out);
    }
}

/// `replicas` / `maxReplicas`: a whole number, not negative; `replicas: 0` stops.
fn replica_count(entry: &Entry, path: &str, is_replicas: bool, out: &mut Vec<Diagnostic>) {
    let Value::Scalar(s) = &entry.value.value else {
        return;
    };
    let span = value_span(entry);
    let problem = match s.kind {
        ScalarKind::Int(n) if n > 0 => return,
        ScalarKind::Int(0) if is_replicas => {
            let msg =
                "`replicas: 0` stops the deployment: no container runs until it is raised again";
            out.push(diag(RuleId::Replicas, Severity::Info, span, path, msg));
            return;
        }
        ScalarKind::Int(0) => return,
        ScalarKind::Int(n) => format!("{n}, a negative number"),
        ScalarKind::Null => "empty".to_string(),
        ScalarKind::String if s.style.is_quoted() => format!("the quoted string \"{}\"", s.text),
        k => format!("{} (`{}`)", k.name(), s.text),
    };
    let msg =
        format!("`{path}` is {problem}, but it must be a whole number of replicas (0 or more)");
    out.push(diag(RuleId::Replicas, Severity::Error, span, path, msg));
}
