//! The caret's context and completions in texts written with a `|` caret marker.

use gradient_spec::complete::{complete, context_at, CaretPosition, Completion, ItemKind};
use gradient_spec::rules::Shape;
use std::path::PathBuf;
use CaretPosition::*;

/// The text without its `|` marker (the last `|`, so block scalars may come first)
/// and the marker's byte offset.
fn caret(marked: &str) -> (String, usize) {
    let at = marked.rfind('|').expect("a | caret marker");
    (format!("{}{}", &marked[..at], &marked[at + 1..]), at)
}

fn at(marked: &str) -> Completion {
    let (text, offset) = caret(marked);
    complete(&text, offset)
}

fn labels(c: &Completion) -> Vec<&'static str> {
    c.items.iter().map(|i| i.label).collect()
}

fn corpus(prefix: &str) -> String {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/corpus"
    ));
    let name = std::fs::read_dir(&dir)
        .unwrap()
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .find(|n| n.starts_with(prefix))
        .unwrap();
    std::fs::read_to_string(dir.join(name)).unwrap()
}

#[test]
fn top_level_key_at_line_start() {
    let c = at("apiVersion: v1\nimage: x\n|");
    assert_eq!(c.context.position, Key);
    assert_eq!(c.context.path.to_string(), "");
    assert_eq!(c.context.shape, Some(Shape::V1));
    let l = labels(&c);
    assert!(l.contains(&"name") && l.contains(&"integrations") && l.contains(&"resources"));
    assert!(
        !l.contains(&"image") && !l.contains(&"apiVersion"),
        "present keys: {l:?}"
    );
    assert!(!l.contains(&"port"), "a legacy-only key in a v1 spec");
    let res = c.items.iter().find(|i| i.label == "resources").unwrap();
    assert_eq!(res.insert_text, "resources:\n  ");
    let env = c.items.iter().find(|i| i.label == "env").unwrap();
    assert_eq!(env.insert_text, "env:\n  - ");
    let name = c.items.iter().find(|i| i.label == "name").unwrap();
    assert_eq!(name.insert_text, "name: ");
    assert_eq!(name.kind, ItemKind::Key);
    assert!(!name.detail.is_empty());
    assert!(c.help.is_none(), "no field under a blank caret");
}

#[test]
fn nested_key_under_resources_with_a_prefix() {
    let c = at("image: x\nport: 80\nresources:\n  replicas: 1\n  inst|\n");
    let cx = &c.context;
    assert_eq!(
        (cx.position, cx.path.to_string()),
        (Key, "resources.inst".into())
    );
    assert_eq!(cx.parent.to_string(), "resources");
    assert_eq!(cx.prefix, "inst");
    assert_eq!(labels(&c), ["instanceType"]);
    assert_eq!(c.items[0].insert_text, "instanceType: ");
    let (text, offset) = caret("image: x\nport: 80\nresources:\n  replicas: 1\n  inst|\n");
    assert_eq!(&text[cx.replace.start..cx.replace.end], "inst");
    assert_eq!(cx.replace.end, offset);
}

#[test]
fn undecided_shape_offers_both() {
    let c = at("image: x\n|");
    assert_eq!(c.context.shape, None);
    let l = labels(&c);
    assert!(l.contains(&"port") && l.contains(&"integrations"), "{l:?}");
    let c = at("image: x\nresources:\n  |");
    let l = labels(&c);
    assert!(
        l.contains(&"instanceType") && l.contains(&"machineType"),
        "{l:?}"
    );
}

#[test]
fn empty_document() {
    let c = at("|");
    assert_eq!(c.context.position, Key);
    assert_eq!(c.context.path.to_string(), "");
    assert!(labels(&c).contains(&"apiVersion") && labels(&c).contains(&"image"));
    assert_eq!(c.context.replace.start, 0);
}

#[test]
fn key_inside_a_list_item_of_env() {
    let text = "image: x\nenv:\n  - name: A\n    value: a\n  - name: B\n    |\n";
    let c = at(text);
    assert_eq!(c.context.position, Key);
    assert_eq!(c.context.path.to_string(), "env[1]");
    assert_eq!(labels(&c), ["value"], "name is present");
    let c = at("env:\n  - name: A\n    value: a\n  - V|\n");
    assert_eq!(c.context.path.to_string(), "env[1].V");
    assert_eq!(labels(&c), ["value"], "case-insensitive");
    let c = at("env:\n  - name: A\n    value: a\n  - e|\n");
    assert_eq!(labels(&c), ["name", "value"], "substrings");
    let c = at("env:\n  - |\n");
    assert_eq!(
        (c.context.position, c.context.path.to_string()),
        (Key, "env[0]".into())
    );
    assert_eq!(labels(&c), ["name", "value"]);
}

