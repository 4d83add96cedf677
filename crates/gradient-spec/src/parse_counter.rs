//! How many times this thread parsed a document (YAML or JSON): the tests of "one parse
//! per change" count with it. Compiled only for the core's own tests and with the
//! `parse-counter` feature (the app's tests turn it on); never in the page or the
//! linter.

use std::cell::Cell;

thread_local! {
    static PARSES: Cell<usize> = const { Cell::new(0) };
}

/// Counts one parse (called by `yaml::parse` and `json::parse_full`).
pub(crate) fn bump() {
    PARSES.with(|n| n.set(n.get() + 1));
}

/// The parses on this thread so far (for work that finishes later, as the page's).
pub fn parses_so_far() -> usize {
    PARSES.with(Cell::get)
}

/// The parses `f` costs on this thread.
pub fn parses_in(f: impl FnOnce()) -> usize {
    let before = PARSES.with(Cell::get);
    f();
    PARSES.with(Cell::get) - before
}
