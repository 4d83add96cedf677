//! What the page exports to JavaScript beside the app: the core's validation, called
//! directly (no DOM, no app state). The benchmarks time it against js-yaml + ajv, the
//! soak test compares the problems on screen with a fresh validation, and a host page
//! may lint text with it (`window.wasmBindings.checkSpec`).

use crate::analysis::Analysis;
use serde::Serialize;
use wasm_bindgen::prelude::wasm_bindgen;

/// One problem as JavaScript sees it (line and column 1-based, as the Problems list).
#[derive(Serialize)]
struct JsProblem<'a> {
    line: usize,
    column: usize,
    severity: &'static str,
    rule: &'static str,
    message: &'a str,
}

/// Parses and validates `text`; returns its problems as a JSON array, in the order
/// the Problems list shows them.
#[wasm_bindgen(js_name = checkSpec)]
pub fn check_spec(text: &str) -> String {
    let analysis = Analysis::of(text);
    let problems: Vec<JsProblem> = analysis
        .problems
        .iter()
        .map(|p| JsProblem {
            line: p.line,
            column: p.column,
            severity: p.severity.as_str(),
            rule: p.rule.as_str(),
            message: &p.message,
        })
        .collect();
    serde_json::to_string(&problems).unwrap_or_else(|_| "[]".into())
}

/// The size of the wasm linear memory in bytes (it grows, never shrinks): the soak
/// test checks it stays flat over thousands of edits.
#[wasm_bindgen(js_name = wasmMemoryBytes)]
pub fn wasm_memory_bytes() -> f64 {
    #[cfg(target_arch = "wasm32")]
    {
        (core::arch::wasm32::memory_size(0) * 65536) as f64
    }
    #[cfg(not(target_arch = "wasm32"))]
    {
        0.0
    }
}

/// Panics on purpose: the browser tests check that a panic shows the crash notice
/// and keeps the text (src/ui/panic.rs). Nothing in the page calls it.
#[wasm_bindgen(js_name = panicForTest)]
pub fn panic_for_test() {
    panic!("a panic the tests asked for");
}
