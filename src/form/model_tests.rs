//! Tests of the form model.
use super::*;
use gradient_spec::RuleId;

pub(crate) fn form_of(text: &str) -> FormModel {
    let report = gradient_spec::check(text);
    let shape = report
        .doc
        .root
        .as_ref()
        .and_then(Node::as_mapping)
        .map_or(Shape::Legacy, gradient_spec::rules::detect_shape);
    build(shape, report.doc.root.as_ref(), &report.diagnostics, None)
}

/// The path written `s` (the tests' way of naming a field).
fn p(s: &str) -> SpecPath {
    SpecPath::parse(s).unwrap()
}

fn find<'a>(m: &'a FormModel, path: &str) -> &'a FormField {
    m.find(&p(path))
        .unwrap_or_else(|| panic!("no field {path} in {:?}", m.paths()))
}

const LEGACY: &str = "image: ubuntu:20.04\nport: 8501\nresources:\n  replicas: 1\n  instanceType: C4 # cpu\nrepositories:\n  dataset: ds1\n  mountPath: opt/repos\n  repositories:\n    - url: https://github.com/a/b.git\n      name: b\n      password: hunter2\nenv:\n  - name: A\n    value: \"1\"\n";

#[test]
fn shows_every_legacy_field_with_its_value_and_path() {
    let m = form_of(LEGACY);
    assert_eq!(m.shape, Shape::Legacy);
    assert!(
        matches!(&find(&m, "image").control, Control::Text { value: Some(v), .. } if v == "ubuntu:20.04")
    );
    assert!(
        matches!(&find(&m, "port").control, Control::Number { value: Some(v), integer: true, .. } if v == "8501")
    );
    assert!(
        matches!(&find(&m, "resources.instanceType").control, Control::Suggest { value: Some(v), .. } if v == "C4")
    );
    assert!(matches!(
        &find(&m, "repositories.repositories[0].password").control,
        Control::Text { secret: true, .. }
    ));
    assert!(
        matches!(&find(&m, "env[0].value").control, Control::Text { value: Some(v), .. } if v == "1")
    );
    // Absent optional fields are still offered.
    assert!(matches!(
        &find(&m, "command").control,
        Control::Items { present: false, .. }
    ));
    assert!(
        m.paths()
            .iter()
            .all(|path| !path.starts_with(&p("integrations"))),
        "no v1 field in a legacy form"
    );
}

#[test]
fn problems_land_on_their_fields() {
    let m = form_of(LEGACY);
    let mount = find(&m, "repositories.mountPath");
    assert!(
        mount
            .problems
            .iter()
            .any(|p| p.rule == RuleId::MountPath && p.severity == Severity::Error),
        "{mount:?}"
    );
    let pw = find(&m, "repositories.repositories[0].password");
    assert!(pw
        .problems
        .iter()
        .any(|p| p.rule == RuleId::PlaintextSecret));
    assert!(!pw.problems.iter().any(|p| p.message.contains("hunter2")));
    assert_eq!(
        find(&m, "resources.instanceType")
            .span
            .map(|s| s.slice(LEGACY)),
        Some("C4")
    );
}

#[test]
fn v1_integrations_show_fields_by_type() {
    let text = "apiVersion: v1\nname: x\nimage: y\nresources:\n  machineType: C4\n  ports: [8000]\nintegrations:\n  - type: s3\n    name: b\n    url: s3://b/\n    secretAccessKey: secret:k\n";
    let m = form_of(text);
    assert_eq!(m.shape, Shape::V1);
    assert!(
        matches!(&find(&m, "resources.ports").control, Control::Items { items, .. } if items.len() == 1)
    );
    assert!(
        matches!(&find(&m, "resources.ports[0]").control, Control::Number { value: Some(v), .. } if v == "8000")
    );
    assert!(
        matches!(&find(&m, "integrations[0].type").control, Control::Select { value: Some(v), .. } if v == "s3")
    );
    find(&m, "integrations[0].secretAccessKey");
    find(&m, "integrations[0].region");
}

#[test]
fn a_value_of_the_wrong_kind_is_not_editable_here() {
    let m = form_of("apiVersion: v1\nresources:\n  ports: 8000\n");
    assert!(matches!(
        find(&m, "resources.ports").control,
        Control::Mismatch { .. }
    ));
    let m = form_of("models:\n  id: x\n");
    assert!(matches!(
        find(&m, "models").control,
        Control::Mismatch { found: "a mapping" }
    ));
}

#[test]
fn a_broken_section_keeps_its_last_good_values_and_is_stale() {
    let good = form_of(LEGACY);
    let broken_text = LEGACY.replace("instanceType: C4 # cpu", "instanceType: [C4");
    let report = gradient_spec::check(&broken_text);
    let m = build(
        Shape::Legacy,
        report.doc.root.as_ref(),
        &report.diagnostics,
        Some(&good),
    );
    let it = find(&m, "resources.instanceType");
    assert!(it.stale);
    assert!(matches!(&it.control, Control::Suggest { value: Some(v), .. } if v == "C4"));
    assert!(!find(&m, "image").stale, "sections that parse stay live");
}

#[test]
fn long_lists_show_their_first_items_and_say_how_many() {
    let mut text = String::from("image: x\nenv:\n");
    for i in 0..250 {
        text.push_str(&format!("  - name: V{i}\n    value: v\n"));
    }
    let m = form_of(&text);
    let Control::Items { items, total, .. } = &find(&m, "env").control else {
        panic!()
    };
    assert_eq!((items.len(), *total), (DEFAULT_MAX_ITEMS, 250));
    assert!(m.find(&p("env[99].name")).is_some() && m.find(&p("env[100].name")).is_none());
    let report = gradient_spec::check(&text);
    let all = build_with(
        Shape::Legacy,
        report.doc.root.as_ref(),
        &report.diagnostics,
        None,
        usize::MAX,
    );
    assert!(all.find(&p("env[249].value")).is_some());
}

#[test]
fn find_descends_by_path() {
    let m = form_of(LEGACY);
    for path in m.paths() {
        assert_eq!(m.find(path).map(|f| &f.path), Some(path));
    }
    assert!(m.find(&p("env[5].name")).is_none());
    assert!(m.find(&p("resources.instanceTypeX")).is_none());
    // A key whose text starts like a field's is not under it.
    assert!(m.find(&p("resourcesX.instanceType")).is_none());
    assert!(m.find(&p("env[0].nameX")).is_none());
}

#[test]
fn the_layout_ignores_values_but_not_structure() {
    let a = form_of(LEGACY);
    assert!(a.same_layout(&form_of(&LEGACY.replace("C4", "A100"))));
    assert!(!a.same_layout(&form_of(&format!("{LEGACY}  - name: B\n    value: b\n"))));
    let v1 = LEGACY.replace("instanceType: C4", "machineType: C4");
    assert!(!a.same_layout(&form_of(&format!("apiVersion: v1\n{v1}"))));
}

#[test]
fn the_caret_finds_the_deepest_field() {
    let m = form_of(LEGACY);
    let at = LEGACY.find("C4").unwrap() + 1;
    assert_eq!(
        m.field_at(at).map(|f| f.path.to_string()).as_deref(),
        Some("resources.instanceType")
    );
}