#[test]
fn new_list_item_on_a_blank_line() {
    let c = at("env:\n  - name: A\n    value: a\n  |\n");
    assert_eq!(c.context.position, ListItem);
    assert_eq!(c.context.path.to_string(), "env[1]");
    assert_eq!(c.items[0].insert_text, "- name: ");
    // A list at its key's column: a blank line there is the next top-level key.
    let c = at("image: x\nenv:\n- name: A\n|\n");
    assert_eq!(
        (c.context.position, c.context.path.to_string()),
        (Key, "".into())
    );
    assert!(!labels(&c).contains(&"env"));
}

#[test]
fn machine_values_by_prefix() {
    let c = at("resources:\n  instanceType: A1|\n");
    let cx = &c.context;
    assert_eq!(
        (cx.position, cx.path.to_string()),
        (Value, "resources.instanceType".into())
    );
    let l = labels(&c);
    assert_eq!(&l[..2], ["A100", "A100-80G"]);
    assert!(l.iter().take_while(|v| v.starts_with("A1")).count() >= 5);
    assert!(l.iter().all(|v| v.to_lowercase().contains("a1")));
    assert_eq!(c.items[0].detail, "GPU machine");
    assert_eq!(c.items[0].kind, ItemKind::Value);
    let help = c.help.unwrap();
    assert_eq!(help.path, "resources.instanceType");
    assert!(help.allowed.contains(&"C5"));
    let v1 = at("apiVersion: v1\nresources:\n  machineType: |\n");
    assert_eq!(v1.context.path.to_string(), "resources.machineType");
    assert_eq!(v1.context.prefix, "");
    assert!(labels(&v1).len() > 40);
}

#[test]
fn a_value_with_nothing_typed() {
    let (text, offset) = caret("resources:\n  instanceType: |");
    let c = complete(&text, offset);
    assert_eq!(c.context.replace.start, offset);
    assert_eq!(c.context.replace.end, offset);
    assert_eq!(c.items[0].insert_text, "C3");
    let c = at("resources:\n  instanceType:|");
    assert_eq!(c.items[0].insert_text, " C3", "a space after the colon");
}

#[test]
fn metric_and_summary_values() {
    let text = "resources:\n  autoscaling:\n    metrics:\n      - metric: cpu\n        summary: average\n      - metric: c|\n";
    let c = at(text);
    assert_eq!(
        c.context.path.to_string(),
        "resources.autoscaling.metrics[1].metric"
    );
    assert_eq!(labels(&c), ["cpu"]);
    assert!(c.items[0].detail.contains("percentage"));
    assert_eq!(c.help.as_ref().unwrap().label, "Metric");
    let c =
        at("resources:\n  autoscaling:\n    metrics:\n      - metric: cpu\n        summary: |\n");
    assert_eq!(labels(&c), ["average"]);
}

#[test]
fn api_version_values() {
    let c = at("apiVersion: |\nimage: x\n");
    assert_eq!(labels(&c), ["v0alpha0", "v0alpha1", "v1", "latest"]);
    assert_eq!(c.items[0].detail, "the legacy shape");
    let c = at("apiVersion: v|\n");
    assert_eq!(labels(&c), ["v0alpha0", "v0alpha1", "v1"]);
    assert_eq!(c.context.prefix, "v");
    let c = at("apiVersion: \"v|\"\n");
    assert_eq!(c.context.prefix, "v");
    let (text, _) = caret("apiVersion: \"v|\"\n");
    assert_eq!(c.context.replace.slice(&text), "v");
    let c = at("name: 'it''s |");
    assert_eq!(
        (c.context.position, c.context.prefix.as_str()),
        (Value, "it''s ")
    );
}

#[test]
fn booleans_and_integration_types() {
    let c = at("enabled: |\n");
    assert_eq!(labels(&c), ["true", "false"]);
    assert_eq!(c.items[0].detail, "the default");
    let c = at("apiVersion: v1\nintegrations:\n  - name: a\n    type: s|\n");
    assert_eq!(c.context.path.to_string(), "integrations[0].type");
    assert_eq!(
        labels(&c),
        ["s3", "spaces", "git-lfs", "do-spaces"],
        "prefix first"
    );
}

