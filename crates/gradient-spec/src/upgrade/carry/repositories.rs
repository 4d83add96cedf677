//! Public https `repositories` → `git-lfs` integrations at `<mountPath>/<name>`;
//! private ones, refs and the dataset said in notes.

use super::{absolute, unique, Carried};
use crate::diag::Span;
use crate::edit::NewValue;
use crate::path::SpecPath;
use crate::upgrade::UpgradeNote;
use crate::yaml::{Mapping, Node, Value};

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
