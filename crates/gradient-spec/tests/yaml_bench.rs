//! Measurements of the YAML layer, not tests: `#[ignore]`d, they print numbers and
//! assert nothing about time (budgets are measured, never asserted). Run natively with
//! optimisations (the workspace's release profile is tuned for wasm size):
//!
//! ```sh
//! CARGO_PROFILE_RELEASE_OPT_LEVEL=3 CARGO_PROFILE_RELEASE_LTO=false \
//!   cargo test --release -p gradient-spec --test yaml_bench -- --ignored --nocapture
//! ```
//!
//! `BENCH_ONLY=validate BENCH_ITERS=200` repeats one step (parse, validate,
//! validate-as-used, layer, check, none), for a profiler or `perf stat`.

use gradient_spec::yaml::{parse, MAX_INPUT_BYTES};
use rowan::ast::AstNode;
use std::hint::black_box;
use std::time::{Duration, Instant};
use yaml_edit::validator::{Validator, ValidatorConfig};

/// A realistic spec of at least `lines` lines or `bytes` bytes, whichever comes
/// first: the usual top-level fields, then a long `env` list with comments, quoting,
/// flow mappings and block scalars.
fn big_spec(lines: usize, bytes: usize) -> String {
    let mut s = String::from(
        "# A large deployment spec for measurements.\napiVersion: v1\nimage: paperspace/fastapi:1.0.0  # the image\nenabled: true\n\
         command:\n  - python\n  - -m\n  - uvicorn\n  - app:main\nresources:\n  replicas: 2\n  machineType: C4\n  ports: [8000]\n\
         healthChecks:\n  readiness:\n    path: /ready\n    initialDelaySeconds: 5\nenv:\n",
    );
    let mut count = s.lines().count();
    let mut i = 0;
    while count < lines && s.len() < bytes {
        let (chunk, n) = match i % 4 {
            0 => (format!("  # variable {i}\n  - name: VAR_{i:05}\n    value: \"value {i} with spaces\"\n"), 3),
            1 => (format!("  - name: PLAIN_{i:05}  # trailing comment\n    value: plain-value-{i}\n"), 2),
            2 => (format!("  - name: BLOCK_{i:05}\n    value: |\n      line one of {i}\n      line two\n"), 4),
            _ => (format!("  - {{name: FLOW_{i:05}, value: 'it''s {i}'}}\n"), 1),
        };
        s.push_str(&chunk);
        count += n;
        i += 1;
    }
    s
}

/// Median wall time of `f` over `iters` runs.
fn median<T>(iters: usize, mut f: impl FnMut() -> T) -> Duration {
    let mut times: Vec<Duration> = (0..iters)
        .map(|_| {
            let t = Instant::now();
            black_box(f());
            t.elapsed()
        })
        .collect();
    times.sort();
    times[times.len() / 2]
}

fn ms(d: Duration) -> String {
    format!("{:.2} ms", d.as_secs_f64() * 1000.0)
}

#[test]
#[ignore]
fn measure_a_5000_line_spec() {
    let text = big_spec(5_000, usize::MAX);
    let iters: usize = std::env::var("BENCH_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    if let Ok(only) = std::env::var("BENCH_ONLY") {
        let parsed = yaml_edit::YamlFile::parse(&text);
        let tree = parsed.tree();
        for _ in 0..iters {
            match only.as_str() {
                "parse" => drop(black_box(yaml_edit::YamlFile::parse(&text))),
                "validate" => drop(black_box(Validator::new().validate_syntax(tree.syntax()))),
                "validate-as-used" => drop(black_box(
                    Validator::with_config(ValidatorConfig {
                        check_duplicate_keys: false,
                        ..ValidatorConfig::default()
                    })
                    .validate_syntax(tree.syntax()),
                )),
                "check" => drop(black_box(gradient_spec::check(&text))),
                "none" => {}
                _ => drop(black_box(parse(&text))),
            }
        }
        return;
    }
    println!("spec: {} lines, {} bytes", text.lines().count(), text.len());
    let p = median(iters, || yaml_edit::YamlFile::parse(&text));
    println!("yaml-edit parse:                {}", ms(p));
    let parsed = yaml_edit::YamlFile::parse(&text);
    let tree = parsed.tree();
    let v = median(iters, || Validator::new().validate_syntax(tree.syntax()));
    println!("yaml-edit validator (all):      {}", ms(v));
    let off = ValidatorConfig {
        check_duplicate_keys: false,
        check_indentation: false,
        check_tabs: false,
        check_document_markers: false,
        check_anchors: false,
    };
    let v_off = median(iters, || {
        Validator::with_config(off.clone()).validate_syntax(tree.syntax())
    });
    println!("validator, all 5 config flags off: {}", ms(v_off));
    for (name, cfg) in [
        (
            "no duplicate keys",
            ValidatorConfig {
                check_duplicate_keys: false,
                ..ValidatorConfig::default()
            },
        ),
        (
            "no tabs",
            ValidatorConfig {
                check_tabs: false,
                ..ValidatorConfig::default()
            },
        ),
        (
            "no anchors",
            ValidatorConfig {
                check_anchors: false,
                ..ValidatorConfig::default()
            },
        ),
    ] {
        let t = median(iters, || {
            Validator::with_config(cfg.clone()).validate_syntax(tree.syntax())
        });
        println!("validator, {name:<22} {}", ms(t));
    }
    let whole = median(iters, || parse(&text));
    println!("yaml::parse (all of the layer): {}", ms(whole));
    let check = median(iters, || gradient_spec::check(&text));
    println!("check (parse + rules):          {}", ms(check));
    let doc = parse(&text);
    let json = median(iters, || doc.to_json());
    println!("to_json:                        {}", ms(json));
}

