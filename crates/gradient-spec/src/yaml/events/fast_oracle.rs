//! The fast path's oracle, shared by its tests (`fast_tests.rs`) and the differential
//! fuzz target (through [`crate::yaml::oracle::fast_path_difference`]): wherever
//! `fast::run` answers, its documents must be exactly saphyr-parser's through the
//! builder (`build::run_saphyr`).

use super::build::{run_saphyr, Doc, Run};
use super::fast;
use crate::yaml::Node;

/// How the fast path's reading of `text` differs from saphyr-parser's, if it takes
/// the fast path and they differ (or the syntax checks it lets `parse` skip would
/// have found something).
pub(crate) fn difference(text: &str) -> Option<String> {
    let fast = fast::run(text)?;
    differs(&fast, &run_saphyr(text)).or_else(|| skipped_checks_find(&fast, text))
}

/// Why two runs differ, if they do (a NaN equals a NaN here).
pub(crate) fn differs(fast: &Run, slow: &Run) -> Option<String> {
    if slow.error.is_some() || slow.too_deep.is_some() {
        return Some(format!(
            "saphyr-parser stopped: {:?} {:?}",
            slow.error, slow.too_deep
        ));
    }
    if fast.docs.len() != slow.docs.len() {
        return Some(format!(
            "{} documents, saphyr-parser {}",
            fast.docs.len(),
            slow.docs.len()
        ));
    }
    for (f, s) in fast.docs.iter().zip(&slow.docs) {
        if f.start != s.start {
            return Some(format!("document start {} vs {}", f.start, s.start));
        }
        if !same(f.root.as_ref(), s.root.as_ref()) {
            return Some(format!("fast {:?}\n  slow {:?}", root(f), root(s)));
        }
    }
    None
}

fn root(d: &Doc) -> Option<&Node> {
    d.root.as_ref()
}

fn same(a: Option<&Node>, b: Option<&Node>) -> bool {
    a == b || format!("{a:?}") == format!("{b:?}")
}

/// What the tree's syntax checks that `parse` skips after the fast path (`Run::fast`)
/// would find: nothing, or that is a bug.
pub(crate) fn skipped_checks_find(fast: &Run, text: &str) -> Option<String> {
    let mut diags = Vec::new();
    for node in fast.docs.iter().filter_map(|d| d.root.as_ref()) {
        super::compact::check(node, text, &mut diags);
        super::flowindent::check(node, text, None, &mut diags);
        super::tabindent::check(node, text, &mut diags);
    }
    (!fast.fast || !diags.is_empty()).then(|| format!("skipped checks: {diags:?}"))
}