#[test]
fn integration_keys_follow_its_type() {
    let c = at("apiVersion: v1\nintegrations:\n  - type: s3\n    name: a\n    |\n");
    let l = labels(&c);
    assert!(
        l.contains(&"region") && l.contains(&"secretAccessKey"),
        "{l:?}"
    );
    assert!(!l.contains(&"id") && !l.contains(&"type") && !l.contains(&"name"));
    // The type below the caret counts too.
    let c = at("apiVersion: v1\nintegrations:\n  - name: a\n    |\n    type: model\n");
    let l = labels(&c);
    assert!(l.contains(&"id") && !l.contains(&"region"), "{l:?}");
}

#[test]
fn indented_document_e03() {
    let text = corpus("e03");
    let find = |needle: &str| text.find(needle).unwrap() + needle.len();
    let c = complete(&text, find("    machineType: A1"));
    assert_eq!(c.context.path.to_string(), "resources.machineType");
    assert_eq!(c.context.position, Value);
    assert_eq!(c.context.prefix, "A1");
    assert_eq!(c.context.replace.slice(&text), "A100-80G");
    assert_eq!(labels(&c)[..2], ["A100", "A100-80G"]);
    let c = complete(&text, find("        - metric: c"));
    assert_eq!(
        c.context.path.to_string(),
        "resources.autoscaling.metrics[0].metric"
    );
    let c = complete(&text, find("        - metric: m"));
    assert_eq!(
        c.context.path.to_string(),
        "resources.autoscaling.metrics[1].metric"
    );
    let c = complete(&text, find("      secretAccessKey: sec"));
    assert_eq!(
        c.context.path.to_string(),
        "integrations[1].secretAccessKey"
    );
    assert_eq!(c.help.unwrap().label, "Secret access key");
    // A new top-level key in the two-space document.
    let offset = find("  basicAuthKey: secret:my_paperspace_secret # setting up a protected endpoint to restrict access for unauthorized users\n");
    let mut typed = text.clone();
    typed.insert_str(offset, "  \n");
    let c = complete(&typed, offset + 2);
    assert_eq!(
        (c.context.position, c.context.path.to_string()),
        (Key, "".into())
    );
    let l = labels(&c);
    assert!(!l.contains(&"basicAuthKey") && !l.contains(&"env") && !l.contains(&"image"));
    assert!(l.contains(&"region"), "{l:?}");
    let c = complete(&text, find("    - |\n      while"));
    assert_eq!(c.context.position, Other, "inside a block scalar");
    assert_eq!(c.context.path.to_string(), "command[2]");
}

#[test]
fn block_scalars() {
    let c = at("command:\n  - |\n    pip install x|\n");
    assert_eq!(c.context.position, Other);
    assert_eq!(c.context.path.to_string(), "command[0]");
    let c = at("command:\n  - |\n    pip install\n\n    pyt|\n");
    assert_eq!(c.context.position, Other);
    // Back at the left margin after the block: a new key.
    let c = at("command:\n  - |\n    pip install\n|\n");
    assert_eq!(
        (c.context.position, c.context.path.to_string()),
        (Key, "".into())
    );
    assert!(!labels(&c).contains(&"command"));
    let c = at("port: 80\nname: >-\n  my app\n  |");
    assert_eq!(c.context.position, Other);
    assert_eq!(c.context.path.to_string(), "name");
}

#[test]
fn caret_in_the_middle_of_an_existing_key() {
    let (text, offset) = caret("image: x\nresources:\n  inst|anceType: C4\n");
    let c = complete(&text, offset);
    let cx = &c.context;
    assert_eq!(cx.position, Key);
    assert_eq!(cx.prefix, "inst");
    assert_eq!(cx.path.to_string(), "resources.instanceType");
    assert_eq!(cx.replace.slice(&text), "instanceType");
    assert_eq!(
        c.items[0].insert_text, "instanceType",
        "the line has its colon"
    );
    assert_eq!(c.help.unwrap().label, "Instance type");
}

#[test]
fn end_of_file_without_newline() {
    let c = at("image: x\nresources:\n  replicas: 1\n  machi|");
    assert_eq!(c.context.path.to_string(), "resources.machi");
    assert_eq!(labels(&c), ["machineType"]);
    let c = at("image: x\nport: 8|");
    assert_eq!(c.context.position, Value);
    assert_eq!(c.help.unwrap().default, Some("80"));
}

