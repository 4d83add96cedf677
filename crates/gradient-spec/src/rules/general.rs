//! `image`, `enabled`, `command` and `container-registry`: the top-level fields
//! every spec has, judged by meaning (their kind is `structure`'s, except
//! `command`, which this module judges whole).

use super::context::{
    diag, first_line_span, key_column, layout_is_reliable, line_end, newline_of,
    prepend_root_entry, starts_line, value_span,
};
use super::image_ref::{self, RefError};
use super::quote::render;
use super::Context;
use crate::diag::{Applicability, Diagnostic, Fix, Severity, TextEdit};
use crate::rules::RuleId;
use crate::yaml::{Entry, Mapping, Node, ScalarKind, ScalarStyle, Value};

/// What Paperspace's GitHub deploy action replaces with the image it builds.
const IMAGE_PLACEHOLDER: &str = ":image";

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else { return };
    image(root, out);
    enabled(cx, root, out);
    command(cx, root, out);
    container_registry(root, out);
}

fn image(root: &Mapping, out: &mut Vec<Diagnostic>) {
    let Some(entry) = root.get_entry("image") else {
        return;
    };
    let Some(image) = entry.value.as_str() else {
        return;
    };
    let span = value_span(entry);
    if image == IMAGE_PLACEHOLDER {
        let msg = "`:image` is a placeholder: Paperspace's GitHub deploy action (paperspace/deploy-action) \
                   replaces it with the image it builds; deployed any other way, this spec has no image";
        out.push(diag(RuleId::Image, Severity::Info, span, "image", msg));
        return;
    }
    let Err(problem) = image_ref::parse(image) else {
        return;
    };
    let empty = problem == RefError::Empty;
    let msg = if empty {
        "`image` is empty: name the container image to run".to_string()
    } else {
        format!(
            "`image` {}, so the container cannot be pulled",
            problem.describe()
        )
    };
    let mut d = diag(RuleId::Image, Severity::Error, span, "image", msg);
    if let RefError::Capitals { fixed, .. } = &problem {
        d.fix = entry
            .value
            .as_scalar()
            .and_then(|s| render(s.style, fixed))
            .map(|new| Fix {
                title: format!("Lower-case the repository path: `{fixed}`"),
                edits: vec![TextEdit::replace(entry.value.span, new)],
                applicability: Applicability::Safe,
            });
    }
    out.push(d);
}

fn enabled(cx: &Context, root: &Mapping, out: &mut Vec<Diagnostic>) {
    let Some(entry) = root.get_entry("enabled") else {
        let msg = "`enabled` is absent: the API defaults to true, but `pspace` reports such a deployment as \
                   disabled; write `enabled: true`";
        let mut d = diag(
            RuleId::Enabled,
            Severity::Info,
            first_line_span(cx.text),
            "enabled",
            msg,
        );
        let edit = layout_is_reliable(cx)
            .then(|| insert_enabled(cx.text, root))
            .flatten();
        d.fix = edit.map(|e| Fix {
            title: "Add `enabled: true`".to_string(),
            edits: vec![e],
            applicability: Applicability::Safe,
        });
        out.push(d);
        return;
    };
    let Value::Scalar(s) = &entry.value.value else {
        return;
    };
    let what = match s.kind {
        ScalarKind::Bool(_) => return,
        ScalarKind::Null => "empty".to_string(),
        ScalarKind::String if matches!(s.text.as_str(), "true" | "false") => {
            format!("the string \"{}\" (quoted)", s.text)
        }
        k => format!("{} (`{}`)", k.name(), s.text),
    };
    let msg = format!("`enabled` must be `true` or `false`, but it is {what}");
    out.push(diag(
        RuleId::Enabled,
        Severity::Error,
        value_span(entry),
        "enabled",
        msg,
    ));
}

