//! What of a legacy spec's `models` and `repositories` becomes v1 `integrations`, and
//! what cannot be carried over (said as notes, never dropped silently).

use super::UpgradeNote;
use crate::diag::Span;
use crate::edit::NewValue;
use crate::path::SpecPath;
use crate::spec::MAX_INTEGRATIONS;
use crate::yaml::{Mapping, Node, Value};

/// The integrations a (mixed) spec already has: how many, their names and paths.
#[derive(Default)]
pub(crate) struct Existing {
    pub count: usize,
    pub names: Vec<String>,
    pub paths: Vec<String>,
}

/// One integration to write, with where it came from (for a note if it does not fit).
pub(crate) struct Carried {
    pub value: NewValue,
    pub from: SpecPath,
    pub span: Span,
    pub what: String,
}

/// The integrations the legacy `models` and `repositories` of `root` become, at most
/// what the v1 limit leaves beside `existing` integrations; notes for the rest.
pub(crate) fn integrations(
    root: &Mapping,
    existing: &Existing,
    notes: &mut Vec<UpgradeNote>,
) -> Vec<NewValue> {
    let mut names: Vec<String> = existing.names.clone();
    let mut out = Vec::new();
    if let Some(models) = root.get("models") {
        out.extend(models_to_integrations(models, &mut names, notes));
    }
    if let Some(entry) = root.get_entry("repositories") {
        out.extend(repositories_to_integrations(
            entry.value.as_mapping(),
            entry.key.span,
            &mut names,
            notes,
        ));
    }
    // Two integrations at one path would hide each other (the legacy spec had two
    // repositories of one name, or two models at one path): the later one stays out.
    let mut used: Vec<String> = existing.paths.clone();
    out.retain(|c| {
        let Some(path) = path_of(&c.value) else {
            return true;
        };
        if used.iter().any(|u| u.trim_end_matches('/') == path.trim_end_matches('/')) {
            notes.push(UpgradeNote::new(
                c.from.clone(),
                c.span,
                format!(
                    "{} is not carried over: its path `{path}` is already an integration's, and one would hide the other",
                    c.what
                ),
            ));
            return false;
        }
        used.push(path.to_string());
        true
    });
    let room = MAX_INTEGRATIONS.saturating_sub(existing.count);
    let mut kept = Vec::new();
    for (i, c) in out.into_iter().enumerate() {
        if i < room {
            kept.push(c.value);
        } else {
            notes.push(UpgradeNote::new(
                c.from,
                c.span,
                format!(
                    "{} is not carried over: v1 allows at most {MAX_INTEGRATIONS} integrations and {} are already written; \
                     add it in place of another one, or mount it another way",
                    c.what,
                    if existing.count == 0 { room.to_string() } else { format!("{} (with the {} already there)", room, existing.count) }
                ),
            ));
        }
    }
    kept
}

/// The `path` of an integration about to be written.
fn path_of(v: &NewValue) -> Option<&str> {
    match v {
        NewValue::Map(m) => m
            .iter()
            .find(|(k, _)| k == "path")
            .and_then(|(_, v)| match v {
                NewValue::Str(s) => Some(s.as_str()),
                _ => None,
            }),
        _ => None,
    }
}

/// `id` → a name for the model integration: lower-case letters, digits and `-`.
fn name_from_id(id: &str) -> String {
    let mut name = String::new();
    for c in id.chars() {
        if c.is_ascii_alphanumeric() {
            name.push(c.to_ascii_lowercase());
        } else if !name.ends_with('-') && !name.is_empty() {
            name.push('-');
        }
    }
    let name = name.trim_end_matches('-');
    if name.is_empty() {
        "model".to_string()
    } else {
        name.to_string()
    }
}

/// `base`, or `base-2`, `base-3`, … when taken; recorded as taken.
fn unique(base: &str, names: &mut Vec<String>) -> String {
    let mut name = base.to_string();
    let mut n = 2;
    while names.contains(&name) {
        name = format!("{base}-{n}");
        n += 1;
    }
    names.push(name.clone());
    name
}

