//! Downgrading v1 specs to the legacy shape (`gradient_spec::upgrade::
//! downgrade_to_legacy`): every v1 YAML spec of the corpus, legacy specs left alone,
//! the notes for what cannot be carried over, comments kept, and upgrading the result
//! giving back every field both shapes can express.

mod edit_support;

use edit_support::*;
use gradient_spec::diag::apply_edits;
use gradient_spec::upgrade::{
    downgrade_summary, downgrade_to_legacy, upgrade_to_v1, Upgrade, UpgradeStatus, ALREADY_LEGACY,
};
use gradient_spec::yaml::{parse, Mapping, Node, Value};
use gradient_spec::{check, Severity};

/// The v1 YAML specs of the corpus (SOURCES.md).
const V1: &[&str] = &["e03", "e10", "e11", "n02"];
/// The legacy ones.
const LEGACY: &[&str] = &[
    "e01", "e02", "e04", "e05", "e06", "e07", "e08", "e09", "e12", "n01",
];

fn root_of(text: &str) -> Mapping {
    parse(text)
        .root
        .and_then(|r| r.as_mapping().cloned())
        .expect("a mapping")
}

/// A node as plain text, for comparing meaning (not layout).
fn plain(n: &Node) -> String {
    match &n.value {
        Value::Mapping(m) => {
            let inner: Vec<String> = m
                .entries
                .iter()
                .map(|e| format!("{}: {}", plain(&e.key), plain(&e.value)))
                .collect();
            format!("{{{}}}", inner.join(", "))
        }
        Value::Sequence(s) => {
            let inner: Vec<String> = s.items.iter().map(plain).collect();
            format!("[{}]", inner.join(", "))
        }
        _ => n.scalar_text().unwrap_or("~").to_string(),
    }
}

fn get<'a>(root: &'a Mapping, path: &[&str]) -> Option<&'a Node> {
    let (first, rest) = path.split_first()?;
    let mut node = root.get(first)?;
    for k in rest {
        node = node.as_mapping()?.get(k)?;
    }
    Some(node)
}

/// Fails when the downgraded text has a v1-only field or another version.
fn assert_legacy(name: &str, d: &Upgrade) {
    let root = root_of(&d.text);
    for key in ["integrations", "basicAuthKey"] {
        assert!(
            root.get_entry(key).is_none(),
            "{name}: `{key}` left\n{}",
            d.text
        );
    }
    for key in ["machineType", "ports"] {
        assert!(
            get(&root, &["resources", key]).is_none(),
            "{name}: `resources.{key}` left\n{}",
            d.text
        );
    }
    assert_eq!(
        root.get("apiVersion").and_then(Node::as_str),
        Some("v0alpha0"),
        "{name}"
    );
}

/// Every error of the result was in the original, or is the empty dataset the notes
/// ask for.
fn assert_errors_explained(name: &str, original: &str, d: &Upgrade) {
    let before: Vec<(String, String)> = check(original)
        .diagnostics
        .into_iter()
        .map(|x| (x.rule.to_string(), x.path))
        .collect();
    for e in check(&d.text)
        .diagnostics
        .into_iter()
        .filter(|x| x.severity == Severity::Error)
    {
        let dataset_asked = matches!(e.rule.as_str(), "missing-field" | "dataset-required")
            && e.path == "repositories.dataset"
            && d.notes
                .iter()
                .any(|n| n.message.contains("`repositories.dataset` is left empty"));
        let already = before.iter().any(|(r, _)| r == e.rule.as_str()) && e.rule != "mixed-shape";
        assert!(
            dataset_asked || already,
            "{name}: unexplained error {} at `{}`: {}\n{}",
            e.rule,
            e.path,
            e.message,
            d.text
        );
    }
}

/// The start of the comment lines directly above the line of `pos` (they go with it).
fn owned_start(text: &str, pos: usize) -> usize {
    let mut start = line_start(text, pos);
    while start > 0 {
        let prev = line_start(text, start - 1);
        if !text[prev..start].trim_start().starts_with('#') {
            break;
        }
        start = prev;
    }
    start
}

