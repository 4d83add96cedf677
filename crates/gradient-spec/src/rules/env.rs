//! `env`: a variable set twice (which one wins is up to the server), and a value that
//! YAML reads as a number or boolean while the API expects a string, and a value in
//! angle brackets (`<HuggingFace read access token>`): a placeholder left from an
//! example, which the container would get as is. Empty names and
//! absent values are `missing-field`; secret references are `secrets.rs`'s.

use super::placeholder::is_bracketed;
use super::quote::double;
use super::registry::Rule;
use super::spec_body::{bodies, indexed_mapping_items, str_entry, Place};
use super::Context;
use crate::diag::{Applicability, Diagnostic, Fix, Severity, TextEdit};
use crate::rules::RuleId;
use crate::yaml::{ScalarKind, Value};
use std::collections::HashMap;

/// `env` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::Env,
    severities: &[Severity::Warning],
    usual: Severity::Warning,
    title: "Environment variable",
    what: "An env `name` is repeated, a `value` is not a string (`7860`, `true`), or a `value` is a placeholder in angle brackets left from an example (`<HuggingFace read access token>`).",
    why: "The API expects strings; with a repeated name only one value reaches the container; a placeholder reaches it as literal text.",
    fix: "Quote non-string values, keep names unique, and put the real value in place of a placeholder (a credential as `secret:NAME`).",
};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for body in bodies(cx) {
        // Paths are spelled out only for a problem: this runs over every env item on
        // every keystroke.
        let list = body.path.key("env");
        let items = body.map.get("env").and_then(|n| n.as_sequence());
        let mut seen: HashMap<&str, usize> =
            HashMap::with_capacity(items.map_or(0, |s| s.items.len()));
        for (i, env) in indexed_mapping_items(body.map, "env") {
            let p = Place::Item(&list, i);
            if let Some((entry, name)) = str_entry(env, "name") {
                if let Some(&first) = seen.get(name) {
                    let first = list.index(first);
                    let msg = format!(
                        "`{name}` is already set by {first}: one of the two values is lost"
                    );
                    out.push(Diagnostic::new(
                        RULE.id,
                        Severity::Warning,
                        entry.value.span,
                        p.key("name").to_string(),
                        msg,
                    ));
                } else if !name.is_empty() {
                    seen.insert(name, i);
                }
            }
            if let Some(value) = env.get("value") {
                let Value::Scalar(s) = &value.value else {
                    continue;
                };
                let kind = match s.kind {
                    ScalarKind::Int(_) | ScalarKind::Float(_) => "a number",
                    ScalarKind::Bool(_) => "a boolean",
                    ScalarKind::String if is_bracketed(&s.text) => {
                        let msg =
                            "`value` is a placeholder in angle brackets left from an example: \
                                   the container would get this text; put the real value here \
                                   (a credential as `secret:NAME`)";
                        out.push(Diagnostic::new(
                            RULE.id,
                            Severity::Warning,
                            value.span,
                            p.key("value").to_string(),
                            msg,
                        ));
                        continue;
                    }
                    ScalarKind::Null | ScalarKind::String => continue,
                };
                let msg = format!(
                    "`value` is {kind} in YAML, but environment values are strings: quote it"
                );
                let d = Diagnostic::new(
                    RULE.id,
                    Severity::Warning,
                    value.span,
                    p.key("value").to_string(),
                    msg,
                );
                let source = value.span.slice(cx.text);
                out.push(if value.tag.is_none() && !source.is_empty() {
                    d.with_fix(Fix {
                        title: format!("Quote it: {}", double(source)),
                        edits: vec![TextEdit::replace(value.span, double(source))],
                        applicability: Applicability::Safe,
                    })
                } else {
                    d
                });
            }
        }
    }
}
