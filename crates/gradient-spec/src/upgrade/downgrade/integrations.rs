//! v1 `integrations` → legacy `models` and `repositories`, written where
//! `integrations` stood; what the legacy shape has no place for said in notes.
//!
//! `model` → a `models` entry (`id`, `path`; the integration's `name` has no legacy
//! field). `git-lfs` → an entry of `repositories.repositories` (`name`, `url`), with
//! `mountPath` the folder the clones are in: the upgrade writes each integration's
//! `path` as `<mountPath>/<name>`, so a path ending in the integration's name gives its
//! parent, and any other path is read as the folder itself (the clone is then at
//! `<path>/<name>`, as the official reference's comment describes). `dataset` is left
//! empty for the person to fill in (the legacy shape clones into a dataset, which v1
//! has no field for). Other types (`s3`, `volume`, …) have no legacy counterpart.

use super::{apply, index_of, with_root};
use crate::edit::{self, NewValue};
use crate::path::SpecPath;
use crate::upgrade::items::{self, Item};
use crate::upgrade::UpgradeNote;
use crate::yaml::{Mapping, Node, Value};

/// What the integrations become.
#[derive(Default)]
struct Carried {
    /// `models` entries, with the integration index each came from.
    models: Vec<(usize, NewValue)>,
    /// The repositories' folder, and the repositories (`name`, `url`).
    mount: Option<String>,
    repos: Vec<NewValue>,
}

/// Replaces `integrations` by `models` and `repositories` in `text`.
pub(super) fn run(
    text: &mut String,
    root: &Mapping,
    notes: &mut Vec<UpgradeNote>,
) -> Result<(), String> {
    let top = SpecPath::root();
    let Some(entry) = root.get_entry("integrations") else {
        return Ok(());
    };
    let items = match &entry.value.value {
        Value::Sequence(s) => s.items.as_slice(),
        _ if entry.value.is_null() => &[],
        _ => return Err("`integrations` is not a list; fix it first".to_string()),
    };
    for key in ["models", "repositories"] {
        if root.get_entry(key).is_some() {
            return Err(format!(
                "the spec has both `integrations` and the legacy `{key}`: remove one first"
            ));
        }
    }
    let carried = carry(items, notes);
    let models: Vec<NewValue> = carried.models.iter().map(|(_, v)| v.clone()).collect();
    let mut has_models = false;
    if let Some(t) = models_in_place(text, items, &carried) {
        *text = t;
        has_models = true;
    } else if !models.is_empty() {
        let at = with_root(text, |r| index_of(r, "integrations"))
            .flatten()
            .unwrap_or(usize::MAX);
        apply(text, "add `models`", |t| {
            edit::insert_key_at(t, &top, at, "models", &NewValue::Seq(models))
        })?;
        has_models = true;
    }
    if !carried.repos.is_empty() {
        let mut fields = vec![("dataset".to_string(), NewValue::Null)];
        if let Some(m) = &carried.mount {
            fields.push(("mountPath".to_string(), NewValue::str(m.clone())));
        }
        fields.push((
            "repositories".to_string(),
            NewValue::Seq(carried.repos.clone()),
        ));
        let at = with_root(text, |r| {
            let after = if has_models { "models" } else { "integrations" };
            index_of(r, after).map(|i| if has_models { i + 1 } else { i })
        })
        .flatten()
        .unwrap_or(usize::MAX);
        apply(text, "add `repositories`", |t| {
            edit::insert_key_at(t, &top, at, "repositories", &NewValue::Map(fields))
        })?;
    }
    if with_root(text, |r| r.get_entry("integrations").is_some()).unwrap_or(false) {
        apply(text, "remove `integrations`", |t| {
            edit::remove(t, &top.key("integrations"))
        })?;
    }
    Ok(())
}

/// The models and repositories the integrations become; notes for the rest.
fn carry(items: &[Node], notes: &mut Vec<UpgradeNote>) -> Carried {
    let list = SpecPath::root().key("integrations");
    let mut out = Carried::default();
    let mut repo_names: Vec<String> = Vec::new();
    for item in items::mappings(items::indexed(&list, items), "integration", "", notes) {
        let label = item.label("integration");
        match item.field("type") {
            Some("model") => {
                if let Some(model) = model(&item, &label, notes) {
                    out.models.push((item.index().unwrap_or(0), model));
                }
            }
            Some("git-lfs") => repository(&item, &label, &mut out, &mut repo_names, notes),
            Some(other) => item.note(
                format!("{label} is not carried over: the legacy shape has no `{other}` integration (mount it another way)"),
                notes,
            ),
            None => item.note(format!("{label} has no `type`: not carried over"), notes),
        }
    }
    out
}

/// Notes for the fields of `item` other than `known`, which the legacy shape has no
/// place for.
fn note_other_fields(item: &Item, label: &str, known: &[&str], notes: &mut Vec<UpgradeNote>) {
    for (k, e) in item.other_entries(known) {
        notes.push(UpgradeNote::new(
            item.at.key(k),
            e.span,
            format!("{label}: `{k}` has no place in the legacy shape: not carried over"),
        ));
    }
}

