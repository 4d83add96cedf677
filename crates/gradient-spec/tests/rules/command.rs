//! `command`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_a_support::{expect, expect_fix, expect_none};
use crate::shared::general::*;
use gradient_spec::Applicability::Unsafe;
use gradient_spec::Severity::Error;

#[test]
fn command_as_a_string_is_wrapped() {
    let d = expect_fix(
        &format!("image: x\ncommand: nginx\n{TAIL}"),
        "command",
        Error,
        "2:10",
        &format!("image: x\ncommand: [nginx]\n{TAIL}"),
    );
    assert_eq!(d.fix.unwrap().applicability, Unsafe);
    expect_fix(
        &format!("image: x\ncommand: python app.py # run\n{TAIL}"),
        "command",
        Error,
        "2:10",
        &format!("image: x\ncommand: [/bin/sh, -c, \"python app.py\"] # run\n{TAIL}"),
    );
    expect_fix(
        &format!("image: x\ncommand: |\n  cd /app\n  python \"app.py\"\n{TAIL}"),
        "command",
        Error,
        "2:10",
        &format!(
            "image: x\ncommand: [/bin/sh, -c, \"cd /app\\npython \\\"app.py\\\"\\n\"]\n{TAIL}"
        ),
    );
}

#[test]
fn command_not_a_list_of_strings() {
    expect(
        &format!("image: x\ncommand: []\n{TAIL}"),
        "command",
        Error,
        "2:10",
    );
    expect(
        &format!("image: x\ncommand:\n{TAIL}"),
        "command",
        Error,
        "2:1",
    );
    expect(
        &format!("image: x\ncommand:\n  run: app\n{TAIL}"),
        "command",
        Error,
        "2:1",
    );
    let d = expect(
        &format!("image: x\ncommand: [python, 5]\n{TAIL}"),
        "command",
        Error,
        "2:19",
    );
    assert_eq!(d.path, "command[1]");
    expect_none(
        &format!("image: x\ncommand:\n  - python\n  - '-c'\n  - |\n    print(1)\n{TAIL}"),
        "command",
    );
}
