//! The rule registry: every rule's id, severities and documentation, gathered in
//! the order of `docs/rules.md`. Each entry is written in the rule's own file
//! (`rules/<id>.rs`, beside its check and tests); this list only collects them.
//! `docs/rules.md`, `gradient-spec rules`, SARIF's rule list and the page's rule
//! help are all generated from it.

use super::{
    api_version, autoscaling, command, container_registry, dataset_required, duplicate_key,
    enabled, env, image, integrations, limit, machine_type, mixed_shape, models, mount_path,
    multiple_documents, plaintext_secret, port_range, probe, replicas, repo_credentials, repo_name,
    repo_url, secret_syntax, structure, yaml_syntax, RuleId,
};
use crate::diag::Severity;

/// One rule: what it reports and how people read about it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Rule {
    pub id: RuleId,
    /// The severities it can report, most severe first.
    pub severities: &'static [Severity],
    /// The severity of its usual finding (SARIF's default level).
    pub usual: Severity,
    /// A short title.
    pub title: &'static str,
    /// What it catches.
    pub what: &'static str,
    /// Why that matters.
    pub why: &'static str,
    /// How to fix it (and what the offered fix does).
    pub fix: &'static str,
}

/// Every rule, in the order of [`RuleId::ALL`] (the order of `docs/rules.md`).
pub const RULES: &[&Rule] = &[
    &yaml_syntax::RULE,
    &multiple_documents::RULE,
    &duplicate_key::RULE,
    &structure::wrong_type::RULE,
    &structure::missing_field::RULE,
    &structure::unknown_key::RULE,
    &structure::misplaced_field::RULE,
    &api_version::RULE,
    &mixed_shape::RULE,
    &dataset_required::RULE,
    &mount_path::RULE,
    &repo_name::RULE,
    &repo_url::RULE,
    &repo_credentials::RULE,
    &plaintext_secret::RULE,
    &secret_syntax::RULE,
    &port_range::RULE,
    &replicas::RULE,
    &autoscaling::RULE,
    &probe::RULE,
    &env::RULE,
    &machine_type::RULE,
    &models::RULE,
    &integrations::RULE,
    &command::RULE,
    &image::RULE,
    &enabled::RULE,
    &container_registry::RULE,
    &limit::RULE,
];

/// The registry entry of `id`.
pub fn rule(id: RuleId) -> &'static Rule {
    RULES[id.index()]
}

/// The registry entry of the public id `id` (`None` for an id no rule has).
pub fn find(id: &str) -> Option<&'static Rule> {
    id.parse().ok().map(rule)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_is_registered_once_in_docs_order() {
        let ids: Vec<RuleId> = RULES.iter().map(|r| r.id).collect();
        assert_eq!(ids, RuleId::ALL);
        for r in RULES {
            assert!(!r.severities.is_empty(), "{}", r.id);
            assert!(r.severities.contains(&r.usual), "{}", r.id);
            assert!(r.severities.windows(2).all(|w| w[0] < w[1]), "{}", r.id);
            assert!(![r.title, r.what, r.why, r.fix].contains(&""), "{}", r.id);
        }
        assert_eq!(rule(RuleId::Probe).title, "Health check probe");
        assert_eq!(find("probe").map(|r| r.id), Some(RuleId::Probe));
        assert!(find("nope").is_none());
    }
}
