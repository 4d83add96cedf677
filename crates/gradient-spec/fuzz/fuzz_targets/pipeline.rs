//! Fuzzes the whole pipeline: parse → check → JSON → edit → upgrade → print. Whatever the bytes,
//! it must not panic, hang or run out of memory; every span must lie inside the text on
//! character boundaries, each node inside its parent's span; and every edit the core
//! returns (a fix, or a form edit on a path of the document) must apply, add no syntax
//! problem, and leave a text that checks in turn. The
//! upgrade to v1 must hold the same, and a second upgrade must change nothing. Where
//! the YAML layer's fast path reads the text, its tree must be saphyr-parser's.
#![no_main]

use gradient_spec::diag::apply_edits;
use gradient_spec::edit::{
    append_item, insert_key, insert_key_at, move_item, move_key, remove, rename_key, set_scalar,
    wrap_in_list, NewValue,
};
use gradient_spec::upgrade::{upgrade_to_v1, UpgradeStatus};
use gradient_spec::yaml::{Node, Value};
use gradient_spec::{Report, SpecPath, TextEdit};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Non-UTF-8 input is refused before parsing (the CLI exits 2 on it).
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    // The YAML layer's fast path, where it takes the text, builds exactly
    // saphyr-parser's tree (the differential target checks this too; here it runs at
    // the pipeline's speed).
    if let Some(difference) = gradient_spec::yaml::oracle::fast_path_difference(text) {
        panic!("the fast path and saphyr-parser differ: {difference}\ntext: {text:?}");
    }
    let report = checked(text);
    // A seed from the bytes picks which edits to try, so the corpus steers them too.
    let seed = data
        .iter()
        .fold(0xcbf2_9ce4_8422_2325u64, |h, b| (h ^ u64::from(*b)).wrapping_mul(0x100_0000_01b3));
    // Fixes go through the check the app and the CLI apply them with; the text it
    // lets through must check in turn.
    for fix in report.diagnostics.iter().filter_map(|d| d.fix.as_ref()).take(3) {
        if let Some(after) = gradient_spec::apply_fix(text, &report, fix) {
            checked(&after);
        }
    }
    if let Some(root) = &report.doc.root {
        let paths = all_paths(root);
        if !paths.is_empty() {
            let (path, len) = &paths[(seed % paths.len() as u64) as usize];
            let value = new_value(seed >> 8);
            let (other, _) = &paths[((seed >> 32) % paths.len() as u64) as usize];
            let result = match (seed >> 16) % 9 {
                0 => set_scalar(text, path, &value),
                1 => insert_key(text, path, "addedKey", &value),
                2 => remove(text, path),
                3 => append_item(text, path, &value),
                4 => rename_key(text, path, "renamedKey"),
                5 => insert_key_at(text, path, (seed >> 24) as usize % 4, "addedKey", &value),
                6 => move_key(text, path, other, (seed >> 24) as usize % 4, "movedKey"),
                7 => wrap_in_list(text, path),
                _ => move_item(text, path, (seed >> 24) as usize % (len + 1), 0),
            };
            if let Ok(edits) = result {
                edited(text, &report, &edits, "a form edit");
            }
        }
    }
    let up = upgrade_to_v1(text);
    if up.status == UpgradeStatus::Upgraded {
        let after = apply_edits(text, &up.edits).expect("the upgrade's edits apply");
        assert_eq!(after, up.text, "the upgrade's edits make its text");
        edited(text, &report, &up.edits, "the upgrade");
        let again = upgrade_to_v1(&up.text);
        assert_eq!(again.text, up.text, "a second upgrade changed the text");
    } else {
        assert!(up.edits.is_empty() && up.text == text, "an upgrade that did not happen changed the text");
    }
});

