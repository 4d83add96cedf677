//! The `gradient-spec` binary as CI runs it: exit codes, both output formats, stdin,
//! and inputs it must refuse (a binary file, bytes that are not UTF-8, a missing file).

use std::io::Write;
use std::path::PathBuf;
use std::process::{Command, Output, Stdio};

const BIN: &str = env!("CARGO_BIN_EXE_gradient-spec");

/// A spec the catalogue says has no errors and no warnings.
fn clean_spec() -> PathBuf {
    PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/corpus/e10-v1-fastapi-hf-template.yaml"
    ))
}

const BROKEN: &str = "image: x\ncommand: [python, app.py\nport: 8000\n";

/// A file with `contents` in this test binary's scratch folder.
fn scratch(name: &str, contents: &[u8]) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("cli-tests");
    std::fs::create_dir_all(&dir).expect("scratch dir");
    let path = dir.join(name);
    std::fs::write(&path, contents).expect("scratch file");
    path
}

fn run(args: &[&str], stdin: Option<&[u8]>) -> Output {
    let mut child = Command::new(BIN)
        .args(args)
        .stdin(if stdin.is_some() {
            Stdio::piped()
        } else {
            Stdio::null()
        })
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("runs the binary");
    if let (Some(bytes), Some(mut pipe)) = (stdin, child.stdin.take()) {
        pipe.write_all(bytes).expect("writes stdin");
    }
    child.wait_with_output().expect("waits for the binary")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

#[test]
fn help_and_version() {
    let o = run(&["--help"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).contains("gradient-spec lint"), "{}", stdout(&o));
    let o = run(&["--version"], None);
    assert_eq!(o.status.code(), Some(0));
    assert!(stdout(&o).starts_with("gradient-spec "), "{}", stdout(&o));
}

#[test]
fn wrong_arguments_exit_2_with_a_message() {
    for args in [
        &[][..],
        &["lint"],
        &["frobnicate"],
        &["lint", "--format", "xml", "a.yaml"],
        &["lint", "--nope", "a"],
    ] {
        let o = run(args, None);
        assert_eq!(o.status.code(), Some(2), "{args:?}");
        assert!(
            stderr(&o).starts_with("gradient-spec: "),
            "{args:?}: {}",
            stderr(&o)
        );
    }
}

#[test]
fn clean_spec_exits_0() {
    let path = clean_spec();
    let o = run(&["lint", path.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("checked 1 file: 0 errors"),
        "{}",
        stdout(&o)
    );
}

#[test]
fn text_output_is_compiler_style_with_a_caret() {
    let path = scratch("broken.yaml", BROKEN.as_bytes());
    let name = path.to_str().unwrap();
    let o = run(&["lint", name], None);
    assert_eq!(o.status.code(), Some(1));
    let out = stdout(&o);
    let expected = format!("{name}:2:10: error[yaml-syntax]: `[` is never closed");
    assert!(out.contains(&expected), "{out}");
    assert!(
        out.contains(" 2 | command: [python, app.py\n   |          ^\n"),
        "{out}"
    );
}

#[test]
fn json_output_is_one_array() {
    let path = scratch("broken-json.yaml", BROKEN.as_bytes());
    let clean = clean_spec();
    let o = run(
        &[
            "lint",
            "--format",
            "json",
            path.to_str().unwrap(),
            clean.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout is JSON");
    let items = v.as_array().expect("an array");
    let first = items
        .iter()
        .find(|d| d["rule"] == "yaml-syntax")
        .expect("the syntax error");
    for key in [
        "file",
        "rule",
        "severity",
        "message",
        "path",
        "line",
        "column",
        "endLine",
        "endColumn",
    ] {
        assert!(first.get(key).is_some(), "missing {key}: {first}");
    }
    assert_eq!(
        (first["line"].as_u64(), first["column"].as_u64()),
        (Some(2), Some(10))
    );
    assert_eq!(first["severity"], "error");
    assert!(items
        .iter()
        .all(|d| d["file"] == path.to_str().unwrap() || d["severity"] != "error"));
}

#[test]
fn stdin_is_read_for_dash() {
    let o = run(&["lint", "--format=json", "-"], Some(BROKEN.as_bytes()));
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout is JSON");
    assert_eq!(v[0]["file"], "<stdin>");
    let o = run(&["lint", "-"], Some(b"image: x # fine YAML\n"));
    assert_ne!(o.status.code(), Some(2), "{}", stderr(&o));
}

#[test]
fn binary_and_non_utf8_files_exit_2() {
    let binary = scratch("image.png", b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR");
    let latin1 = scratch("latin1.yaml", b"name: caf\xe9\n");
    for (path, why) in [(&binary, "not UTF-8"), (&latin1, "not UTF-8")] {
        let o = run(&["lint", path.to_str().unwrap()], None);
        assert_eq!(o.status.code(), Some(2));
        assert!(stderr(&o).contains(why), "{}", stderr(&o));
    }
    let nul = scratch("nul.yaml", b"a: 1\0\n");
    let o = run(&["lint", nul.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("binary"), "{}", stderr(&o));
}

#[test]
fn a_missing_file_exits_2_but_the_others_are_still_checked() {
    let path = scratch("broken-missing.yaml", BROKEN.as_bytes());
    let o = run(
        &[
            "lint",
            "--format",
            "json",
            "/no/such/spec.yaml",
            path.to_str().unwrap(),
        ],
        None,
    );
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stderr(&o).contains("/no/such/spec.yaml: cannot read"),
        "{}",
        stderr(&o)
    );
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout is JSON");
    assert!(!v.as_array().unwrap().is_empty());
}

#[test]
fn schema_is_json() {
    let o = run(&["schema"], None);
    assert_eq!(o.status.code(), Some(0));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).expect("stdout is JSON");
    assert!(v.get("$schema").is_some());
}

#[test]
fn fix_leaves_a_file_with_syntax_errors_alone() {
    let text = "image: x\ncommand: [python, app.py\n";
    let path = scratch("nothing-to-fix.yaml", text.as_bytes());
    let o = run(&["fix", path.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1), "{}", stdout(&o));
    assert!(
        stdout(&o).contains("0 fixes applied") && stdout(&o).contains("syntax errors"),
        "{}",
        stdout(&o)
    );
    assert_eq!(std::fs::read_to_string(&path).unwrap(), text);
}

#[test]
fn fix_on_stdin_writes_the_text_to_stdout() {
    let text = "image: x\n";
    let o = run(&["fix", "-"], Some(text.as_bytes()));
    assert_ne!(o.status.code(), Some(2));
    assert!(stdout(&o).contains("image: x"), "{}", stdout(&o));
    assert!(stderr(&o).contains("<stdin>: "), "{}", stderr(&o));
}

#[test]
fn a_10_mb_file_gives_a_limit_problem() {
    let path = scratch("huge.yaml", "a: b\n".repeat(2 * 1024 * 1024).as_bytes());
    let o = run(&["lint", path.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o).contains(":1:1: error[limit]: the document is 10485760 bytes"),
        "{}",
        stdout(&o)
    );
}

/// A fresh empty folder in this test binary's scratch area.
fn scratch_dir(name: &str) -> PathBuf {
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR"))
        .join("cli-tests")
        .join(name);
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(dir.join(".paperspace")).expect("scratch dir");
    dir
}

const JSON_SPEC: &str = "{\n  \"apiVersion\": \"v1\",\n  \"name\": \"a\",\n  \"enabled\": true,\n  \"image\": \"x\",\n  \"resources\": {\"machineType\": \"C4\", \"ports\": [80]}\n}\n";

#[test]
fn with_no_file_lint_finds_the_spec_as_pspace_up_does() {
    let dir = scratch_dir("discover");
    let names = gradient_spec::format::SPEC_FILE_NAMES;
    // Each name added beats every name after it in pspace's order.
    for name in names.iter().rev() {
        let body = if name.ends_with(".toml") {
            "name = \"a\"\n"
        } else {
            JSON_SPEC
        };
        std::fs::write(dir.join(name), body).unwrap();
        let o = run(&["lint", "--cwd", dir.to_str().unwrap()], None);
        let shown = dir.join(name);
        assert!(
            stderr(&o).contains(&format!("checking {}", shown.display())),
            "{name}: {}",
            stderr(&o)
        );
        if name.ends_with(".toml") {
            assert_eq!(o.status.code(), Some(2), "{name}");
            assert!(
                stderr(&o).contains("TOML specs are not checked"),
                "{}",
                stderr(&o)
            );
        } else {
            assert_eq!(o.status.code(), Some(0), "{name}: {}", stdout(&o));
            assert!(
                stdout(&o).contains("checked 1 file: 0 errors"),
                "{}",
                stdout(&o)
            );
        }
    }
    // Without --cwd: the current folder.
    let o = Command::new(BIN)
        .arg("lint")
        .current_dir(&dir)
        .output()
        .unwrap();
    assert!(
        stderr(&o).contains("checking paperspace.yaml (the spec `pspace up` would deploy"),
        "{}",
        stderr(&o)
    );
    // A folder with no spec: exit 2, saying what was looked for.
    let empty = scratch_dir("discover-empty");
    let o = run(&["lint", "--cwd", empty.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(stderr(&o).contains("no spec found"), "{}", stderr(&o));
    assert!(stderr(&o).contains("paperspace.yaml, paperspace.yml, paperspace.json, paperspace.jsonc, paperspace.toml, .paperspace/app.yaml"));
    let o = run(&["lint", "--cwd", "/nonexistent-folder-x"], None);
    assert_eq!(o.status.code(), Some(2));
}

#[test]
fn toml_specs_are_refused_with_a_message() {
    let path = scratch("paperspace.toml", b"name = \"a\"\nimage = \"x\"\n");
    let o = run(&["lint", path.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        stdout(&o).is_empty(),
        "no YAML parse of TOML: {}",
        stdout(&o)
    );
    assert!(
        stderr(&o).contains("paperspace.toml: TOML specs are not checked"),
        "{}",
        stderr(&o)
    );
}

#[test]
fn json_and_jsonc_files_are_linted_in_their_format() {
    let ok = scratch("ok.json", JSON_SPEC.as_bytes());
    let o = run(&["lint", ok.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let commented = JSON_SPEC.replace("\"name\": \"a\",", "\"name\": \"a\", // the name");
    let c = scratch("commented.json", commented.as_bytes());
    let o = run(&["lint", c.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(1));
    assert!(
        stdout(&o)
            .contains("commented.json:3:16: error[yaml-syntax]: comments are not allowed in .json"),
        "{}",
        stdout(&o)
    );
    let jc = scratch("commented.jsonc", commented.as_bytes());
    let o = run(&["lint", jc.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    // stdin: by content.
    let o = run(&["lint", "-"], Some(b"{\"name\": \"a\",}"));
    assert!(
        stdout(&o).contains("a trailing comma is not allowed in JSON"),
        "{}",
        stdout(&o)
    );
    // --cwd makes relative FILEs relative to it.
    let dir = ok.parent().unwrap().to_str().unwrap().to_string();
    let o = run(&["lint", "--cwd", &dir, "ok.json"], None);
    assert_eq!(o.status.code(), Some(0), "{}", stderr(&o));
}

#[test]
fn fix_keeps_a_json_spec_json() {
    let text = JSON_SPEC.replace("\"ports\": [80]", "\"ports\": 80");
    let path = scratch("fix-me.json", text.as_bytes());
    let o = run(&["fix", "--unsafe", path.to_str().unwrap()], None);
    assert_eq!(o.status.code(), Some(0), "{}", stdout(&o));
    let fixed = std::fs::read_to_string(&path).unwrap();
    assert_eq!(fixed, JSON_SPEC);
}
