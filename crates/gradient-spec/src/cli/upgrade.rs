//! `gradient-spec upgrade FILE`: a legacy spec rewritten in the v1 shape
//! (`gradient_spec::upgrade`). The result goes to stdout, or back into the file with
//! `--write`; the notes (what could not be carried over) go to stderr as
//! `file:line:col: note: message`, then one summary line.
//!
//! Exit codes as for `lint`, judged on the result: 0 no error-severity problem, 1 some
//! (the notes say why), 2 the file could not be read or written, or the spec could not
//! be upgraded (syntax errors, …).

use super::{input, summary, EXIT_OK, EXIT_PROBLEMS, EXIT_TROUBLE};
use gradient_spec::text::LineIndex;
use gradient_spec::upgrade::{upgrade_to_v1, UpgradeStatus};
use gradient_spec::Severity;
use std::ffi::OsString;

pub fn run(path: &OsString, write: bool) -> i32 {
    let input = match input::read(path) {
        Ok(i) => i,
        Err(msg) => {
            eprintln!("gradient-spec: {msg}");
            return EXIT_TROUBLE;
        }
    };
    let up = upgrade_to_v1(&input.text);
    let index = LineIndex::new(&input.text);
    for n in &up.notes {
        let at = index.position(n.span.start);
        let path = if n.path.is_empty() {
            String::new()
        } else {
            format!(" (at {})", n.path)
        };
        eprintln!(
            "{}:{}:{}: note: {}{path}",
            input.name, at.line, at.column, n.message
        );
    }
    if let UpgradeStatus::Refused { .. } = up.status {
        eprintln!("{}: {}", input.name, up.summary());
        return EXIT_TROUBLE;
    }
    if write {
        if up.changed() {
            if let Err(e) = std::fs::write(path, &up.text) {
                eprintln!("gradient-spec: {}: cannot write: {e}", input.name);
                return EXIT_TROUBLE;
            }
        }
    } else {
        print!("{}", up.text);
    }
    let left = gradient_spec::check(&up.text).diagnostics;
    let written = if write && up.changed() {
        " (written)"
    } else {
        ""
    };
    eprintln!(
        "{}: {}{written}; the result has {}",
        input.name,
        up.summary(),
        summary(&left)
    );
    if left.iter().any(|d| d.severity == Severity::Error) {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    }
}
