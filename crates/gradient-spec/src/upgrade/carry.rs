//! What of a legacy spec's `models` and `repositories` becomes v1 `integrations`, and
//! what cannot be carried over (said as notes, never dropped silently).

mod models;
mod repositories;

use super::UpgradeNote;
use crate::diag::Span;
use crate::edit::NewValue;
use crate::path::SpecPath;
use crate::spec::MAX_INTEGRATIONS;
use crate::yaml::Mapping;

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
) -> Vec<Carried> {
    let mut names: Vec<String> = existing.names.clone();
    let mut out = Vec::new();
    if let Some(models) = root.get("models") {
        out.extend(models::to_integrations(models, &mut names, notes));
    }
    if let Some(entry) = root.get_entry("repositories") {
        out.extend(repositories::to_integrations(
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
            kept.push(c);
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

/// `base`, or `base-2`, `base-3`, … when taken; recorded as taken.
pub(crate) fn unique(base: &str, names: &mut Vec<String>) -> String {
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
pub(crate) fn absolute(
    path: &str,
    at: &SpecPath,
    span: Span,
    notes: &mut Vec<UpgradeNote>,
) -> String {
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

#[cfg(test)]
mod tests {
    use super::models::name_from_id;
    use super::repositories::public_https;
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
