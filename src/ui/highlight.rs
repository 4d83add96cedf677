//! Syntax colours for one visible line, as CSS classes over byte ranges.

use crate::state::lines::ColourRange;

/// The colour ranges of `line` (relative byte offsets).
pub fn colours(_line: &str) -> Vec<ColourRange> {
    Vec::new()
}
