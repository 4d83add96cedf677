//! Times `check` (or `yaml::parse` alone) on a file, best of N, for profiling the
//! core natively: `cargo run --release --example check_profile -- SPEC [N] [parse]`.
//! Under `valgrind --tool=callgrind` its instruction counts compare two versions on
//! a busy machine, where wall-clock times do not.
fn main() {
    let text = std::fs::read_to_string(std::env::args().nth(1).unwrap()).unwrap();
    let n: usize = std::env::args().nth(2).map_or(50, |s| s.parse().unwrap());
    let mode = std::env::args().nth(3).unwrap_or_default();
    let mut best = f64::MAX;
    for _ in 0..n {
        let t = std::time::Instant::now();
        match mode.as_str() {
            "parse" => drop(gradient_spec::yaml::parse(&text)),
            _ => drop(gradient_spec::check(&text)),
        }
        best = best.min(t.elapsed().as_secs_f64() * 1e3);
    }
    println!("best {best:.3} ms");
}
