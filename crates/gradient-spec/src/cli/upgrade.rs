//! `gradient-spec upgrade FILE`: a legacy spec rewritten in the v1 shape
//! (`gradient_spec::upgrade`). The result goes to stdout, or back into the file with
//! `--write`; the notes (what could not be carried over) go to stderr as
//! `file:line:col: note: message`, then one summary line. The spec's format (YAML,
//! JSON, JSONC) comes from the file name, else the content, as for `lint`; the result
//! is written in the same format. A `.toml` spec is refused (exit 2), as `lint` does.
//!
//! Exit codes as for `lint`, judged on the result: 0 no error-severity problem, 1 some
//! (the notes say why), 2 the file could not be read or written, or the spec could not
//! be upgraded (syntax errors, …).

use super::{input, summary, EXIT_OK, EXIT_PROBLEMS, EXIT_TROUBLE};
use gradient_spec::format::NameKind;
use gradient_spec::text::LineIndex;
use gradient_spec::upgrade::{upgrade_to_v1_as, UpgradeStatus};
use gradient_spec::{Format, Severity};
use std::ffi::OsString;

pub fn run(path: &OsString, write: bool) -> i32 {
    let input = match input::read(path) {
        Ok(i) => i,
        Err(msg) => {
            eprintln!("gradient-spec: {msg}");
            return EXIT_TROUBLE;
        }
    };
    let named = (!input::is_stdin(path)).then_some(input.name.as_str());
    if named.map(Format::of_name) == Some(NameKind::Toml) {
        eprintln!(
            "gradient-spec: {}: TOML specs are not upgraded: gradient-spec reads YAML, JSON and JSONC",
            input.name
        );
        return EXIT_TROUBLE;
    }
    let format = Format::of_document(named, &input.text);
    let up = upgrade_to_v1_as(&input.text, format);
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
    let left = gradient_spec::check_as(&up.text, format).diagnostics;
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
