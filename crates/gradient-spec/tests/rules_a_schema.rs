//! The exported JSON Schema: well-formed, of the expected shape, and (checked with a
//! small validator of the keywords it uses) accepting the corpus files that have no
//! errors while rejecting those whose errors it can express.

use gradient_spec::spec::json_schema;
use serde_json::Value;

const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/corpus/");

fn corpus_json(name: &str) -> Value {
    let text = std::fs::read_to_string(format!("{CORPUS}{name}")).expect("corpus file");
    serde_yaml::from_str(&text).expect("corpus file is YAML")
}

/// A validator for the keywords the generated schema uses; it refuses (fails the
/// test) on any keyword it does not know, so the schema cannot outgrow it silently.
struct Validator<'a> {
    root: &'a Value,
}

impl Validator<'_> {
    fn valid(&self, schema: &Value, v: &Value) -> bool {
        let obj = match schema {
            Value::Bool(b) => return *b,
            Value::Object(o) => o,
            other => panic!("not a schema: {other}"),
        };
        for (kw, arg) in obj {
            let ok = match kw.as_str() {
                "$schema" | "$id" | "$defs" | "title" | "description" | "default" | "examples"
                | "deprecated" => true,
                "$ref" => {
                    let name = arg
                        .as_str()
                        .unwrap()
                        .strip_prefix("#/$defs/")
                        .expect("local ref");
                    self.valid(&self.root["$defs"][name], v)
                }
                "type" => match arg.as_str().unwrap() {
                    "object" => v.is_object(),
                    "array" => v.is_array(),
                    "string" => v.is_string(),
                    "boolean" => v.is_boolean(),
                    "number" => v.is_number(),
                    "integer" => v.is_i64() || v.is_u64(),
                    t => panic!("type {t}"),
                },
                "enum" => arg.as_array().unwrap().contains(v),
                "const" => arg == v,
                "pattern" => {
                    let lit = arg
                        .as_str()
                        .unwrap()
                        .strip_prefix('^')
                        .expect("only ^prefix patterns");
                    v.as_str().is_none_or(|s| s.starts_with(lit))
                }
                "minimum" => v.as_f64().is_none_or(|x| x >= arg.as_f64().unwrap()),
                "maximum" => v.as_f64().is_none_or(|x| x <= arg.as_f64().unwrap()),
                "minItems" => v
                    .as_array()
                    .is_none_or(|a| a.len() as u64 >= arg.as_u64().unwrap()),
                "maxItems" => v
                    .as_array()
                    .is_none_or(|a| a.len() as u64 <= arg.as_u64().unwrap()),
                "required" => v.as_object().is_none_or(|o| {
                    arg.as_array()
                        .unwrap()
                        .iter()
                        .all(|k| o.contains_key(k.as_str().unwrap()))
                }),
                "properties" => v.as_object().is_none_or(|o| {
                    arg.as_object()
                        .unwrap()
                        .iter()
                        .all(|(k, s)| o.get(k).is_none_or(|x| self.valid(s, x)))
                }),
                "additionalProperties" => v.as_object().is_none_or(|o| {
                    let known = obj.get("properties").and_then(Value::as_object);
                    o.iter()
                        .filter(|(k, _)| known.is_none_or(|p| !p.contains_key(*k)))
                        .all(|(_, x)| self.valid(arg, x))
                }),
                "items" => v
                    .as_array()
                    .is_none_or(|a| a.iter().all(|x| self.valid(arg, x))),
                "anyOf" => arg.as_array().unwrap().iter().any(|s| self.valid(s, v)),
                "oneOf" => {
                    arg.as_array()
                        .unwrap()
                        .iter()
                        .filter(|s| self.valid(s, v))
                        .count()
                        == 1
                }
                "allOf" => arg.as_array().unwrap().iter().all(|s| self.valid(s, v)),
                other => panic!("keyword {other} not understood by the test validator"),
            };
            if !ok {
                return false;
            }
        }
        true
    }
}

