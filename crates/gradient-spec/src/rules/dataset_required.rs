//! `dataset-required`: Gradient clones repositories *into* a dataset and mounts it,
//! so `repositories` needs a non-empty `dataset`. A placeholder dataset left from an
//! example (`your-dataset-id`, `dataset-ref`) is an info under the same id; one in
//! angle brackets (`<dataset-id>`) is an error, since no dataset id holds `<`.
//!
//! When a `dataset` sits at the top level instead (`misplaced-field`, whose fix moves
//! it here), nothing is reported: that diagnostic and its fix cover the problem, and a
//! second fix inserting a placeholder would collide with the move.

use super::placeholder::{in_brackets, is_placeholder};
use super::quote::render;
use super::registry::Rule;
use super::spec_body::{colon_after, is_set, Body};
use super::Context;
use crate::diag::{Applicability, Diagnostic, Fix, Severity, TextEdit};
use crate::rules::RuleId;
use crate::yaml::{Mapping, Node};

/// `dataset-required` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::DatasetRequired,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Dataset required",
    what: "`repositories` has no `dataset`, or its `dataset` is a placeholder left from an example: `<dataset-id>` in angle brackets (an error), `your-dataset-id` or `dataset-ref` (an info).",
    why: "Gradient clones the repositories into that dataset and mounts it; without a real one nothing is cloned and the deployment fails.",
    fix: "Add `dataset:` with the id or name of an existing dataset.",
};

const PLACEHOLDER: &str = "your-dataset-id";

pub(crate) fn check(cx: &Context, body: &Body, out: &mut Vec<Diagnostic>) {
    let Some(entry) = body.map.get_entry("repositories") else {
        return;
    };
    let Some(repos) = entry.value.as_mapping() else {
        return;
    };
    let path = body.path.key("repositories").key("dataset").to_string();
    let fix = |edit: TextEdit| Fix {
        title: "Insert a `dataset` to fill in".into(),
        edits: vec![edit],
        applicability: Applicability::Unsafe,
    };
    let message = "`repositories` needs the id or name of a dataset: Gradient clones the repositories into it";
    let Some(ds) = repos.get_entry("dataset") else {
        if is_set(body.map, "dataset") {
            return;
        }
        let d = Diagnostic::new(RULE.id, Severity::Error, entry.key.span, path, message);
        out.push(match insert_line(cx.text, &entry.value, repos) {
            Some(edit) => d.with_fix(fix(edit)),
            None => d,
        });
        return;
    };
    let v = &ds.value;
    if v.is_null() {
        let d = Diagnostic::new(
            RULE.id,
            Severity::Error,
            super::context::value_span(ds),
            path,
            message,
        );
        let edit = if v.span.is_empty() {
            colon_after(cx.text, ds.key.span.end)
                .map(|c| TextEdit::insert(c + 1, format!(" {PLACEHOLDER}")))
        } else {
            Some(TextEdit::replace(v.span, PLACEHOLDER))
        };
        out.push(match edit {
            Some(e) => d.with_fix(fix(e)),
            None => d,
        });
    } else if let (Some(text), Some(scalar)) = (v.as_str(), v.as_scalar()) {
        if text.trim().is_empty() {
            let d = Diagnostic::new(RULE.id, Severity::Error, v.span, path, message);
            let edit = render(scalar.style, PLACEHOLDER).map(|new| TextEdit::replace(v.span, new));
            out.push(match edit {
                Some(e) => d.with_fix(fix(e)),
                None => d,
            });
        } else if let Some(p) = in_brackets(text) {
            let msg = format!(
                "`dataset` still holds the placeholder `{p}` from an example: put the id or name of your dataset here, \
                 or the deployment fails when it clones the repositories"
            );
            out.push(Diagnostic::new(RULE.id, Severity::Error, v.span, path, msg));
        } else if is_placeholder(text) {
            let msg = "`dataset` looks like a placeholder from an example: put the id or name of your dataset here";
            out.push(Diagnostic::new(RULE.id, Severity::Info, v.span, path, msg));
        }
    }
}

/// An edit adding `dataset: your-dataset-id` as the first entry of `repos`, at the
/// indentation of its entries (block) or inside its braces (flow).
fn insert_line(text: &str, node: &Node, repos: &Mapping) -> Option<TextEdit> {
    let Some(first) = repos.entries.first() else {
        // Only into `{}` itself: a `{` the tree holds no entry of may still hold text
        // it could not read (`{{ a`, after a syntax error), and writing in front of it
        // would add a problem (found by `tests/rules_b_props.rs`).
        let brace = node.span.start;
        let mut rest = text.get(brace..)?.strip_prefix('{')?.trim_start();
        while rest.starts_with('#') {
            let line_end = rest.find(['\n', '\r']).unwrap_or(rest.len());
            rest = rest[line_end..].trim_start();
        }
        return rest
            .starts_with('}')
            .then(|| TextEdit::insert(brace + 1, format!("dataset: {PLACEHOLDER}")));
    };
    let at = first.key.span.start;
    if repos.flow {
        return Some(TextEdit::insert(at, format!("dataset: {PLACEHOLDER}, ")));
    }
    let line_start = super::context::line_start(text, at);
    let prefix = text.get(line_start..at)?;
    let eol = if text
        .get(at..)?
        .split('\n')
        .next()
        .is_some_and(|l| l.ends_with('\r'))
    {
        "\r\n"
    } else {
        "\n"
    };
    if prefix.chars().all(|c| c == ' ') {
        return Some(TextEdit::insert(
            line_start,
            format!("{prefix}dataset: {PLACEHOLDER}{eol}"),
        ));
    }
    // The mapping starts after `- ` (and maybe an anchor or tag): continue on a new
    // line at its column. After anything else (`key: !tag k: v`, found by the fuzzer)
    // a new line cannot continue the mapping.
    if !prefix
        .split_whitespace()
        .all(|t| t == "-" || t.starts_with('&') || t.starts_with('!'))
    {
        return None;
    }
    let indent: String = prefix
        .chars()
        .map(|c| if c == '\t' { '\t' } else { ' ' })
        .collect();
    Some(TextEdit::insert(
        at,
        format!("dataset: {PLACEHOLDER}{eol}{indent}"),
    ))
}
