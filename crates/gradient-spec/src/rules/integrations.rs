//! `integrations` (v1): at most 5; a known `type`; unique `name` and `path`; the
//! `do-spaces` spelling the API types lack; `region` where only `s3` has one; an s3
//! `url` of the form `s3://bucket/…` (a placeholder in angle brackets left in it is an
//! error here too; a git-lfs `url`'s is `repo-url`'s). Each `path` goes through `mount-path` and a
//! git-lfs `url` through `repo-url`.
//!
//! Per-type required fields are the catalogue's `missing-field`. With an unknown
//! `type` no field list applies, so only the type itself is reported.

use super::context::value_span;
use super::placeholder::in_brackets;
use super::quote::render;
use super::registry::Rule;
use super::spec_body::{bodies, mapping_items, str_entry};
use super::{mount_path, repo_url, Context};
use crate::diag::{Applicability, Diagnostic, Fix, Severity, TextEdit};
use crate::path::SpecPath;
use crate::rules::RuleId;
use crate::yaml::Mapping;
use std::collections::HashMap;

/// `integrations` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::Integrations,
    severities: &[Severity::Error, Severity::Warning],
    usual: Severity::Error,
    title: "Integrations",
    what: "More than 5 integrations, an unknown `type`, a repeated `name` or `path`, a field the type does not take, or an s3 `url` that is not `s3://bucket/prefix` (or still holds a placeholder in angle brackets).",
    why: "The API rejects such a list, or mounts one integration over another.",
    fix: "Keep at most 5, each with a known type, a unique name and a unique path.",
};

const MAX: usize = 5;
const TYPES: &[&str] = &["git-lfs", "s3", "spaces", "do-spaces", "volume", "model"];

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for body in bodies(cx) {
        let Some(entry) = body.map.get_entry("integrations") else {
            continue;
        };
        let path = body.path.key("integrations");
        let count = entry.value.as_sequence().map_or(0, |s| s.items.len());
        if count > MAX {
            let msg = format!("{count} integrations: a deployment may have at most {MAX}");
            out.push(Diagnostic::new(
                RULE.id,
                Severity::Error,
                value_span(entry),
                path.to_string(),
                msg,
            ));
        }
        let mut names: HashMap<&str, SpecPath> = HashMap::new();
        let mut paths: HashMap<String, SpecPath> = HashMap::new();
        for (item, p) in mapping_items(body.map, "integrations", &body.path) {
            let kind = kind(item, &p, out);
            unique(item, "name", &p, &mut names, out);
            if let Some((e, text)) = str_entry(item, "path") {
                mount_path::check(&e.value, "path", &p.key("path"), out);
                let key = mount_path::normal_form(text);
                if let Some(first) = paths.get(&key) {
                    let msg = format!(
                        "`path` is also the path of {first}: one integration would hide the other"
                    );
                    out.push(Diagnostic::new(
                        RULE.id,
                        Severity::Error,
                        e.value.span,
                        p.key("path").to_string(),
                        msg,
                    ));
                } else {
                    paths.insert(key, p.clone());
                }
            }
            match kind {
                Some("git-lfs") => {
                    if let Some(url) = item.get("url") {
                        repo_url::check(url, &p.key("url"), out);
                    }
                }
                Some("s3") => s3_url(item, &p, out),
                _ => {}
            }
            if kind.is_some_and(|k| k != "s3") {
                if let Some(region) = item.get_entry("region") {
                    let msg = format!(
                        "`region` only applies to `s3` integrations, not `{}`",
                        kind.unwrap_or("")
                    );
                    out.push(Diagnostic::new(
                        RULE.id,
                        Severity::Warning,
                        region.key.span,
                        p.key("region").to_string(),
                        msg,
                    ));
                }
            }
        }
    }
}