fn validates(name: &str) -> bool {
    let schema = json_schema();
    Validator { root: &schema }.valid(&schema, &corpus_json(name))
}

#[test]
fn schema_is_json_of_the_expected_shape() {
    let schema = json_schema();
    let text = serde_json::to_string_pretty(&schema).unwrap();
    let back: Value = serde_json::from_str(&text).unwrap();
    assert_eq!(back, schema);
    assert_eq!(
        schema["$schema"],
        "https://json-schema.org/draft/2020-12/schema"
    );
    assert_eq!(schema["anyOf"].as_array().map(Vec::len), Some(2));
    let v1 = &schema["$defs"]["v1"]["properties"];
    assert_eq!(v1["integrations"]["maxItems"], 5);
    assert_eq!(
        v1["resources"]["properties"]["ports"]["items"]["maximum"],
        65535
    );
    assert!(v1["image"]["description"]
        .as_str()
        .is_some_and(|d| !d.is_empty()));
    let metric = &v1["resources"]["properties"]["autoscaling"]["properties"]["metrics"]["items"];
    assert_eq!(
        metric["properties"]["metric"]["enum"],
        serde_json::json!(["cpu", "memory", "requestDuration"])
    );
}

#[test]
fn corpus_files_without_errors_validate() {
    for name in [
        "e01-legacy-gitbook-reference.yaml",
        "e02-legacy-gitbook-repositories.yaml",
        "e04-legacy-resnet-fastapi.yaml",
        "e05-legacy-arize-repositories.yaml",
        "e07-latest-bark-autoscaling.yaml",
        "e08-latest-txt2img-ipu-region.yaml",
        "e09-v0alpha0-fastapi-template.yaml",
        "e10-v1-fastapi-hf-template.yaml",
        "e11-v1-stable-diffusion-webui.yaml",
        "e12-legacy-byte-barometer-secrets.yaml",
    ] {
        assert!(validates(name), "{name} should validate");
    }
}

#[test]
fn corpus_files_with_errors_do_not_validate() {
    for name in [
        "e03-v1-digitalocean-reference.yaml",
        "e06-legacy-whisper-relative-mountpath.yaml",
        "n01-legacy-fashion-mnist-models-mapping.yaml",
        "n02-v1-colby-mixed-shape.yaml",
        "n03-invented-kind-spec-wrapper.yaml",
    ] {
        assert!(!validates(name), "{name} should not validate");
    }
}

#[test]
fn schema_rejects_what_the_linter_calls_errors() {
    let schema = json_schema();
    let check = |mutate: &dyn Fn(&mut Value)| {
        let mut doc = corpus_json("e10-v1-fastapi-hf-template.yaml");
        mutate(&mut doc);
        Validator { root: &schema }.valid(&schema, &doc)
    };
    assert!(check(&|_| {}));
    assert!(
        check(&|d| d["someUnknownKey"] = Value::from(1)),
        "unknown keys are only warnings"
    );
    assert!(
        !check(&|d| d["port"] = Value::from(80)),
        "a legacy field in a v1 spec"
    );
    assert!(
        !check(&|d| d["replicas"] = Value::from(1)),
        "a misplaced field"
    );
    assert!(
        !check(&|d| d["resources"]["ports"] = Value::from(8000)),
        "ports not a list"
    );
    assert!(
        !check(&|d| d["resources"]["autoscaling"]["metrics"][1]["value"] = Value::from(150)),
        "cpu over 100"
    );
    assert!(
        !check(&|d| d["integrations"][0]["type"] = Value::from("ftp")),
        "unknown integration type"
    );
    assert!(
        !check(&|d| d["healthChecks"]["liveliness"] = serde_json::json!({"path": "/"})),
        "unknown probe"
    );
    assert!(
        !check(&|d| d["healthChecks"]["startup"] = serde_json::json!({"port": 80})),
        "probe without path or exec"
    );
}
