//! Exact results of the operations on the cases the form meets, and their refusals.

mod edit_support;

use edit_support::*;
use gradient_spec::diag::apply_edits;
use gradient_spec::edit::{
    append_item, insert_key, move_item, remove, set_scalar, EditError, NewValue,
};
use gradient_spec::yaml::parse;

fn run(text: &str, edits: Result<Vec<gradient_spec::TextEdit>, EditError>) -> String {
    let edits = edits.unwrap_or_else(|e| panic!("refused: {e}\n{text}"));
    apply_edits(text, &edits).unwrap()
}

fn env_item(name: &str, value: &str) -> NewValue {
    NewValue::map([
        ("name", NewValue::str(name)),
        ("value", NewValue::str(value)),
    ])
}

#[test]
fn set_keeps_the_trailing_comment() {
    let e01 = corpus_file("e01");
    let new = run(
        &e01,
        set_scalar(&e01, &p("resources.instanceType"), &"A4000".into()),
    );
    assert_eq!(
        new,
        e01.replace("instanceType: C4 #", "instanceType: A4000 #")
    );
    let new = run(
        &e01,
        set_scalar(&e01, &p("repositories.repositories[0].ref"), &"v2".into()),
    );
    assert_eq!(
        new,
        e01.replace("ref: main # optionally", "ref: v2 # optionally")
    );
}

#[test]
fn set_keeps_or_chooses_quotes() {
    let e07 = corpus_file("e07");
    let new = run(&e07, set_scalar(&e07, &p("env[0].value"), &"8000".into()));
    assert_eq!(new, e07.replace("value: \"7860\"", "value: \"8000\""));
    let new = run(
        &e07,
        set_scalar(&e07, &p("env[0].value"), &NewValue::Int(8000)),
    );
    assert_eq!(new, e07.replace("value: \"7860\"", "value: 8000"));
    let new = run(&e07, set_scalar(&e07, &p("port"), &"7860".into()));
    assert_eq!(new, e07.replace("port: 7860", "port: \"7860\""));
    let e03 = corpus_file("e03");
    let new = run(&e03, set_scalar(&e03, &p("command[1]"), &"-x".into()));
    assert_eq!(new, e03.replace("- '-c'", "- '-x'"));
    let new = run(
        &e03,
        set_scalar(
            &e03,
            &p("resources.autoscaling.metrics[2].value"),
            &NewValue::Float(0.5),
        ),
    );
    assert_eq!(
        new,
        e03.replace("value: 2 # 2 second", "value: 0.5 # 2 second")
    );
}

#[test]
fn ambiguous_strings_read_back_as_strings() {
    let text = "a: x # note\nb: [1, x]\n";
    for s in [
        "8000",
        "yes",
        "no",
        "on",
        "true",
        "null",
        "~",
        "1.0",
        "1e3",
        "0x10",
        "a: b",
        "a #b",
        "#x",
        "-",
        "-c",
        "- x",
        "*a",
        "&a",
        "!a",
        "%a",
        "@a",
        "`a",
        "|",
        ">",
        "'",
        "\"",
        "",
        " lead",
        "trail ",
        "[x]",
        "{x}",
        "a,b",
        "...",
        "---",
        "tab\there",
        "two\nlines",
        "emoji 🚀",
        "back\\slash",
        "x:",
        "?",
        "2023-06-14",
        "<<",
        "=",
    ] {
        let v = NewValue::str(s);
        for (path, region_end) in [("a", 12), ("b[1]", text.len())] {
            let path = p(path);
            let edits = set_scalar(text, &path, &v).unwrap_or_else(|e| panic!("{s:?}: {e}"));
            let region = gradient_spec::diag::Span::new(0, region_end);
            check(
                text,
                &edits,
                &Expect {
                    region,
                    removed: Default::default(),
                    path: &path,
                    value: Some(&v),
                },
            );
        }
    }
}

