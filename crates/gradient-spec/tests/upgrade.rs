//! Upgrading legacy specs to v1 (`gradient_spec::upgrade`): every legacy spec of the
//! corpus, v1 specs left alone, the notes for what cannot be carried over, and
//! upgrading twice being upgrading once.

mod edit_support;

use edit_support::*;
use gradient_spec::diag::apply_edits;
use gradient_spec::upgrade::{is_legacy, upgrade_to_v1, Upgrade, UpgradeStatus};
use gradient_spec::yaml::{parse, Mapping, Node};
use gradient_spec::{Severity, Span};
use proptest::prelude::*;

/// The corpus files with the legacy shape (SOURCES.md).
const LEGACY: &[&str] = &[
    "e01", "e02", "e04", "e05", "e06", "e07", "e08", "e09", "e12", "n01",
];
/// v1 specs: nothing to do.
const V1: &[&str] = &["e03", "e10", "e11"];

fn root_of(text: &str) -> Mapping {
    parse(text)
        .root
        .and_then(|r| r.as_mapping().cloned())
        .expect("a mapping")
}

/// Fails when the upgraded text still has a field of the legacy shape.
fn assert_v1(name: &str, up: &Upgrade) {
    let root = root_of(&up.text);
    for key in ["port", "models", "repositories"] {
        assert!(
            root.get_entry(key).is_none(),
            "{name}: `{key}` left\n{}",
            up.text
        );
    }
    let res = root.get("resources").and_then(Node::as_mapping);
    assert!(
        res.is_some_and(|r| r.get_entry("instanceType").is_none()),
        "{name}: resources.instanceType left\n{}",
        up.text
    );
    assert_eq!(
        root.get("apiVersion").and_then(Node::as_str),
        Some("v1"),
        "{name}"
    );
}

/// Every error of the result is explained: it was already in the original (same rule
/// and message: nothing to do with the upgrade) or a note names its path.
fn assert_errors_explained(name: &str, original: &str, up: &Upgrade) {
    let before = gradient_spec::check(original).diagnostics;
    let after = gradient_spec::check(&up.text).diagnostics;
    for d in after.iter().filter(|d| d.severity == Severity::Error) {
        let known = before
            .iter()
            .any(|b| b.rule == d.rule && b.message == d.message);
        let noted = up.notes.iter().any(|n| n.path == d.path);
        assert!(
            known || noted,
            "{name}: unexplained {} at {}: {}\nnotes: {:#?}\n{}",
            d.rule,
            d.path,
            d.message,
            up.notes,
            up.text
        );
    }
}

/// The comments of `original` outside the removed top-level fields (with the lines
/// they own) are all in `new`. `port` moves with its comments into a block
/// `resources`; into a flow one it is written anew.
fn assert_comments_kept(name: &str, original: &str, up: &Upgrade) {
    let new = up.text.as_str();
    let root = root_of(original);
    let block_resources = root
        .get("resources")
        .and_then(Node::as_mapping)
        .is_some_and(|m| !m.flow && !m.entries.is_empty());
    // Models become integrations in place (their comments kept) when they are a
    // block list of block mappings of `id` and `path`, all carried.
    let models_in_place = root
        .get("models")
        .and_then(Node::as_sequence)
        .is_some_and(|s| {
            !s.flow
                && s.items.iter().all(|i| {
                    i.as_mapping().is_some_and(|m| {
                        !m.flow
                            && m.get("id").is_some()
                            && m.entries
                                .iter()
                                .all(|e| matches!(e.key.scalar_text(), Some("id" | "path")))
                    })
                })
        })
        && !up.notes.iter().any(|n| n.path.starts_with("models"));
    let mut removed_keys = vec!["repositories"];
    if !block_resources {
        removed_keys.push("port");
    }
    if !models_in_place {
        removed_keys.push("models");
    }
    let removed: Vec<Span> = removed_keys
        .iter()
        .filter_map(|k| root.get_entry(k))
        .map(|e| owned_allowance(original, e.key.span.start, e.span.end))
        .collect();
    let mut left: Vec<String> = comments(new).into_iter().map(|(_, c)| c).collect();
    for (span, c) in comments(original) {
        if removed
            .iter()
            .any(|r| span.start >= r.start && span.end <= r.end)
        {
            continue;
        }
        let i = left
            .iter()
            .position(|l| *l == c)
            .unwrap_or_else(|| panic!("{name}: lost comment {c:?}\n{new}"));
        left.swap_remove(i);
    }
}