/// A `model` integration as a legacy `models` entry (`id`, `path`).
fn model(item: &Item, label: &str, notes: &mut Vec<UpgradeNote>) -> Option<NewValue> {
    let Some(id) = item.field("id") else {
        item.note(
            format!("{label} has no `id`: not carried over (a legacy model needs one)"),
            notes,
        );
        return None;
    };
    let mut fields = vec![("id".to_string(), NewValue::str(id))];
    if let Some(p) = item.field("path") {
        fields.push(("path".to_string(), NewValue::str(p)));
    }
    if item.field("name").is_some() {
        item.note_at(
            "name",
            format!("{label}: a legacy model has no `name`; it becomes the model `{id}` (the upgrade names it after its id)"),
            notes,
        );
    }
    note_other_fields(item, label, &["type", "name", "id", "path"], notes);
    Some(NewValue::Map(fields))
}

/// A `git-lfs` integration as a legacy repository (`name`, `url`) in `out`, its
/// folder as the repositories' `mountPath` when it is the first.
fn repository(
    item: &Item,
    label: &str,
    out: &mut Carried,
    repo_names: &mut Vec<String>,
    notes: &mut Vec<UpgradeNote>,
) {
    let Some(url) = item.field("url") else {
        item.note(format!("{label} has no `url`: not carried over"), notes);
        return;
    };
    let name = item.field("name").unwrap_or("");
    let path = item.field("path").map(|p| p.trim_end_matches('/'));
    let (folder, repo_name) = folder_and_name(path, name);
    if repo_name.is_empty() || repo_names.iter().any(|n| n == repo_name) {
        item.note(
            format!(
                "{label} has no name of its own for the folder it is cloned into: not carried over"
            ),
            notes,
        );
        return;
    }
    match (folder, &out.mount) {
        (Some(f), Some(mount)) if f != mount => {
            item.note(
                format!("{label} is not carried over: legacy repositories are all cloned into one folder (`{mount}`), and this one is at `{f}`"),
                notes,
            );
            return;
        }
        (Some(f), None) => {
            let parent = f.trim_end_matches('/');
            if path.is_some_and(|p| p != format!("{parent}/{repo_name}")) {
                item.note_at(
                    "path",
                    format!("{label}: `path` is read as the folder the repository is cloned into (`mountPath: {f}`), so the clone is at `{parent}/{repo_name}`"),
                    notes,
                );
            }
            out.mount = Some(f.to_string());
        }
        _ => {}
    }
    if out.repos.is_empty() {
        item.note(
            "legacy repositories are cloned into a dataset, which v1 has no field for: `repositories.dataset` is left empty for you to fill in (the missing-field problem points at it)",
            notes,
        );
    }
    note_other_fields(item, label, &["type", "name", "url", "path"], notes);
    repo_names.push(repo_name.to_string());
    out.repos.push(NewValue::Map(vec![
        ("name".to_string(), NewValue::str(repo_name)),
        ("url".to_string(), NewValue::str(url)),
    ]));
}

/// The folder a `git-lfs` integration at `path` is cloned into and the repository's
/// name: the upgrade writes `<mountPath>/<name>`, so a path ending in the name (or,
/// unnamed, in any last part) gives its parent; any other path is the folder itself.
fn folder_and_name<'a>(path: Option<&'a str>, name: &'a str) -> (Option<&'a str>, &'a str) {
    let Some(p) = path else {
        return (None, name);
    };
    let root_if_empty = |parent: &'a str| if parent.is_empty() { "/" } else { parent };
    match p.rsplit_once('/') {
        Some((parent, last)) if !name.is_empty() && last == name => {
            (Some(root_if_empty(parent)), name)
        }
        Some((parent, last)) if name.is_empty() && !last.is_empty() => {
            (Some(root_if_empty(parent)), last)
        }
        _ => (Some(p), name),
    }
}

/// `integrations` renamed `models` in place, the other items removed and each model's
/// `type` and `name` dropped, so the comments on the model lines stay: when it is a
/// block list of block mappings and every model integration was carried as written
/// (`id` and `path` only). The new text, or `None` (the caller writes `models` anew).
fn models_in_place(text: &str, items: &[Node], carried: &Carried) -> Option<String> {
    if carried.models.is_empty() {
        return None;
    }
    for (i, v) in &carried.models {
        let m = items.get(*i)?.as_mapping().filter(|m| !m.flow)?;
        let NewValue::Map(fields) = v else {
            return None;
        };
        let plain = m.entries.iter().all(|e| {
            let k = e.key.scalar_text().unwrap_or("");
            matches!(k, "type" | "name")
                || fields
                    .iter()
                    .any(|(f, v)| f == k && e.value.scalar_text() == as_str(v))
        });
        if !plain {
            return None;
        }
    }
    let top = SpecPath::root();
    let list = top.key("integrations");
    let mut t = text.to_string();
    let kept: Vec<usize> = carried.models.iter().map(|(i, _)| *i).collect();
    for i in (0..items.len()).rev().filter(|i| !kept.contains(i)) {
        apply(&mut t, "remove an integration", |t| {
            edit::remove(t, &list.index(i))
        })
        .ok()?;
    }
    for n in 0..kept.len() {
        for key in ["type", "name"] {
            let present = with_root(&t, |r| {
                r.get("integrations")
                    .and_then(Node::as_sequence)
                    .and_then(|s| s.items.get(n))
                    .and_then(Node::as_mapping)
                    .is_some_and(|m| m.get_entry(key).is_some())
            })?;
            if present {
                apply(&mut t, "remove a model's field", |t| {
                    edit::remove(t, &list.index(n).key(key))
                })
                .ok()?;
            }
        }
    }
    apply(&mut t, "rename `integrations`", |t| {
        edit::rename_key(t, &list, "models")
    })
    .ok()?;
    Some(t)
}

fn as_str(v: &NewValue) -> Option<&str> {
    match v {
        NewValue::Str(s) => Some(s),
        _ => None,
    }
}
