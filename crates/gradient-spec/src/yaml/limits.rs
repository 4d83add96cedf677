//! Limits that keep hostile input from hanging the page or the linter. The same
//! numbers apply in the app and in the CLI.

/// Larger documents are not parsed (one `limit` problem instead). A spec is a few KB
/// and a 5,000-line one 130–300 KB. Measured natively (release, opt-level 3, CPU time,
/// `tests/yaml_bench.rs`): a valid spec costs ~0.6 s per MB to parse and validate,
/// the most expensive hostile inputs (tab indentation, unclosed brackets on every
/// line, `a: b: c` lines) ~2.4 s per MB; at 512 KiB the worst takes ~1.2 s.
pub const MAX_INPUT_BYTES: usize = 512 * 1024;
/// Collections nested deeper than this are reported (yaml-edit caps its own recursion
/// at 256 as well, so nothing recurses deeper).
pub const MAX_DEPTH: usize = 256;
/// At most this many `yaml-syntax` diagnostics are reported; the last one says how
/// many more there were.
pub const MAX_SYNTAX_ERRORS: usize = 50;
