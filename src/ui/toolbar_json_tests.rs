//! "Download JSON" converts with the core (`Document::to_json`) and serde_json, without
//! a YAML library in the browser. Before, it converted with serde_yaml (yaml_serde):
//! these tests hold the new output byte for byte to serde_yaml's on the real specs of
//! `tests/data/corpus/`, on the values a spec uses and on the YAML Test Suite, and list
//! where the two rightly differ.

use super::toolbar::to_json;

/// What "Download JSON" wrote before: serde_yaml's value printed by serde_json.
fn through_serde_yaml(text: &str) -> Result<String, String> {
    let value: serde_yaml::Value = serde_yaml::from_str(text).map_err(|e| e.to_string())?;
    serde_json::to_string_pretty(&value)
        .map(|s| s + "\n")
        .map_err(|e| e.to_string())
}

fn files(dir: &str, keep: impl Fn(&str) -> bool) -> Vec<(String, String)> {
    let dir = format!("{}/tests/data/{dir}", env!("CARGO_MANIFEST_DIR"));
    let mut out: Vec<(String, String)> = std::fs::read_dir(&dir)
        .unwrap_or_else(|e| panic!("{dir}: {e}"))
        .filter_map(|e| e.ok())
        .map(|e| e.file_name().to_string_lossy().into_owned())
        .filter(|name| keep(name))
        .map(|name| {
            let text = std::fs::read_to_string(format!("{dir}/{name}")).unwrap();
            (name, text)
        })
        .collect();
    out.sort();
    out
}