/// Inputs that make parsers work hard, `bytes` long (about).
fn hostile(bytes: usize) -> Vec<(&'static str, String)> {
    let fill = |unit: &str| unit.repeat((bytes / unit.len()).max(1));
    vec![
        ("valid spec", big_spec(usize::MAX, bytes)),
        ("`a: b: c` lines (errors)", fill("a: b: c\n")),
        ("duplicate keys", fill("a: 1\n")),
        (
            "one flow list",
            format!("[{}]", fill("1, ").trim_end_matches(", ")),
        ),
        (
            "unclosed quotes",
            (0..bytes / 12).map(|i| format!("k{i}: \"x\n")).collect(),
        ),
        (
            "unclosed lists",
            (0..bytes / 12).map(|i| format!("k{i}: [x\n")).collect(),
        ),
        (
            "250-deep lists",
            fill(&format!("- {}{}\n", "[".repeat(250), "]".repeat(250))),
        ),
        (
            "one long plain line",
            format!("a: {}\n", "x".repeat(bytes.saturating_sub(10))),
        ),
        (
            "block scalar",
            format!("a: |\n{}", fill("  text text text\n")),
        ),
        (
            "anchors and aliases",
            (0..bytes / 24)
                .map(|i| format!("k{i}: &a{i} [*a{}]\n", i.saturating_sub(1)))
                .collect(),
        ),
        ("stray brackets", fill("]\n")),
        ("tab indentation", fill("a:\n\tb: 1\n")),
    ]
}

/// How the cost of each hostile input grows with its size, up to the limit.
#[test]
#[ignore]
fn measure_hostile_inputs_by_size() {
    let sizes: Vec<usize> = std::env::var("BENCH_SIZES")
        .ok()
        .map(|v| v.split(',').filter_map(|x| x.trim().parse().ok()).collect())
        .unwrap_or_else(|| vec![128 << 10, 256 << 10, 512 << 10, MAX_INPUT_BYTES]);
    let only = std::env::var("BENCH_CASE").ok();
    for size in sizes {
        for (name, text) in hostile(size) {
            if only.as_deref().is_some_and(|o| !name.contains(o)) {
                continue;
            }
            let t = Instant::now();
            let report = gradient_spec::check(&text);
            let took = t.elapsed();
            let rules: std::collections::BTreeSet<&str> =
                report.diagnostics.iter().map(|d| d.rule.as_str()).collect();
            println!(
                "{name:<26} {:>8} bytes  check {:>11}  {:>3} diagnostics {rules:?}",
                text.len(),
                ms(took),
                report.diagnostics.len()
            );
        }
    }
    let ten_mb = "a: b\n".repeat(10 * 1024 * 1024 / 5);
    let t = Instant::now();
    let report = gradient_spec::check(&ten_mb);
    println!(
        "10 MB input: check {} -> {:?}",
        ms(t.elapsed()),
        report
            .diagnostics
            .iter()
            .map(|d| d.rule.as_str())
            .collect::<Vec<_>>()
    );
}

