//! `repo-name`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_b_util::{none, one};
use crate::shared::repositories::*;

#[test]
fn repo_name_errors_point_at_the_name() {
    for v in ["\"\"", "'  '", "a/b", "/abs", ".", "'..'"] {
        let text = repo(&format!("url: https://h/x.git\n      name: {v}"));
        let f = one(&text, "repo-name", "error", "5:13");
        assert_eq!(f.path, "repositories.repositories[0].name");
    }
}

#[test]
fn a_repeated_name_points_at_the_later_entry() {
    let text = "repositories:\n  dataset: ds\n  repositories:\n    - url: https://h/a.git\n      name: tf\n    - url: https://h/b.git\n      name: other\n    - url: https://h/c.git\n      name: tf\n";
    let f = one(text, "repo-name", "error", "9:13");
    assert_eq!(f.path, "repositories.repositories[2].name");
    assert!(
        f.message.contains("repositories.repositories[0]"),
        "{}",
        f.message
    );
}

#[test]
fn repo_name_near_misses() {
    for v in ["tf-serving", "Whisper-AutoCaption", "a.b", "...x", "x_y"] {
        none(
            &repo(&format!("url: https://h/x.git\n      name: {v}")),
            "repo-name",
        );
    }
    // Absent, null or not a string: `missing-field` / `wrong-type`.
    none(&repo("url: https://h/x.git"), "repo-name");
    none(&repo("url: https://h/x.git\n      name:"), "repo-name");
    none(&repo("url: https://h/x.git\n      name: [a]"), "repo-name");
    // Names differing in case are different directories.
    let text = "repositories:\n  dataset: ds\n  repositories:\n    - {url: 'https://h/a', name: tf}\n    - {url: 'https://h/b', name: TF}\n";
    none(text, "repo-name");
}
