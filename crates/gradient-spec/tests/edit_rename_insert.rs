//! The by-path operations the upgrade added to the edit layer: `rename_key`,
//! `insert_key_at`, `move_key` and `wrap_in_list`, on block, flow, quoted, commented
//! and CRLF text, and their refusals.

mod edit_support;

use edit_support::*;
use gradient_spec::diag::apply_edits;
use gradient_spec::edit::{insert_key_at, move_key, rename_key, wrap_in_list, EditError, NewValue};

fn run(text: &str, edits: Result<Vec<gradient_spec::TextEdit>, EditError>) -> String {
    let edits = edits.unwrap_or_else(|e| panic!("refused: {e}\n{text}"));
    apply_edits(text, &edits).unwrap()
}

#[test]
fn rename_keeps_value_comment_place_and_quotes() {
    let e01 = corpus_file("e01");
    let new = run(
        &e01,
        rename_key(&e01, &p("resources.instanceType"), "machineType"),
    );
    assert_eq!(
        new,
        e01.replace("  instanceType: C4 #", "  machineType: C4 #")
    );
    let text = "{\"a\": 1, 'b': 2, c: 3}\n";
    assert_eq!(
        run(text, rename_key(text, &p("a"), "x")),
        "{\"x\": 1, 'b': 2, c: 3}\n"
    );
    assert_eq!(
        run(text, rename_key(text, &p("b"), "y")),
        "{\"a\": 1, 'y': 2, c: 3}\n"
    );
    assert_eq!(
        run(text, rename_key(text, &p("c"), "z w")),
        "{\"a\": 1, 'b': 2, z w: 3}\n"
    );
    // A name that would read as something else is quoted.
    let text = "a:\r\n  b: [1] # c\r\n";
    assert_eq!(
        run(text, rename_key(text, &p("a.b"), "true")),
        "a:\r\n  \"true\": [1] # c\r\n"
    );
    assert_eq!(run(text, rename_key(text, &p("a.b"), "b")), text);
}

#[test]
fn rename_refusals() {
    let text = "a: 1\nb: 2\nl: [1]\n";
    assert!(matches!(
        rename_key(text, &p("a"), "b"),
        Err(EditError::KeyExists { .. })
    ));
    assert!(matches!(
        rename_key(text, &p("x"), "y"),
        Err(EditError::NotFound { .. })
    ));
    assert!(rename_key(text, &p("l[0]"), "y").is_err());
    assert!(rename_key(text, &p(""), "y").is_err());
}

#[test]
fn insert_at_goes_above_the_entry_and_its_comments() {
    let e09 = corpus_file("e09");
    let new = run(&e09, insert_key_at(&e09, &p(""), 1, "region", &"x".into()));
    assert_eq!(
        new,
        e09.replacen(
            "# To disable the application",
            "region: x\n# To disable the application",
            1
        )
    );
    let n01 = corpus_file("n01");
    let new = run(
        &n01,
        insert_key_at(&n01, &p(""), 0, "apiVersion", &"v1".into()),
    );
    // The header comment is separated by a blank line: it stays first.
    assert_eq!(
        new,
        n01.replacen(
            "\nimage: tensorflow/serving",
            "\napiVersion: v1\nimage: tensorflow/serving",
            1
        )
    );
    let text = "a: 1\r\nres:\r\n  x: 1\r\n  y: 2\r\n";
    let value = NewValue::Seq(vec![NewValue::map([("k", NewValue::Int(1))])]);
    assert_eq!(
        run(text, insert_key_at(text, &p("res"), 1, "l", &value)),
        "a: 1\r\nres:\r\n  x: 1\r\n  l:\r\n    - k: 1\r\n  y: 2\r\n"
    );
    let text = "a: {x: 1, y: 2}\n";
    assert_eq!(
        run(
            text,
            insert_key_at(text, &p("a"), 0, "w", &NewValue::Seq(vec![]))
        ),
        "a: {w: [], x: 1, y: 2}\n"
    );
    let json = "{\n  \"image\": \"x\",\n  \"port\": 1\n}\n";
    assert_eq!(
        run(json, insert_key_at(json, &p(""), 1, "name", &"n".into())),
        "{\n  \"image\": \"x\",\n  \"name\": \"n\",\n  \"port\": 1\n}\n"
    );
    // Past the end it appends, creating a missing parent like insert_key.
    assert_eq!(
        run(text, insert_key_at(text, &p("a"), 9, "z", &3i64.into())),
        "a: {x: 1, y: 2, z: 3}\n"
    );
    assert_eq!(
        run(text, insert_key_at(text, &p("b"), 0, "z", &3i64.into())),
        "a: {x: 1, y: 2}\nb:\n  z: 3\n"
    );
    let bom = "\u{feff}a: 1\n";
    assert_eq!(
        run(bom, insert_key_at(bom, &p(""), 0, "z", &3i64.into())),
        "\u{feff}z: 3\na: 1\n"
    );
}