/// Which of the validator's switchable checks the suite verdicts need, and what each
/// costs on the 5,000-line spec: a cheaper subset is only worth having if it keeps them.
#[test]
#[ignore]
fn measure_validator_subsets() {
    #[allow(dead_code)]
    #[path = "yaml_data.rs"]
    mod data;
    let cases = data::suite_cases();
    let text = big_spec(5_000, usize::MAX);
    let parsed = yaml_edit::YamlFile::parse(&text);
    let tree = parsed.tree();
    let iters: usize = std::env::var("BENCH_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let base = ValidatorConfig {
        check_duplicate_keys: false,
        ..ValidatorConfig::default()
    };
    let configs: Vec<(&str, Option<ValidatorConfig>)> = vec![
        ("parser alone (no validator)", None),
        ("validator as used (no duplicate keys)", Some(base.clone())),
        (
            "  without tab checks",
            Some(ValidatorConfig {
                check_tabs: false,
                ..base.clone()
            }),
        ),
        (
            "  without anchor checks",
            Some(ValidatorConfig {
                check_anchors: false,
                ..base.clone()
            }),
        ),
        (
            "  without document-marker checks",
            Some(ValidatorConfig {
                check_document_markers: false,
                ..base.clone()
            }),
        ),
        (
            "  without indentation flag",
            Some(ValidatorConfig {
                check_indentation: false,
                ..base.clone()
            }),
        ),
        (
            "  all four off",
            Some(ValidatorConfig {
                check_tabs: false,
                check_anchors: false,
                check_document_markers: false,
                check_indentation: false,
                ..base.clone()
            }),
        ),
    ];
    for (name, config) in configs {
        let right = cases
            .iter()
            .filter(|c| {
                let p = yaml_edit::YamlFile::parse(&c.text);
                let mut bad = !p.positioned_errors().is_empty();
                if let Some(cfg) = &config {
                    bad |= Validator::with_config(cfg.clone())
                        .validate_syntax(p.tree().syntax())
                        .iter()
                        .any(|v| v.severity == yaml_edit::validator::Severity::Error);
                }
                bad == c.invalid
            })
            .count();
        let t = match &config {
            Some(cfg) => median(iters, || {
                Validator::with_config(cfg.clone()).validate_syntax(tree.syntax())
            }),
            None => Duration::ZERO,
        };
        println!(
            "{name:<40} suite {right}/{}  validator on the 5,000-line spec {}",
            cases.len(),
            ms(t)
        );
    }
}

/// The YAML layer (`yaml::parse`, saphyr-parser events and our passes) against
/// yaml-edit's bare parse and validator (the core of the layer before issue 14's
/// switch; the whole old layer is only in the tests' oracle now, and its figures are in
/// `yaml/events/mod.rs`), on the 100- and 5,000-line specs, and saphyr-parser's bare
/// event stream for scale.
#[test]
#[ignore]
fn measure_events_against_yaml_edit() {
    let iters: usize = std::env::var("BENCH_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    for lines in [100, 5_000] {
        let text = big_spec(lines, usize::MAX);
        let old = median(iters, || yaml_edit_alone(&text));
        let new = median(iters, || parse(&text));
        let bare = median(iters, || {
            saphyr_parser::Parser::new_from_str(&text)
                .take_while(|e| e.is_ok())
                .count()
        });
        println!(
            "{lines:>5} lines ({} bytes): yaml-edit parse + validator {}  yaml::parse {}  ({:.1}x)  saphyr-parser events alone {}",
            text.len(),
            ms(old),
            ms(new),
            old.as_secs_f64() / new.as_secs_f64(),
            ms(bare)
        );
    }
    // The hostile inputs at the size limit: one parse each, old and new.
    for (name, text) in hostile(MAX_INPUT_BYTES - 1024) {
        let t = Instant::now();
        let old = yaml_edit_alone(&text);
        let old_t = t.elapsed();
        let t = Instant::now();
        let new = parse(&text);
        let new_t = t.elapsed();
        println!(
            "{name:<26} {:>7} bytes: yaml-edit {:>11} ({:>2} errors)  yaml::parse {:>11} ({:>2} problems)",
            text.len(),
            ms(old_t),
            old,
            ms(new_t),
            new.syntax_diagnostics.len()
        );
    }
}

/// yaml-edit's parse and syntax validator as the layer used them before the switch:
/// the number of errors.
fn yaml_edit_alone(text: &str) -> usize {
    let parsed = yaml_edit::YamlFile::parse(text);
    let config = ValidatorConfig {
        check_duplicate_keys: false,
        ..ValidatorConfig::default()
    };
    let v = Validator::with_config(config).validate_syntax(parsed.tree().syntax());
    parsed.positioned_errors().len() + v.len()
}

/// The whole check (`gradient_spec::check`: parse, rules, facts) on the 100- and
/// 5,000-line specs: what a keystroke costs the editor.
#[test]
#[ignore]
fn measure_check() {
    let iters: usize = std::env::var("BENCH_ITERS")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(30);
    for lines in [100, 5_000] {
        let text = big_spec(lines, usize::MAX);
        let check = median(iters, || gradient_spec::check(&text));
        let layer = median(iters, || parse(&text));
        println!(
            "{lines:>5} lines ({} bytes): check {}  of which yaml::parse {}",
            text.len(),
            ms(check),
            ms(layer)
        );
    }
}