#[test]
fn every_legacy_corpus_spec_upgrades() {
    let mut checked = 0;
    for prefix in LEGACY {
        let text = corpus_file(prefix);
        assert!(is_legacy(&text), "{prefix}");
        let up = upgrade_to_v1(&text);
        assert_eq!(
            up.status,
            UpgradeStatus::Upgraded,
            "{prefix}: {}",
            up.summary()
        );
        assert_eq!(
            apply_edits(&text, &up.edits).as_deref(),
            Some(up.text.as_str()),
            "{prefix}: the edits make the text"
        );
        assert_v1(prefix, &up);
        assert_errors_explained(prefix, &text, &up);
        assert_comments_kept(prefix, &text, &up);
        for n in &up.notes {
            assert!(
                n.span.end <= text.len() && !n.message.is_empty(),
                "{prefix}: {n:?}"
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 10);
}

#[test]
fn corpus_results_in_detail() {
    let up = upgrade_to_v1(&corpus_file("e09"));
    assert!(up.notes.is_empty(), "{:?}", up.notes);
    assert!(up.text.starts_with("apiVersion: v1\n# To disable"));
    assert!(up
        .text
        .contains("  machineType: A4000\n  # The port the service is running on inside the above image\n  ports: [8000]\n  autoscaling:"));
    let e01 = corpus_file("e01");
    let up = upgrade_to_v1(&e01);
    assert!(up.text.contains(
        "integrations:\n  - type: model\n    name: model-handle\n    id: model-handle # the handle of a model from the Gradient Model Registry\n    path: /opt/models # the local filepath you want to sync it to inside your deployment\nresources:"
    ), "{}", up.text);
    assert!(up.text.contains(
        "  machineType: C4 # instance type that your deployment will run on\n  ports: [8080] # local container port that your service is running on\n"
    ));
    let paths: Vec<&str> = up.notes.iter().map(|n| n.path.as_str()).collect();
    assert_eq!(
        paths,
        [
            "name",
            "repositories.dataset",
            "repositories.repositories[0]"
        ]
    );
    assert!(up.notes[2].message.contains("private"), "{:?}", up.notes[2]);
    assert_eq!(
        up.notes[2].span.slice(&e01).lines().next(),
        Some("url: https://github.com/tensorflow/serving.git # the URL of the repository")
    );
    // e02: the public repository is carried, the private one said.
    let up = upgrade_to_v1(&corpus_file("e02"));
    assert!(up.text.contains("  - type: git-lfs\n    name: tf-serving\n    url: https://github.com/tensorflow/serving.git\n    path: /opt/repositories/tf-serving\n"), "{}", up.text);
    assert!(!up.text.contains("paperspace-ml"));
    assert!(up
        .notes
        .iter()
        .any(|n| n.path == "repositories.repositories[1]"));
    // e06: the relative mount path is made absolute, and said; the ref is said.
    let up = upgrade_to_v1(&corpus_file("e06"));
    assert!(up
        .text
        .contains("path: /opt/repositories/Whisper-AutoCaption"));
    assert!(up
        .notes
        .iter()
        .any(|n| n.path == "repositories.mountPath" && n.message.contains("relative")));
    assert!(up
        .notes
        .iter()
        .any(|n| n.path == "repositories.repositories[0].ref"));
    // e04: no `port` was 80; n01: a single model mapping is read as one model.
    assert!(upgrade_to_v1(&corpus_file("e04"))
        .text
        .contains("ports: [80]"));
    let up = upgrade_to_v1(&corpus_file("n01"));
    assert!(
        up.text
            .contains("  - type: model\n    name: model\n    id: \"...\"\n"),
        "{}",
        up.text
    );
    assert!(up
        .text
        .contains("# Last updated: Dec 10th 2021\n\napiVersion: v1\nimage:"));
}

#[test]
fn v1_specs_are_left_alone() {
    for prefix in V1 {
        let text = corpus_file(prefix);
        assert!(!is_legacy(&text), "{prefix}");
        let up = upgrade_to_v1(&text);
        assert_eq!(up.status, UpgradeStatus::AlreadyV1, "{prefix}");
        assert!(up.edits.is_empty() && up.notes.is_empty() && !up.changed());
        assert_eq!(up.text, text);
        assert!(up.summary().contains("already"));
    }
}

#[test]
fn a_mixed_spec_loses_its_legacy_fields() {
    let text = corpus_file("n02");
    let up = upgrade_to_v1(&text);
    assert_eq!(up.status, UpgradeStatus::Upgraded);
    assert_v1("n02", &up);
    let text = "apiVersion: v1\nname: a\nimage: x\nport: 80\nintegrations:\n  - type: volume\n    name: v\nresources:\n  instanceType: C4\n  machineType: C5\n  ports: [8000]\nmodels:\n  - id: m1\n";
    let up = upgrade_to_v1(text);
    assert_v1("mixed", &up);
    assert!(
        up.text
            .contains("  - type: volume\n    name: v\n  - type: model\n    name: m1\n    id: m1\n"),
        "{}",
        up.text
    );
    let paths: Vec<&str> = up.notes.iter().map(|n| n.path.as_str()).collect();
    assert_eq!(paths, ["port", "resources.instanceType"]);
}

#[test]
fn what_cannot_be_carried_over_is_said() {
    let text = "\
image: x
name: n
resources:
  instanceType: C4
models:
  - id: m1
  - id: m2
  - path: /opt/nothing
  - id: m1
repositories:
  dataset: ds
  mountPath: /opt/repos/
  repositories:
    - url: https://github.com/a/one.git
      name: one
      ref: v2
    - url: https://github.com/a/two.git
      name: two
    - url: git@github.com:a/three.git
      name: three
    - url: https://github.com/a/four.git
      name: four
      username: me
      password: secret:TOKEN
    - url: https://github.com/a/five.git
      name: five
";
    let up = upgrade_to_v1(text);
    assert_eq!(up.status, UpgradeStatus::Upgraded);
    assert_v1("limits", &up);
    // m1, m2, m1-2, one, two fit; five is past the limit.
    assert!(up.text.contains("name: m1-2"), "{}", up.text);
    assert!(up.text.contains("path: /opt/repos/one"));
    assert!(!up.text.contains("five"));
    let said = |path: &str, word: &str| {
        assert!(
            up.notes
                .iter()
                .any(|n| n.path == path && n.message.contains(word)),
            "no note at {path} with {word:?}: {:#?}",
            up.notes
        )
    };
    said("models[2]", "no `id`");
    said("repositories.dataset", "`ds`");
    said("repositories.repositories[0].ref", "v2");
    said("repositories.repositories[2]", "https");
    said("repositories.repositories[3]", "private");
    said("repositories.repositories[4]", "at most 5");
    assert!(!up.notes.iter().any(|n| n.message.contains("TOKEN")));
    let starts: Vec<usize> = up.notes.iter().map(|n| n.span.start).collect();
    assert!(
        starts.windows(2).all(|w| w[0] <= w[1]),
        "notes in document order"
    );
    assert_eq!(
        gradient_spec::check(&up.text)
            .diagnostics
            .iter()
            .filter(|d| d.severity == Severity::Error)
            .count(),
        0,
        "{}",
        up.text
    );
}

#[test]
fn flow_quoted_and_crlf_specs() {
    let text = "{image: x, name: n, port: \"7860\", resources: {instanceType: C4}}\n";
    let up = upgrade_to_v1(text);
    assert_v1("flow", &up);
    assert_eq!(
        up.text,
        "{apiVersion: v1, image: x, name: n, resources: {machineType: C4, ports: [7860]}}\n"
    );
    let text =
        "image: x\nname: n\n# why\nport: \"7860\" # quoted\nresources:\n  instanceType: C4\n";
    assert_eq!(
        upgrade_to_v1(text).text,
        "apiVersion: v1\nimage: x\nname: n\nresources:\n  machineType: C4\n  # why\n  ports: [7860] # quoted\n"
    );
    let text = corpus_file("e05").replace('\n', "\r\n");
    let up = upgrade_to_v1(&text);
    assert_v1("crlf", &up);
    assert!(
        !up.text.replace("\r\n", "").contains('\n'),
        "LF in a CRLF document"
    );
    let text = "'apiVersion': \"v0alpha0\"\nimage: x\nname: n\nresources: {instanceType: C4}\n";
    assert!(upgrade_to_v1(text)
        .text
        .starts_with("'apiVersion': \"v1\"\n"));
}

#[test]
fn texts_that_cannot_be_upgraded_are_refused_unchanged() {
    for text in [
        "image: x\nport: [8000\n",
        "- a\n- b\n",
        "",
        "image: x\nport: 1\nport: 2\n",
        "image: x\nresources: [C4]\n",
        "image: x\nport: 1\nintegrations: {}\n",
    ] {
        let up = upgrade_to_v1(text);
        assert!(
            matches!(up.status, UpgradeStatus::Refused { .. }),
            "{text:?}: {:?}",
            up.status
        );
        assert_eq!(up.text, text);
        assert!(up.edits.is_empty());
        assert!(up.summary().starts_with("not upgraded"));
    }
}

fn legacy_spec() -> impl Strategy<Value = String> {
    let version = prop::sample::select(vec![
        "",
        "apiVersion: v0alpha0\n",
        "apiVersion: latest\n",
        "apiVersion: 'latest' # old\n",
    ]);
    let port = prop::sample::select(vec![
        "",
        "port: 8000\n",
        "port: \"7860\" # quoted\n",
        "# the port\nport: 80\n",
    ]);
    let model =
        "[a-z]{1,6}".prop_map(|id| format!("  - id: {id} # model {id}\n    path: /opt/{id}\n"));
    let models = prop::collection::vec(model, 0..4);
    let repo = ("[a-z]{1,6}", any::<bool>(), any::<bool>()).prop_map(|(n, private, r)| {
        let mut s = format!("    - url: https://example.com/{n}.git # repo\n      name: {n}\n");
        if r {
            s.push_str("      ref: main\n");
        }
        if private {
            s.push_str("      username: u\n      password: secret:P\n");
        }
        s
    });
    let repos = prop::collection::vec(repo, 0..4);
    let resources = prop::sample::select(vec![
        "resources:\n  replicas: 1 # one\n  instanceType: C4\n",
        "resources: {instanceType: A4000}\n",
        "resources:\n  instanceType: C5\n  autoscaling:\n    maxReplicas: 2\n    metrics:\n      - metric: cpu\n        summary: average\n        value: 50\n",
    ]);
    let crlf = any::<bool>();
    (version, port, models, repos, resources, any::<bool>(), crlf).prop_map(
        |(version, port, models, repos, resources, models_first, crlf)| {
            let mut s = format!("{version}# top comment\nimage: x # the image\n{port}");
            let m = if models.is_empty() {
                String::new()
            } else {
                format!("models:\n{}", models.concat())
            };
            let r = if repos.is_empty() {
                String::new()
            } else {
                format!(
                    "repositories:\n  dataset: ds\n  mountPath: /opt/repos\n  repositories:\n{}",
                    repos.concat()
                )
            };
            if models_first {
                s.push_str(&m);
                s.push_str(resources);
                s.push_str(&r);
            } else {
                s.push_str(resources);
                s.push_str(&r);
                s.push_str(&m);
            }
            s.push_str("env:\n  - name: A\n    value: b # kept\n");
            if crlf {
                s = s.replace('\n', "\r\n");
            }
            s
        },
    )
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 128, ..ProptestConfig::default() })]

    #[test]
    fn upgrading_twice_is_upgrading_once(text in legacy_spec()) {
        let once = upgrade_to_v1(&text);
        prop_assert_eq!(&once.status, &UpgradeStatus::Upgraded, "{}", once.summary());
        assert_v1("generated", &once);
        assert_comments_kept("generated", &text, &once);
        assert_errors_explained("generated", &text, &once);
        prop_assert_eq!(apply_edits(&text, &once.edits), Some(once.text.clone()));
        let twice = upgrade_to_v1(&once.text);
        prop_assert_eq!(&twice.status, &UpgradeStatus::AlreadyV1);
        prop_assert_eq!(twice.text, once.text);
        prop_assert!(twice.edits.is_empty());
    }
}

