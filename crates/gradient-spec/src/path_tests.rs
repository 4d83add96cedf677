//! Tests of spec paths: their text, and how paths compare step by step.
use super::*;

fn p(s: &str) -> SpecPath {
    SpecPath::parse(s).unwrap()
}

#[test]
fn round_trips_through_text() {
    for s in [
        "image",
        "resources.instanceType",
        "repositories.repositories[1].password",
        "env[0].value",
        "a[0][2].b",
        "",
    ] {
        assert_eq!(SpecPath::parse(s).unwrap().to_string(), s);
    }
    assert_eq!(SpecPath::parse("a[x]"), None);
    assert_eq!(SpecPath::parse("a[1"), None);
}

#[test]
fn the_leading_well_formed_steps_of_a_malformed_text() {
    assert_eq!(
        SpecPath::parse_leading("env[0].value"),
        (p("env[0].value"), true)
    );
    assert_eq!(
        SpecPath::parse_leading("env[0].a[b.c"),
        (p("env[0].a"), false)
    );
    assert_eq!(SpecPath::parse_leading("a[1"), (p("a"), false));
    assert_eq!(SpecPath::parse_leading("a[1]x.b"), (p("a[1]"), false));
    assert_eq!(SpecPath::parse_leading(".a"), (SpecPath::root(), false));
}

#[test]
fn a_path_starts_with_itself_and_its_ancestors_step_by_step() {
    let path = p("env[0].name");
    for prefix in ["", "env", "env[0]", "env[0].name"] {
        assert!(path.starts_with(&p(prefix)), "{prefix}");
    }
    // A longer key or another index is not an ancestor, though its text is a prefix.
    for other in ["en", "env[0].nam", "env[0].name.x", "env[1]", "envs"] {
        assert!(!path.starts_with(&p(other)), "{other}");
    }
    assert!(!p("env[10]").starts_with(&p("env[1]")));
}

#[test]
fn the_parent_is_one_step_up() {
    assert_eq!(p("env[0].name").parent(), Some(p("env[0]")));
    assert_eq!(p("env[0]").parent(), Some(p("env")));
    assert_eq!(p("env").parent(), Some(SpecPath::root()));
    assert_eq!(SpecPath::root().parent(), None);
}

#[test]
fn the_last_step_says_item_or_key() {
    assert!(p("env[2]").is_item());
    assert!(!p("env[2].name").is_item() && !SpecPath::root().is_item());
    assert_eq!(
        p("repositories.dataset").split_key(),
        Some((p("repositories"), "dataset"))
    );
    assert_eq!(p("image").split_key(), Some((SpecPath::root(), "image")));
    assert_eq!(p("env[2]").split_key(), None);
    assert_eq!(SpecPath::root().split_key(), None);
}

#[test]
fn self_and_ancestors_go_up_to_the_top_level() {
    let up: Vec<String> = p("a.b[1].c")
        .self_and_ancestors()
        .map(|a| a.to_string())
        .collect();
    assert_eq!(up, ["a.b[1].c", "a.b[1]", "a.b", "a"]);
    assert_eq!(SpecPath::root().self_and_ancestors().count(), 0);
}
