//! The CI-facing commands of the binary: `lint --format github`, `lint --format sarif`
//! (its shape; the schema check is `sarif_schema.rs`) and `upgrade`.

use std::path::PathBuf;
use std::process::{Command, Output};

const BIN: &str = env!("CARGO_BIN_EXE_gradient-spec");

fn corpus(prefix: &str) -> PathBuf {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/corpus"
    ));
    std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok().map(|e| e.path()))
        .find(|p| p.file_name().unwrap().to_string_lossy().starts_with(prefix))
        .expect("corpus file")
}

fn scratch(name: &str, contents: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-ci-tests");
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join(name);
    std::fs::write(&path, contents).unwrap();
    path
}

fn run(args: &[&std::ffi::OsStr]) -> Output {
    Command::new(BIN).args(args).output().expect("runs")
}

fn out(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn err(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn github_format_is_one_workflow_command_per_problem() {
    let spec = scratch(
        "gh, a:b.yaml",
        "image: x\nport: \"8000\"\nresources:\n  instanceType: C4\n  replicas: -1\n",
    );
    let o = run(&[
        "lint".as_ref(),
        "--format".as_ref(),
        "github".as_ref(),
        spec.as_os_str(),
    ]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let text = out(&o);
    let lines: Vec<&str> = text.lines().collect();
    let report = gradient_spec::check(&std::fs::read_to_string(&spec).unwrap());
    assert_eq!(lines.len(), report.diagnostics.len(), "{text}");
    let file = spec
        .to_string_lossy()
        .replace(',', "%2C")
        .replace(':', "%3A");
    let port =
        format!("::warning file={file},line=2,col=7,endLine=2,endColumn=13,title=port-range::");
    assert!(lines.iter().any(|l| l.starts_with(&port)), "{text}");
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::error ") && l.contains("title=replicas::")),
        "{text}"
    );
    assert!(
        lines
            .iter()
            .any(|l| l.starts_with("::notice ") && l.contains("title=enabled::")),
        "{text}"
    );
    assert!(lines.iter().all(|l| l.starts_with("::")), "{text}");
    // A clean spec prints nothing and exits 0.
    let o = run(&[
        "lint".as_ref(),
        "-f".as_ref(),
        "github".as_ref(),
        corpus("e10").as_os_str(),
    ]);
    assert_eq!((o.status.code(), out(&o).as_str()), (Some(0), ""));
}

#[test]
fn sarif_format_lists_rules_and_results() {
    let o = run(&[
        "lint".as_ref(),
        "--format=sarif".as_ref(),
        corpus("e06").as_os_str(),
        "missing.yaml".as_ref(),
    ]);
    assert_eq!(o.status.code(), Some(2), "{}", err(&o));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("one JSON document");
    assert_eq!(v["version"], "2.1.0");
    let run0 = &v["runs"][0];
    let rules = run0["tool"]["driver"]["rules"].as_array().unwrap();
    assert_eq!(rules.len(), gradient_spec::RuleId::ALL.len());
    assert_eq!(run0["tool"]["driver"]["name"], "gradient-spec");
    let results = run0["results"].as_array().unwrap();
    let mount = results
        .iter()
        .find(|r| r["ruleId"] == "mount-path")
        .expect("mount-path");
    assert_eq!(mount["level"], "error");
    assert!(
        mount["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
            .as_str()
            .unwrap()
            .ends_with("e06-legacy-whisper-relative-mountpath.yaml")
    );
    assert_eq!(
        mount["locations"][0]["physicalLocation"]["region"]["startLine"],
        8
    );
    assert_eq!(run0["invocations"][0]["executionSuccessful"], false);
    assert!(
        run0["invocations"][0]["toolExecutionNotifications"][0]["message"]["text"]
            .as_str()
            .unwrap()
            .contains("missing.yaml")
    );
}

#[test]
fn upgrade_prints_the_result_and_the_notes() {
    let o = run(&["upgrade".as_ref(), corpus("e01").as_os_str()]);
    // e01 has no `name`, which v1 requires: an error, explained by a note.
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    let up =
        gradient_spec::upgrade::upgrade_to_v1(&std::fs::read_to_string(corpus("e01")).unwrap());
    assert_eq!(out(&o), up.text);
    let e = err(&o);
    assert!(e.contains(":1:1: note: v1 requires `name`"), "{e}");
    assert!(
        e.contains(":17:7: note: repository `tf-serving` is private"),
        "{e}"
    );
    assert!(e.contains("upgraded to v1; 3 notes"), "{e}");
    assert!(e.contains("the result has 1 error"), "{e}");
    // e09 upgrades cleanly; a v1 spec is printed as it is.
    let o = run(&["upgrade".as_ref(), corpus("e09").as_os_str()]);
    assert_eq!(o.status.code(), Some(0), "{}", err(&o));
    assert!(out(&o).starts_with("apiVersion: v1\n"));
    let v1 = std::fs::read_to_string(corpus("e10")).unwrap();
    let o = run(&["upgrade".as_ref(), corpus("e10").as_os_str()]);
    assert_eq!((o.status.code(), out(&o)), (Some(0), v1));
    assert!(err(&o).contains("already a v1 spec"), "{}", err(&o));
}

#[test]
fn upgrade_write_rewrites_the_file_in_place() {
    let original = std::fs::read_to_string(corpus("e05")).unwrap();
    let path = scratch("upgrade-me.yaml", &original);
    let o = run(&["upgrade".as_ref(), "--write".as_ref(), path.as_os_str()]);
    assert_eq!(o.status.code(), Some(1), "{}", err(&o));
    assert_eq!(out(&o), "");
    let written = std::fs::read_to_string(&path).unwrap();
    assert_eq!(
        written,
        gradient_spec::upgrade::upgrade_to_v1(&original).text
    );
    assert!(err(&o).contains("(written)"), "{}", err(&o));
    // Again: nothing to do, the file is left as it is.
    let o = run(&["upgrade".as_ref(), "-w".as_ref(), path.as_os_str()]);
    assert!(err(&o).contains("already a v1 spec"));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), written);
}

#[test]
fn upgrade_refusals_exit_2_and_leave_the_file() {
    let text = "image: x\nport: [8000\n";
    let path = scratch("broken-upgrade.yaml", text);
    let o = run(&["upgrade".as_ref(), "--write".as_ref(), path.as_os_str()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("not upgraded"), "{}", err(&o));
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
    for args in [
        &["upgrade"][..],
        &["upgrade", "a", "b"],
        &["upgrade", "--write", "-"],
        &["upgrade", "nope.yaml"],
    ] {
        let o = Command::new(BIN).args(args).output().unwrap();
        assert_eq!(o.status.code(), Some(2), "{args:?}");
    }
}

#[test]
fn upgrade_keeps_a_json_spec_json() {
    use gradient_spec::upgrade::upgrade_to_v1_as;
    use gradient_spec::Format;
    // A JSONC corpus spec: upgraded in JSONC, its comments kept.
    let c01 = std::fs::read_to_string(corpus("c01")).unwrap();
    let o = run(&["upgrade".as_ref(), corpus("c01").as_os_str()]);
    assert_eq!(out(&o), upgrade_to_v1_as(&c01, Format::Jsonc).text);
    assert!(
        out(&o).contains("\"apiVersion\": \"v1\",\n  // The name"),
        "{}",
        out(&o)
    );
    // A legacy YAML spec written as `.json`: the result is JSON.
    let e05 = std::fs::read_to_string(corpus("e05")).unwrap();
    let json = gradient_spec::edit::convert(&e05, Format::Yaml, Format::Json).expect("converts");
    let path = scratch("legacy.json", &json);
    let o = run(&["upgrade".as_ref(), "--write".as_ref(), path.as_os_str()]);
    assert!(err(&o).contains("(written)"), "{}", err(&o));
    let written = std::fs::read_to_string(&path).unwrap();
    let v: serde_json::Value = serde_json::from_str(&written).expect("JSON");
    assert_eq!(v["apiVersion"], "v1");
    assert!(v.get("repositories").is_none());
    // From stdin the content decides: JSON in, JSON out.
    let mut child = Command::new(BIN)
        .args(["upgrade", "-"])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    use std::io::Write;
    child
        .stdin
        .take()
        .unwrap()
        .write_all(b"{\"name\": \"n\", \"image\": \"x\", \"port\": 8000}\n")
        .unwrap();
    let o = child.wait_with_output().unwrap();
    let v: serde_json::Value = serde_json::from_str(&out(&o)).expect("JSON");
    assert_eq!(v["resources"]["ports"], serde_json::json!([8000]));
    // TOML is not read.
    let path = scratch("paperspace.toml", "image = \"x\"\n");
    let o = run(&["upgrade".as_ref(), path.as_os_str()]);
    assert_eq!(o.status.code(), Some(2));
    assert!(err(&o).contains("TOML"), "{}", err(&o));
}
