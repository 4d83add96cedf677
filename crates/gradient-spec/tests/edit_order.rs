//! New keys at their place in the reference's order (`spec::catalogue_index`): a key
//! added to a mapping goes above the first sibling `docs/spec-reference.md` lists after
//! it, with that sibling's comment lines below it; keys the catalogue does not place
//! still go last, and `insert_key_at` past the end still appends.

mod edit_support;

use edit_support::*;
use gradient_spec::diag::apply_edits;
use gradient_spec::edit::{insert_key, insert_key_at, set_scalar, NewValue};

fn run(text: &str, edits: Vec<gradient_spec::TextEdit>) -> String {
    apply_edits(text, &edits).expect("edits apply")
}

const REPOS: &str = "\
image: x
repositories:
  dataset: ds # the dataset
  # the clones
  repositories:
    - name: a
      url: https://github.com/o/a.git
resources:
  instanceType: C4
";

#[test]
fn mount_path_goes_before_the_repositories_list_with_its_comment() {
    let out = run(
        REPOS,
        set_scalar(REPOS, &p("repositories.mountPath"), &"/opt/repos".into()).unwrap(),
    );
    assert_eq!(
        out,
        REPOS.replace(
            "  # the clones\n",
            "  mountPath: /opt/repos\n  # the clones\n"
        )
    );
}

#[test]
fn top_level_and_nested_keys_follow_the_reference() {
    // `port` after `image`, before `repositories` and `resources`.
    let out = run(
        REPOS,
        insert_key(REPOS, &p(""), "port", &NewValue::Int(8000)).unwrap(),
    );
    assert_eq!(
        out,
        REPOS.replace(
            "repositories:\n  dataset",
            "port: 8000\nrepositories:\n  dataset"
        )
    );
    // `replicas` documented after the machine: appended after `instanceType`.
    let out = run(
        REPOS,
        set_scalar(REPOS, &p("resources.replicas"), &NewValue::Int(2)).unwrap(),
    );
    assert!(
        out.ends_with("  instanceType: C4\n  replicas: 2\n"),
        "{out}"
    );
    // A section created on the way goes at its place too: before the first sibling
    // documented after it (here `repositories`, written before `resources`).
    let out = run(
        REPOS,
        set_scalar(REPOS, &p("healthChecks.liveness.path"), &"/".into()).unwrap(),
    );
    assert_eq!(
        out,
        REPOS.replace(
            "repositories:\n  dataset",
            "healthChecks:\n  liveness:\n    path: /\nrepositories:\n  dataset"
        )
    );
    let out = run(
        REPOS,
        insert_key(REPOS, &p(""), "name", &"app".into()).unwrap(),
    );
    assert!(out.starts_with("name: app\nimage: x\n"), "{out}");
}

#[test]
fn unknown_keys_and_flow_mappings() {
    // A key the reference does not document goes last; unknown siblings are passed over.
    let out = run(
        REPOS,
        insert_key(REPOS, &p(""), "x-team", &"ml".into()).unwrap(),
    );
    assert_eq!(out, format!("{REPOS}x-team: ml\n"));
    let text = "x-note: 1\nresources: {instanceType: C4, replicas: 1}\n";
    let out = run(
        text,
        insert_key(text, &p(""), "image", &"x".into()).unwrap(),
    );
    assert_eq!(
        out,
        "x-note: 1\nimage: x\nresources: {instanceType: C4, replicas: 1}\n"
    );
    // In a flow mapping, before its documented successor.
    let text = "resources: {replicas: 1}\n";
    let out = run(
        text,
        insert_key(text, &p("resources"), "instanceType", &"C4".into()).unwrap(),
    );
    assert_eq!(out, "resources: {instanceType: C4, replicas: 1}\n");
    // `insert_key_at` with an index past the end appends whatever the order.
    let out = run(
        REPOS,
        insert_key_at(REPOS, &p(""), 99, "name", &"app".into()).unwrap(),
    );
    assert_eq!(out, format!("{REPOS}name: app\n"));
}

#[test]
fn every_corpus_spec_takes_a_new_key_at_its_place() {
    // `region` (after `containerRegistry`, before `resources`) in every YAML spec of the
    // corpus that lacks it: above `resources` wherever the keys before it are in order.
    let mut placed = 0;
    for (name, text) in corpus() {
        if !name.ends_with(".yaml") || text.contains("region:") {
            continue;
        }
        let Ok(edits) = insert_key(&text, &p(""), "region", &"nyc".into()) else {
            continue;
        };
        let out = run(&text, edits);
        let root = gradient_spec::yaml::parse(&out).root.expect("a root");
        let keys: Vec<&str> = root
            .as_mapping()
            .expect("a mapping")
            .entries
            .iter()
            .filter_map(|e| e.key.scalar_text())
            .collect();
        let at = |k: &str| keys.iter().position(|x| *x == k);
        if let (Some(region), Some(res)) = (at("region"), at("resources")) {
            assert!(region < res, "{name}: `region` after `resources`\n{out}");
            placed += 1;
        }
    }
    assert!(placed >= 8, "only {placed} corpus specs checked");
}

#[test]
fn json_and_jsonc_keys_at_their_place() {
    use gradient_spec::edit::in_format;
    use gradient_spec::Format;
    let text = "{\n  \"image\": \"x\",\n  // the machine\n  \"resources\": {\"instanceType\": \"C4\"}\n}\n";
    let ed = in_format(Format::Jsonc);
    let e = ed
        .insert_key(text, &p(""), "port", &NewValue::Int(8000))
        .unwrap();
    assert_eq!(
        run(text, e),
        "{\n  \"image\": \"x\",\n  \"port\": 8000,\n  // the machine\n  \"resources\": {\"instanceType\": \"C4\"}\n}\n"
    );
    let e = ed
        .set_scalar(text, &p("resources.replicas"), &NewValue::Int(2))
        .unwrap();
    assert_eq!(
        run(text, e),
        "{\n  \"image\": \"x\",\n  // the machine\n  \"resources\": {\"instanceType\": \"C4\", \"replicas\": 2}\n}\n"
    );
    let plain = "{\"resources\": {\"replicas\": 1}, \"name\": \"a\"}";
    let e = in_format(Format::Json)
        .set_scalar(plain, &p("resources.instanceType"), &"C4".into())
        .unwrap();
    assert_eq!(
        run(plain, e),
        "{\"resources\": {\"instanceType\": \"C4\", \"replicas\": 1}, \"name\": \"a\"}"
    );
}
