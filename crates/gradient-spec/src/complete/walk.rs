//! The spec path of a node from indentation alone, by scanning upward for its
//! parents: a `key:` line less indented is the parent mapping's key, a `- ` less
//! indented is a list item whose index is the count of `- ` siblings at its column.
//! Works on text that does not parse, which is what text being typed usually is.

use super::lines::{indent, is_document_marker, is_skipped, lines_down, lines_up, Line};
use crate::path::{PathSegment, SpecPath};

/// How many lines the scans look at before they assume the top of the document. A
/// skipped line costs only its indentation; a 5,000-line spec fits.
pub const MAX_SCAN_LINES: usize = 20_000;

/// What the scan found about the mapping (or list) holding a node.
#[derive(Debug, Default)]
pub(super) struct Found {
    /// The path of the node's container.
    pub path: SpecPath,
    /// Keys at the node's column in the same mapping (above and below).
    pub siblings: Vec<String>,
    /// The value of a sibling `type:` key (an integration's type).
    pub variant: Option<String>,
    /// `- ` items at the node's column just above it, before any sibling key: a
    /// node on a blank line there starts a new item of that list.
    pub dashes_above: usize,
    /// The index of a new item when the node is at the column of a list's `- `
    /// indicators with no sibling key above (so not a list at its key's column).
    pub new_item: Option<usize>,
}

enum Mode {
    /// Looking for a parent less indented than `col`.
    Mapping,
    /// Inside the list item whose `- ` is at `col`; `count` siblings seen above.
    Seq { count: usize },
}

struct Walker {
    col: usize,
    mode: Mode,
    /// 0 while still in the node's own mapping.
    level: usize,
    rev_path: Vec<PathSegment>,
    found: Found,
    sibling_key_seen: bool,
}

impl Walker {
    fn key(&mut self, col: usize, name: &str, value: &str) {
        match self.mode {
            Mode::Seq { count } if col == self.col => {
                // A list at the same column as its key (`env:\n- name: a`).
                self.rev_path.push(PathSegment::Index(count));
                self.rev_path.push(PathSegment::Key(name.to_string()));
                self.mode = Mode::Mapping;
            }
            Mode::Seq { count } if col < self.col => {
                self.rev_path.push(PathSegment::Index(count));
                self.mode = Mode::Mapping;
                self.key(col, name, value);
            }
            Mode::Seq { .. } => {}
            Mode::Mapping if col < self.col => {
                self.rev_path.push(PathSegment::Key(name.to_string()));
                self.col = col;
                self.level += 1;
            }
            Mode::Mapping if col == self.col && self.level == 0 => {
                self.sibling_key_seen = true;
                if name == "type" && self.found.variant.is_none() && !value.is_empty() {
                    self.found.variant = Some(value.to_string());
                }
                self.found.siblings.push(name.to_string());
            }
            Mode::Mapping => {}
        }
    }

    fn dash(&mut self, col: usize) {
        match self.mode {
            Mode::Seq { ref mut count } if col == self.col => *count += 1,
            Mode::Seq { count } if col < self.col => {
                self.rev_path.push(PathSegment::Index(count));
                self.mode = Mode::Mapping;
                self.dash(col);
            }
            Mode::Seq { .. } => {}
            Mode::Mapping if col < self.col => {
                self.mode = Mode::Seq { count: 0 };
                self.col = col;
                self.level += 1;
            }
            Mode::Mapping if col == self.col && self.level == 0 && !self.sibling_key_seen => {
                self.found.dashes_above += 1;
            }
            Mode::Mapping => {}
        }
    }

    /// Handles a line indented exactly at the current column without taking it
    /// apart when only its first marker matters (counting `- ` siblings, or passing
    /// an ancestor's siblings): long lists stay cheap. False when it needs parsing.
    fn skims(&mut self, line: &str) -> bool {
        let b = line.as_bytes();
        let dash = b.get(self.col) == Some(&b'-')
            && b.get(self.col + 1).is_none_or(|&c| c == b' ' || c == b'\t');
        match self.mode {
            Mode::Seq { ref mut count } if dash => *count += 1,
            Mode::Mapping if self.level > 0 => {}
            _ => return false,
        }
        true
    }

    /// Feeds a line's markers, innermost (rightmost) first.
    fn line(&mut self, line: &Line) {
        if let (Some((start, _, _)), Some(name)) = (line.key, line.key_name()) {
            self.key(start, name, line.value_text());
        }
        for &d in line.dashes.iter().rev() {
            self.dash(d);
        }
    }
}

/// The container of a node at column `col` of the line starting at `line_start`,
/// whose own `- ` indicators left of the node are `dashes`.
pub(super) fn container(
    text: &str,
    line_start: usize,
    line_end: usize,
    col: usize,
    dashes: &[usize],
) -> Found {
    let mut w = Walker {
        col,
        mode: Mode::Mapping,
        level: 0,
        rev_path: Vec::new(),
        found: Found::default(),
        sibling_key_seen: false,
    };
    for &d in dashes.iter().rev() {
        w.dash(d);
    }
    for line in lines_up(text, line_start).take(MAX_SCAN_LINES) {
        let ind = indent(line);
        if ind > w.col {
            continue;
        }
        if is_document_marker(line) {
            break;
        }
        if is_skipped(line) {
            continue;
        }
        if ind == w.col && w.skims(line) {
            continue;
        }
        w.line(&Line::parse(line));
        if w.col == 0 && matches!(w.mode, Mode::Mapping) && w.level > 0 {
            break;
        }
    }
    if let Mode::Seq { count } = w.mode {
        w.rev_path.push(PathSegment::Index(count));
    }
    w.rev_path.reverse();
    let mut found = w.found;
    found.path = SpecPath(w.rev_path);
    if found.dashes_above > 0 && found.siblings.is_empty() {
        found.new_item = Some(found.dashes_above);
    }
    siblings_below(text, line_end, col, &mut found);
    found
}

/// Adds the keys at column `col` below the node, up to the end of its mapping.
fn siblings_below(text: &str, line_end: usize, col: usize, found: &mut Found) {
    for line in lines_down(text, line_end).take(MAX_SCAN_LINES) {
        if is_document_marker(line) {
            break;
        }
        if is_skipped(line) || indent(line) > col {
            continue;
        }
        if indent(line) < col {
            break;
        }
        let parsed = Line::parse(line);
        if !parsed.dashes.is_empty() {
            continue;
        }
        if let Some(name) = parsed.key_name() {
            if name == "type" && found.variant.is_none() && !parsed.value_text().is_empty() {
                found.variant = Some(parsed.value_text().to_string());
            }
            found.siblings.push(name.to_string());
        }
    }
}
