//! Hand-parsed arguments: a subcommand, a few flags, and file names (`-` is stdin).

use std::ffi::OsString;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Format {
    Text,
    Json,
    /// GitHub Actions workflow commands (annotations).
    Github,
    /// SARIF 2.1.0 (code scanning).
    Sarif,
}

#[derive(Debug, PartialEq, Eq)]
pub enum Command {
    Help,
    Version,
    Schema,
    /// The rule reference, as text or as the Markdown of `docs/rules.md`.
    Rules {
        markdown: bool,
    },
    Lint {
        format: Format,
        /// Empty: find the spec as `pspace up` does.
        files: Vec<OsString>,
        /// `--cwd DIR`: where to find the spec, and what relative FILEs are relative to.
        cwd: Option<OsString>,
    },
    Fix {
        unsafe_fixes: bool,
        files: Vec<OsString>,
    },
    Upgrade {
        write: bool,
        file: OsString,
    },
}

/// Parses the arguments after the program name; `Err` says what is wrong.
pub fn parse(args: &[OsString]) -> Result<Command, String> {
    let Some(first) = args.first() else {
        return Err("no command given".into());
    };
    let rest = &args[1..];
    match first.to_str() {
        Some("-h" | "--help" | "help") => Ok(Command::Help),
        Some("-V" | "--version" | "version") => Ok(Command::Version),
        Some("schema") => match rest.first() {
            None => Ok(Command::Schema),
            Some(a) if is_help(a) => Ok(Command::Help),
            Some(a) => Err(format!(
                "`schema` takes no arguments (got `{}`)",
                a.to_string_lossy()
            )),
        },
        Some("rules") => rules(rest),
        Some("lint") => lint(rest),
        Some("fix") => fix(rest),
        Some("upgrade") => upgrade(rest),
        _ => Err(format!("unknown command `{}`", first.to_string_lossy())),
    }
}

/// `rules [--format text|markdown]`.
fn rules(args: &[OsString]) -> Result<Command, String> {
    let words: Vec<&str> = args.iter().map(|a| a.to_str().unwrap_or("")).collect();
    match words.as_slice() {
        [] | ["--format" | "-f", "text"] | ["--format=text"] => {
            Ok(Command::Rules { markdown: false })
        }
        ["--format" | "-f", "markdown"] | ["--format=markdown"] => {
            Ok(Command::Rules { markdown: true })
        }
        ["-h" | "--help"] => Ok(Command::Help),
        _ => Err(format!(
            "`rules` takes `--format text` or `--format markdown` (got `{}`)",
            words.join(" ")
        )),
    }
}

fn is_help(a: &OsString) -> bool {
    matches!(a.to_str(), Some("-h" | "--help"))
}

fn lint(args: &[OsString]) -> Result<Command, String> {
    let mut format = Format::Text;
    let mut files = Vec::new();
    let mut cwd = None;
    let mut i = 0;
    let mut options_done = false;
    while let Some(a) = args.get(i) {
        i += 1;
        let s = a.to_str().unwrap_or("");
        if options_done || s == "-" || !s.starts_with('-') {
            files.push(a.clone());
            continue;
        }
        let value = match s {
            "--" => {
                options_done = true;
                continue;
            }
            "-h" | "--help" => return Ok(Command::Help),
            "--cwd" => {
                i += 1;
                cwd = Some(args.get(i - 1).cloned().ok_or("`--cwd` needs a folder")?);
                continue;
            }
            _ if s.starts_with("--cwd=") => {
                cwd = Some(OsString::from(&s["--cwd=".len()..]));
                continue;
            }
            "--format" | "-f" => {
                i += 1;
                args.get(i - 1)
                    .and_then(|v| v.to_str())
                    .ok_or("`--format` needs a value: text, json, github or sarif")?
            }
            _ => match s.strip_prefix("--format=") {
                Some(v) => v,
                None => return Err(format!("unknown option `{s}` for `lint`")),
            },
        };
        format = match value {
            "text" => Format::Text,
            "json" => Format::Json,
            "github" => Format::Github,
            "sarif" => Format::Sarif,
            other => {
                return Err(format!(
                    "unknown format `{other}`: use text, json, github or sarif"
                ))
            }
        };
    }
    Ok(Command::Lint { format, files, cwd })
}

