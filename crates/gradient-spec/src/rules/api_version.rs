//! `api-version`: which version a spec declares, against its shape
//! (`docs/spec-reference.md`, "Two shapes"). A Paperspace `$schema` URL naming a
//! version is evidence of the shape like `apiVersion`; one that contradicts
//! `apiVersion` is an `api-version` warning.

use super::context::{
    diag, first_line_span, layout_is_reliable, prepend_root_entry, schema_url_version, shape_votes,
    value_span, version_shape,
};
use super::quote::render;
use super::registry::Rule;
use super::{Context, RuleId, Shape};
use crate::diag::{Applicability, Diagnostic, Fix, Severity, TextEdit};
use crate::spec::{self, API_VERSIONS};
use crate::yaml::{Mapping, Node, ScalarKind, Value};

/// `api-version` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::ApiVersion,
    severities: &[Severity::Error, Severity::Warning],
    usual: Severity::Error,
    title: "API version",
    what: "`apiVersion` is not one of `v0alpha0`, `v0alpha1`, `v1`, `latest`; is absent; is `latest` on a legacy-shaped spec; or disagrees with the version a Paperspace `$schema` URL names (`https://api.paperspace.com/schemas/v0alpha0`).",
    why: "When a spec has no `apiVersion`, Paperspace's GitHub deploy action sends `latest`, and `latest` now means the v1 shape: a legacy spec marked `latest`, or unmarked, is read as v1. A `$schema` naming another version than `apiVersion` leaves tools disagreeing on the shape.",
    fix: "Write the explicit version of the spec's shape: `v0alpha0` for legacy, `v1` for v1; make `$schema` name the same version.",
};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else { return };
    api_version(cx, root, out);
}

pub(super) fn shape_name(shape: Shape) -> &'static str {
    match shape {
        Shape::Legacy => "legacy",
        Shape::V1 => "v1",
    }
}

fn set_version(title_version: &str, edit: TextEdit) -> Fix {
    Fix {
        title: format!("Set `apiVersion: {title_version}`"),
        edits: vec![edit],
        applicability: Applicability::Unsafe,
    }
}

fn api_version(cx: &Context, root: &Mapping, out: &mut Vec<Diagnostic>) {
    let explicit = spec::explicit_version(cx.shape);
    let shape = shape_name(cx.shape);
    let Some(entry) = root.get_entry("apiVersion") else {
        let consequence = match cx.shape {
            Shape::Legacy => "so this legacy-shaped spec would be read as v1",
            Shape::V1 => "which matches this v1-shaped spec only for as long as `latest` means v1",
        };
        let msg = format!(
            "`apiVersion` is missing: Paperspace's GitHub deploy action sends `latest` when the spec has none, and \
             `latest` now means the v1 shape, {consequence}; write the explicit version of its {shape} shape, \
             `{explicit}`"
        );
        let mut d = diag(
            RuleId::ApiVersion,
            Severity::Warning,
            first_line_span(cx.text),
            "apiVersion",
            msg,
        );
        let line = format!("apiVersion: {explicit}");
        d.fix = layout_is_reliable(cx)
            .then(|| prepend_root_entry(cx.text, root, &line))
            .flatten()
            .map(|e| set_version(explicit, e));
        out.push(d);
        return;
    };
    let node = &entry.value;
    let Value::Scalar(scalar) = &node.value else {
        return;
    };
    let span = value_span(entry);
    let text = scalar.text.as_str();
    if scalar.kind == ScalarKind::Null
        || !API_VERSIONS.contains(&text)
        || scalar.kind != ScalarKind::String
    {
        let lower = text.trim().to_ascii_lowercase();
        let suggestion = API_VERSIONS
            .iter()
            .find(|v| **v == lower)
            .copied()
            .unwrap_or(explicit);
        let what = if scalar.kind == ScalarKind::Null {
            "empty".to_string()
        } else {
            format!("`{text}`")
        };
        let msg = format!(
            "`apiVersion` is {what}, which is not a version of the spec (`v0alpha0`, `v0alpha1`, `v1` or `latest`); \
             this spec has the {shape} shape: `{suggestion}`"
        );
        let mut d = diag(RuleId::ApiVersion, Severity::Error, span, "apiVersion", msg);
        d.fix = fix_value(node, suggestion).map(|e| set_version(suggestion, e));
        out.push(d);
        return;
    }
    schema_contradiction(root, text, out);
    let (legacy_votes, _) = shape_votes(root);
    if text == "latest" && cx.shape == Shape::Legacy && legacy_votes > 0 {
        let msg = "`apiVersion: latest` now means the v1 shape, but this spec has the legacy shape (`port`, \
                   `resources.instanceType`, …): write `v0alpha0` so it keeps being read the way it was written";
        let mut d = diag(
            RuleId::ApiVersion,
            Severity::Warning,
            span,
            "apiVersion",
            msg,
        );
        d.fix = fix_value(node, "v0alpha0").map(|e| set_version("v0alpha0", e));
        out.push(d);
    }
}

/// A `$schema` naming a version whose shape differs from the one `apiVersion` (a
/// valid version) means: a warning at the `$schema` value, with an unsafe fix that
/// makes the URL name the `apiVersion` (`latest` counts as v1).
fn schema_contradiction(root: &Mapping, api: &str, out: &mut Vec<Diagnostic>) {
    let Some(entry) = root.get_entry("$schema") else {
        return;
    };
    let (Some(url), Some(scalar)) = (entry.value.as_str(), entry.value.as_scalar()) else {
        return;
    };
    let Some(named) = schema_url_version(url) else {
        return;
    };
    if version_shape(named) == version_shape(api) {
        return;
    }
    let msg = format!(
        "`$schema` names `{named}` (the {} shape), but `apiVersion` is `{api}` (the {} shape): \
         tools that read the schema and the API disagree on how to read this spec; make them name the same version",
        shape_name(version_shape(named)),
        shape_name(version_shape(api)),
    );
    let mut d = diag(
        RuleId::ApiVersion,
        Severity::Warning,
        value_span(entry),
        "$schema",
        msg,
    );
    let want = if api == "latest" { "v1" } else { api };
    d.fix = url.rfind(named).and_then(|at| {
        let new_url = format!("{}{want}{}", &url[..at], &url[at + named.len()..]);
        let new = render(scalar.style, &new_url)?;
        Some(Fix {
            title: format!("Make `$schema` name `{want}`"),
            edits: vec![TextEdit::replace(entry.value.span, new)],
            applicability: Applicability::Unsafe,
        })
    });
    out.push(d);
}

/// An edit that replaces a scalar value (or fills an absent one).
fn fix_value(node: &Node, value: &str) -> Option<TextEdit> {
    if node.span.is_empty() {
        Some(TextEdit::insert(node.span.start, format!(" {value}")))
    } else {
        Some(TextEdit::replace(node.span, value))
    }
}