#[test]
fn multi_line_strings_become_block_scalars() {
    let e03 = corpus_file("e03");
    let new = run(
        &e03,
        set_scalar(&e03, &p("command[2]"), &"echo hi\nsleep 1\n".into()),
    );
    assert!(
        new.contains("    - |\n      echo hi\n      sleep 1\n\n  resources:"),
        "{new}"
    );
    let text = "cmd: [a, b]\nx: old # c\n";
    let new = run(text, set_scalar(text, &p("cmd[0]"), &"l1\nl2".into()));
    assert_eq!(new, "cmd: [\"l1\\nl2\", b]\nx: old # c\n");
    // A comment after the value keeps it on one line.
    let new = run(text, set_scalar(text, &p("x"), &"l1\nl2".into()));
    assert_eq!(new, "cmd: [a, b]\nx: \"l1\\nl2\" # c\n");
    let text = "x: | # header\n  old\ny: 1\n";
    let new = run(text, set_scalar(text, &p("x"), &"a\nb\n".into()));
    assert_eq!(new, "x: | # header\n  a\n  b\ny: 1\n");
}

#[test]
fn set_creates_missing_sections() {
    let e01 = corpus_file("e01");
    let new = run(
        &e01,
        set_scalar(
            &e01,
            &p("resources.autoscaling.maxReplicas"),
            &NewValue::Int(3),
        ),
    );
    assert_eq!(new, format!("{e01}  autoscaling:\n    maxReplicas: 3\n"));
    let text = "image: x\nresources:\n  autoscaling: # later\nport: 80\n";
    let new = run(
        text,
        set_scalar(
            text,
            &p("resources.autoscaling.maxReplicas"),
            &NewValue::Int(3),
        ),
    );
    assert_eq!(
        new,
        "image: x\nresources:\n  autoscaling: # later\n    maxReplicas: 3\nport: 80\n"
    );
    let text = "image: x\nresources: null\n";
    let new = run(
        text,
        set_scalar(text, &p("resources.replicas"), &NewValue::Int(1)),
    );
    assert_eq!(new, "image: x\nresources:\n  replicas: 1\n");
    let new = run(text, set_scalar(text, &p("env[0].name"), &"A".into()));
    assert_eq!(new, "image: x\nresources: null\nenv:\n  - name: A\n");
    for empty in ["", "# only a comment\n", "# no final newline"] {
        let new = run(empty, set_scalar(empty, &p("image"), &"x".into()));
        assert_eq!(
            parse(&new)
                .root
                .unwrap()
                .as_mapping()
                .unwrap()
                .get("image")
                .unwrap()
                .as_str(),
            Some("x")
        );
        assert!(new.starts_with(empty.trim_end_matches('\n')));
    }
}

#[test]
fn set_on_empty_values() {
    let text = "a:\nb: # note\nc: ~\nl:\n  -\n  - x\n";
    assert_eq!(
        run(text, set_scalar(text, &p("a"), &NewValue::Int(5))),
        "a: 5\nb: # note\nc: ~\nl:\n  -\n  - x\n"
    );
    assert_eq!(
        run(text, set_scalar(text, &p("b"), &"v".into())),
        "a:\nb: v # note\nc: ~\nl:\n  -\n  - x\n"
    );
    assert_eq!(
        run(text, set_scalar(text, &p("c"), &NewValue::Bool(true))),
        "a:\nb: # note\nc: true\nl:\n  -\n  - x\n"
    );
    assert_eq!(
        run(text, set_scalar(text, &p("l[0]"), &"v".into())),
        "a:\nb: # note\nc: ~\nl:\n  - v\n  - x\n"
    );
}

