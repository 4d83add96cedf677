//! Form actions turned into text edits by the core's edit layer, so a form change
//! touches only the bytes of the value it changes (comments, order, quoting and
//! layout elsewhere stay byte-identical).

use gradient_spec::edit::{self, EditError, Edited, NewValue};
use gradient_spec::spec::{self, Shape};
use gradient_spec::yaml::Document;
#[cfg(test)]
use gradient_spec::TextEdit;
use gradient_spec::{Format, SpecPath};

/// Something a person did in the form. `path` is the field's [`SpecPath`] as the
/// form model built it, handed to the core's edit layer as it is (never as text).
#[derive(Debug, Clone, PartialEq)]
pub enum FormAction {
    /// Typed or chose `text` in the field at `path` (empty: remove the key).
    SetText {
        path: SpecPath,
        text: String,
    },
    SetBool {
        path: SpecPath,
        value: bool,
    },
    /// "Add …" on the list at `path`.
    AddItem {
        path: SpecPath,
    },
    /// "Add …" on an absent section (a mapping) at `path`.
    AddSection {
        path: SpecPath,
    },
    Remove {
        path: SpecPath,
    },
    Move {
        path: SpecPath,
        from: usize,
        to: usize,
    },
}

/// Why a form action could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FormError(pub String);

impl From<EditError> for FormError {
    fn from(e: EditError) -> Self {
        FormError(e.to_string())
    }
}

/// [`edit_for`] on a text: parses it first (the tests' way in; the app passes the
/// parse its check already made).
#[cfg(test)]
pub fn edits_for(
    text: &str,
    shape: Shape,
    action: &FormAction,
    format: Format,
) -> Result<Vec<TextEdit>, FormError> {
    let doc = gradient_spec::parse_as(text, format);
    edit_for(&doc, shape, action, format).map(|e| e.edits)
}

