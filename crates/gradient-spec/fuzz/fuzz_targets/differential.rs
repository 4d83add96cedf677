//! Fuzzes the YAML layer (`yaml::events`, what `yaml::parse` is) against the oracle it
//! replaced (`yaml::oracle`, yaml-edit's CST, behind the crate's `oracle` feature) on
//! the same bytes: the same verdict (a `yaml-syntax` problem or not), and wherever both
//! accept the text, the same tree: kinds, spans of nodes, keys, values, items and
//! entries, values, styles, types, tags, anchors, and the same `duplicate-key` and
//! `multiple-documents` problems. The known quirks of yaml-edit that the layer's own
//! differential test lists are let through (`Strictness::Known`, see
//! `src/yaml/oracle/compare.rs`); any other difference stops the run with both sides.
//! First, the layer's fast path (`events/fast/`), where it takes the text, must
//! build exactly saphyr-parser's tree.
#![no_main]

use gradient_spec::yaml::oracle::{compare, fast_path_difference, Strictness};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    // Non-UTF-8 input is refused before parsing (as the CLI and the pipeline target do).
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    if let Some(difference) = fast_path_difference(text) {
        panic!("the fast path and saphyr-parser differ: {difference}\ntext: {text:?}");
    }
    if let Some(difference) = compare(text, Strictness::Known) {
        panic!("the layer and the oracle differ: {difference}\ntext: {text:?}");
    }
});
