//! `repo-name`: each repository's `name` is one new directory under the mount path.
//! Called by the walker of the legacy `repositories` block (`repositories.rs`).

use super::registry::Rule;
use super::spec_body::str_entry;
use super::RuleId;
use crate::diag::{Diagnostic, Severity};
use crate::path::SpecPath;
use crate::yaml::Mapping;
use std::collections::HashMap;

/// `repo-name` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::RepoName,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Repository name",
    what: "A repository `name` is empty, contains `/`, is `.` or `..`, or repeats another's.",
    why: "Each repository is cloned into `<mountPath>/<name>`, which must be one new directory.",
    fix: "Use a unique single directory name.",
};

/// `repo-name`: one path segment (each repository lands at `<mountPath>/<name>`),
/// unique in the list. An absent or null `name` is `missing-field`; an empty string
/// is reported here.
pub(super) fn check(items: &[(&Mapping, SpecPath)], out: &mut Vec<Diagnostic>) {
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
