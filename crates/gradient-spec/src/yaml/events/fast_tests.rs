//! The fast path's oracle: wherever `fast::run` answers, its documents must be exactly
//! saphyr-parser's through the builder (`build::run_saphyr`): the same starts and
//! trees (spans, entry spans, values, styles, kinds). Run on every YAML Test Suite
//! case, every corpus spec and the texts an editor passes through on the way to it
//! (each prefix cut at a line, each line left out), the fuzz corpora and the
//! generated specs of the benchmarks; each set also counts how many inputs took the
//! fast path, so a subset that shrank to nothing fails too.

use super::build::{run_saphyr, Run};
use super::fast;
use super::fast_oracle::{differs, skipped_checks_find};

// The oracle's loader of the test data, also its module (`yaml/oracle/mod.rs`).
#[allow(dead_code, unreachable_pub, clippy::duplicate_mod)]
#[path = "../../../tests/yaml_data.rs"]
mod data;

/// Inputs compared, inputs that took the fast path, and the first mismatches.
#[derive(Default)]
struct Tally {
    compared: usize,
    fast: usize,
    mismatches: Vec<String>,
}

impl Tally {
    fn check(&mut self, name: &str, text: &str) {
        self.compared += 1;
        let Some(fast) = fast::run(text) else {
            return;
        };
        self.fast += 1;
        let slow = run_saphyr(text);
        let why = differs(&fast, &slow).or_else(|| skipped_checks_find(&fast, text));
        if let Some(why) = why {
            if self.mismatches.len() < 10 {
                self.mismatches.push(format!("{name}: {text:?}\n  {why}"));
            } else {
                self.mismatches.push(String::new());
            }
        }
    }

    /// Prints the counts; fails on a mismatch or when fewer than `min_fast` inputs
    /// took the fast path.
    fn report(&self, set: &str, min_fast: usize) {
        println!(
            "{set}: {} compared, {} fast path, {} mismatches",
            self.compared,
            self.fast,
            self.mismatches.len()
        );
        assert!(
            self.mismatches.is_empty(),
            "{set}: {} mismatches, the first:\n{}",
            self.mismatches.len(),
            self.mismatches.join("\n")
        );
        assert!(
            self.fast >= min_fast,
            "{set}: only {} inputs took the fast path",
            self.fast
        );
    }
}

#[test]
fn the_suite_cases_give_saphyr_parsers_trees() {
    let mut t = Tally::default();
    for case in data::suite_cases() {
        t.check(&case.id, &case.text);
    }
    t.report("YAML Test Suite", 10);
}

#[test]
fn the_corpus_specs_and_their_edits_give_saphyr_parsers_trees() {
    let files = data::corpus_files();
    let mut whole = Tally::default();
    let mut edits = Tally::default();
    for (name, text) in &files {
        whole.check(name, text);
        if fast::run(text).is_none() {
            println!(
                "{name} leaves the fast path at: {:?}",
                first_slow_line(text)
            );
        }
        let lines: Vec<&str> = text.split_inclusive('\n').collect();
        for i in 0..=lines.len() {
            edits.check(name, &lines[..i].concat());
            if i < lines.len() {
                let without = [&lines[..i], &lines[i + 1..]].concat().concat();
                edits.check(name, &without);
                // A line being typed: cut at every fourth character.
                for cut in (0..lines[i].len()).step_by(4) {
                    if lines[i].is_char_boundary(cut) {
                        let typed = [lines[..i].concat().as_str(), &lines[i][..cut]].concat();
                        edits.check(name, &typed);
                    }
                }
            }
        }
    }
    whole.report("corpus specs", files.len() - 4);
    edits.report("corpus edits", 1_000);
}

/// The line after the longest prefix (cut at a line) that takes the fast path: what
/// sends the text away, or the end of a construct that started above it.
fn first_slow_line(text: &str) -> Option<&str> {
    let lines: Vec<&str> = text.split_inclusive('\n').collect();
    let mut end = 0;
    let mut after_last_fast = 0;
    for (i, line) in lines.iter().enumerate() {
        end += line.len();
        if fast::run(&text[..end]).is_some() {
            after_last_fast = i + 1;
        }
    }
    lines.get(after_last_fast).copied()
}

/// The fuzz corpora in the repository (`fuzz/corpus/`), or the folders listed in
/// `FAST_PATH_CORPORA` (separated by `:`); a folder that is not there is skipped.
#[test]
fn the_fuzz_corpora_give_saphyr_parsers_trees() {
    let dirs: Vec<std::path::PathBuf> = match std::env::var("FAST_PATH_CORPORA") {
        Ok(list) => list.split(':').map(Into::into).collect(),
        Err(_) => ["pipeline", "differential"]
            .iter()
            .map(|d| {
                std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("fuzz/corpus")
                    .join(d)
            })
            .collect(),
    };
    for dir in dirs {
        let Ok(entries) = std::fs::read_dir(&dir) else {
            println!("{}: not there, skipped", dir.display());
            continue;
        };
        let mut t = Tally::default();
        for e in entries.flatten() {
            let Ok(bytes) = std::fs::read(e.path()) else {
                continue;
            };
            if let Ok(text) = std::str::from_utf8(&bytes) {
                t.check(&e.file_name().to_string_lossy(), text);
            }
        }
        t.report(&dir.display().to_string(), 1);
    }
}