#[test]
fn every_v1_corpus_spec_downgrades() {
    for prefix in V1 {
        let text = corpus_file(prefix);
        let d = downgrade_to_legacy(&text);
        assert_eq!(
            d.status,
            UpgradeStatus::Upgraded,
            "{prefix}: {}",
            downgrade_summary(&d)
        );
        assert_eq!(
            apply_edits(&text, &d.edits).as_deref(),
            Some(d.text.as_str()),
            "{prefix}"
        );
        assert!(parse(&d.text).syntax_diagnostics.is_empty(), "{prefix}");
        assert_legacy(prefix, &d);
        assert_errors_explained(prefix, &text, &d);
        assert!(
            check(&d.text)
                .diagnostics
                .iter()
                .all(|x| x.rule != "mixed-shape"),
            "{prefix}\n{}",
            d.text
        );
        // Every comment of the original outside `integrations` and `basicAuthKey` (and
        // the comment lines above them) (written anew as
        // `repositories`; models turned in place are checked below) is still there.
        let kept: Vec<String> = comments(&d.text).into_iter().map(|(_, c)| c).collect();
        let root = root_of(&text);
        let rewritten: Vec<_> = ["integrations", "basicAuthKey"]
            .iter()
            .filter_map(|k| root.get_entry(k).map(|e| e.span))
            .map(|r| gradient_spec::Span::new(owned_start(&text, r.start), r.end))
            .collect();
        for (at, c) in comments(&text) {
            if rewritten
                .iter()
                .any(|r| r.start <= at.start && at.start <= r.end)
            {
                continue;
            }
            assert!(
                kept.contains(&c),
                "{prefix}: comment `{c}` lost\n{}",
                d.text
            );
        }
    }
}

#[test]
fn legacy_specs_are_left_alone() {
    for prefix in LEGACY {
        let text = corpus_file(prefix);
        let d = downgrade_to_legacy(&text);
        assert_eq!(d.text, text, "{prefix}");
        assert!(d.edits.is_empty() && d.notes.is_empty(), "{prefix}");
        assert_eq!(
            d.status,
            UpgradeStatus::Refused {
                reason: ALREADY_LEGACY.to_string()
            },
            "{prefix}"
        );
    }
}

/// The fields both shapes express, as plain text, from a v1 document.
fn shared_fields(text: &str) -> Vec<(String, String)> {
    let root = root_of(text);
    let mut out = Vec::new();
    for path in [
        &["name"][..],
        &["image"],
        &["enabled"],
        &["command"],
        &["env"],
        &["containerRegistry"],
        &["healthChecks"],
        &["resources", "replicas"],
        &["resources", "autoscaling"],
    ] {
        out.push((path.join("."), get(&root, path).map_or("-".into(), plain)));
    }
    // A mixed spec (n02) names its machine the legacy way.
    let machine = get(&root, &["resources", "machineType"])
        .or_else(|| get(&root, &["resources", "instanceType"]));
    out.push(("machine".into(), machine.map_or("-".into(), plain)));
    let first_port = get(&root, &["resources", "ports"]).map(|n| match n.as_sequence() {
        Some(s) => s.items.first().map_or("-".into(), plain),
        None => plain(n),
    });
    out.push(("port".into(), first_port.unwrap_or_default()));
    if let Some(s) = root.get("integrations").and_then(Node::as_sequence) {
        for m in s.items.iter().filter_map(Node::as_mapping) {
            let f = |k: &str| m.get(k).map_or("-".into(), plain);
            match f("type").as_str() {
                "model" => out.push(("model".into(), format!("{} {}", f("id"), f("path")))),
                "git-lfs" => out.push(("git-lfs".into(), f("url"))),
                _ => {}
            }
        }
    }
    out
}

