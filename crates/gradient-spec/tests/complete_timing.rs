//! Native cost of completion and colouring on a 5,000-line spec. A measurement, not a
//! test (the design says budgets are benchmarked, never timed in tests): run with
//! `cargo test --release -p gradient-spec --test complete_timing -- --ignored --nocapture`.

use gradient_spec::complete::{complete, complete_doc, context_with, shape_of};
use gradient_spec::highlight::{highlight_lines, state_before};
use gradient_spec::text::line_starts;
use gradient_spec::yaml::parse;
use std::time::Instant;

/// A v1 spec of `lines` lines: the usual fields, then a long `env` list.
fn big_spec(lines: usize) -> String {
    let mut s = String::from(
        "apiVersion: v1\nname: big\nimage: x/y:1\nresources:\n  machineType: A100\n  ports: [8000]\n  replicas: 1\nenv:\n",
    );
    let mut i = 0;
    while s.lines().count() < lines - 1 {
        s.push_str(&format!(
            "  - name: VAR_{i} # variable {i}\n    value: \"value {i}\"\n"
        ));
        i += 1;
    }
    s
}

/// The median of `runs` timings of `f`, in microseconds.
fn median_us(runs: usize, mut f: impl FnMut()) -> f64 {
    let mut t: Vec<f64> = (0..runs)
        .map(|_| {
            let start = Instant::now();
            f();
            start.elapsed().as_secs_f64() * 1e6
        })
        .collect();
    t.sort_by(f64::total_cmp);
    t[runs / 2]
}

#[test]
#[ignore = "a measurement; run in release with --ignored --nocapture"]
fn five_thousand_lines() {
    let mut text = big_spec(5_000);
    // A key being typed in the last env item, and a top-level key after the list.
    text.push_str("    val\nreg");
    let lines = text.lines().count();
    let doc = parse(&text);
    let last_item = text.len() - 4;
    let top = text.len();
    let machine = text.find("A100").unwrap() + 2;
    println!("document: {lines} lines, {} bytes", text.len());
    for (what, offset) in [
        ("key in the last env item", last_item),
        ("top-level key at the end", top),
        ("machineType value near the top", machine),
    ] {
        let c = complete_doc(&doc, offset);
        let us = median_us(50, || {
            std::hint::black_box(complete_doc(&doc, offset));
        });
        println!(
            "complete_doc, {what}: {us:.1} µs ({:?} at {}, {} items)",
            c.context.position,
            c.context.path,
            c.items.len()
        );
    }
    let shape = shape_of(&doc);
    let us = median_us(50, || {
        std::hint::black_box(context_with(&text, top, shape));
    });
    println!("  context_with alone, top-level key at the end: {us:.1} µs");
    let us = median_us(50, || {
        std::hint::black_box(state_before(&text, top - 3));
    });
    println!("  of which state_before (200-line look-back): {us:.1} µs");
    let us = median_us(10, || {
        std::hint::black_box(complete(&text, last_item));
    });
    println!("complete (parses the text first): {us:.1} µs");
    let us = median_us(10, || {
        std::hint::black_box(parse(&text));
    });
    println!("  of which yaml::parse: {us:.1} µs");
    let us = median_us(50, || {
        let starts = line_starts(&text);
        std::hint::black_box(highlight_lines(&text, &starts, lines - 60, 60));
    });
    println!("line_starts + highlight_lines of the last 60 lines: {us:.1} µs");
}