#[test]
fn insert_key_at_the_siblings_indentation() {
    let e03 = corpus_file("e03");
    let new = run(&e03, insert_key(&e03, &p(""), "region", &"nyc".into()));
    // At its place in the reference's order: `region` comes before `resources`.
    assert_eq!(
        new,
        e03.replacen("  resources:\n", "  region: nyc\n  resources:\n", 1)
    );
    let new = run(
        &e03,
        insert_key(
            &e03,
            &p("healthChecks.readiness"),
            "host",
            &"localhost".into(),
        ),
    );
    // `host` follows `path` and `port` in the reference, before the timings.
    assert!(
        new.contains("      port: 8000 # healthcheck port.\n      host: localhost\n      initialDelaySeconds: 5\n"),
        "{new}"
    );
    let text = "m: {a: 1}\ne: {}\n";
    assert_eq!(
        run(text, insert_key(text, &p("m"), "b", &NewValue::Int(2))),
        "m: {a: 1, b: 2}\ne: {}\n"
    );
    assert_eq!(
        run(
            text,
            insert_key(text, &p("e"), "k", &NewValue::Seq(vec!["x y".into()]))
        ),
        "m: {a: 1}\ne: {k: [x y]}\n"
    );
    let four = "a:\n    b: 1\nc: 2\n";
    assert_eq!(
        run(
            four,
            insert_key(four, &p(""), "d", &NewValue::map([("e", NewValue::Int(1))]))
        ),
        "a:\n    b: 1\nc: 2\nd:\n    e: 1\n"
    );
}

#[test]
fn remove_takes_its_own_comments_only() {
    let e09 = corpus_file("e09");
    let new = run(&e09, remove(&e09, &p("healthChecks")));
    assert!(
        !new.contains("# Deploy safely") && !new.contains("# routed to"),
        "{new}"
    );
    assert!(new.contains(
        "# The port the service is running on inside the above image\nport: 8000\n# The resources"
    ));
    let e01 = corpus_file("e01");
    let new = run(&e01, remove(&e01, &p("env[0].name")));
    assert!(new.contains(
        "env: # environment variables that are applied at run time\n  - value: VAR\nmodels:"
    ));
    let new = run(&e01, remove(&e01, &p("env[0]")));
    assert!(
        new.contains("env: [] # environment variables that are applied at run time\nmodels:"),
        "{new}"
    );
    let text = "env:\n  # first\n  - name: A\n    value: a\n\n  # second\n  - name: B # b\n    value: b\n    # still B\nport: 80\n";
    assert_eq!(
        run(text, remove(text, &p("env[1]"))),
        "env:\n  # first\n  - name: A\n    value: a\n\nport: 80\n"
    );
    assert_eq!(
        run(text, remove(text, &p("env[0]"))),
        "env:\n\n  # second\n  - name: B # b\n    value: b\n    # still B\nport: 80\n"
    );
    let e03 = corpus_file("e03");
    let new = run(&e03, remove(&e03, &p("basicAuthKey")));
    assert!(
        new.contains("      ...\n\n  env:"),
        "one blank line stays between sections:\n{new}"
    );
    let e10 = corpus_file("e10");
    assert_eq!(
        run(&e10, remove(&e10, &p("resources.ports[0]"))),
        e10.replace("ports: [8000]", "ports: []")
    );
    let flow = "a: [1, 2, 3]\n";
    assert_eq!(run(flow, remove(flow, &p("a[0]"))), "a: [2, 3]\n");
    assert_eq!(run(flow, remove(flow, &p("a[1]"))), "a: [1, 3]\n");
    assert_eq!(run(flow, remove(flow, &p("a[2]"))), "a: [1, 2]\n");
    let last = "a: 1\nb: 2";
    assert_eq!(run(last, remove(last, &p("b"))), "a: 1");
    let only = "m:\n  k: v\nn: 1\n";
    assert_eq!(run(only, remove(only, &p("m.k"))), "m: {}\nn: 1\n");
}