/// The integration's type when it is a known one; reports unknown types and the
/// `do-spaces` spelling.
fn kind<'a>(item: &'a Mapping, p: &SpecPath, out: &mut Vec<Diagnostic>) -> Option<&'a str> {
    let (entry, ty) = str_entry(item, "type")?;
    let path = p.key("type").to_string();
    let node = &entry.value;
    let replace = |to: &str, applicability| {
        let new = render(node.as_scalar()?.style, to)?;
        Some(Fix {
            title: format!("Write `{to}`"),
            edits: vec![TextEdit::replace(node.span, new)],
            applicability,
        })
    };
    let with = |d: Diagnostic, fix: Option<Fix>| match fix {
        Some(f) => d.with_fix(f),
        None => d,
    };
    if ty == "do-spaces" {
        let msg = "`do-spaces` is the docs' spelling; the API types name this integration `spaces`";
        let d = Diagnostic::new(RULE.id, Severity::Warning, node.span, path, msg);
        out.push(with(d, replace("spaces", Applicability::Unsafe)));
    } else if !TYPES.contains(&ty) {
        let known = TYPES
            .iter()
            .map(|t| format!("`{t}`"))
            .collect::<Vec<_>>()
            .join(", ");
        let suggestion = suggest(ty);
        let hint = suggestion
            .map(|s| format!("did you mean `{s}`? "))
            .unwrap_or_default();
        let msg = format!("unknown integration `type`: {hint}Known types: {known}");
        let d = Diagnostic::new(RULE.id, Severity::Error, node.span, path, msg);
        out.push(with(
            d,
            suggestion.and_then(|s| replace(s, Applicability::Unsafe)),
        ));
        return None;
    }
    Some(ty)
}

/// The known type closest to `ty`, when it is a likely misspelling.
fn suggest(ty: &str) -> Option<&'static str> {
    let lower = ty.to_ascii_lowercase();
    TYPES
        .iter()
        .map(|t| (strsim::levenshtein(&lower, t), *t))
        .filter(|(d, t)| *d <= 2.max(t.len() / 3) && *d < lower.len().max(1))
        .min_by_key(|(d, _)| *d)
        .map(|(_, t)| t)
}

/// Reports a later integration whose `key` repeats an earlier one's.
fn unique<'a>(
    item: &'a Mapping,
    key: &str,
    p: &SpecPath,
    seen: &mut HashMap<&'a str, SpecPath>,
    out: &mut Vec<Diagnostic>,
) {
    let Some((entry, value)) = str_entry(item, key) else {
        return;
    };
    if let Some(first) = seen.get(value) {
        let msg = format!(
            "`{key}` `{value}` is already used by {first}: integration {key}s must be unique"
        );
        out.push(Diagnostic::new(
            RULE.id,
            Severity::Error,
            entry.value.span,
            p.key(key).to_string(),
            msg,
        ));
    } else if !value.trim().is_empty() {
        seen.insert(value, p.clone());
    }
}

/// An s3 `url` names a bucket: `s3://bucket/prefix`.
fn s3_url(item: &Mapping, p: &SpecPath, out: &mut Vec<Diagnostic>) {
    let Some((entry, url)) = str_entry(item, "url") else {
        return;
    };
    if let Some(placeholder) = in_brackets(url) {
        let msg = format!(
            "`url` still holds the placeholder `{placeholder}` from an example: put the bucket's `s3://bucket/prefix` here"
        );
        out.push(Diagnostic::new(
            RULE.id,
            Severity::Error,
            entry.value.span,
            p.key("url").to_string(),
            msg,
        ));
        return;
    }
    let bucket = url
        .strip_prefix("s3://")
        .map(|r| r.split('/').next().unwrap_or(""));
    if !bucket.is_some_and(|b| !b.is_empty() && !b.contains(char::is_whitespace)) {
        let msg = "an s3 `url` has the form `s3://bucket/prefix`";
        out.push(Diagnostic::new(
            RULE.id,
            Severity::Error,
            entry.value.span,
            p.key("url").to_string(),
            msg,
        ));
    }
}