fn fix(args: &[OsString]) -> Result<Command, String> {
    let mut unsafe_fixes = false;
    let mut files = Vec::new();
    let mut options_done = false;
    for a in args {
        let s = a.to_str().unwrap_or("");
        if options_done || s == "-" || !s.starts_with('-') {
            files.push(a.clone());
            continue;
        }
        match s {
            "--" => options_done = true,
            "-h" | "--help" => return Ok(Command::Help),
            "--unsafe" => unsafe_fixes = true,
            _ => return Err(format!("unknown option `{s}` for `fix`")),
        }
    }
    if files.is_empty() {
        return Err("`fix` needs at least one FILE".into());
    }
    Ok(Command::Fix {
        unsafe_fixes,
        files,
    })
}

fn upgrade(args: &[OsString]) -> Result<Command, String> {
    let mut write = false;
    let mut files = Vec::new();
    let mut options_done = false;
    for a in args {
        let s = a.to_str().unwrap_or("");
        if options_done || s == "-" || !s.starts_with('-') {
            files.push(a.clone());
            continue;
        }
        match s {
            "--" => options_done = true,
            "-h" | "--help" => return Ok(Command::Help),
            "--write" | "-w" => write = true,
            _ => return Err(format!("unknown option `{s}` for `upgrade`")),
        }
    }
    match <[OsString; 1]>::try_from(files) {
        Ok([file]) if write && file == "-" => {
            Err("`upgrade --write` needs a file, not stdin".into())
        }
        Ok([file]) => Ok(Command::Upgrade { write, file }),
        Err(_) => Err("`upgrade` takes one FILE (- reads stdin)".into()),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(args: &[&str]) -> Result<Command, String> {
        parse(&args.iter().map(OsString::from).collect::<Vec<_>>())
    }

    #[test]
    fn lint_formats_and_files() {
        let files = |v: &[&str]| v.iter().map(OsString::from).collect::<Vec<_>>();
        assert_eq!(
            p(&["lint", "a.yaml"]),
            Ok(Command::Lint {
                format: Format::Text,
                files: files(&["a.yaml"]),
                cwd: None
            })
        );
        assert_eq!(
            p(&["lint", "--format", "json", "a", "-"]),
            Ok(Command::Lint {
                format: Format::Json,
                files: files(&["a", "-"]),
                cwd: None
            })
        );
        assert_eq!(
            p(&["lint", "--format=json", "--", "-x"]),
            Ok(Command::Lint {
                format: Format::Json,
                files: files(&["-x"]),
                cwd: None
            })
        );
        assert_eq!(
            p(&["lint", "-f", "github", "a"]),
            Ok(Command::Lint {
                format: Format::Github,
                files: files(&["a"]),
                cwd: None
            })
        );
        assert_eq!(
            p(&["lint", "--format=sarif", "a"]),
            Ok(Command::Lint {
                format: Format::Sarif,
                files: files(&["a"]),
                cwd: None
            })
        );
        assert_eq!(
            p(&["lint", "--cwd", "d"]),
            Ok(Command::Lint {
                format: Format::Text,
                files: vec![],
                cwd: Some("d".into())
            })
        );
        assert_eq!(
            p(&["lint", "--cwd=d", "x.json"]),
            Ok(Command::Lint {
                format: Format::Text,
                files: files(&["x.json"]),
                cwd: Some("d".into())
            })
        );
        assert!(p(&["lint", "--cwd"]).is_err());
        assert!(p(&["lint", "--format"]).is_err());
        assert!(p(&["lint", "--format", "xml", "a"]).is_err());
        assert!(p(&["lint", "--bogus", "a"]).is_err());
    }

    #[test]
    fn other_commands() {
        assert_eq!(p(&["--help"]), Ok(Command::Help));
        assert_eq!(p(&["-V"]), Ok(Command::Version));
        assert_eq!(p(&["schema"]), Ok(Command::Schema));
        assert!(p(&["schema", "x"]).is_err());
        assert_eq!(
            p(&["fix", "--unsafe", "a"]),
            Ok(Command::Fix {
                unsafe_fixes: true,
                files: vec!["a".into()]
            })
        );
        assert!(p(&["fix"]).is_err());
        assert_eq!(
            p(&["upgrade", "--write", "a"]),
            Ok(Command::Upgrade {
                write: true,
                file: "a".into()
            })
        );
        assert_eq!(
            p(&["upgrade", "-"]),
            Ok(Command::Upgrade {
                write: false,
                file: "-".into()
            })
        );
        assert!(p(&["upgrade"]).is_err());
        assert!(p(&["upgrade", "a", "b"]).is_err());
        assert!(p(&["upgrade", "--write", "-"]).is_err());
        assert!(p(&["upgrade", "--bogus", "a"]).is_err());
        assert!(p(&[]).is_err());
        assert!(p(&["frobnicate"]).is_err());
    }
}