#[test]
fn append_in_block_and_flow_lists() {
    let e10 = corpus_file("e10");
    assert_eq!(
        run(
            &e10,
            append_item(&e10, &p("resources.ports"), &NewValue::Int(8080))
        ),
        e10.replace("ports: [8000]", "ports: [8000, 8080]")
    );
    let e02 = corpus_file("e02");
    let repo = NewValue::map([
        ("url", NewValue::str("https://github.com/a/b.git")),
        ("name", NewValue::str("b")),
    ]);
    let new = run(
        &e02,
        append_item(&e02, &p("repositories.repositories"), &repo),
    );
    assert_eq!(
        new,
        format!("{e02}    - url: https://github.com/a/b.git\n      name: b\n")
    );
    let text = "image: x\n";
    assert_eq!(
        run(text, append_item(text, &p("env"), &env_item("A", "1"))),
        "image: x\nenv:\n  - name: A\n    value: \"1\"\n"
    );
    let text = "env: [] # none yet\nport: 80\n";
    assert_eq!(
        run(text, append_item(text, &p("env"), &env_item("A", "a"))),
        "env: # none yet\n  - name: A\n    value: a\nport: 80\n"
    );
    assert_eq!(
        run(text, append_item(text, &p("env"), &"s".into())),
        "env: [s] # none yet\nport: 80\n"
    );
    let indentless = "env:\n- name: A\n  value: a\nport: 80\n";
    assert_eq!(
        run(
            indentless,
            append_item(indentless, &p("env"), &env_item("B", "b"))
        ),
        "env:\n- name: A\n  value: a\n- name: B\n  value: b\nport: 80\n"
    );
    let empty = "env:\nport: 80\n";
    assert_eq!(
        run(empty, append_item(empty, &p("env"), &env_item("A", "a"))),
        "env:\n  - name: A\n    value: a\nport: 80\n"
    );
}

#[test]
fn move_carries_comments() {
    let text = "env:\n  # first\n  - name: A\n    value: a\n\n  # second\n  - name: B # b\n    value: b\nport: 80\n";
    assert_eq!(
        run(text, move_item(text, &p("env"), 1, 0)),
        "env:\n  # second\n  - name: B # b\n    value: b\n\n  # first\n  - name: A\n    value: a\nport: 80\n"
    );
    let flow = "a: [1, two, &x 3]\n";
    assert_eq!(
        run(flow, move_item(flow, &p("a"), 2, 0)),
        "a: [&x 3, 1, two]\n"
    );
    let eof = "l:\n  - a\n  - b";
    assert_eq!(run(eof, move_item(eof, &p("l"), 1, 0)), "l:\n  - b\n  - a");
    assert_eq!(move_item(eof, &p("l"), 0, 0), Ok(vec![]));
}

#[test]
fn refusals_say_why() {
    let text = "a:\n  b: 1\nl: [1]\n";
    assert_eq!(
        remove(text, &p("x")),
        Err(EditError::NotFound { path: "x".into() })
    );
    assert!(matches!(
        set_scalar(text, &p("a"), &NewValue::Int(1)),
        Err(EditError::WrongKind { .. })
    ));
    assert!(matches!(
        set_scalar(text, &p("a.b.c"), &NewValue::Int(1)),
        Err(EditError::WrongKind { .. })
    ));
    assert_eq!(
        insert_key(text, &p("a"), "b", &NewValue::Null),
        Err(EditError::KeyExists { path: "a.b".into() })
    );
    assert_eq!(
        set_scalar(text, &p("l[3]"), &NewValue::Int(1)),
        Err(EditError::IndexOutOfRange {
            path: "l[3]".into(),
            len: 1
        })
    );
    assert!(matches!(
        append_item(text, &p("a"), &NewValue::Int(1)),
        Err(EditError::WrongKind { .. })
    ));
    assert!(matches!(
        move_item(text, &p("l"), 0, 1),
        Err(EditError::IndexOutOfRange { .. })
    ));
    let msg = set_scalar(text, &p("a"), &NewValue::Int(1))
        .unwrap_err()
        .to_string();
    assert_eq!(msg, "`a` is a mapping, not a single value");
}

