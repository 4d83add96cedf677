//! `models` (legacy): what the structural rules leave. An absent or null `id` is
//! `missing-field` and `models` written as a mapping is `wrong-type`; here: an `id`
//! that is an empty string or holds blanks (error: no registry id does), a
//! placeholder `id` left from an example such as `model-handle` or `...` (info), two
//! models mounted at the same `path` (error: one hides the other), and each `path`
//! through `mount-path`.

use super::mount_path;
use super::placeholder::is_placeholder;
use super::registry::Rule;
use super::spec_body::{bodies, mapping_items, str_entry};
use super::Context;
use crate::diag::{Diagnostic, Severity};
use crate::path::SpecPath;
use crate::rules::RuleId;
use std::collections::HashMap;

/// `models` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::Models,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Models",
    what: "A `models` entry has no `id`.",
    why: "The model to mount is found by its registry id.",
    fix: "Give each model its `id`.",
};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for body in bodies(cx) {
        let mut paths: HashMap<String, SpecPath> = HashMap::new();
        for (model, p) in mapping_items(body.map, "models", &body.path) {
            if let Some((entry, id)) = str_entry(model, "id") {
                let span = entry.value.span;
                let path = p.key("id").to_string();
                if is_placeholder(id) {
                    let msg = "`id` looks like a placeholder from an example: put the id of a model from the Model Registry here";
                    out.push(Diagnostic::new(RULE.id, Severity::Info, span, path, msg));
                } else if id.trim().is_empty() || id.contains(char::is_whitespace) {
                    let why = if id.trim().is_empty() {
                        "is empty"
                    } else {
                        "contains blanks"
                    };
                    let msg =
                        format!("`id` {why}: it must be the id of a model in the Model Registry");
                    out.push(Diagnostic::new(RULE.id, Severity::Error, span, path, msg));
                }
            }
            if let Some((entry, text)) = str_entry(model, "path") {
                let path = p.key("path");
                mount_path::check(&entry.value, "path", &path, out);
                let key = mount_path::normal_form(text);
                if let Some(first) = paths.get(&key) {
                    let msg = format!(
                        "`path` is also the path of {first}: the two models would hide each other"
                    );
                    out.push(Diagnostic::new(
                        RULE.id,
                        Severity::Error,
                        entry.value.span,
                        path.to_string(),
                        msg,
                    ));
                } else {
                    paths.insert(key, p.clone());
                }
            }
        }
    }
}
