//! `mixed-shape`: fields that do not belong to the shape the spec takes (its
//! declared version, else the majority of its shape-specific fields).

use super::api_version::shape_name;
use super::context::{diag, schema_version};
use super::registry::Rule;
use super::{Context, RuleId, Shape};
use crate::diag::{Diagnostic, Severity};
use crate::spec::{self};
use crate::yaml::{Mapping, Node};

/// `mixed-shape` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::MixedShape,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Fields of both shapes",
    what: "The spec holds fields of the legacy shape (`port`, `models`, `repositories`, `instanceType`) together with v1 fields (`integrations`, `basicAuthKey`, `machineType`, `ports`), or fields of one shape when `apiVersion` (or, when it names no fixed version, a Paperspace `$schema` URL) names the other.",
    why: "Each API version reads one shape; fields of the other are rejected or ignored.",
    fix: "Rewrite the marked fields in the spec's shape: `instanceType` ↔ `machineType`, `port` ↔ `resources.ports`, `models`/`repositories` ↔ `integrations`.",
};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else { return };
    mixed_shape(cx, root, out);
}

fn mixed_shape(cx: &Context, root: &Mapping, out: &mut Vec<Diagnostic>) {
    let reason = match (
        root.get("apiVersion").and_then(Node::scalar_text),
        schema_version(root),
    ) {
        (Some(v @ ("v1" | "v0alpha1" | "v0alpha0")), _) => format!("its `apiVersion` is `{v}`"),
        (_, Some(v @ ("v1" | "v0alpha1" | "v0alpha0"))) => format!("its `$schema` names `{v}`"),
        _ => "most of its shape-specific fields are".to_string() + " " + shape_name(cx.shape),
    };
    let mut report = |pattern: &str, map: &Mapping| {
        for entry in &map.entries {
            let Some(key) = entry.key.scalar_text() else {
                continue;
            };
            let path = spec::join(pattern, key);
            let Some(field) = spec::field_by_pattern(&path, None) else {
                continue;
            };
            if field.shapes.contains(cx.shape) {
                continue;
            }
            let msg = format!(
                "`{path}` belongs to the {} shape, but this spec is {} ({reason}); {}",
                field.shapes.name(),
                shape_name(cx.shape),
                instead(&path, cx.shape)
            );
            out.push(diag(
                RuleId::MixedShape,
                Severity::Error,
                entry.key.span,
                path.clone(),
                msg,
            ));
        }
    };
    report("", root);
    if let Some(resources) = cx.resources() {
        report("resources", resources);
    }
}

/// What the spec's own shape writes instead of `path`.
fn instead(path: &str, shape: Shape) -> String {
    if let Some(other) = spec::counterpart(path) {
        return format!("write `{other}` instead");
    }
    match (path, shape) {
        ("models" | "repositories", Shape::V1) => {
            "v1 specs mount models and repositories with `integrations`".into()
        }
        ("integrations", Shape::Legacy) => {
            "legacy specs mount data with `models` and `repositories`".into()
        }
        ("basicAuthKey", Shape::Legacy) => "legacy specs have no basic auth".into(),
        _ => "remove it or rewrite the spec in one shape".into(),
    }
}
