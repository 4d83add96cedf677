//! `container-registry`: `containerRegistry` names a saved registry connection, so
//! it is a non-empty string.

use super::context::{diag, value_span};
use super::registry::Rule;
use super::{Context, RuleId};
use crate::diag::{Diagnostic, Severity};
use crate::yaml::{Mapping, ScalarKind, Value};

/// `container-registry` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::ContainerRegistry,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Container registry",
    what: "`containerRegistry` is empty or not a string.",
    why: "It names a registry connection saved in the team's settings, needed to pull a private image.",
    fix: "Write the name of the saved registry connection, or remove the field for a public image.",
};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else { return };
    container_registry(root, out);
}

fn container_registry(root: &Mapping, out: &mut Vec<Diagnostic>) {
    let Some(entry) = root.get_entry("containerRegistry") else {
        return;
    };
    let Value::Scalar(s) = &entry.value.value else {
        return;
    };
    let what = match s.kind {
        ScalarKind::String if !s.text.trim().is_empty() => return,
        ScalarKind::String | ScalarKind::Null => "empty".to_string(),
        k => format!("{} (`{}`)", k.name(), s.text),
    };
    let msg = format!(
        "`containerRegistry` is {what}, but it must name a registry connection saved in the team's settings \
         (e.g. `dockerhub-prod`); remove it for a public image"
    );
    out.push(diag(
        RuleId::ContainerRegistry,
        Severity::Error,
        value_span(entry),
        "containerRegistry",
        msg,
    ));
}