#[test]
fn crlf_documents_stay_crlf() {
    let text =
        "image: x # c\r\nenv:\r\n  - name: A\r\n    value: a\r\nresources:\r\n  replicas: 1\r\n";
    let new = run(
        text,
        set_scalar(
            text,
            &p("resources.autoscaling.maxReplicas"),
            &NewValue::Int(2),
        ),
    );
    assert_eq!(
        new,
        format!("{text}  autoscaling:\r\n    maxReplicas: 2\r\n")
    );
    let new = run(text, append_item(text, &p("env"), &env_item("B", "b")));
    assert!(
        new.contains("    value: a\r\n  - name: B\r\n    value: b\r\nresources:"),
        "{new:?}"
    );
    let new = run(text, remove(text, &p("env[0]")));
    assert_eq!(
        new,
        "image: x # c\r\nenv: []\r\nresources:\r\n  replicas: 1\r\n"
    );
    let new = run(text, set_scalar(text, &p("image"), &"a\nb".into()));
    assert!(!new.replace("\r\n", "").contains('\n'), "{new:?}");
    assert_eq!(
        parse(&new)
            .root
            .unwrap()
            .as_mapping()
            .unwrap()
            .get("image")
            .unwrap()
            .as_str(),
        Some("a\nb")
    );
}

#[test]
fn anchors_and_tags_stay_with_their_values() {
    let text = "a: &x\nb: !!str\nc: &y\n  k: v\n";
    assert_eq!(
        run(text, set_scalar(text, &p("a"), &NewValue::Int(1))),
        "a: &x 1\nb: !!str\nc: &y\n  k: v\n"
    );
    assert_eq!(
        run(text, set_scalar(text, &p("b"), &"s".into())),
        "a: &x\nb: !!str s\nc: &y\n  k: v\n"
    );
    assert_eq!(
        run(text, remove(text, &p("c.k"))),
        "a: &x\nb: !!str\nc: &y {}\n"
    );
    assert_eq!(
        run(text, set_scalar(text, &p("a.k"), &NewValue::Int(1))),
        "a: &x\n  k: 1\nb: !!str\nc: &y\n  k: v\n"
    );
}

#[test]
fn keys_that_need_quotes() {
    let text = "m:\n  a: 1\n";
    for k in ["a b", "a: b", "8000", "yes", "", "#k", "- k", "[k]"] {
        let new = run(text, insert_key(text, &p("m"), k, &NewValue::Int(2)));
        let root = parse(&new).root.unwrap();
        let m = root
            .as_mapping()
            .unwrap()
            .get("m")
            .unwrap()
            .as_mapping()
            .unwrap()
            .clone();
        assert_eq!(m.entries.len(), 2, "{k:?}: {new}");
        assert_eq!(m.entries[1].key.scalar_text(), Some(k), "{new}");
    }
}

#[test]
fn block_scalar_with_trailing_spaces_is_replaced_whole() {
    let text = "s: |\n  keep  \nt: 1\n";
    assert_eq!(
        run(text, set_scalar(text, &p("s"), &"x".into())),
        "s: x\nt: 1\n"
    );
    assert_eq!(
        run(text, set_scalar(text, &p("s"), &"a\nb\n".into())),
        "s: |\n  a\n  b\nt: 1\n"
    );
}

/// Setting an empty block scalar keeps the comment on its header's line, which is not
/// inside the scalar's span (the layer's span took it in until the differential fuzz
/// target found it; the edit now looks on the header's line).
#[test]
fn set_keeps_the_comment_of_an_empty_block_scalar() {
    let text = "image: nginx\ncommand: | # filled in later\n";
    let new = run(text, set_scalar(text, &p("command"), &"run.sh".into()));
    assert_eq!(new, "image: nginx\ncommand: run.sh # filled in later\n");
}
