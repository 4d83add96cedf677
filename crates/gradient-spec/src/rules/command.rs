//! `command`: a non-empty list of strings, run without a shell. This rule judges the
//! whole value, its kind included (the catalogue's `Owner::Whole`).

use super::context::{diag, layout_is_reliable, value_span};
use super::registry::Rule;
use super::{Context, RuleId};
use crate::diag::{Applicability, Diagnostic, Fix, Severity, TextEdit};
use crate::yaml::{Mapping, Node, ScalarKind, ScalarStyle, Value};

/// `command` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::Command,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Command",
    what: "`command` is not a non-empty list of strings.",
    why:
        "The command is run without a shell: the program and each argument are separate list items.",
    fix: "Write `command: [python, app.py]`, or wrap a shell line as `[/bin/sh, -c, \"…\"]`.",
};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else { return };
    command(cx, root, out);
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