#[test]
fn upgrading_any_corpus_file_twice_is_upgrading_once() {
    for (name, text) in corpus() {
        let once = upgrade_to_v1(&text);
        let twice = upgrade_to_v1(&once.text);
        assert_eq!(twice.text, once.text, "{name}");
        assert!(twice.edits.is_empty(), "{name}");
    }
}

#[test]
fn models_become_integrations_in_place_with_their_comments() {
    let text = "image: x\nname: n\nmodels: # the models\n  # first\n  - path: rel/a # p\n    id: 12345 # i\n  - id: b\nresources:\n  instanceType: C4\nrepositories:\n  mountPath: /r\n  repositories:\n    - url: https://h/x.git\n      name: x\n";
    let up = upgrade_to_v1(text);
    assert_eq!(
        up.text,
        "apiVersion: v1\nimage: x\nname: n\nintegrations: # the models\n  # first\n  - type: model\n    name: \"12345\"\n    path: /rel/a # p\n    id: \"12345\" # i\n  - type: model\n    name: b\n    id: b\n  - type: git-lfs\n    name: x\n    url: https://h/x.git\n    path: /r/x\nresources:\n  machineType: C4\n  ports: [80]\n"
    );
    assert!(
        up.notes.iter().any(|n| n.path == "models[0].path"),
        "{:?}",
        up.notes
    );
    // Where that cannot be done (a flow list), they are written anew.
    let text = "image: x\nname: n\nmodels: [{id: a}]\nresources:\n  instanceType: C4\n";
    assert!(upgrade_to_v1(text)
        .text
        .contains("integrations:\n  - type: model\n    name: a\n    id: a\nresources:"));
}

#[test]
fn integrations_at_one_path_are_not_both_carried() {
    let text = "image: x\nname: n\nresources:\n  instanceType: C4\nmodels:\n  - id: m\n    path: /opt/repos/r\nrepositories:\n  dataset: d\n  mountPath: /opt/repos\n  repositories:\n    - url: https://example.com/r.git\n      name: r\n    - url: https://example.com/s.git\n      name: r\n";
    let up = upgrade_to_v1(text);
    assert_v1("paths", &up);
    assert_eq!(up.text.matches("type: ").count(), 1, "{}", up.text);
    let said: Vec<&str> = up
        .notes
        .iter()
        .filter(|n| n.message.contains("already an integration's"))
        .map(|n| n.path.as_str())
        .collect();
    assert_eq!(
        said,
        [
            "repositories.repositories[0]",
            "repositories.repositories[1]"
        ]
    );
    assert_errors_explained("paths", text, &up);
}
