//! `enabled`: a boolean, and present (`pspace` reports a spec without it as
//! disabled); the fix adds `enabled: true` after a leading `apiVersion`.

use super::context::{
    diag, first_line_span, key_column, layout_is_reliable, line_end, newline_of,
    prepend_root_entry, starts_line, value_span,
};
use super::registry::Rule;
use super::{Context, RuleId};
use crate::diag::{Applicability, Diagnostic, Fix, Severity, TextEdit};
use crate::yaml::{Entry, Mapping, ScalarKind, Value};

/// `enabled` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::Enabled,
    severities: &[Severity::Error, Severity::Info],
    usual: Severity::Error,
    title: "Enabled",
    what: "`enabled` is not a boolean, or is absent.",
    why: "`pspace` reports a spec without `enabled` as disabled.",
    fix: "Write `enabled: true` (or `false` to stop the deployment).",
};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else { return };
    enabled(cx, root, out);
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
