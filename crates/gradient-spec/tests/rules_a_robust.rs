//! Random damage to corpus files never makes the rules-a rules panic, and every fix
//! they offer on the damaged text still applies cleanly (no overlapping edits, no
//! new `yaml-syntax` problem).

mod rules_a_support;
use gradient_spec::check;
use gradient_spec::diag::apply_edits;
use proptest::prelude::*;
use rules_a_support::{corpus, corpus_names, mine};

fn syntax_count(text: &str) -> usize {
    check(text)
        .diagnostics
        .iter()
        .filter(|d| d.rule == "yaml-syntax")
        .count()
}

/// Cuts `len` bytes at `at` (both taken modulo the text, on character boundaries)
/// and inserts `insert` there.
fn damage(text: &str, at: usize, len: usize, insert: &str) -> String {
    let mut start = at % (text.len() + 1);
    while !text.is_char_boundary(start) {
        start -= 1;
    }
    let mut end = (start + len).min(text.len());
    while !text.is_char_boundary(end) {
        end += 1;
    }
    format!("{}{insert}{}", &text[..start], &text[end..])
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 48, ..ProptestConfig::default() })]

    #[test]
    fn damaged_corpus_files(
        file in 0usize..15,
        at in 0usize..4000,
        len in 0usize..40,
        insert in prop::sample::select(vec!["", " ", "\n", ":", "- ", "  ", "{", "[", "\"", "x: 1\n", "\t", "~"]),
    ) {
        let names = corpus_names();
        let text = damage(&corpus(&names[file % names.len()]), at, len, insert);
        let before = syntax_count(&text);
        for d in mine(&text) {
            let Some(fix) = &d.fix else { continue };
            let after = apply_edits(&text, &fix.edits);
            prop_assert!(after.is_some(), "overlapping edits in the fix of {}", d.rule);
            let after = after.unwrap_or_default();
            prop_assert!(syntax_count(&after) <= before, "fix of {} breaks the YAML:\n{}", d.rule, after);
        }
    }
}
