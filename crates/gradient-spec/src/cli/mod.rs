//! The command line: `lint`, `fix`, `upgrade`, `schema`, `rules`, `--help`, `--version`.
//! Arguments are parsed by hand (a few flags do not need a parser crate).
//!
//! Exit codes, for CI: 0 when no problem of severity error was found, 1 when one was,
//! 2 when the command could not do its work (bad arguments, a file that cannot be
//! read or is not UTF-8 text).

mod args;
mod discover;
mod fix;
mod github_output;
mod input;
mod json_output;
mod lint;
mod sarif_output;
mod text_output;
mod upgrade;

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
  gradient-spec lint [--format F] [--cwd DIR] [FILE...]
                                                    report problems (- reads stdin); F: text,
                                                    json, github (Actions annotations), sarif;
                                                    with no FILE, checks the spec `pspace up`
                                                    would deploy from DIR (default: here)
  gradient-spec fix [--unsafe] FILE...              apply fixes in place (- : stdin to stdout)
  gradient-spec upgrade [--write] FILE              upgrade a legacy spec to v1: the result on
                                                    stdout (--write: in place), notes on stderr
  gradient-spec schema                              print the JSON Schema of the spec
  gradient-spec rules [--format text|markdown]      explain every rule id
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
        Ok(Command::Rules { markdown }) => {
            if markdown {
                print!("{}", gradient_spec::rules::rules_markdown());
            } else {
                print!("{}", gradient_spec::rules::rules_text());
            }
            EXIT_OK
        }
        Ok(Command::Lint { format, files, cwd }) => lint::run(&files, format, cwd.as_deref()),
        Ok(Command::Fix {
            unsafe_fixes,
            files,
        }) => fix::run(&files, unsafe_fixes),
        Ok(Command::Upgrade { write, file }) => upgrade::run(&file, write),
        Err(msg) => {
            eprintln!("gradient-spec: {msg}\n\n{USAGE}");
            EXIT_TROUBLE
        }
    }
}

/// `N errors, M warnings, K infos` with singulars where 1 (as the app's status line).
pub fn summary(diags: &[gradient_spec::Diagnostic]) -> String {
    use gradient_spec::diag::counted;
    use gradient_spec::Severity;
    let count = |s: Severity| diags.iter().filter(|d| d.severity == s).count();
    format!(
        "{}, {}, {}",
        counted(count(Severity::Error), "error"),
        counted(count(Severity::Warning), "warning"),
        counted(count(Severity::Info), "info")
    )
}
