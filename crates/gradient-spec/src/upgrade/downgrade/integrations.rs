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
    for (i, item) in items.iter().enumerate() {
        let at = list.index(i);
        let Some(m) = item.as_mapping() else {
            notes.push(UpgradeNote::new(
                at,
                item.span,
                format!(
                    "this integration is {}, not a mapping: not carried over",
                    item.kind_name()
                ),
            ));
            continue;
        };
        let field = |k: &str| {
            m.get(k)
                .and_then(Node::scalar_text)
                .filter(|s| !s.trim().is_empty())
        };
        let name = field("name").unwrap_or("");
        let label = if name.is_empty() {
            format!("integration {}", i + 1)
        } else {
            format!("integration `{name}`")
        };
        let extra = |known: &[&str], notes: &mut Vec<UpgradeNote>| {
            for e in &m.entries {
                let k = e.key.scalar_text().unwrap_or("");
                if !known.contains(&k) {
                    notes.push(UpgradeNote::new(
                        at.key(k),
                        e.span,
                        format!(
                            "{label}: `{k}` has no place in the legacy shape: not carried over"
                        ),
                    ));
                }
            }
        };
        match field("type") {
            Some("model") => {
                let Some(id) = field("id") else {
                    notes.push(UpgradeNote::new(
                        at,
                        item.span,
                        format!("{label} has no `id`: not carried over (a legacy model needs one)"),
                    ));
                    continue;
                };
                let mut fields = vec![("id".to_string(), NewValue::str(id))];
                if let Some(p) = field("path") {
                    fields.push(("path".to_string(), NewValue::str(p)));
                }
                if !name.is_empty() {
                    notes.push(UpgradeNote::new(
                        at.key("name"),
                        m.get_entry("name").map_or(item.span, |e| e.span),
                        format!("{label}: a legacy model has no `name`; it becomes the model `{id}` (the upgrade names it after its id)"),
                    ));
                }
                extra(&["type", "name", "id", "path"], notes);
                out.models.push((i, NewValue::Map(fields)));
            }
            Some("git-lfs") => {
                let Some(url) = field("url") else {
                    notes.push(UpgradeNote::new(
                        at,
                        item.span,
                        format!("{label} has no `url`: not carried over"),
                    ));
                    continue;
                };
                let path = field("path").map(|p| p.trim_end_matches('/'));
                let (folder, repo_name) = match path {
                    Some(p) => match p.rsplit_once('/') {
                        Some((parent, last)) if !name.is_empty() && last == name => {
                            (Some(if parent.is_empty() { "/" } else { parent }), name)
                        }
                        Some((parent, last)) if name.is_empty() && !last.is_empty() => {
                            (Some(if parent.is_empty() { "/" } else { parent }), last)
                        }
                        _ => (Some(p), name),
                    },
                    None => (None, name),
                };
                if repo_name.is_empty() || repo_names.iter().any(|n| n == repo_name) {
                    notes.push(UpgradeNote::new(
                        at,
                        item.span,
                        format!("{label} has no name of its own for the folder it is cloned into: not carried over"),
                    ));
                    continue;
                }
                match (folder, &out.mount) {
                    (Some(f), Some(mount)) if f != mount => {
                        notes.push(UpgradeNote::new(
                            at,
                            item.span,
                            format!("{label} is not carried over: legacy repositories are all cloned into one folder (`{mount}`), and this one is at `{f}`"),
                        ));
                        continue;
                    }
                    (Some(f), None) => {
                        if path.is_some_and(|p| p != format!("{}/{repo_name}", f.trim_end_matches('/'))) {
                            notes.push(UpgradeNote::new(
                                at.key("path"),
                                m.get_entry("path").map_or(item.span, |e| e.span),
                                format!("{label}: `path` is read as the folder the repository is cloned into (`mountPath: {f}`), so the clone is at `{}/{repo_name}`", f.trim_end_matches('/')),
                            ));
                        }
                        out.mount = Some(f.to_string());
                    }
                    _ => {}
                }
                if out.repos.is_empty() {
                    notes.push(UpgradeNote::new(
                        at.clone(),
                        item.span,
                        "legacy repositories are cloned into a dataset, which v1 has no field for: `repositories.dataset` is left empty for you to fill in (the missing-field problem points at it)",
                    ));
                }
                extra(&["type", "name", "url", "path"], notes);
                repo_names.push(repo_name.to_string());
                out.repos.push(NewValue::Map(vec![
                    ("name".to_string(), NewValue::str(repo_name)),
                    ("url".to_string(), NewValue::str(url)),
                ]));
            }
            Some(other) => notes.push(UpgradeNote::new(
                at.clone(),
                item.span,
                format!("{label} is not carried over: the legacy shape has no `{other}` integration (mount it another way)"),
            )),
            None => notes.push(UpgradeNote::new(
                at,
                item.span,
                format!("{label} has no `type`: not carried over"),
            )),
        }
    }
    out
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
