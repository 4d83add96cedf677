//! The walker of the legacy `repositories` block: `dataset-required`, the
//! `mountPath` (`mount-path`), and per repository `repo-name`, `repo-url` and
//! `repo-credentials`. Passwords are `secrets.rs`'s.

use super::spec_body::{bodies, mapping_items};
use super::{dataset_required, mount_path, repo_credentials, repo_name, repo_url, Context};
use crate::diag::Diagnostic;
use crate::yaml::Node;

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
        repo_name::check(&items, out);
        for (repo, p) in &items {
            if let Some(url) = repo.get("url") {
                repo_url::check(url, &p.key("url"), out);
            }
            repo_credentials::check(repo, p, out);
        }
    }
}