/// The verified edit that makes `action` on `doc` (the parse of a spec of `shape`),
/// with the parse of its result for the check of the new text: the change costs one
/// parse. No edits when nothing changes.
pub fn edit_for(
    doc: &Document,
    shape: Shape,
    action: &FormAction,
    format: Format,
) -> Result<Edited, FormError> {
    let edit = edit::editing(doc, format);
    let unchanged = || Edited {
        edits: Vec::new(),
        after: None,
    };
    let current = |path: &SpecPath| edit::node_at(doc.root.as_ref(), path);
    Ok(match action {
        FormAction::SetText { path, text: value } => {
            let node = current(path);
            if value.trim().is_empty() && !path.is_item() {
                return match node {
                    Some(_) => Ok(edit.remove(path)?),
                    None => Ok(unchanged()),
                };
            }
            if node.and_then(|n| n.scalar_text()) == Some(value.as_str()) {
                return Ok(unchanged());
            }
            edit.set_scalar(path, &NewValue::typed(spec::value_kind(shape, path), value))?
        }
        FormAction::SetBool { path, value } => edit.set_scalar(path, &NewValue::Bool(*value))?,
        FormAction::AddItem { path } => {
            let field = spec::field(shape, path)
                .ok_or_else(|| FormError(format!("`{path}` is not a list of this spec")))?;
            edit.append_item(path, &NewValue::empty_item(shape, field, path))?
        }
        FormAction::AddSection { path } => {
            let field = spec::field(shape, path)
                .ok_or_else(|| FormError(format!("`{path}` is not a section of this spec")))?;
            let (parent, key) = path
                .split_key()
                .ok_or_else(|| FormError(format!("`{path}` is not a key")))?;
            let value = NewValue::empty_field(shape, field, &spec::pattern(path), None);
            edit.insert_key(&parent, key, &value)?
        }
        FormAction::Remove { path } => edit.remove(path)?,
        FormAction::Move { path, from, to } => edit.move_item(path, *from, *to)?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use gradient_spec::diag::apply_edits;
    use gradient_spec::RuleId;

    fn p(s: &str) -> SpecPath {
        SpecPath::parse(s).unwrap()
    }

    fn run(text: &str, shape: Shape, action: FormAction) -> String {
        let edits = edits_for(text, shape, &action, Format::Yaml)
            .unwrap_or_else(|e| panic!("{action:?}: {e:?}"));
        apply_edits(text, &edits).unwrap()
    }

    const SPEC: &str = "image: ubuntu # the image\nresources:\n  replicas: 1\n  instanceType: C4 # instance type\nenv:\n  - name: A # first\n    value: x\n";

    #[test]
    fn setting_a_field_changes_only_its_value() {
        let out = run(
            SPEC,
            Shape::Legacy,
            FormAction::SetText {
                path: p("resources.instanceType"),
                text: "A100".into(),
            },
        );
        assert_eq!(
            out,
            SPEC.replace("instanceType: C4 #", "instanceType: A100 #")
        );
        let out = run(
            SPEC,
            Shape::Legacy,
            FormAction::SetText {
                path: p("resources.replicas"),
                text: "3".into(),
            },
        );
        assert_eq!(out, SPEC.replace("replicas: 1", "replicas: 3"));
    }

    #[test]
    fn a_string_field_keeps_numbers_as_strings() {
        let out = run(
            SPEC,
            Shape::Legacy,
            FormAction::SetText {
                path: p("env[0].value"),
                text: "8000".into(),
            },
        );
        assert!(
            out.contains("value: \"8000\"") || out.contains("value: '8000'"),
            "{out}"
        );
    }

    #[test]
    fn clearing_an_optional_field_removes_its_key_and_setting_an_absent_one_adds_it() {
        let out = run(
            SPEC,
            Shape::Legacy,
            FormAction::SetText {
                path: p("resources.replicas"),
                text: "".into(),
            },
        );
        assert_eq!(out, SPEC.replace("  replicas: 1\n", ""));
        let out = run(
            SPEC,
            Shape::Legacy,
            FormAction::SetText {
                path: p("port"),
                text: "8080".into(),
            },
        );
        assert!(out.starts_with(SPEC) || out.contains("port: 8080"), "{out}");
        assert!(gradient_spec::check(&out)
            .diagnostics
            .iter()
            .all(|d| d.rule != RuleId::YamlSyntax));
    }

    #[test]
    fn adding_and_removing_list_items() {
        let out = run(SPEC, Shape::Legacy, FormAction::AddItem { path: p("env") });
        let report = gradient_spec::yaml::parse(&out);
        let env = report
            .root
            .as_ref()
            .unwrap()
            .as_mapping()
            .unwrap()
            .get("env")
            .unwrap()
            .as_sequence()
            .unwrap();
        assert_eq!(env.items.len(), 2);
        assert!(
            out.starts_with(SPEC),
            "appended after the last item:\n{out}"
        );
        let back = run(
            &out,
            Shape::Legacy,
            FormAction::Remove { path: p("env[1]") },
        );
        assert_eq!(back, SPEC);
    }

    #[test]
    fn adding_a_section_fills_its_required_fields() {
        let text = "image: x\nport: 80\nresources:\n  instanceType: C4\n";
        let out = run(
            text,
            Shape::Legacy,
            FormAction::AddSection {
                path: p("repositories"),
            },
        );
        let report = gradient_spec::check(&out);
        assert!(out.starts_with(text));
        assert!(
            out.contains("dataset: null") && out.contains("repositories:\n"),
            "{out}"
        );
        // Examples are never written as values: every required field is empty, and
        // so reported missing (the person sees what is left to fill in).
        assert!(
            !out.contains("<dataset-id>") && !out.contains("owner/repo"),
            "{out}"
        );
        let missing: Vec<&str> = report
            .diagnostics
            .iter()
            .filter(|d| matches!(d.rule, RuleId::MissingField | RuleId::DatasetRequired))
            .map(|d| d.path.as_str())
            .collect();
        for path in [
            "repositories.dataset",
            "repositories.repositories[0].url",
            "repositories.repositories[0].name",
        ] {
            assert!(
                missing.contains(&path),
                "{path} not reported missing: {missing:?}\n{out}"
            );
        }
        assert!(
            report
                .diagnostics
                .iter()
                .all(|d| d.rule != RuleId::YamlSyntax),
            "{:?}",
            report.diagnostics
        );
    }

    #[test]
    fn a_new_key_goes_where_the_reference_documents_it() {
        // "Add repositories", then the mount path: between `dataset` and the list,
        // where the reference lists it (not after the list).
        let text = "image: x\nport: 80\nresources:\n  instanceType: C4\n";
        let added = run(
            text,
            Shape::Legacy,
            FormAction::AddSection {
                path: p("repositories"),
            },
        );
        let out = run(
            &added,
            Shape::Legacy,
            FormAction::SetText {
                path: p("repositories.mountPath"),
                text: "/opt/repos".into(),
            },
        );
        assert!(
            out.contains(
                "repositories:\n  dataset: null\n  mountPath: /opt/repos\n  repositories:\n"
            ),
            "{out}"
        );
        // A top-level field typed into the form: `containerRegistry` after `port`,
        // before `resources`.
        let out = run(
            text,
            Shape::Legacy,
            FormAction::SetText {
                path: p("containerRegistry"),
                text: "my-registry".into(),
            },
        );
        assert_eq!(
            out,
            "image: x\nport: 80\ncontainerRegistry: my-registry\nresources:\n  instanceType: C4\n"
        );
    }

    #[test]
    fn new_items_and_sections_start_empty_except_for_a_single_choice() {
        let text = "apiVersion: v1\nimage: x\nresources:\n  machineType: C4\n  ports: [80]\n";
        let out = run(
            text,
            Shape::V1,
            FormAction::AddSection {
                path: p("resources.autoscaling"),
            },
        );
        assert!(out.contains("maxReplicas: null"), "{out}");
        assert!(
            out.contains("metric: null") && out.contains("value: null"),
            "{out}"
        );
        assert!(
            out.contains("summary: average"),
            "the only allowed value: {out}"
        );
        let out = run(text, Shape::V1, FormAction::AddItem { path: p("env") });
        assert!(out.contains("- name: null\n    value: null\n"), "{out}");
    }

    #[test]
    fn toggling_a_boolean_and_moving_items() {
        let text = "enabled: false\nenv:\n  - name: A\n    value: a\n  - name: B\n    value: b\n";
        let out = run(
            text,
            Shape::Legacy,
            FormAction::SetBool {
                path: p("enabled"),
                value: true,
            },
        );
        assert!(out.starts_with("enabled: true\n"));
        let out = run(
            text,
            Shape::Legacy,
            FormAction::Move {
                path: p("env"),
                from: 1,
                to: 0,
            },
        );
        assert_eq!(
            out,
            "enabled: false\nenv:\n  - name: B\n    value: b\n  - name: A\n    value: a\n"
        );
    }
}
