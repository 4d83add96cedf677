//! Form actions on every real spec of `tests/data/corpus/`: each changes the text only
//! inside the edited range, keeps every comment line outside it, and re-parses to the
//! value the form set.

use super::model::tests::form_of;
use super::model::Control;
use super::ops::{edit_for, FormAction};
use gradient_spec::diag::apply_edits;
use gradient_spec::parse_counter::parses_in;
use gradient_spec::spec::Shape;
use gradient_spec::{PathSegment, RuleId, SpecPath};

fn corpus() -> Vec<(String, String)> {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/data/corpus");
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("tests/data/corpus")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml"))
        .map(|p| {
            (
                p.file_name().unwrap().to_string_lossy().into_owned(),
                std::fs::read_to_string(&p).unwrap(),
            )
        })
        .collect();
    files.sort();
    assert!(files.len() >= 15, "only {} corpus specs found", files.len());
    files
}

/// Comment lines (trimmed) of `text`.
fn comments(text: &str) -> Vec<&str> {
    text.lines()
        .map(str::trim)
        .filter(|l| l.starts_with('#'))
        .collect()
}

/// Applies `action` and checks the invariants; returns the new text (None if refused).
fn check_action(name: &str, text: &str, shape: Shape, action: &FormAction) -> Option<String> {
    // The change starts from the check's parse and costs one parse: its result's,
    // which the check of the new text reuses.
    let report = gradient_spec::check(text);
    let mut made = None;
    let parses = parses_in(|| {
        made = Some(edit_for(
            &report.doc,
            shape,
            action,
            gradient_spec::Format::Yaml,
        ))
    });
    let edits = match made.unwrap() {
        Ok(e) => {
            assert_eq!(
                parses,
                usize::from(!e.edits.is_empty()),
                "{name}: {action:?}: parses"
            );
            if let Some(after) = e.after {
                assert_eq!(parses_in(|| drop(gradient_spec::check_parsed(after))), 0);
            }
            e.edits
        }
        Err(e) => {
            // A refusal must say why, in words.
            assert!(
                !e.0.is_empty(),
                "{name}: {action:?} refused without a reason"
            );
            return None;
        }
    };
    let out = apply_edits(text, &edits)
        .unwrap_or_else(|| panic!("{name}: {action:?}: overlapping edits"));
    // Only the edited range changes: the common prefix and suffix cover the rest.
    let lo = edits.iter().map(|e| e.span.start).min().unwrap_or(0);
    let hi = edits.iter().map(|e| e.span.end).max().unwrap_or(0);
    assert_eq!(
        &out[..lo],
        &text[..lo],
        "{name}: {action:?} changed text before the edit"
    );
    assert_eq!(
        &out[out.len() - (text.len() - hi)..],
        &text[hi..],
        "{name}: {action:?} changed text after the edit"
    );
    // No new syntax problem.
    let before = gradient_spec::check(text)
        .diagnostics
        .iter()
        .filter(|d| d.rule == RuleId::YamlSyntax)
        .count();
    let after = gradient_spec::check(&out)
        .diagnostics
        .iter()
        .filter(|d| d.rule == RuleId::YamlSyntax)
        .count();
    assert!(
        after <= before,
        "{name}: {action:?} added a syntax problem:\n{out}"
    );
    // Comments survive, except those of a removed item (checked in the core's tests).
    if !matches!(action, FormAction::Remove { .. }) {
        for c in comments(text) {
            assert!(out.contains(c), "{name}: {action:?} lost the comment {c:?}");
        }
    }
    Some(out)
}

#[test]
fn form_actions_on_the_corpus_keep_everything_else() {
    let mut applied = 0;
    for (name, text) in corpus() {
        let form = form_of(&text);
        let shape = form.shape;
        let fields = form.all_fields();
        for f in fields.iter().filter(|f| !f.stale) {
            let action = match &f.control {
                Control::Text { value: Some(v), .. } => FormAction::SetText {
                    path: f.path.clone(),
                    text: format!("{v}-x"),
                },
                Control::Text { value: None, .. } if !in_a_list(&f.path) => FormAction::SetText {
                    path: f.path.clone(),
                    text: "new-value".into(),
                },
                Control::Number { value: Some(_), .. } => FormAction::SetText {
                    path: f.path.clone(),
                    text: "3".into(),
                },
                Control::Checkbox { value, default } => FormAction::SetBool {
                    path: f.path.clone(),
                    value: !value.unwrap_or(*default),
                },
                Control::Select { options, value } => {
                    let next = options
                        .iter()
                        .find(|o| Some(**o) != value.as_deref())
                        .copied()
                        .unwrap_or("x");
                    FormAction::SetText {
                        path: f.path.clone(),
                        text: next.into(),
                    }
                }
                Control::Suggest { .. } => FormAction::SetText {
                    path: f.path.clone(),
                    text: "A100".into(),
                },
                Control::Items { .. } => FormAction::AddItem {
                    path: f.path.clone(),
                },
                Control::Group { present: false, .. } => FormAction::AddSection {
                    path: f.path.clone(),
                },
                _ => continue,
            };
            let Some(out) = check_action(&name, &text, shape, &action) else {
                continue;
            };
            applied += 1;
            // The value the form set is the value the text now holds.
            if let FormAction::SetText { path, text: value } = &action {
                let again = form_of(&out);
                let got = again.find(path).map(|f| match &f.control {
                    Control::Text { value, .. }
                    | Control::Number { value, .. }
                    | Control::Select { value, .. }
                    | Control::Suggest { value, .. } => value.clone(),
                    _ => None,
                });
                assert_eq!(
                    got,
                    Some(Some(value.clone())),
                    "{name}: {path} after setting {value:?}:\n{out}"
                );
            }
        }
        // Removing each list item touches only that item.
        for f in fields.iter() {
            if let Control::Items { items, .. } = &f.control {
                for item in items {
                    if check_action(
                        &name,
                        &text,
                        shape,
                        &FormAction::Remove {
                            path: item.path.clone(),
                        },
                    )
                    .is_some()
                    {
                        applied += 1;
                    }
                }
            }
        }
    }
    assert!(applied > 300, "only {applied} form actions were applied");
}

/// True when `path` goes through a list item (`env[0].name`).
fn in_a_list(path: &SpecPath) -> bool {
    path.0.iter().any(|s| matches!(s, PathSegment::Index(_)))
}
