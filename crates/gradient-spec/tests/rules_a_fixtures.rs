//! Data-driven: each file of `tests/fixtures/rules-a/` lists, in `# expect: RULE
//! SEVERITY LINE:COLUMN` comment lines, every diagnostic the rules-a rules give it
//! (none when it lists none).

mod rules_a_support;
use rules_a_support::{mine, pos};

const DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rules-a/");

#[test]
fn fixtures_give_exactly_their_expected_diagnostics() {
    let mut files: Vec<_> = std::fs::read_dir(DIR)
        .expect("fixture dir")
        .filter_map(|e| Some(e.ok()?.path()))
        .collect();
    files.sort();
    assert!(files.len() >= 4);
    for file in files {
        let text = std::fs::read_to_string(&file).expect("fixture");
        let mut expected: Vec<String> = text
            .lines()
            .filter_map(|l| l.strip_prefix("# expect: "))
            .map(|l| l.trim().to_string())
            .collect();
        let mut got: Vec<String> = mine(&text)
            .iter()
            .map(|d| {
                format!(
                    "{} {} {}",
                    d.rule,
                    d.severity.as_str(),
                    pos(&text, d.span.start)
                )
            })
            .collect();
        expected.sort();
        got.sort();
        assert_eq!(got, expected, "{}", file.display());
    }
}
