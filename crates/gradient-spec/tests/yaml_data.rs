//! Loads the test data of `tests/data/`: the YAML Test Suite inputs and the corpus
//! of real specs. Other test files include this one as a module; on its own it checks
//! that the data is where the tests expect it.

use std::path::PathBuf;

/// The repository's `tests/data/` folder.
pub fn data_dir() -> PathBuf {
    PathBuf::from(concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data"))
}

/// One YAML Test Suite case: its id, whether the input is invalid YAML, and its text.
pub struct Case {
    pub id: String,
    pub invalid: bool,
    pub title: String,
    pub text: String,
}

/// Every case of `yaml-test-suite/cases.tsv`, in its order.
pub fn suite_cases() -> Vec<Case> {
    let dir = data_dir().join("yaml-test-suite");
    let tsv = std::fs::read_to_string(dir.join("cases.tsv")).expect("cases.tsv");
    let cases: Vec<Case> = tsv
        .lines()
        .skip(1)
        .filter(|l| !l.trim().is_empty())
        .map(|line| {
            let mut cols = line.split('\t');
            let id = cols.next().unwrap_or_default().to_string();
            let invalid = cols.next() == Some("yes");
            let title = cols.next().unwrap_or_default().to_string();
            let path = dir.join("cases").join(format!("{id}.yaml"));
            let text = std::fs::read_to_string(&path)
                .unwrap_or_else(|e| panic!("{}: {e}", path.display()));
            Case {
                id,
                invalid,
                title,
                text,
            }
        })
        .collect();
    // Every suite that uses the cases runs all 402 (94 invalid): fewer means the data
    // is missing, which must fail rather than pass on nothing.
    assert_eq!(cases.len(), 402, "YAML Test Suite cases found");
    cases
}

/// Every corpus file as (file name, text), sorted by name.
pub fn corpus_files() -> Vec<(String, String)> {
    let dir = data_dir().join("corpus");
    let mut files: Vec<(String, String)> = std::fs::read_dir(&dir)
        .expect("corpus dir")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .map(|p| {
            let name = p
                .file_name()
                .unwrap_or_default()
                .to_string_lossy()
                .into_owned();
            let text =
                std::fs::read_to_string(&p).unwrap_or_else(|e| panic!("{}: {e}", p.display()));
            (name, text)
        })
        .collect();
    files.sort();
    assert!(files.len() >= 15, "only {} corpus specs found", files.len());
    files
}

#[test]
fn test_data_is_present() {
    let cases = suite_cases();
    assert_eq!(cases.len(), 402);
    assert_eq!(cases.iter().filter(|c| c.invalid).count(), 94);
    assert_eq!(corpus_files().len(), 15);
}
