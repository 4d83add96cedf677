//! Public https `repositories` → `git-lfs` integrations at `<mountPath>/<name>`;
//! private ones, refs and the dataset said in notes.

use super::{absolute, unique, Carried};
use crate::diag::Span;
use crate::edit::NewValue;
use crate::path::SpecPath;
use crate::upgrade::items::{self, Item};
use crate::upgrade::UpgradeNote;
use crate::yaml::{Entry, Mapping, Node, Value};

/// Whether `url` is an https URL without credentials in it.
pub(crate) fn public_https(url: &str) -> bool {
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

/// The git-lfs integrations the legacy `repositories` section becomes (`repos`, whose
/// key is at `key_span`), named apart from `names`; notes for what cannot be carried.
pub(crate) fn to_integrations(
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
        dataset_note(&base, e, mount_path, notes);
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
    items::mappings(items::indexed(&list, items), "repository", "", notes)
        .iter()
        .filter_map(|item| integration(item, mount_abs.as_deref(), names, notes))
        .collect()
}

/// The note that the dataset the repositories were cloned into has no v1 place.
fn dataset_note(
    base: &SpecPath,
    e: &Entry,
    mount_path: Option<&str>,
    notes: &mut Vec<UpgradeNote>,
) {
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

/// One legacy repository as a git-lfs integration at `<mount>/<name>`, when it is a
/// public https one with a name; a note saying why not otherwise.
fn integration(
    item: &Item,
    mount: Option<&str>,
    names: &mut Vec<String>,
    notes: &mut Vec<UpgradeNote>,
) -> Option<Carried> {
    let url = item
        .map
        .get("url")
        .and_then(Node::scalar_text)
        .unwrap_or("");
    let label = item.label("repository");
    if item.map.get_entry("username").is_some() || item.map.get_entry("password").is_some() {
        item.note(format!("{label} is private (it has credentials): not carried over, because a v1 git-lfs integration has no username or password; clone it another way (for example in the container's command, with the token from a secret in `env`)"), notes);
        return None;
    }
    if !public_https(url) {
        let why = if url.is_empty() {
            "has no `url`".to_string()
        } else {
            format!("is not a public https URL (`{url}`)")
        };
        item.note(format!("{label} {why}: not carried over (only public https repositories become git-lfs integrations)"), notes);
        return None;
    }
    let Some(name) = item.field("name") else {
        item.note(format!("{label} has no `name`: not carried over (it names the integration and the folder it is cloned into)"), notes);
        return None;
    };
    if let Some(e) = item.map.get_entry("ref") {
        let r = e.value.scalar_text().unwrap_or("");
        notes.push(UpgradeNote::new(
            item.at.key("ref"),
            Span::new(e.key.span.start, e.span.end),
            format!("{label}: `ref: {r}` cannot be carried over (a git-lfs integration clones the default branch); check that it holds what the container needs"),
        ));
    }
    for (k, e) in item.other_entries(&["url", "name", "ref", "username", "password"]) {
        notes.push(UpgradeNote::new(
            item.at.key(k),
            e.key.span,
            format!("`{k}` is not a field of a repository: not carried over"),
        ));
    }
    let mut fields = vec![
        ("type".to_string(), NewValue::str("git-lfs")),
        ("name".to_string(), NewValue::str(unique(name, names))),
        ("url".to_string(), NewValue::str(url)),
    ];
    if let Some(mount) = mount {
        fields.push((
            "path".to_string(),
            NewValue::str(format!("{}/{name}", mount.trim_end_matches('/'))),
        ));
    }
    Some(Carried {
        value: NewValue::Map(fields),
        span: item.node.span,
        what: label,
        from: item.at.clone(),
    })
}