#[test]
fn upgrading_the_downgrade_keeps_what_both_shapes_express() {
    let mut specs: Vec<(String, String)> =
        V1.iter().map(|p| (p.to_string(), corpus_file(p))).collect();
    specs.push(("models".into(), MODELS.to_string()));
    for (name, text) in specs {
        let d = downgrade_to_legacy(&text);
        let up = upgrade_to_v1(&d.text);
        assert_eq!(
            up.status,
            UpgradeStatus::Upgraded,
            "{name}: {}",
            up.summary()
        );
        assert_eq!(
            shared_fields(&up.text),
            shared_fields(&text),
            "{name}\n{}",
            up.text
        );
    }
}

const MODELS: &str = "\
apiVersion: v1
name: demo # the deployment
image: nginx
basicAuthKey: secret:auth
resources:
  machineType: C4 # small
  # the ports
  ports: [8000, 9000]
integrations:
  # the weights
  - type: model
    name: my-model
    id: mo6sz1arw1oyp3 # from the registry
    path: /opt/models
  - type: s3
    name: bucket
    url: s3://b/
    path: /b
  - type: git-lfs
    name: repo
    url: https://huggingface.co/a/repo
    path: /opt/repos/repo
";

#[test]
fn models_and_repositories_with_their_comments_and_notes() {
    let d = downgrade_to_legacy(MODELS);
    assert_eq!(
        d.text,
        "\
apiVersion: v0alpha0
name: demo # the deployment
image: nginx
# the ports
port: 8000
resources:
  instanceType: C4 # small
models:
  # the weights
  - id: mo6sz1arw1oyp3 # from the registry
    path: /opt/models
repositories:
  dataset: null
  mountPath: /opt/repos
  repositories:
    - name: repo
      url: https://huggingface.co/a/repo
"
    );
    let messages: Vec<&str> = d.notes.iter().map(|n| n.message.as_str()).collect();
    let said = |s: &str| messages.iter().any(|m| m.contains(s));
    assert!(said("`basicAuthKey` is not carried over"), "{messages:#?}");
    assert!(said("port 9000 is not carried over"), "{messages:#?}");
    assert!(said("no `s3` integration"), "{messages:#?}");
    assert!(
        said("`repositories.dataset` is left empty"),
        "{messages:#?}"
    );
    assert!(said("a legacy model has no `name`"), "{messages:#?}");
    assert_eq!(d.notes.len(), 5, "{messages:#?}");
    // The notes point into the original, in its order.
    assert!(d
        .notes
        .windows(2)
        .all(|w| w[0].span.start <= w[1].span.start));
    assert!(MODELS[d.notes[0].span.start..].starts_with("basicAuthKey"));
}

#[test]
fn texts_that_cannot_be_downgraded_are_refused_unchanged() {
    for text in [
        "a: [",
        "- 1\n- 2\n",
        "apiVersion: v1\nintegrations: 3\n",
        "apiVersion: v1\nresources: 3\n",
    ] {
        let d = downgrade_to_legacy(text);
        assert!(matches!(d.status, UpgradeStatus::Refused { .. }), "{text}");
        assert_eq!(d.text, text);
        assert!(d.edits.is_empty());
    }
}

#[test]
fn the_smallest_v1_spec_becomes_a_clean_legacy_one_and_back() {
    let v1 = "# The smallest v1 spec.\napiVersion: v1\nname: my-app\nenabled: true\nimage: nginx:1.27\nresources:\n  machineType: C4\n  ports: [80]\n";
    let d = downgrade_to_legacy(v1);
    assert_eq!(
        d.text,
        "# The smallest v1 spec.\napiVersion: v0alpha0\nname: my-app\nenabled: true\nimage: nginx:1.27\nport: 80\nresources:\n  instanceType: C4\n"
    );
    assert!(d.notes.is_empty(), "{:?}", d.notes);
    let problems: Vec<_> = check(&d.text)
        .diagnostics
        .into_iter()
        .filter(|x| x.severity == Severity::Error)
        .map(|x| x.rule.as_str())
        .collect();
    assert!(problems.is_empty(), "{problems:?}");
    // Upgrading it gives the very bytes back.
    assert_eq!(upgrade_to_v1(&d.text).text, v1);
}
