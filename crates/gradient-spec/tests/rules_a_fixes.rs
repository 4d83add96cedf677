//! Every fix the rules-a rules offer, applied alone to every corpus file and to
//! broken variants of them, gives text that still parses with no new `yaml-syntax`
//! problem, and makes its own diagnostic go away.

mod rules_a_support;
use gradient_spec::check;
use gradient_spec::diag::apply_edits;
use rules_a_support::{corpus, corpus_names, mine, pos, MY_RULES};

fn syntax_count(text: &str) -> usize {
    check(text)
        .diagnostics
        .iter()
        .filter(|d| d.rule == "yaml-syntax")
        .count()
}

/// Applies each fix in turn; returns how many were checked.
fn check_fixes(label: &str, text: &str) -> usize {
    let before = syntax_count(text);
    let mut n = 0;
    for d in mine(text) {
        let Some(fix) = &d.fix else { continue };
        n += 1;
        let at = pos(text, d.span.start);
        let after = apply_edits(text, &fix.edits)
            .unwrap_or_else(|| panic!("{label}: fix of {} at {at} has overlapping edits", d.rule));
        assert!(
            syntax_count(&after) <= before,
            "{label}: fix `{}` of {} at {at} breaks the YAML:\n{after}",
            fix.title,
            d.rule
        );
        let again = mine(&after);
        assert!(
            !again
                .iter()
                .any(|e| e.rule == d.rule && e.path == d.path && e.message == d.message),
            "{label}: fix `{}` of {} at {at} leaves the problem:\n{after}",
            fix.title,
            d.rule
        );
    }
    n
}

#[test]
fn fixes_on_the_corpus() {
    let mut total = 0;
    for name in corpus_names() {
        total += check_fixes(&name, &corpus(&name));
    }
    eprintln!("corpus: {total} fixes checked");
    assert!(total >= 15, "only {total} fixes checked");
}

/// Broken variants of the corpus: fields removed, misplaced, mistyped.
#[test]
fn fixes_on_broken_variants() {
    let mut total = 0;
    for name in corpus_names() {
        let text = corpus(&name);
        let variants = [
            text.replace("image:", "imgae:"),
            text.replace("  replicas:", "replicas:"),
            text.replace("instanceType:", "instancetype:"),
            text.replace("machineType: ", "machineType: a4000 #"),
            text.replace("port: 80", "port: \"80\""),
            text.replace("apiVersion: ", "apiVersion: V"),
            text.replace("enabled: true\n", ""),
            text.replace("ports: [8000]", "ports: 8000"),
            text.replace("- id:", "  id:")
                .replace("models:\n  -", "models:\n   "),
            text.replace("healthChecks:", "healthchecks:")
                .replace("readiness:", "readyness:"),
            text.replace("command:\n", "command: python app.py\nx:\n"),
        ];
        for (i, v) in variants.iter().enumerate() {
            if v != &text {
                total += check_fixes(&format!("{name} variant {i}"), v);
            }
        }
    }
    eprintln!("variants: {total} fixes checked");
    assert!(total >= 50, "only {total} fixes checked");
}

#[test]
fn fixes_on_the_fixtures() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/rules-a/");
    let mut total = 0;
    for entry in std::fs::read_dir(dir).expect("fixture dir") {
        let path = entry.expect("entry").path();
        let text = std::fs::read_to_string(&path).expect("fixture");
        total += check_fixes(&path.display().to_string(), &text);
    }
    assert!(total >= 10, "only {total} fixes checked");
}

#[test]
fn every_rule_id_of_ours_is_known() {
    for id in MY_RULES {
        assert!(id.parse::<gradient_spec::RuleId>().is_ok(), "{id}");
        assert!(gradient_spec::rules::find(id).is_some(), "{id}");
    }
}

/// Found by the fuzzer: a key written after an anchor (`&a a: b`) sits in a block at
/// the anchor's column, so lines a fix adds beside it go there, not under the key.
#[test]
fn fixes_beside_anchored_keys() {
    for text in [
        "&a a: b\nc: &d d\n",
        "!!str a: b\nresources:\n  &r instanceType: C4\n",
        "- &x name: a\n",
        "! dataset: x\nrepositories:\n! dataset: y\ncommand:\n  - a\n",
        "\rue: 5.15}\n",
        "a: 1\rb: 2\r",
        "repositories:\n dataset: !:\nd",
        "repositories: ! :",
        "image: &i\nport: !!int\n",
        "? &a a\n: &b b\n: *a\n",
    ] {
        check_fixes(text, text);
    }
    let text = "&a a: b\nc: &d d\n";
    let fix = check(text)
        .diagnostics
        .into_iter()
        .find(|d| d.rule == "missing-field" && d.message.contains("image"))
        .and_then(|d| d.fix)
        .expect("a fix inserting image");
    let after = apply_edits(text, &fix.edits).unwrap();
    assert!(after.contains("\nimage:"), "{after}");
}

/// Found by the fuzzer: explicit keys (`? key`) break the layout fixes rely on, so
/// fixes that add lines are withheld there (the problems are still reported).
#[test]
fn no_line_adding_fixes_beside_explicit_keys() {
    for text in [
        "{\n? explicit: entry,\nimplicit: entry,\n?\n}\n",
        "---\n?\n- a\n- b\n:\n- c\n- d\n",
    ] {
        check_fixes(text, text);
        let report = check(text);
        assert!(report.diagnostics.iter().any(|d| d.rule == "missing-field"));
        assert!(report.diagnostics.iter().all(|d| d.fix.is_none()), "{text}");
    }
}
