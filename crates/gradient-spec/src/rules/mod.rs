//! The rules of `docs/rules.md`, one file per rule id (`rules/<id>.rs`, snake_case):
//! each holds the rule's registry entry (id, severities, documentation), its check,
//! and its unit tests. [`registry`] gathers the entries; `docs/rules.md`, `gradient-spec
//! rules`, SARIF's rule list and the page's rule help are generated from it.
//!
//! Division of labour (so no problem is reported twice):
//! - `structure` walks the field catalogue ([`crate::spec`]) once: it alone reports
//!   `wrong-type`, `missing-field`, `unknown-key` and `misplaced-field` for every
//!   field, at every depth (those four ids' files are `structure/<id>.rs`).
//! - `yaml-syntax`, `multiple-documents`, `duplicate-key` and `limit` are reported by
//!   the parsers; their files hold their entries.
//! - every other rule checks the *meaning* of values of the right kind, and silently
//!   skips values of the wrong kind (already `wrong-type`). Walkers shared by several
//!   rules: `repositories` (the legacy block), `secrets` (every secret-bearing field).

mod api_version;
mod autoscaling;
mod command;
mod container_registry;
mod context;
mod credential;
mod dataset_required;
mod duplicate_key;
mod enabled;
mod env;
mod id;
mod image;
mod image_ref;
mod integrations;
mod limit;
mod machine_type;
mod mixed_shape;
mod models;
mod mount_path;
mod multiple_documents;
mod placeholder;
mod plaintext_secret;
mod port_range;
mod probe;
mod quote;
mod reference;
pub mod registry;
mod replicas;
mod repo_credentials;
mod repo_name;
mod repo_url;
mod repositories;
mod secret_ref;
mod secret_syntax;
mod secrets;
mod spec_body;
mod structure;
mod yaml_syntax;

pub use context::{declared_shape, detect_shape, schema_url_version, shape_votes, Context, Shape};
pub use id::{RuleId, UnknownRule};
pub use reference::{rules_markdown, rules_text};
pub use registry::{find, rule, Rule, RULES};

use crate::diag::Diagnostic;
use crate::yaml::Document;

/// Runs every schema rule over the parsed document.
/// Why `name` would not make a good `secret:NAME` reference, as the `secret-syntax`
/// rule judges it (an error or a warning there), or `None` when it is fine: for
/// helpers that write a reference, so they never write one the rules then flag.
pub fn secret_name_problem(name: &str) -> Option<&'static str> {
    use secret_ref::NameIssue;
    secret_ref::name_issues(name)
        .first()
        .map(|issue| match issue {
            NameIssue::Empty => "The name is empty.",
            NameIssue::Padded(_) => "The name has blanks around it.",
            NameIssue::BadChars => "Use only letters, digits and `_`.",
            NameIssue::Hyphen => "The current CLI cannot create a name with `-`: use `_`.",
            NameIssue::LeadingNonLetter => "The name must start with a letter.",
            NameIssue::TooLong => "The name is longer than 128 characters.",
        })
}

pub fn validate(doc: &Document) -> Vec<Diagnostic> {
    // An empty document (nothing but comments, or no text) is an empty spec: its
    // required fields are missing. A document that hit an input limit is not checked.
    let empty;
    let root = match &doc.root {
        Some(root) => root,
        None if doc
            .syntax_diagnostics
            .iter()
            .any(|d| d.rule == RuleId::Limit) =>
        {
            return Vec::new()
        }
        None => {
            empty = crate::yaml::Node::empty_mapping(0);
            &empty
        }
    };
    let cx = Context::new(doc, root);
    let mut out = Vec::new();
    let checks: &[fn(&Context, &mut Vec<Diagnostic>)] = &[
        structure::check,
        api_version::check,
        mixed_shape::check,
        image::check,
        enabled::check,
        command::check,
        container_registry::check,
        port_range::check,
        replicas::check,
        autoscaling::check,
        probe::check,
        machine_type::check,
        repositories::check,
        secrets::check,
        env::check,
        models::check,
        integrations::check,
        yaml_syntax::check,
    ];
    for check in checks {
        check(&cx, &mut out);
    }
    out
}

#[cfg(test)]
mod secret_name_tests {
    #[test]
    fn secret_names_are_judged_as_the_rule_does() {
        assert_eq!(super::secret_name_problem("HF_TOKEN"), None);
        for bad in ["", " x", "my token", "gh-token", "1token", &"a".repeat(129)] {
            assert!(super::secret_name_problem(bad).is_some(), "{bad:?}");
        }
    }
}
