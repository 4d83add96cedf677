//! Unit tests of the pre-scan for unclosed quotes and brackets.

use super::*;

fn openers(text: &str) -> Vec<(usize, Opener)> {
    scan(text)
        .unclosed
        .iter()
        .map(|u| (u.at, u.opener))
        .collect()
}

#[test]
fn unclosed_list_is_found_at_its_bracket_and_closed_at_its_line_end() {
    let text = "image: x\ncommand: [python, app.py   # run it\nport: 8000\n";
    let s = scan(text);
    let at = text.find('[').unwrap();
    assert_eq!(
        s.unclosed,
        vec![Unclosed {
            at,
            opener: Opener::List,
            ended_by: text.find("port")
        }]
    );
    assert_eq!(
        s.insertions,
        vec![(text.find("py ").unwrap() + 2, "]".to_string())]
    );
}

#[test]
fn unclosed_quotes_are_found() {
    let text = "image: \"x\ncommand: [python]\nname: 'y\n";
    assert_eq!(
        openers(text),
        vec![
            (7, Opener::DoubleQuote),
            (text.rfind('\'').unwrap(), Opener::SingleQuote)
        ]
    );
}

#[test]
fn closed_things_are_not_reported() {
    for text in [
        "a: [x, y]\nb: {c: [d, e], f: \"g]\"}\n",
        "a: [x,\n  y]\nb: 1\n",
        "a: \"multi\n  line\"\nb: 'it''s'\n",
        "a: don't [stop\nb: x#[y\n",
        "a: |\n  [unclosed in a block scalar\n  \"quote\nb: 1\n",
        "# [comment\na: 1 # 'x\n",
        "{\n\"json\": [1,\n2]\n}\n",
        "a: plain\n  continued [ here\nb: 1\n",
        "a: \"esc \\\" quote\"\nb: 1\n",
        "- [a, b]: c\n- x\n",
        "--- [a,\nb]\n--- \"x\ny\"\n",
        "  a: 1\n  b: [x,\n    y]\n",
    ] {
        assert_eq!(scan(text), Scan::default(), "{text:?}");
    }
}

#[test]
fn nested_openers_are_all_closed_and_the_outer_one_reported() {
    let text = "a: [x, {b: [c\nd: 1\n";
    let s = scan(text);
    assert_eq!(openers(text), vec![(3, Opener::List)]);
    assert_eq!(
        s.insertions,
        vec![(text.find('c').unwrap() + 1, "]}]".to_string())]
    );
}

#[test]
fn a_quote_inside_a_list_is_closed_first() {
    let text = "a: [\"x, y\nb: 1\n";
    let s = scan(text);
    assert_eq!(
        openers(text),
        vec![(4, Opener::DoubleQuote), (3, Opener::List)]
    );
    assert_eq!(
        s.insertions,
        vec![(text.find('y').unwrap() + 1, "\"]".to_string())]
    );
}

#[test]
fn badly_indented_closing_line_is_not_taken_for_a_new_entry() {
    assert_eq!(scan("a: [x,\ny]\nb: 1\n"), Scan::default());
}

#[test]
fn only_the_first_line_of_a_document_is_top_level() {
    let text = "a: 1\n\"b: 2\nc: 3\n";
    assert_eq!(scan(text).unclosed[0].ended_by, text.find("c:"));
}

#[test]
fn at_the_end_of_the_text() {
    let s = scan("a: [x, y");
    assert_eq!(s.unclosed[0].ended_by, None);
    assert_eq!(s.insertions, vec![(8, "]".to_string())]);
}

#[test]
fn an_escaping_backslash_gets_a_space_before_the_quote() {
    let s = scan("a: \"x\\\nb: 1\n");
    assert_eq!(s.insertions, vec![(6, " \"".to_string())]);
}

#[test]
fn deep_and_odd_input_does_not_panic() {
    let deep = "[".repeat(20_000);
    assert_eq!(scan(&deep).insertions[0].1.len(), 20_000);
    for text in [
        "", "\"", "'", "[", "{", "\\", "a: \"\\", "- |\n", "---", "%", "\n\n", "é: [ü",
    ] {
        let _ = scan(text);
    }
}
