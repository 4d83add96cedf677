//! Data-driven: each `fixtures/rules-b/NAME.yaml` has `NAME.expected`, the problem
//! list of this rule group (`LINE:COLUMN SEVERITY RULE PATH`, plus the fix's
//! applicability), and `NAME.fixed.yaml` when safe fixes exist: the text after
//! applying all of them at once. Run with `BLESS=1` to rewrite both after review.

mod rules_b_util;

use gradient_spec::diag::apply_edits;
use gradient_spec::{Applicability, TextEdit};
use rules_b_util::{assert_fixes_keep_syntax, ours};
use std::path::{Path, PathBuf};

fn dir() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/rules-b")
}

fn expected_list(text: &str) -> String {
    let mut out = String::new();
    for f in ours(text) {
        let fix = match f.fixed.as_ref().map(|(_, a)| *a) {
            Some(Applicability::Safe) => " [safe fix]",
            Some(Applicability::Unsafe) => " [unsafe fix]",
            Some(Applicability::Display) => " [display fix]",
            None => "",
        };
        out.push_str(&format!("{} {}{fix}\n", f.line(), f.path));
    }
    out
}

/// All safe fixes applied together (none of ours overlap on these fixtures).
fn safe_fixed(text: &str) -> Option<String> {
    let edits: Vec<TextEdit> = ours(text)
        .into_iter()
        .filter_map(|f| f.diag.fix)
        .filter(|fix| fix.applicability == Applicability::Safe)
        .flat_map(|fix| fix.edits)
        .collect();
    if edits.is_empty() {
        return None;
    }
    Some(apply_edits(text, &edits).expect("safe fixes do not overlap"))
}

fn check_or_bless(path: &Path, actual: Option<&str>) {
    let bless = std::env::var_os("BLESS").is_some();
    match actual {
        Some(actual) if bless => std::fs::write(path, actual).unwrap(),
        None if bless => {
            let _ = std::fs::remove_file(path);
        }
        _ => {
            let want = std::fs::read_to_string(path).ok();
            assert_eq!(
                want.as_deref(),
                actual,
                "{} (BLESS=1 rewrites it)",
                path.display()
            );
        }
    }
}

#[test]
fn fixtures() {
    let mut inputs: Vec<PathBuf> = std::fs::read_dir(dir())
        .unwrap()
        .filter_map(|e| Some(e.ok()?.path()))
        .filter(|p| {
            let name = p.to_string_lossy();
            name.ends_with(".yaml") && !name.ends_with(".fixed.yaml")
        })
        .collect();
    inputs.sort();
    assert!(inputs.len() >= 5);
    for input in inputs {
        let text = std::fs::read_to_string(&input).unwrap();
        let stem = input.file_stem().unwrap().to_string_lossy().to_string();
        check_or_bless(
            &dir().join(format!("{stem}.expected")),
            Some(&expected_list(&text)),
        );
        let fixed = safe_fixed(&text);
        check_or_bless(&dir().join(format!("{stem}.fixed.yaml")), fixed.as_deref());
        assert_fixes_keep_syntax(&text);
        if let Some(fixed) = fixed {
            // Safe fixes leave nothing for another safe fix to do.
            assert_eq!(
                safe_fixed(&fixed),
                None,
                "{stem}: safe fixes are not idempotent"
            );
        }
    }
}

#[test]
fn clean_fixtures_are_clean() {
    for name in ["clean-legacy", "clean-v1"] {
        let text = std::fs::read_to_string(dir().join(format!("{name}.yaml"))).unwrap();
        assert_eq!(expected_list(&text), "", "{name}");
    }
}
