//! Limits that keep hostile input from hanging the page or the linter. The same
//! numbers apply in the app and in the CLI.

/// Larger documents are not parsed: a spec is a few KB; 5,000 lines is ~300 KB.
pub const MAX_INPUT_BYTES: usize = 2 * 1024 * 1024;
/// Collections nested deeper than this are reported (yaml-edit caps its own recursion
/// at 256 as well, so nothing recurses deeper).
pub const MAX_DEPTH: usize = 256;
/// At most this many `yaml-syntax` diagnostics are reported; the last one says how
/// many more there were.
pub const MAX_SYNTAX_ERRORS: usize = 50;
