//! `dataset-required`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_b_util::{assert_fixes_keep_syntax, none, of, one};
use gradient_spec::Applicability::Unsafe;

const REPOS: &str = "  mountPath: /opt/repos\n  repositories:\n    - url: https://gitlab.com/a/b.git\n      name: b\n";

#[test]
fn absent_dataset_points_at_repositories_and_inserts_a_line() {
    let text = format!("image: x\nrepositories:\n{REPOS}");
    let f = one(&text, "dataset-required", "error", "2:1");
    assert_eq!(f.path, "repositories.dataset");
    let fixed = format!("image: x\nrepositories:\n  dataset: your-dataset-id\n{REPOS}");
    assert_eq!(f.fixed, Some((fixed.clone(), Unsafe)));
    // The inserted placeholder is then only an info.
    let after = of(&fixed, "dataset-required");
    assert_eq!(after.len(), 1);
    assert_eq!(after[0].severity, "info");
}

#[test]
fn the_insertion_follows_indentation_line_ends_and_flow_style() {
    // (the spec, the fixed text): each reported at 1:1, at `repositories`.
    let cases = [
        (
            "repositories:\r\n    mountPath: /r\r\n",
            "repositories:\r\n    dataset: your-dataset-id\r\n    mountPath: /r\r\n",
        ),
        (
            "repositories: {mountPath: /r}\n",
            "repositories: {dataset: your-dataset-id, mountPath: /r}\n",
        ),
        (
            "repositories: {}\n",
            "repositories: {dataset: your-dataset-id}\n",
        ),
        (
            "repositories: { }\n",
            "repositories: {dataset: your-dataset-id }\n",
        ),
        (
            "repositories: { # none yet\n}\n",
            "repositories: {dataset: your-dataset-id # none yet\n}\n",
        ),
    ];
    for (text, fixed) in cases {
        let f = one(text, "dataset-required", "error", "1:1");
        assert_eq!(f.fixed_text(), fixed, "{text:?}");
    }

    // A `{` whose text the tree could not read (after a syntax error) gets no fix:
    // writing in front of that text would add a problem (found by
    // `tests/rules_b_props.rs`, as it shrank it; the tree reads the inner
    // `repositories` as a bare `{`).
    let text = "  mountPath:\nrepositories: /\n  repositories: {{ secrets././x\n  repositories:\nrepositories:\n";
    let f = one(text, "dataset-required", "error", "3:3");
    assert_eq!(f.fixed, None);
    assert_fixes_keep_syntax(text);

    // Under a `spec:` wrapper the path says so.
    let text = "spec:\n  repositories:\n    mountPath: /r\n";
    let f = one(text, "dataset-required", "error", "2:3");
    assert_eq!(f.path, "spec.repositories.dataset");
    assert_eq!(
        f.fixed_text(),
        "spec:\n  repositories:\n    dataset: your-dataset-id\n    mountPath: /r\n"
    );
}

#[test]
fn empty_dataset_points_at_it() {
    // `dataset:` with no value: at the key; the fix fills the value before a comment.
    let text = "repositories:\n  dataset:   # fill me\n  mountPath: /r\n";
    let f = one(text, "dataset-required", "error", "2:3");
    assert_eq!(
        f.fixed_text(),
        "repositories:\n  dataset: your-dataset-id   # fill me\n  mountPath: /r\n"
    );

    let text = "repositories:\n  dataset: \"\"\n";
    let f = one(text, "dataset-required", "error", "2:12");
    assert_eq!(
        f.fixed_text(),
        "repositories:\n  dataset: \"your-dataset-id\"\n"
    );

    let text = "repositories:\n  dataset: ~\n";
    let f = one(text, "dataset-required", "error", "2:12");
    assert_eq!(
        f.fixed_text(),
        "repositories:\n  dataset: your-dataset-id\n"
    );

    let text = "repositories:\n  dataset: '  '\n";
    one(text, "dataset-required", "error", "2:12");
}

#[test]
fn placeholders_are_infos() {
    // One in angle brackets (`<dataset>`) is an error: see `rules_placeholders.rs`.
    for v in ["your-dataset-id", "dataset-ref", "..."] {
        let text = format!("repositories:\n  dataset: {v}\n");
        let f = one(&text, "dataset-required", "info", "2:12");
        assert!(f.fixed.is_none());
    }
}

#[test]
fn near_misses() {
    none(
        &format!("repositories:\n  dataset: dstflhstfexl6w3\n{REPOS}"),
        "dataset-required",
    );
    none("image: x\n", "dataset-required");
    // Not a mapping, or a dataset of the wrong kind: `structure` reports those.
    none("repositories:\n", "dataset-required");
    none("repositories: [a]\n", "dataset-required");
    none("repositories:\n  dataset: [a]\n", "dataset-required");
    none("repositories:\n  dataset: 42\n", "dataset-required");
    // A misplaced top-level `dataset`: `misplaced-field` and its move fix cover it.
    none(
        "dataset: ds\nrepositories:\n  mountPath: /r\n",
        "dataset-required",
    );
}

#[test]
fn fixes_keep_the_yaml_well_formed() {
    for text in [
        "repositories:\n  mountPath: /r\n",
        "repositories:\n  dataset:\n",
        "repositories:\n  dataset: ''\n",
        "repositories: {mountPath: /r}\n",
        "repositories: {}\n",
        "spec:\n  repositories:\n    mountPath: /r\n",
    ] {
        assert_fixes_keep_syntax(text);
    }
}