/// Checks `text` and asserts the invariants of a report and of the lossless tree.
fn checked(text: &str) -> Report {
    let report = gradient_spec::check(text);
    for d in &report.diagnostics {
        let s = d.span;
        assert!(
            s.start <= s.end && s.end <= text.len(),
            "{} span {s:?} outside the text",
            d.rule
        );
        assert!(
            text.is_char_boundary(s.start) && text.is_char_boundary(s.end),
            "{} span {s:?} splits a character",
            d.rule
        );
    }
    let _ = report.doc.to_json();
    if let Some(root) = &report.doc.root {
        nested(root, gradient_spec::Span::new(0, text.len()), text);
    }
    report
}

/// Every node's span lies inside its parent's, on character boundaries (the tree is
/// what edits cut the text by: a span out of place would make an edit cut wrongly).
fn nested(node: &Node, outer: gradient_spec::Span, text: &str) {
    let s = node.span;
    assert!(
        outer.start <= s.start && s.start <= s.end && s.end <= outer.end,
        "node span {s:?} outside its parent {outer:?}"
    );
    assert!(text.is_char_boundary(s.start) && text.is_char_boundary(s.end));
    match &node.value {
        Value::Mapping(m) => {
            for e in &m.entries {
                assert!(
                    s.start <= e.span.start && e.span.end <= s.end,
                    "entry span {:?} outside its mapping {s:?}",
                    e.span
                );
                nested(&e.key, e.span, text);
                nested(&e.value, e.span, text);
            }
        }
        Value::Sequence(q) => q.items.iter().for_each(|i| nested(i, s, text)),
        _ => {}
    }
}

/// Applies edits the core returned: they must fit the text, and the result must have
/// no more syntax problems than before (unless the list was capped: then the count
/// says nothing, as a fix that removes a duplicate key frees a place under the cap).
fn edited(text: &str, before: &Report, edits: &[TextEdit], what: &str) {
    let after = apply_edits(text, edits).unwrap_or_else(|| panic!("{what} does not apply"));
    let report = checked(&after);
    let capped = |r: &Report| {
        r.diagnostics
            .iter()
            .any(|d| d.message.ends_with("more syntax problems not shown)"))
    };
    if capped(before) || capped(&report) {
        return;
    }
    let syntax = |r: &Report| r.diagnostics.iter().filter(|d| d.rule == "yaml-syntax").count();
    assert!(
        syntax(&report) <= syntax(before),
        "{what} added a syntax problem: {after:?}"
    );
}

fn new_value(seed: u64) -> NewValue {
    match seed % 8 {
        0 => NewValue::Null,
        1 => NewValue::Bool(seed & 16 != 0),
        2 => NewValue::Int((seed >> 4) as i64 - 1000),
        3 => NewValue::Str("a: b # not a comment".into()),
        4 => NewValue::Str("line\nbreak\n".into()),
        5 => NewValue::Str("yes".into()),
        6 => NewValue::Map(vec![("name".into(), NewValue::Str("x".into()))]),
        _ => NewValue::Seq(vec![NewValue::Int(8080)]),
    }
}

/// The first 500 paths in the document (not the root), in document order, each with
/// the length of the list there (0 when it is not a list).
fn all_paths(root: &Node) -> Vec<(SpecPath, usize)> {
    fn len(n: &Node) -> usize {
        match &n.value {
            Value::Sequence(s) => s.items.len(),
            _ => 0,
        }
    }
    fn go(n: &Node, at: &SpecPath, out: &mut Vec<(SpecPath, usize)>) {
        if out.len() > 500 {
            return;
        }
        match &n.value {
            Value::Mapping(m) => {
                for e in &m.entries {
                    if let Some(k) = e.key.scalar_text() {
                        let p = at.key(k);
                        out.push((p.clone(), len(&e.value)));
                        go(&e.value, &p, out);
                    }
                }
            }
            Value::Sequence(s) => {
                for (i, item) in s.items.iter().enumerate() {
                    let p = at.index(i);
                    out.push((p.clone(), len(item)));
                    go(item, &p, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    go(root, &SpecPath::root(), &mut out);
    out
}
