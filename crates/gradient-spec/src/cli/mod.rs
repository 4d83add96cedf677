//! The command line: `lint`, `fix`, `schema`, `--help`, `--version`. Arguments are
//! parsed by hand (a few flags do not need a parser crate).
//!
//! Exit codes, for CI: 0 when no problem of severity error was found, 1 when one was,
//! 2 when the command could not do its work (bad arguments, a file that cannot be
//! read or is not UTF-8 text).

mod args;
mod discover;
mod fix;
mod input;
mod json_output;
mod lint;
mod text_output;

use args::Command;
use std::ffi::OsString;

/// Exit code: nothing wrong.
pub const EXIT_OK: i32 = 0;
/// Exit code: at least one problem of severity error.
pub const EXIT_PROBLEMS: i32 = 1;
/// Exit code: the command could not run as asked.
pub const EXIT_TROUBLE: i32 = 2;

pub const USAGE: &str = "\
gradient-spec: check Paperspace Gradient deployment specs

Usage:
  gradient-spec lint [--format text|json] [--cwd DIR] [FILE...]
                                                  report problems (- reads stdin); with
                                                  no FILE, checks the spec `pspace up`
                                                  would deploy from DIR (default: here)
  gradient-spec fix [--unsafe] FILE...              apply fixes in place (- : stdin to stdout)
  gradient-spec schema                              print the JSON Schema of the spec
  gradient-spec --help | --version

Files may be YAML, JSON or JSONC (by extension; stdin by content). TOML is not checked.

Exit status: 0 no errors, 1 errors found, 2 bad arguments, unreadable input, no spec
found, or a TOML spec.
";

/// Runs the command line `args` (without the program name); returns the exit code.
pub fn run(args: &[OsString]) -> i32 {
    match args::parse(args) {
        Ok(Command::Help) => {
            print!("{USAGE}");
            EXIT_OK
        }
        Ok(Command::Version) => {
            println!("gradient-spec {}", env!("CARGO_PKG_VERSION"));
            EXIT_OK
        }
        Ok(Command::Schema) => {
            match serde_json::to_string_pretty(&gradient_spec::spec::json_schema()) {
                Ok(s) => println!("{s}"),
                Err(e) => {
                    eprintln!("gradient-spec: cannot print the schema: {e}");
                    return EXIT_TROUBLE;
                }
            }
            EXIT_OK
        }
        Ok(Command::Lint { format, files, cwd }) => lint::run(&files, format, cwd.as_deref()),
        Ok(Command::Fix {
            unsafe_fixes,
            files,
        }) => fix::run(&files, unsafe_fixes),
        Err(msg) => {
            eprintln!("gradient-spec: {msg}\n\n{USAGE}");
            EXIT_TROUBLE
        }
    }
}

/// `N errors, M warnings, K infos` with singulars where 1 (as the app's status line).
pub fn summary(diags: &[gradient_spec::Diagnostic]) -> String {
    use gradient_spec::Severity;
    let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    let plural = |n: usize, word: &str| {
        if n == 1 {
            format!("1 {word}")
        } else {
            format!("{n} {word}s")
        }
    };
    format!(
        "{}, {}, {}",
        plural(count(Severity::Error), "error"),
        plural(count(Severity::Warning), "warning"),
        plural(count(Severity::Info), "info")
    )
}
