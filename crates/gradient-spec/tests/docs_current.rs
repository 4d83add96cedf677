//! The repository's rule reference (`docs/rules.md`) is generated from the rule docs
//! in the code; this fails when the committed copy is not what the code makes, so the
//! published reference cannot drift. Regenerate with `make docs`.

const RULES_MD: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../docs/rules.md");

#[test]
fn committed_rule_reference_is_current() {
    let committed = std::fs::read_to_string(RULES_MD).expect("docs/rules.md is in the repository");
    let generated = gradient_spec::rules::rules_markdown();
    assert!(
        committed == generated,
        "docs/rules.md differs from `gradient-spec rules --format markdown`: run `make docs` and commit"
    );
}

#[test]
fn every_rule_id_has_a_section() {
    let committed = std::fs::read_to_string(RULES_MD).expect("docs/rules.md");
    for id in gradient_spec::RuleId::ALL {
        assert!(
            committed.contains(&format!("\n## {id}\n")),
            "no section for {id}"
        );
    }
    assert!(gradient_spec::RuleId::ALL.len() >= 29);
}
