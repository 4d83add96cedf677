//! The legacy `repositories` block: `dataset-required` (see `dataset.rs`), the
//! `mountPath` (`mount-path`), and per repository `repo-name`, `repo-url` and
//! `repo-credentials`. Passwords are `secrets.rs`'s.

use super::context::value_span;
use super::spec_body::{bodies, is_set, mapping_items, str_entry};
use super::{dataset_required, mount_path, repo_url, Context};
use crate::diag::{Diagnostic, Severity};
use crate::path::SpecPath;
use crate::rules::RuleId;
use crate::yaml::{Mapping, Node};
use std::collections::HashMap;

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for body in bodies(cx) {
        dataset_required::check(cx, &body, out);
        let Some(repos) = body.map.get("repositories").and_then(Node::as_mapping) else {
            continue;
        };
        let path = body.path.key("repositories");
        if let Some(mount) = repos.get("mountPath") {
            mount_path::check(mount, "mountPath", &path.key("mountPath"), out);
        }
        let items = mapping_items(repos, "repositories", &path);
        names(&items, out);
        for (repo, p) in &items {
            if let Some(url) = repo.get("url") {
                repo_url::check(url, &p.key("url"), out);
            }
            credentials(repo, p, out);
        }
    }
}

/// `repo-name`: one path segment (each repository lands at `<mountPath>/<name>`),
/// unique in the list. An absent or null `name` is `missing-field`; an empty string
/// is reported here.
fn names(items: &[(&Mapping, SpecPath)], out: &mut Vec<Diagnostic>) {
    let mut seen: HashMap<&str, &SpecPath> = HashMap::new();
    for (repo, p) in items {
        let Some((entry, name)) = str_entry(repo, "name") else {
            continue;
        };
        let path = p.key("name").to_string();
        let why = if name.trim().is_empty() {
            Some("is empty".to_string())
        } else if name.contains('/') {
            Some("contains `/`: it must be a single directory name".to_string())
        } else if name == "." || name == ".." {
            Some(format!("is `{name}`, which is not a directory of its own"))
        } else {
            seen.get(name).map(|first| {
                format!("`{name}` is already the name of {first}: both would clone into the same directory")
            })
        };
        if let Some(why) = why {
            let msg = format!("repository `name` {why}");
            out.push(Diagnostic::new(
                RuleId::RepoName,
                Severity::Error,
                entry.value.span,
                path,
                msg,
            ));
        }
        if !name.trim().is_empty() {
            seen.entry(name).or_insert(p);
        }
    }
}

/// `repo-credentials`: `username` and `password` go together; GitHub refuses account
/// passwords, so a GitHub URL with a password gets a reminder about tokens.
fn credentials(repo: &Mapping, p: &SpecPath, out: &mut Vec<Diagnostic>) {
    const RULE: RuleId = RuleId::RepoCredentials;
    let (user, pass) = (is_set(repo, "username"), is_set(repo, "password"));
    let at = |key: &str| repo.get_entry(key).map(value_span);
    if user && !pass {
        if let Some(span) = at("username") {
            let msg = "`username` without `password`: a private repository needs both (the password as `secret:NAME`)";
            out.push(Diagnostic::new(
                RULE,
                Severity::Warning,
                span,
                p.key("username").to_string(),
                msg,
            ));
        }
    }
    if pass && !user {
        if let Some(span) = at("password") {
            let msg = "`password` without `username`: git needs both to authenticate";
            out.push(Diagnostic::new(
                RULE,
                Severity::Warning,
                span,
                p.key("password").to_string(),
                msg,
            ));
        }
    }
    let github = repo
        .get("url")
        .and_then(Node::as_str)
        .is_some_and(repo_url::is_github);
    if pass && github {
        if let Some(span) = at("password") {
            let msg = "GitHub no longer accepts account passwords: the secret must hold a personal access token";
            out.push(Diagnostic::new(
                RULE,
                Severity::Info,
                span,
                p.key("password").to_string(),
                msg,
            ));
        }
    }
}
