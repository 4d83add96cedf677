//! Properties of this rule group on generated input: no panic, spans inside the text
//! on character boundaries, every fix applies without making the YAML worse, a safe
//! fix is not offered again once applied, and plaintext is never echoed.

mod rules_b_util;

use gradient_spec::Applicability;
use proptest::prelude::*;
use rules_b_util::{assert_fixes_keep_syntax, ours};

/// Specs with one `{}` where a generated value goes, one per field this group reads.
const TEMPLATES: &[&str] = &[
    "repositories:\n  dataset: ds\n  mountPath: {}\n  repositories:\n    - url: https://h/x\n      name: x\n",
    "repositories:\n  dataset: {}\n  repositories:\n    - url: https://h/x\n      name: x\n",
    "repositories:\n  dataset: ds\n  repositories:\n    - url: https://h/x\n      name: x\n      username: u\n      password: {}\n",
    "repositories:\n  dataset: ds\n  repositories:\n    - url: {}\n      name: x\n",
    "repositories:\n  dataset: ds\n  repositories:\n    - url: https://h/x\n      name: {}\n    - url: https://h/y\n      name: y\n",
    "env:\n  - name: A\n    value: {}\n",
    "env:\n  - name: A\n    value: a\n  - name: {}\n    value: b\n",
    "apiVersion: v1\nbasicAuthKey: {}\n",
    "models:\n  - id: {}\n    path: /opt/m\n",
    "models:\n  - id: m1\n    path: {}\n  - id: m2\n    path: /opt/m\n",
    "apiVersion: v1\nintegrations:\n  - type: {}\n    name: a\n    region: r\n",
    "apiVersion: v1\nintegrations:\n  - type: volume\n    name: a\n    path: {}\n  - type: volume\n    name: b\n    path: /d\n",
    "apiVersion: v1\nintegrations:\n  - type: s3\n    name: a\n    url: s3://b\n    accessKeyId: {}\n    secretAccessKey: {}\n",
    "spec:\n  env:\n    - {name: A, value: {}}\n",
];

/// Values that reach the interesting branches, plus arbitrary printable text.
fn value() -> impl Strategy<Value = String> {
    let head = prop_oneof![
        Just(""),
        Just("secret:"),
        Just("SECRET:"),
        Just("Secret: "),
        Just("secrets:"),
        Just("secret :"),
        Just("${"),
        Just("$"),
        Just("{{ secrets."),
        Just("/"),
        Just("//"),
        Just("./"),
        Just("~/"),
        Just("C:\\"),
        Just("https://"),
        Just("http://u:p@"),
        Just("git@"),
        Just("ghp_"),
        Just("AKIA"),
        Just("your-"),
        Just("do-"),
    ];
    let tail = prop_oneof![
        "[a-zA-Z0-9_./-]{0,24}",
        "[ -~]{0,24}",
        "\\PC{0,8}",
        Just("}".to_string()),
        Just(" }}".to_string())
    ];
    (head, tail, tail_suffix()).prop_map(|(h, t, s)| format!("{h}{t}{s}"))
}

fn tail_suffix() -> impl Strategy<Value = String> {
    prop_oneof![
        Just(String::new()),
        Just("/".to_string()),
        Just("}".to_string()),
        Just("/./x".to_string()),
        Just("/..".to_string())
    ]
}

/// The value written plain, single-quoted, double-quoted, or as a flow mapping.
fn written(v: &str, style: u8) -> String {
    match style {
        0 => v.replace('\n', " "),
        1 => format!("'{}'", v.replace('\'', "''").replace('\n', " ")),
        2 => format!(
            "\"{}\"",
            v.replace('\\', "\\\\")
                .replace('"', "\\\"")
                .replace('\n', "\\n")
        ),
        _ => format!(
            "{{secret: {}}}",
            v.replace(['\n', ',', '{', '}', '[', ']', '#'], "")
        ),
    }
}

fn check_invariants(text: &str) {
    for f in ours(text) {
        let span = f.diag.span;
        assert!(
            span.start <= span.end && span.end <= text.len(),
            "{span:?} out of {}",
            text.len()
        );
        assert!(text.is_char_boundary(span.start) && text.is_char_boundary(span.end));
        let Some((fixed, applicability)) = &f.fixed else {
            continue;
        };
        if *applicability == Applicability::Safe {
            let again = ours(fixed)
                .into_iter()
                .filter(|g| g.rule == f.rule && g.diag.span.start == span.start)
                .filter(|g| {
                    g.fixed
                        .as_ref()
                        .is_some_and(|(_, a)| *a == Applicability::Safe)
                })
                .count();
            assert_eq!(
                again,
                0,
                "safe fix of {} offered again:\n{text}\n->\n{fixed}",
                f.line()
            );
        }
    }
    assert_fixes_keep_syntax(text);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(400))]

    #[test]
    fn any_value_in_any_field(v in value(), field in 0..TEMPLATES.len(), style in 0u8..4) {
        let text = TEMPLATES[field].replace("{}", &written(&v, style));
        check_invariants(&text);
    }

    #[test]
    fn a_plaintext_password_is_never_echoed(pw in "[a-zA-Z0-9!%^*()_+=.-]{4,30}") {
        prop_assume!(!pw.to_ascii_lowercase().starts_with("secret"));
        let text = TEMPLATES[2].replace("{}", &format!("'{pw}'"));
        for f in ours(&text) {
            prop_assert!(!f.message.contains(&pw), "{}", f.message);
        }
        let text = TEMPLATES[5].replace("{}", &format!("hf_{pw}{pw}{pw}{pw}{pw}"));
        for f in ours(&text) {
            prop_assert!(!f.message.contains(&pw), "{}", f.message);
        }
    }

    #[test]
    fn random_documents_built_from_our_keys(lines in prop::collection::vec(line(), 0..14)) {
        check_invariants(&lines.concat());
    }
}

/// One line of a spec-like document: a key this group reads at some indentation,
/// with a value, or a list dash.
fn line() -> impl Strategy<Value = String> {
    let key = prop_oneof![
        Just("repositories"),
        Just("dataset"),
        Just("mountPath"),
        Just("url"),
        Just("name"),
        Just("username"),
        Just("password"),
        Just("env"),
        Just("value"),
        Just("models"),
        Just("id"),
        Just("path"),
        Just("integrations"),
        Just("type"),
        Just("region"),
        Just("secretAccessKey"),
        Just("accessKeyId"),
        Just("basicAuthKey"),
        Just("spec"),
        Just("secret"),
    ];
    let indent = prop_oneof![
        Just(""),
        Just("  "),
        Just("    "),
        Just("  - "),
        Just("    - "),
        Just("      ")
    ];
    let val = prop_oneof![
        Just(String::new()),
        value().prop_map(|v| format!(" {}", written(&v, 2))),
        value().prop_map(|v| format!(" {}", written(&v, 0)))
    ];
    (indent, key, val).prop_map(|(i, k, v)| format!("{i}{k}:{v}\n"))
}