/// `enabled: true` after a one-line `apiVersion` that opens the spec, else first.
fn insert_enabled(text: &str, root: &Mapping) -> Option<TextEdit> {
    let first = root.entries.first()?;
    let one_line = |e: &Entry| {
        !e.value.is_block_collection() && !text[e.span.start..e.span.end].contains('\n')
    };
    if first.key.scalar_text() == Some("apiVersion")
        && one_line(first)
        && starts_line(text, first.key.span.start)
    {
        let indent = " ".repeat(key_column(text, first.key.span.start));
        let at = line_end(text, first.span.end);
        return Some(TextEdit::insert(
            at,
            format!("{}{indent}enabled: true", newline_of(text)),
        ));
    }
    prepend_root_entry(text, root, "enabled: true")
}

fn command(cx: &Context, root: &Mapping, out: &mut Vec<Diagnostic>) {
    let Some(entry) = root.get_entry("command") else {
        return;
    };
    let node = &entry.value;
    let span = value_span(entry);
    let err = |msg: String| diag(RuleId::Command, Severity::Error, span, "command", msg);
    match &node.value {
        Value::Alias(_) => {}
        Value::Scalar(s) if s.kind == ScalarKind::Null => {
            out.push(err("`command` is empty: give the program and its arguments as a list, or remove it".into()))
        }
        Value::Scalar(s) if s.kind == ScalarKind::String => {
            let msg = "`command` is a single string, but it must be a list: the program and each argument are \
                       separate items, run without a shell";
            let mut d = err(msg.into());
            d.fix = layout_is_reliable(cx).then(|| wrap_command(cx.text, node, &s.text, s.style)).flatten();
            out.push(d);
        }
        Value::Scalar(s) => out.push(err(format!(
            "`command` must be a list of strings (the program and its arguments), but it is {}",
            s.kind.name()
        ))),
        Value::Mapping(_) => out.push(err(
            "`command` must be a list of strings (the program and its arguments), but it is a mapping".into(),
        )),
        Value::Sequence(seq) if seq.items.is_empty() => {
            out.push(err("`command` is an empty list: give the program to run, or remove `command`".into()))
        }
        Value::Sequence(seq) => {
            for (i, item) in seq.items.iter().enumerate() {
                if let Some(what) = not_a_string(item) {
                    let msg = format!("`command[{i}]` is {what}, but every item of `command` must be a string");
                    out.push(diag(RuleId::Command, Severity::Error, item.span, format!("command[{i}]"), msg));
                }
            }
        }
    }
}

/// Why an item of a list of strings is not one (`None` when it is).
fn not_a_string(item: &Node) -> Option<String> {
    match &item.value {
        Value::Scalar(s) if s.kind == ScalarKind::String => None,
        Value::Scalar(s) if s.kind == ScalarKind::Null => Some("empty".into()),
        Value::Scalar(s) => Some(format!("{} (quote it to make it a string)", s.kind.name())),
        Value::Alias(_) => None,
        _ => Some(item.kind_name().to_string()),
    }
}

/// Wraps a one-word command in a list, or runs a command line through `/bin/sh -c`
/// (what a single string usually means: a shell line).
fn wrap_command(text: &str, node: &Node, value: &str, style: ScalarStyle) -> Option<Fix> {
    let word = !value.is_empty()
        && !value.contains(|c: char| c.is_whitespace() || ",[]{}#&*!|>'\"%@`".contains(c))
        && !value.starts_with(['-', '?', ':']);
    let (title, list) = if word && style == ScalarStyle::Plain {
        ("Wrap in a list", format!("[{value}]"))
    } else {
        let quoted = serde_json::to_string(value).ok()?;
        ("Run it with /bin/sh -c", format!("[/bin/sh, -c, {quoted}]"))
    };
    if node.span.slice(text).is_empty() {
        return None;
    }
    Some(Fix {
        title: title.into(),
        edits: vec![TextEdit::replace(node.span, list)],
        applicability: Applicability::Unsafe,
    })
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