#[test]
fn crlf_documents() {
    let c = at("image: x\r\nresources:\r\n  instanceType: A1|\r\n  replicas: 1\r\n");
    assert_eq!(c.context.path.to_string(), "resources.instanceType");
    assert_eq!(labels(&c)[0], "A100");
    let c = at("image: x\r\nport: 80\r\n|\r\n");
    let res = c.items.iter().find(|i| i.label == "resources").unwrap();
    assert_eq!(res.insert_text, "resources:\r\n  ");
    let (text, offset) = caret("image: x\r\nenv:\r\n  - name: A\r\n    value: B|\r\n");
    let c = complete(&text, offset + 1);
    assert_eq!(c.context.path.to_string(), "env[0].value");
    assert_eq!(c.context.replace.slice(&text), "B");
}

#[test]
fn text_that_does_not_parse() {
    let c = at("image: [x\nresources:\n  instanceType: \"A1|\n  {oops\n");
    assert_eq!(c.context.path.to_string(), "resources.instanceType");
    assert_eq!(c.context.prefix, "A1");
    assert_eq!(labels(&c)[0], "A100");
    let c = at("resources:\n\tbad: tab\n  ports: [80, 4|\n");
    assert_eq!(c.context.position, ListItem);
    assert_eq!(c.context.path.to_string(), "resources.ports[1]");
    assert_eq!(c.context.prefix, "4");
    assert_eq!(c.help.unwrap().path, "resources.ports[1]");
}

#[test]
fn flow_collections() {
    let c = at("resources:\n  ports: [|");
    assert_eq!(c.context.position, ListItem);
    assert_eq!(c.context.path.to_string(), "resources.ports[0]");
    let c = at("env:\n  - {name: A, val|}\n");
    assert_eq!(c.context.position, Key);
    assert_eq!(c.context.path.to_string(), "env[0].val");
    assert_eq!(labels(&c), ["value"]);
    assert_eq!(c.items[0].insert_text, "value: ");
    let c = at("resources:\n  autoscaling:\n    metrics: [{metric: m|, summary: average}]\n");
    assert_eq!(
        c.context.path.to_string(),
        "resources.autoscaling.metrics[0].metric"
    );
    assert_eq!(labels(&c), ["memory"]);
    let c = at("resources:\n  ports: [80]|\n");
    assert_eq!(c.context.position, Other);
}

#[test]
fn comments_and_indentation_are_other() {
    let c = at("port: 80 # the p|ort\n");
    assert_eq!(c.context.position, Other);
    assert_eq!(c.context.path.to_string(), "port");
    assert!(c.items.is_empty());
    assert_eq!(c.help.unwrap().label, "Port");
    let c = at("resources:\n | instanceType: C4\n");
    assert_eq!(c.context.position, Other);
    let c = at("# a comment|\nimage: x\n");
    assert_eq!(c.context.position, Other);
}

#[test]
fn list_of_scalars_and_value_on_the_next_line() {
    let c = at("command:\n  - python\n  - ap|p.py\n");
    assert_eq!(c.context.position, ListItem);
    assert_eq!(c.context.path.to_string(), "command[1]");
    assert_eq!(c.context.prefix, "ap");
    let c = at("resources:\n  instanceType:\n    A1|\n");
    assert_eq!(c.context.position, Value);
    assert_eq!(c.context.path.to_string(), "resources.instanceType");
    assert_eq!(labels(&c)[0], "A100");
}

#[test]
fn healthchecks_spelling_counts_as_present() {
    let c = at("apiVersion: v1\nhealthchecks:\n  readiness:\n    path: /\n|");
    assert!(!labels(&c).contains(&"healthChecks"));
}

#[test]
fn a_field_of_the_other_shape_keeps_its_values_and_help() {
    let c = at("apiVersion: v1\nresources:\n  instanceType: A10|\n");
    assert_eq!(labels(&c)[0], "A100");
    let help = c.help.unwrap();
    assert_eq!(help.label, "Instance type");
    assert!(
        help.hover.contains("only in the legacy shape"),
        "{}",
        help.hover
    );
    let c = at("apiVersion: v1\nresources:\n  |\n");
    assert!(
        !labels(&c).contains(&"instanceType"),
        "keys follow the shape"
    );
}

#[test]
fn context_at_matches_complete() {
    let (text, offset) = caret("resources:\n  instanceType: A1|\n");
    assert_eq!(context_at(&text, offset), complete(&text, offset).context);
}
