//! `repo-credentials`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_b_util::{none, of, one};
use crate::shared::repositories::*;

#[test]
fn username_and_password_go_together() {
    let text = repo("url: https://gitlab.com/a/b.git\n      name: b\n      username: me");
    let f = one(&text, "repo-credentials", "warning", "6:17");
    assert_eq!(f.path, "repositories.repositories[0].username");

    let text = repo("url: https://gitlab.com/a/b.git\n      name: b\n      password: secret:tok");
    let f = one(&text, "repo-credentials", "warning", "6:17");
    assert_eq!(f.path, "repositories.repositories[0].password");

    none(&repo("url: https://gitlab.com/a/b.git\n      name: b\n      username: me\n      password: secret:tok"), "repo-credentials");
    none(
        &repo("url: https://gitlab.com/a/b.git\n      name: b"),
        "repo-credentials",
    );
    // An empty username is no username.
    let text = repo("url: https://gitlab.com/a/b.git\n      name: b\n      username: ''\n      password: secret:tok");
    one(&text, "repo-credentials", "warning", "7:17");
}

#[test]
fn a_github_url_with_a_password_gets_an_info() {
    let text = repo("url: https://github.com/a/b.git\n      name: b\n      username: me\n      password: secret:tok");
    let f = one(&text, "repo-credentials", "info", "7:17");
    assert!(f.message.contains("personal access token"));
    let text = repo("url: git@github.com:a/b.git\n      name: b\n      username: me\n      password: secret:tok");
    one(&text, "repo-credentials", "info", "7:17");
    // GitHub without a password, or a password elsewhere: nothing.
    none(
        &repo("url: https://github.com/a/b.git\n      name: b"),
        "repo-credentials",
    );
    let infos = of(&repo("url: https://gitlab.com/a/b.git\n      name: b\n      username: me\n      password: secret:t"), "repo-credentials");
    assert!(infos.is_empty());
}