#[test]
fn insert_at_refusals() {
    let text = "a: 1\nl:\n  - x: 1\n    y: 2\n";
    assert!(matches!(
        insert_key_at(text, &p(""), 0, "a", &1i64.into()),
        Err(EditError::KeyExists { .. })
    ));
    // The first key of a list item: the new key takes the dash line.
    assert_eq!(
        run(text, insert_key_at(text, &p("l[0]"), 0, "w", &1i64.into())),
        "a: 1\nl:\n  - w: 1\n    x: 1\n    y: 2\n"
    );
    let nested = "l:\n- - x: 1 # c\n    y: 2\n- k: v # d\n";
    assert!(insert_key_at(nested, &p("l[0][0]"), 0, "w", &1i64.into()).is_err());
    assert_eq!(
        run(
            nested,
            insert_key_at(
                nested,
                &p("l[1]"),
                0,
                "w",
                &NewValue::Seq(vec![1i64.into()])
            )
        ),
        "l:\n- - x: 1 # c\n    y: 2\n- w:\n  - 1\n  k: v # d\n"
    );
    assert_eq!(
        run(text, insert_key_at(text, &p("l[0]"), 1, "w", &1i64.into())),
        "a: 1\nl:\n  - x: 1\n    w: 1\n    y: 2\n"
    );
}

#[test]
fn move_carries_the_entry_and_its_comments() {
    let text = "# head\n\n# the port\nport: 8000 # trailing\nimage: x\nres:\n    a: 1\n    b: 2\n";
    assert_eq!(
        run(text, move_key(text, &p("port"), &p("res"), 1, "ports")),
        "# head\n\nimage: x\nres:\n    a: 1\n    # the port\n    ports: 8000 # trailing\n    b: 2\n"
    );
    // At the end, after the last entry's deeper comment lines; CRLF kept.
    let crlf = text.replace('\n', "\r\n");
    assert_eq!(
        run(&crlf, move_key(&crlf, &p("port"), &p("res"), 9, "port")),
        "# head\r\n\r\nimage: x\r\nres:\r\n    a: 1\r\n    b: 2\r\n    # the port\r\n    port: 8000 # trailing\r\n"
    );
    // A block value moves with its lines, re-indented.
    let text = "a:\n  l:\n    - 1 # one\n    - 2\nb:\n- x: 1\nc:\n  k: v\n";
    assert_eq!(
        run(text, move_key(text, &p("a.l"), &p("c"), 0, "list")),
        "a: {}\nb:\n- x: 1\nc:\n  list:\n    - 1 # one\n    - 2\n  k: v\n"
    );
    let e09 = corpus_file("e09");
    let new = run(
        &e09,
        move_key(&e09, &p("port"), &p("resources"), 2, "ports"),
    );
    assert!(new.contains("  instanceType: A4000\n  # The port the service is running on inside the above image\n  ports: 8000\n  autoscaling:"), "{new}");
}

#[test]
fn move_refusals() {
    let text = "a: 1\nb: {x: 1}\nc:\n  y: 2\nl: [1]\n";
    assert!(
        move_key(text, &p("a"), &p("b"), 0, "a").is_err(),
        "flow destination"
    );
    assert!(
        move_key(text, &p("b.x"), &p("c"), 0, "x").is_err(),
        "flow source"
    );
    assert!(matches!(
        move_key(text, &p("a"), &p("c"), 0, "y"),
        Err(EditError::KeyExists { .. })
    ));
    assert!(
        move_key(text, &p("c"), &p("c"), 0, "z").is_err(),
        "into itself"
    );
    assert!(matches!(
        move_key(text, &p("zz"), &p("c"), 0, "z"),
        Err(EditError::NotFound { .. })
    ));
    assert!(
        move_key(text, &p("a"), &p("l"), 0, "z").is_err(),
        "a list destination"
    );
}

#[test]
fn wrap_makes_a_one_item_flow_list() {
    let text = "port: 8000 # c\nq: \"7860\"\nr: &a x\ns: a, b\n";
    assert_eq!(
        run(text, wrap_in_list(text, &p("port"))),
        "port: [8000] # c\nq: \"7860\"\nr: &a x\ns: a, b\n"
    );
    assert_eq!(
        run(text, wrap_in_list(text, &p("q"))),
        "port: 8000 # c\nq: [\"7860\"]\nr: &a x\ns: a, b\n"
    );
    assert_eq!(
        run(text, wrap_in_list(text, &p("r"))),
        "port: 8000 # c\nq: \"7860\"\nr: [&a x]\ns: a, b\n"
    );
    // A plain value that a flow list would split is quoted.
    assert_eq!(
        run(text, wrap_in_list(text, &p("s"))),
        "port: 8000 # c\nq: \"7860\"\nr: &a x\ns: [\"a, b\"]\n"
    );
    let text = "a: [1]\nb:\nc: |\n  x\n";
    assert!(wrap_in_list(text, &p("a")).is_err());
    assert!(wrap_in_list(text, &p("b")).is_err());
    assert!(wrap_in_list(text, &p("c")).is_err());
    assert!(wrap_in_list(text, &p("")).is_err());
}
