//! `$schema` at the top level: a known field (not `unknown-key`) the catalogue, the
//! JSON Schema export and completion know; a Paperspace schema URL naming a version is
//! evidence of the shape like `apiVersion`; one contradicting `apiVersion` is an
//! `api-version` warning. And the `api-version` message for a missing `apiVersion`
//! says what the deploy action sends.

mod rules_a_support;
use gradient_spec::rules::{detect_shape, Shape};
use gradient_spec::Applicability::Unsafe;
use gradient_spec::Severity::{Error, Warning};
use gradient_spec::{check, spec};
use rules_a_support::{expect, expect_fix, expect_none};

const V0: &str = "https://api.paperspace.com/schemas/v0alpha0";
const V1: &str = "https://api.paperspace.com/schemas/v1";
const LEGACY_BODY: &str = "image: x\nenabled: true\nport: 8000\nresources:\n  instanceType: C4\n";
const V1_BODY: &str =
    "name: a\nimage: x\nenabled: true\nresources:\n  machineType: C4\n  ports: [8000]\n";

fn shape(text: &str) -> Shape {
    let doc = gradient_spec::yaml::parse(text);
    detect_shape(doc.root.as_ref().unwrap().as_mapping().unwrap())
}

#[test]
fn schema_is_not_an_unknown_key() {
    for text in [
        format!("$schema: {V0}\napiVersion: v0alpha0\n{LEGACY_BODY}"),
        format!("apiVersion: v1\n$schema: \"{V1}\"\n{V1_BODY}"),
        format!("$schema: https://example.com/my-schema.json\napiVersion: v1\n{V1_BODY}"),
    ] {
        expect_none(&text, "unknown-key");
        expect_none(&text, "mixed-shape");
    }
    // Its value must be a string.
    let text = format!("apiVersion: v1\n$schema: [a]\n{V1_BODY}");
    expect(&text, "wrong-type", Error, "2:10");
}

#[test]
fn the_catalogue_knows_schema() {
    let f = spec::field_by_pattern("$schema", None).expect("$schema in the catalogue");
    assert!(matches!(f.kind, spec::Kind::String));
    assert!(!f.is_required(Shape::Legacy) && !f.is_required(Shape::V1));
    assert!(f.help.contains("paperspace.com/schemas"));
    assert!(f.shapes.contains(Shape::Legacy) && f.shapes.contains(Shape::V1));
    let schema = spec::json_schema();
    for shape in ["legacy", "v1"] {
        let prop = &schema["$defs"][shape]["properties"]["$schema"];
        assert_eq!(prop["type"], "string", "{shape}: {prop}");
        assert!(prop["description"].as_str().is_some_and(|d| !d.is_empty()));
    }
    let offered = gradient_spec::complete::complete("image: x\n", "image: x\n".len());
    assert!(
        offered.items.iter().any(|i| i.label == "$schema"),
        "completion offers `$schema`"
    );
}

#[test]
fn a_schema_url_decides_the_shape_without_api_version() {
    // Two legacy fields against one v1 field, but the schema names v1.
    let text = format!("$schema: {V1}\nport: 80\nmodels: []\nresources:\n  ports: [80]\n");
    assert_eq!(shape(&text), Shape::V1);
    let d = expect(&text, "mixed-shape", Error, "2:1");
    assert!(d.message.contains("`$schema` names `v1`"), "{}", d.message);
    // And the other way round.
    let text = format!("$schema: {V0}/\nintegrations: []\nbasicAuthKey: secret:K\n");
    assert_eq!(shape(&text), Shape::Legacy);
    expect(&text, "mixed-shape", Error, "2:1");
    // An explicit apiVersion decides over the schema; `latest` does not.
    assert_eq!(
        shape(&format!("apiVersion: v0alpha0\n$schema: {V1}\n")),
        Shape::Legacy
    );
    assert_eq!(
        shape(&format!("apiVersion: latest\n$schema: {V1}\n")),
        Shape::V1
    );
    // A URL that is not Paperspace's names no version.
    assert_eq!(
        shape("$schema: https://example.com/schemas/v1\nport: 80\n"),
        Shape::Legacy
    );
}

#[test]
fn completion_follows_the_schema_shape() {
    let text = format!("$schema: {V1}\n");
    let c = gradient_spec::complete::complete(&text, text.len());
    assert_eq!(c.context.shape, Some(Shape::V1));
    let labels: Vec<&str> = c.items.iter().map(|i| i.label).collect();
    assert!(
        labels.contains(&"integrations") && !labels.contains(&"port"),
        "{labels:?}"
    );
}

#[test]
fn a_contradicting_schema_is_a_warning_with_a_fix() {
    let text = format!("apiVersion: v1\n$schema: {V0}\n{V1_BODY}");
    let after = format!("apiVersion: v1\n$schema: {V1}\n{V1_BODY}");
    let d = expect_fix(&text, "api-version", Warning, "2:10", &after);
    assert_eq!(d.path, "$schema");
    assert!(d.message.contains("`v0alpha0`") && d.message.contains("`v1`"));
    assert_eq!(d.fix.unwrap().applicability, Unsafe);
    expect_none(&after, "api-version");
    // `latest` means v1: a v0alpha0 schema contradicts it; quoting stays.
    let text = format!("apiVersion: latest\n$schema: '{V0}.json'\n{V1_BODY}");
    let after = format!("apiVersion: latest\n$schema: '{V1}.json'\n{V1_BODY}");
    expect_fix(&text, "api-version", Warning, "2:10", &after);
    expect_none(&after, "api-version");
    // The same shape under another name is no contradiction.
    let text =
        format!("apiVersion: v0alpha1\n$schema: https://api.paperspace.com/schemas/v1\n{V1_BODY}");
    expect_none(&text, "api-version");
    let text = format!("apiVersion: v0alpha0\n$schema: {V0}\n{LEGACY_BODY}");
    expect_none(&text, "api-version");
}

#[test]
fn missing_api_version_names_the_deploy_action() {
    let text = LEGACY_BODY.to_string();
    let d = expect_fix(
        &text,
        "api-version",
        Warning,
        "1:1",
        &format!("apiVersion: v0alpha0\n{LEGACY_BODY}"),
    );
    for phrase in [
        "GitHub deploy action",
        "`latest`",
        "v1 shape",
        "read as v1",
        "`v0alpha0`",
    ] {
        assert!(d.message.contains(phrase), "{phrase}: {}", d.message);
    }
    let d = expect_fix(
        V1_BODY,
        "api-version",
        Warning,
        "1:1",
        &format!("apiVersion: v1\n{V1_BODY}"),
    );
    assert!(d.message.contains("GitHub deploy action"), "{}", d.message);
    assert!(d.message.contains("`v1`"), "{}", d.message);
    // With only a schema to go by, the fix writes the version it names.
    let text = format!("$schema: {V0}\nimage: x\nenabled: true\nresources:\n  ports: [80]\n");
    expect_fix(
        &text,
        "api-version",
        Warning,
        "1:1",
        &format!("apiVersion: v0alpha0\n{text}"),
    );
    assert!(check(&format!("apiVersion: v0alpha0\n{text}"))
        .diagnostics
        .iter()
        .all(|d| d.rule != "api-version"));
}
