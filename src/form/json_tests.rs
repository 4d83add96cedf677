//! Form actions on the real JSON and JSONC specs of `tests/data/corpus/` keep each
//! in its own format (the bug: adding an env variable to a `paperspace.json`
//! wrote YAML into it): JSON still parses with `serde_json`, JSONC keeps its comments,
//! the form reads the result back.

use super::ops::{edit_for, FormAction};
use gradient_spec::diag::apply_edits;
use gradient_spec::parse_counter::parses_in;
use gradient_spec::spec::Shape;
use gradient_spec::{Format, SpecPath};

fn corpus() -> Vec<(String, String, Format)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/corpus");
    let mut out: Vec<(String, String, Format)> = std::fs::read_dir(dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .filter_map(|e| {
            let name = e.file_name().to_string_lossy().into_owned();
            let f = if name.ends_with(".jsonc") {
                Format::Jsonc
            } else if name.ends_with(".json") {
                Format::Json
            } else {
                return None;
            };
            Some((name, std::fs::read_to_string(e.path()).unwrap(), f))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

fn comment_lines(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with("//"))
        .collect()
}

#[test]
fn form_actions_keep_json_and_jsonc_specs_in_their_format() {
    let files = corpus();
    assert!(files.len() >= 6);
    for (name, text, f) in files {
        let report = gradient_spec::check_as(&text, f);
        let shape = report
            .doc
            .root
            .as_ref()
            .and_then(|r| r.as_mapping())
            .map_or(Shape::Legacy, gradient_spec::rules::detect_shape);
        let env_path = SpecPath::root().key("env");
        let actions = [
            FormAction::SetText {
                path: SpecPath::root().key("name"),
                text: "renamed".into(),
            },
            FormAction::SetBool {
                path: SpecPath::root().key("enabled"),
                value: false,
            },
            FormAction::AddItem {
                path: env_path.clone(),
            },
            FormAction::Remove {
                path: SpecPath::root().key("image"),
            },
            FormAction::SetText {
                path: SpecPath::root().key("name"),
                text: String::new(),
            },
        ];
        for action in &actions {
            let doc = gradient_spec::parse_as(&text, f);
            let mut made = None;
            let parses = parses_in(|| made = Some(edit_for(&doc, shape, action, f)));
            let edited = made
                .unwrap()
                .unwrap_or_else(|e| panic!("{name}: {action:?}: {e:?}"));
            assert_eq!(parses, 1, "{name}: {action:?}: one parse, of the result");
            let out = apply_edits(&text, &edited.edits).unwrap();
            let again = gradient_spec::check_parsed(edited.after.expect("the result's parse"));
            assert_eq!(again.doc.text, out);
            assert!(
                again.doc.syntax_diagnostics.is_empty(),
                "{name}: {action:?}: {:?}\n{out}",
                again.doc.syntax_diagnostics
            );
            if f == Format::Json {
                serde_json::from_str::<serde_json::Value>(&out)
                    .unwrap_or_else(|e| panic!("{name}: {action:?}: not JSON ({e}):\n{out}"));
            }
            assert!(
                !out.contains(": [{name:") && !out.contains("- name"),
                "{out}"
            );
            let (before, after) = (comment_lines(&text), comment_lines(&out));
            assert!(
                after.iter().all(|c| before.contains(c)) && before.len() - after.len() <= 1,
                "{name}: {action:?}:\n{out}"
            );
        }
    }
}