/// A path made absolute the way the `mount-path` fix does (`opt/x` → `/opt/x`), with a
/// note when it changed.
fn absolute(path: &str, at: &SpecPath, span: Span, notes: &mut Vec<UpgradeNote>) -> String {
    if path.starts_with('/') {
        return path.to_string();
    }
    let fixed = format!("/{}", path.trim_start_matches("./"));
    notes.push(UpgradeNote::new(
        at.clone(),
        span,
        format!(
            "`{path}` is a relative path, which makes the deployment fail; the integration uses `{fixed}`: check that it is where the container expects it"
        ),
    ));
    fixed
}

fn models_to_integrations(
    models: &Node,
    names: &mut Vec<String>,
    notes: &mut Vec<UpgradeNote>,
) -> Vec<Carried> {
    let base = SpecPath::root().key("models");
    // An official example writes one model as a mapping: read it as a list of one.
    let items: Vec<(SpecPath, &Node)> = match &models.value {
        Value::Sequence(s) => s
            .items
            .iter()
            .enumerate()
            .map(|(i, n)| (base.index(i), n))
            .collect(),
        Value::Mapping(_) => vec![(base.clone(), models)],
        _ => {
            if !models.is_null() {
                notes.push(UpgradeNote::new(
                    base,
                    models.span,
                    format!(
                        "`models` is {}, not a list of models: nothing carried over from it",
                        models.kind_name()
                    ),
                ));
            }
            return Vec::new();
        }
    };
    let mut out = Vec::new();
    for (at, item) in items {
        let Some(m) = item.as_mapping() else {
            notes.push(UpgradeNote::new(
                at,
                item.span,
                format!(
                    "this model is {}, not a mapping with an `id`: not carried over",
                    item.kind_name()
                ),
            ));
            continue;
        };
        let Some(id) = m
            .get("id")
            .and_then(Node::scalar_text)
            .filter(|s| !s.trim().is_empty())
        else {
            notes.push(UpgradeNote::new(
                at,
                item.span,
                "this model has no `id`: not carried over (a v1 model integration needs one)",
            ));
            continue;
        };
        let name = unique(&name_from_id(id), names);
        let mut fields = vec![
            ("type".to_string(), NewValue::str("model")),
            ("name".to_string(), NewValue::str(name)),
            ("id".to_string(), NewValue::str(id)),
        ];
        if let Some(path_node) = m.get("path") {
            match path_node.scalar_text() {
                Some(p) if !path_node.is_null() => {
                    let p = absolute(p, &at.key("path"), path_node.span, notes);
                    fields.push(("path".to_string(), NewValue::str(p)));
                }
                _ => {}
            }
        }
        for e in &m.entries {
            let k = e.key.scalar_text().unwrap_or("");
            if !matches!(k, "id" | "path") {
                notes.push(UpgradeNote::new(
                    at.key(k),
                    e.key.span,
                    format!("`{k}` is not a field of a model: not carried over"),
                ));
            }
        }
        out.push(Carried {
            value: NewValue::Map(fields),
            span: item.span,
            what: format!("model `{id}`"),
            from: at,
        });
    }
    out
}

/// Whether `url` is an https URL without credentials in it.
fn public_https(url: &str) -> bool {
    let Some(rest) = url
        .get(..8)
        .filter(|s| s.eq_ignore_ascii_case("https://"))
        .map(|_| &url[8..])
    else {
        return false;
    };
    let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
    !authority.is_empty() && !authority.contains('@') && !url.contains(char::is_whitespace)
}

