//! What the page exports to JavaScript beside the app: the core's validation, called
//! directly (no DOM, no app state). The benchmarks time it against js-yaml + ajv, the
//! soak test compares the problems on screen with a fresh validation, and a host page
//! may lint text with it (`window.wasmBindings.checkSpec`).

use crate::analysis::in_list_order;
use wasm_bindgen::prelude::wasm_bindgen;

/// Parses and validates `text`; returns its problems as a JSON array in the order the
/// Problems list shows them, each in the core's `Located` shape (the linter's
/// `--format json` less `file`: line and column 1-based, column in characters).
#[wasm_bindgen(js_name = checkSpec)]
pub fn check_spec(text: &str) -> String {
    let report = gradient_spec::check(text);
    let problems = gradient_spec::locate_all(text, in_list_order(&report));
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

#[cfg(test)]
mod tests {
    use super::*;

    /// `checkSpec` hands out the linter's JSON shape, errors first.
    #[test]
    fn check_spec_lists_located_problems_in_list_order() {
        let text = "image: x\nport: \"7860\"\nresources:\n  instanceType: nope\nfoo: 1\n";
        let v: serde_json::Value = serde_json::from_str(&check_spec(text)).unwrap();
        let items = v.as_array().unwrap();
        assert!(items.len() >= 2, "{v}");
        let severities: Vec<&str> = items
            .iter()
            .map(|p| p["severity"].as_str().unwrap())
            .collect();
        let mut sorted = severities.clone();
        sorted.sort_by_key(|s| ["error", "warning", "info"].iter().position(|k| k == s));
        assert_eq!(severities, sorted);
        let port = items.iter().find(|p| p["path"] == "port").expect("port");
        assert_eq!(
            (
                &port["line"],
                &port["column"],
                &port["endLine"],
                &port["endColumn"]
            ),
            (&2.into(), &7.into(), &2.into(), &13.into())
        );
        assert_eq!(port["fix"]["applicability"], "safe");
    }
}