/// The spec of the browser benchmarks (`tests/bench/specs.mjs`): a long `env` list
/// with a comment on every name line.
fn bench_spec(lines: usize) -> String {
    let mut out: Vec<String> = [
        "apiVersion: v1",
        "name: bench",
        "enabled: true",
        "image: nginx:1.27 # the image",
        "resources:",
        "  machineType: C4",
        "  ports: [8000]",
        "env:",
    ]
    .map(String::from)
    .to_vec();
    let mut i = 0;
    while out.len() < lines {
        out.push(format!("  - name: VAR_{i} # variable {i}"));
        out.push(format!("    value: \"v{i}\""));
        i += 1;
    }
    out.truncate(lines);
    out.join("\n") + "\n"
}

/// The spec of `tests/yaml_bench.rs`: also block scalars and flow mappings, which
/// the fast path leaves to saphyr-parser.
fn native_bench_spec(lines: usize) -> String {
    let mut s = String::from(
        "# A large deployment spec for measurements.\napiVersion: v1\nimage: paperspace/fastapi:1.0.0  # the image\nenabled: true\n\
         command:\n  - python\n  - -m\n  - uvicorn\n  - app:main\nresources:\n  replicas: 2\n  machineType: C4\n  ports: [8000]\n\
         healthChecks:\n  readiness:\n    path: /ready\n    initialDelaySeconds: 5\nenv:\n",
    );
    let mut i = 0;
    while s.lines().count() < lines {
        s.push_str(&match i % 4 {
            0 => format!(
                "  # variable {i}\n  - name: VAR_{i:05}\n    value: \"value {i} with spaces\"\n"
            ),
            1 => {
                format!("  - name: PLAIN_{i:05}  # trailing comment\n    value: plain-value-{i}\n")
            }
            2 => format!(
                "  - name: BLOCK_{i:05}\n    value: |\n      line one of {i}\n      line two\n"
            ),
            _ => format!("  - {{name: FLOW_{i:05}, value: 'it''s {i}'}}\n"),
        });
        i += 1;
    }
    s
}

#[test]
fn the_generated_specs_give_saphyr_parsers_trees() {
    let mut t = Tally::default();
    for lines in [10, 100, 1_000, 5_000] {
        t.check("bench spec", &bench_spec(lines));
    }
    t.report("bench specs", 4);
    let mut t = Tally::default();
    for lines in [20, 100, 5_000] {
        t.check("native bench spec", &native_bench_spec(lines));
    }
    t.report("native bench specs (block scalars, flow mappings)", 0);
}

/// Random texts of spec-like lines (indentations, keys, items, scalars of every
/// style, comments, block scalars, flow lists, and things that are errors), many of
/// them at the subset's edges: wherever the fast path answers, saphyr-parser agrees.
/// `FAST_PATH_RANDOM=N` tries N texts instead of 200,000.
#[test]
fn random_spec_like_texts_give_saphyr_parsers_trees() {
    const PIECES: &[&str] = &[
        "key:",
        "key: value",
        "k: 1",
        "k: -1",
        "k: ~",
        "k: true",
        "k: 'it''s'",
        "k: \"q\"",
        "k: [a, 'b', \"c\"]",
        "k: []",
        "k: [8000]",
        "k: |",
        "k: |-",
        "k: |  # c",
        "- ",
        "-",
        "- a",
        "- -m",
        "- k: v",
        "- k:",
        "- - x",
        "- |",
        "- [a]",
        "\"q\": v",
        "'s': v",
        "# comment",
        "",
        "  ",
        "k: v # c",
        "k: a: b",
        "k: a #b",
        "k:v",
        "x",
        "...",
        "---",
        ": v",
        "? k",
        "k: :x",
        "k: http://h:80/p?q=1#f",
        "é: ü",
        "k: [a, b",
        "k: 'open",
        "k: a - b",
        "k: [a -]",
        "k: {a: 1}",
        "k: &a x",
        "k: *a",
        "k: !t x",
        "- # c",
    ];
    let mut state = 0x2545_f491_4f6c_dd1du64;
    let mut rand = |n: usize| {
        state ^= state << 13;
        state ^= state >> 7;
        state ^= state << 17;
        (state % n as u64) as usize
    };
    let mut t = Tally::default();
    let n = std::env::var("FAST_PATH_RANDOM").map_or(200_000, |v| v.parse().unwrap_or(200_000));
    for _ in 0..n {
        let lines = 1 + rand(10);
        let mut text = String::new();
        let mut indent = 0usize;
        for _ in 0..lines {
            // Mostly as deep as the line before, a level in or out, sometimes odd.
            indent = match rand(8) {
                0 | 1 => indent.saturating_sub(2),
                2 => indent.saturating_sub(4),
                3 | 4 => indent + 2,
                5 => indent + 1,
                _ => indent,
            };
            text.push_str(&" ".repeat(indent));
            text.push_str(PIECES[rand(PIECES.len())]);
            text.push('\n');
        }
        if rand(10) == 0 {
            text.pop();
        }
        t.check("random", &text);
    }
    t.report("random spec-like texts", 1_000);
}