fn repositories_to_integrations(
    repos: Option<&Mapping>,
    key_span: Span,
    names: &mut Vec<String>,
    notes: &mut Vec<UpgradeNote>,
) -> Vec<Carried> {
    let base = SpecPath::root().key("repositories");
    let Some(repos) = repos else {
        notes.push(UpgradeNote::new(
            base,
            key_span,
            "`repositories` is not a mapping: nothing carried over from it",
        ));
        return Vec::new();
    };
    let mount = repos.get_entry("mountPath");
    let mount_path = mount
        .and_then(|e| e.value.scalar_text())
        .filter(|s| !s.trim().is_empty());
    if let Some(e) = repos.get_entry("dataset") {
        let ds = e
            .value
            .scalar_text()
            .map(|s| format!(" `{s}`"))
            .unwrap_or_default();
        let at = mount_path
            .map(|m| format!(", mounted at `{m}`,"))
            .unwrap_or_default();
        notes.push(UpgradeNote::new(
            base.key("dataset"),
            Span::new(e.key.span.start, e.span.end),
            format!(
                "the repositories were cloned into the dataset{ds}{at} which v1 has no place for: each git-lfs integration is cloned at its own `path`, and the dataset is no longer mounted (mount it another way if the container reads other files from it)"
            ),
        ));
    }
    let list = base.key("repositories");
    let items = match repos.get("repositories").map(|n| &n.value) {
        Some(Value::Sequence(s)) => &s.items,
        Some(_) | None => return Vec::new(),
    };
    let mount_abs = mount
        .zip(mount_path)
        .map(|(e, m)| absolute(m, &base.key("mountPath"), e.value.span, notes));
    if mount_abs.is_none() && !items.is_empty() {
        let span = mount.map_or(key_span, |e| e.key.span);
        notes.push(UpgradeNote::new(
            base.key("mountPath"),
            span,
            "there is no `mountPath`: the git-lfs integrations get no `path` (set one for each)",
        ));
    }
    let mut out = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let at = list.index(i);
        let Some(m) = item.as_mapping() else {
            notes.push(UpgradeNote::new(
                at,
                item.span,
                format!(
                    "this repository is {}, not a mapping: not carried over",
                    item.kind_name()
                ),
            ));
            continue;
        };
        let url = m.get("url").and_then(Node::scalar_text).unwrap_or("");
        let name = m.get("name").and_then(Node::scalar_text).unwrap_or("");
        let label = if name.is_empty() {
            format!("repository {}", i + 1)
        } else {
            format!("repository `{name}`")
        };
        if m.get_entry("username").is_some() || m.get_entry("password").is_some() {
            notes.push(UpgradeNote::new(
                at,
                item.span,
                format!("{label} is private (it has credentials): not carried over, because a v1 git-lfs integration has no username or password; clone it another way (for example in the container's command, with the token from a secret in `env`)"),
            ));
            continue;
        }
        if !public_https(url) {
            let why = if url.is_empty() {
                "has no `url`".to_string()
            } else {
                format!("is not a public https URL (`{url}`)")
            };
            notes.push(UpgradeNote::new(at, item.span, format!("{label} {why}: not carried over (only public https repositories become git-lfs integrations)")));
            continue;
        }
        if name.trim().is_empty() {
            notes.push(UpgradeNote::new(at, item.span, format!("{label} has no `name`: not carried over (it names the integration and the folder it is cloned into)")));
            continue;
        }
        if let Some(e) = m.get_entry("ref") {
            let r = e.value.scalar_text().unwrap_or("");
            notes.push(UpgradeNote::new(
                at.key("ref"),
                Span::new(e.key.span.start, e.span.end),
                format!("{label}: `ref: {r}` cannot be carried over (a git-lfs integration clones the default branch); check that it holds what the container needs"),
            ));
        }
        for e in &m.entries {
            let k = e.key.scalar_text().unwrap_or("");
            if !matches!(k, "url" | "name" | "ref" | "username" | "password") {
                notes.push(UpgradeNote::new(
                    at.key(k),
                    e.key.span,
                    format!("`{k}` is not a field of a repository: not carried over"),
                ));
            }
        }
        let integration_name = unique(name, names);
        let mut fields = vec![
            ("type".to_string(), NewValue::str("git-lfs")),
            ("name".to_string(), NewValue::str(integration_name)),
            ("url".to_string(), NewValue::str(url)),
        ];
        if let Some(mount) = &mount_abs {
            fields.push((
                "path".to_string(),
                NewValue::str(format!("{}/{name}", mount.trim_end_matches('/'))),
            ));
        }
        out.push(Carried {
            value: NewValue::Map(fields),
            span: item.span,
            what: label,
            from: at,
        });
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_and_urls() {
        assert_eq!(name_from_id("mo6sz1arw1oyp3"), "mo6sz1arw1oyp3");
        assert_eq!(name_from_id("My Model_v2"), "my-model-v2");
        assert_eq!(name_from_id("..."), "model");
        let mut taken = vec!["a".to_string()];
        assert_eq!(unique("a", &mut taken), "a-2");
        assert_eq!(unique("a", &mut taken), "a-3");
        assert!(public_https("https://github.com/a/b.git"));
        assert!(public_https("HTTPS://github.com/a/b"));
        assert!(!public_https("https://user:tok@github.com/a/b"));
        assert!(!public_https("http://github.com/a/b"));
        assert!(!public_https("git@github.com:a/b.git"));
        assert!(!public_https("https://"));
    }
}
