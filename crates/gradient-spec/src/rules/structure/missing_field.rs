//! `missing-field`: a required field absent or empty, reported by the
//! catalogue-driven structure walker (`structure.rs`), with the fix that adds it
//! (or fills it in) with a placeholder.

use super::{unsafe_fix, Holder, Walker};
use crate::diag::{Severity, TextEdit};
use crate::path::SpecPath;
use crate::rules::context::{append_entry, fill_entry, layout_is_reliable, value_span};
use crate::rules::registry::Rule;
use crate::rules::RuleId;
use crate::spec::{self, Field, Owner, Requirement};
use crate::yaml::{Entry, Mapping};

/// `missing-field` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::MissingField,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Missing field",
    what: "A required field is absent or empty: `image`, `resources`, the machine, v1 `ports`, a repository's `url` or `name`, an env `name` or `value`, …",
    why: "The API rejects a spec without its required fields.",
    fix: "Add the field; the fix inserts it with a placeholder value to replace.",
};

impl Walker<'_, '_> {
    /// Reports required fields that are absent or empty.
    pub(super) fn required(
        &mut self,
        holder: &Holder,
        map: &Mapping,
        pattern: &str,
        path: &SpecPath,
        variant: Option<&str>,
    ) {
        let shape = self.cx.shape;
        for &f in spec::fields_under(pattern) {
            if !f.variants.is_empty() && !variant.is_some_and(|v| f.variants.contains(&v)) {
                continue;
            }
            let needed = match f.requirement {
                Requirement::Required(s) => s.contains(shape) && !self.counterpart_present(f),
                Requirement::HttpProbe => is_http_probe(map),
                _ => false,
            };
            if !needed {
                continue;
            }
            let key = f.key();
            // The path is spelled out only for a problem: most fields are present.
            match map.get_entry(key) {
                None => self.missing(holder, f, &path.key(key), variant),
                Some(e) if e.value.is_null() => self.empty(e, f, &path.key(key), variant),
                Some(e) if e.value.as_sequence().is_some_and(|s| s.items.is_empty()) => {
                    self.empty(e, f, &path.key(key), variant)
                }
                Some(e)
                    if matches!(f.owner, Owner::Structure | Owner::Value(_))
                        && e.value.as_str().is_some_and(|s| s.trim().is_empty()) =>
                {
                    self.empty(e, f, &path.key(key), variant)
                }
                Some(_) => {}
            }
        }
    }

    /// True when the field doing `f`'s job in the other shape is present (then
    /// `mixed-shape` says what to write instead, and `f` is not reported missing).
    pub(super) fn counterpart_present(&self, f: &Field) -> bool {
        let Some(other) = spec::counterpart(f.path) else {
            return false;
        };
        let mut node = self.cx.root_node;
        for key in other.split('.') {
            match node.as_mapping().and_then(|m| m.get(key)) {
                Some(n) => node = n,
                None => return false,
            }
        }
        true
    }

    pub(super) fn missing_message(&self, f: &Field, path: &SpecPath, absent: bool) -> String {
        let shape = match f.requirement {
            Requirement::Required(s) if s != spec::Shapes::BOTH => {
                format!(" in a {} spec", s.name())
            }
            Requirement::HttpProbe => " in an HTTP probe".to_string(),
            _ => String::new(),
        };
        let state = if absent { "missing" } else { "empty" };
        format!(
            "`{path}` is required{shape} but {state}: {}",
            lower_first(f.help)
        )
    }

    pub(super) fn missing(
        &mut self,
        holder: &Holder,
        f: &Field,
        path: &SpecPath,
        variant: Option<&str>,
    ) {
        let (cx, step) = (self.cx, self.step);
        let edit = layout_is_reliable(cx)
            .then(|| {
                append_entry(cx.text, holder.node, f.key(), step, |layout| {
                    spec::value_text(cx.shape, f.path, variant, layout)
                })
            })
            .flatten();
        let msg = self.missing_message(f, path, true);
        let d = self.push(
            RuleId::MissingField,
            Severity::Error,
            holder.span,
            path,
            msg,
        );
        d.fix = edit.map(|e| unsafe_fix(format!("Add `{}`", f.key()), vec![e]));
    }

    pub(super) fn empty(
        &mut self,
        entry: &Entry,
        f: &Field,
        path: &SpecPath,
        variant: Option<&str>,
    ) {
        let (cx, step) = (self.cx, self.step);
        let value = |layout: spec::Layout| spec::value_text(cx.shape, f.path, variant, layout);
        let edits = if !layout_is_reliable(cx) {
            None
        } else if entry.value.is_null() {
            fill_entry(cx.text, entry, step, value)
        } else {
            Some(vec![TextEdit::replace(
                entry.value.span,
                value(spec::Layout::Flow).trim_start().to_string(),
            )])
        };
        let msg = self.missing_message(f, path, false);
        let span = value_span(entry);
        let d = self.push(RuleId::MissingField, Severity::Error, span, path, msg);
        d.fix = edits.map(|e| unsafe_fix(format!("Fill in `{}`", f.key()), e));
    }
}

/// A help text as the tail of a sentence ("The container…" → "the container…"; the
/// texts are ours and start with an ASCII letter).
fn lower_first(s: &str) -> String {
    let mut c = s.chars();
    match c.next() {
        Some(f) => std::iter::once(f.to_ascii_lowercase()).chain(c).collect(),
        None => String::new(),
    }
}

/// A probe in the HTTP form: no `exec`, and an HTTP key present.
fn is_http_probe(map: &Mapping) -> bool {
    map.get_entry("exec").is_none()
        && spec::HTTP_PROBE_KEYS
            .iter()
            .any(|k| map.get_entry(k).is_some())
}