/// What the subset takes and what it leaves (each answered the same by saphyr-parser).
#[test]
fn the_subset_is_what_it_says() {
    for text in [
        "a: 1\nb:\n  c: [x, 'y', \"z\"]\n  d:\n  - e\n  - f: g\n    h: ~\n",
        "# c\n\n- a # c\n-   b: 1\n    c: 2\n- - x\n  - y\n-\n  k: v\n",
        "key:    # c\n  # c\n  nested: 'it''s'\n\"q\": []\n",
        "  indented: root\n  next: -1\n",
        "url: http://x:80/a?b=c#d\nflag: --verbose\nempty:\n",
        "é: ü\nk: \"日本\"\n",
        "image: :image\nq: ?x\n",
        "run: |\n  a\n\n    b  \n  c\n\n\nnext: 1\n",
        "- |\n  a\n  # not a comment\n- |-\n   b\n  \n- x\n",
        "a:\n  - |  # c\n    x\n  - y\n",
        "a: |\n    x\n  \n",
        "- k: |\n    x\n  j: 1\n",
        "a:\n  - |\n      x\n  # c\n  - y\n",
        "a:\n  - |\n      x\n# c\n    # c\n  - y\n",
        "a: |\n    x\n # c\nb: 1\n",
        "a: |\n  x\n# c\nb: 1\n",
        "a:\n  ...\nb:\n    'x'\nc:\n  [x]\n",
        "- a\n-\n  b\n- # c\n  \"c\"\n",
        "---\na: b\n",
        "# c\n--- # c\n\n- x\n",
    ] {
        let fast = fast::run(text).unwrap_or_else(|| panic!("{text:?} left the fast path"));
        assert_eq!(differs(&fast, &run_saphyr(text)), None, "{text:?}");
    }
    for text in [
        "",
        "# only a comment\n",
        "a: &x 1\n",
        "a: *x\n",
        "a: !!str 1\n",
        "a: {b: 1}\n",
        "a: b: c\n",
        "a:\tb\n",
        "a: b\r\n",
        "\u{feff}a: b\n",
        "--- a: b\n",
        "---\n",
        "a: 1\n---\nb: 2\n",
        "---\na: 1\n---\n",
        "a: b\n...\n",
        "%YAML 1.2\n---\na: b\n",
        "? a\n: b\n",
        "a: \"x\\ny\"\n",
        "a: 'x\n  y'\n",
        "a: x\n  y\n",
        "a:\n  x\n  y\n",
        "a:\n  |\n   x\n",
        "- a\n-\n",
        "a: [x,\n  y]\n",
        "a: [x,]\n",
        "a: [x -]\n",
        "a: [[x]]\n",
        "plain scalar\n",
        "a: 1\n b: 2\n",
        "a: |\n  x",
        "a: |\n\n  x\n",
        "a: |\nb: 1\n",
        "a: |2\n  x\n",
        "a: >\n  x\n",
        "a: |\n  x\n     \n",
        "- a | b: |\n  x\n",
    ] {
        assert!(fast::run(text).is_none(), "{text:?} took the fast path");
    }
}

/// Not a test: the run alone, fast path against saphyr-parser, best of 30 on the
/// bench specs (`cargo test --release --lib fast_tests::measure -- --ignored
/// --nocapture`).
#[test]
#[ignore]
fn measure_the_run_alone() {
    let best = |f: &dyn Fn() -> Run| {
        (0..30)
            .map(|_| {
                let t = std::time::Instant::now();
                drop(f());
                t.elapsed().as_secs_f64() * 1e3
            })
            .fold(f64::MAX, f64::min)
    };
    for lines in [100, 5_000] {
        let text = bench_spec(lines);
        let fast = best(&|| fast::run(&text).expect("the fast path"));
        let slow = best(&|| run_saphyr(&text));
        println!("{lines} lines: fast path {fast:.3} ms, saphyr-parser {slow:.3} ms");
    }
}