/// Every YAML and JSON spec of the corpus (JSON is YAML too) gives the same bytes as
/// before.
#[test]
fn corpus_specs_convert_byte_for_byte_as_serde_yaml_did() {
    let specs = files("corpus", |n| n.ends_with(".yaml") || n.ends_with(".json"));
    assert!(
        specs.len() >= 19,
        "only {} specs in the corpus",
        specs.len()
    );
    for (name, text) in &specs {
        let before = through_serde_yaml(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        let now = to_json(text).unwrap_or_else(|e| panic!("{name}: {e}"));
        assert_eq!(now, before, "{name}");
    }
}

/// The values a spec holds, in the ways YAML writes them.
#[test]
fn scalars_quotes_blocks_and_aliases_convert_as_serde_yaml_did() {
    let cases = [
        "image: nginx:1.25\nport: 8080\nreplicas: 0\nenabled: true\nnothing: ~\nempty:\n",
        "ints: [0, -3, +4, 0x1F, 0o17, 9223372036854775807, -9223372036854775808]\n",
        "floats: [1.5, -0.25, 1e3, 2.5E-2, .5, 6.02e+23, .inf, -.inf, .nan, 0.0, -0.0]\n",
        "quoted: ['8000', \"true\", '', \"a\\tb\\u00e9\\n\", 'it''s', \"\\\"q\\\"\"]\n",
        "words: [yes, no, on, off, Null, NULL, True, FALSE, y, n, 1_000, 0b, 0x, 1e, +]\n",
        "text: |\n  line one\n  line two\nfolded: >-\n  a\n  b\n\n  c\nkeep: |+\n  x\n\nend: 1\n",
        "plain: a long\n  value on\n  three lines\nurl: https://example.com/a#b?c=d\n",
        "unicode: 日本 😀\nescaped: \"\\U0001F600 \\x41 \\/\"\ncontrol: \"\\u0001\\u007f\"\n",
        "base: &b {cpu: 1, env: [{name: A, value: '1'}]}\ncopy: *b\nlist: [*b, *b]\n",
        "flow: {a: [1, {b: [], c: {}}], 'd e': null}\nseq:\n- - nested\n  - list\n- {}\n- []\n",
        "- just\n- a\n- list\n",
        "just a string\n",
        "42\n",
        "",
        "# only a comment\n",
        "---\nstarted: explicitly\n...\n",
        "%YAML 1.2\n---\ntagged: !!str 8000\nint: !!int '7'\nfloat: !!float 3\n",
        "spec:\n  image: x\nenv:\n  - name: TOKEN\n    value: secret:token\n",
        "key with spaces: 1\n\"quoted key\": 2\n? explicit\n: 3\n",
    ];
    for text in cases {
        let before = through_serde_yaml(text).unwrap_or_else(|e| panic!("{text:?}: {e}"));
        assert_eq!(to_json(text).as_deref(), Ok(before.as_str()), "{text:?}");
    }
}

/// Where serde_yaml read a plain scalar the YAML 1.1 way, the JSON now says what
/// YAML 1.2's core schema says (the one the checker and the form use): `0b1` is text,
/// `012` is the number 12.
#[test]
fn yaml_1_1_numbers_now_convert_the_yaml_1_2_way() {
    assert_eq!(
        through_serde_yaml("[0b1, 012]\n").unwrap(),
        "[\n  1,\n  \"012\"\n]\n"
    );
    assert_eq!(to_json("[0b1, 012]\n").unwrap(), "[\n  \"0b1\",\n  12\n]\n");
}

/// Texts serde_yaml refused are refused too, each with a message naming its line.
#[test]
fn texts_serde_yaml_refused_are_refused_with_the_line() {
    let cases = [
        ("a: [\n", 1),
        ("a: 1\nb: 'open\n", 2),
        ("a: 1\na: 2\n", 2),
        ("a: 1\n---\nb: 2\n", 2),
        ("a:\n\t- tab\n", 2),
        ("a: *missing\n", 1),
    ];
    for (text, line) in cases {
        assert!(
            through_serde_yaml(text).is_err(),
            "serde_yaml took {text:?}"
        );
        let err = to_json(text).expect_err(text);
        assert!(
            err.starts_with("The YAML does not convert to JSON: "),
            "{err}"
        );
        if !text.contains('*') {
            assert!(err.ends_with(&format!("(line {line})")), "{text:?}: {err}");
        }
    }
}

/// The YAML Test Suite's valid cases: where serde_yaml read the text, the output is
/// the same, except where serde_yaml's JSON was not what the YAML says. Those are
/// listed with the reason (the core's reading is the YAML 1.2 one; `yaml::json`
/// documents its choices).
#[test]
fn yaml_test_suite_converts_as_serde_yaml_did_but_for_listed_cases() {
    const TAGGED: &str = "serde_yaml wrote a tagged value as {\"!tag\": value}; tags are not kept";
    const BANG: &str =
        "`!` (the non-specific tag) makes a string; serde_yaml wrote {\"!!\": value}";
    const FLOW_KEY: &str = "`?foo` in a flow collection is a plain scalar, not an explicit key";
    const CHOMP: &str = "libyaml-rs dropped the trailing blank lines a `|+` or `|` keeps";
    let differ: &[(&str, &str)] = &[
        ("52DL", BANG),
        ("8MK2", BANG),
        ("S4JQ", BANG),
        ("UKK6-02", BANG),
        ("6CK3", TAGGED),
        ("7FWL", TAGGED),
        ("CUP7", TAGGED),
        ("M5C3", TAGGED),
        ("Z67P", TAGGED),
        ("652Z", FLOW_KEY),
        ("HM87-01", FLOW_KEY),
        ("JEF9-02", CHOMP),
        ("L24T-01", CHOMP),
        (
            "Y2GN",
            "an anchor name may hold `:`; libyaml-rs cut `&an:chor` short",
        ),
    ];
    let list = std::fs::read_to_string(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/data/yaml-test-suite/cases.tsv"
    ))
    .unwrap();
    let (mut same, mut compared, mut only_serde_yaml, mut only_core) = (0, 0, Vec::new(), 0);
    let mut unexpected = Vec::new();
    for line in list.lines().skip(1) {
        let mut cols = line.split('\t');
        let (Some(id), Some("no")) = (cols.next(), cols.next()) else {
            continue;
        };
        let text = std::fs::read_to_string(format!(
            "{}/tests/data/yaml-test-suite/cases/{id}.yaml",
            env!("CARGO_MANIFEST_DIR")
        ))
        .unwrap();
        let (before, now) = match (through_serde_yaml(&text), to_json(&text)) {
            (Ok(before), Ok(now)) => (before, now),
            (Ok(_), Err(e)) => {
                only_serde_yaml.push(format!("{id}: {e}"));
                continue;
            }
            (Err(_), Ok(_)) => {
                only_core += 1;
                continue;
            }
            (Err(_), Err(_)) => continue,
        };
        compared += 1;
        let listed = differ.iter().any(|(d, _)| *d == id);
        if before == now {
            same += 1;
            assert!(!listed, "{id} is listed as different but is the same now");
        } else if !listed {
            unexpected.push(format!("{id}:\n{text}\nserde_yaml: {before}\ncore: {now}"));
        }
    }
    eprintln!(
        "{compared} cases both read: {same} the same, {} listed; {} only serde_yaml read, {only_core} only the core",
        differ.len(),
        only_serde_yaml.len()
    );
    assert!(unexpected.is_empty(), "{}", unexpected.join("\n---\n"));
    assert!(only_serde_yaml.is_empty(), "{only_serde_yaml:?}");
    assert!(compared >= 150, "only {compared} cases compared");
    assert_eq!(same + differ.len(), compared);
}
