//! `gradient-spec lint`: checks each file and reports every problem: as text, as one
//! JSON array, as GitHub Actions workflow commands, or as one SARIF 2.1.0 log. Each file is read in its own format (YAML, JSON, JSONC: by its
//! extension, stdin by its content); a `.toml` spec is refused with a message. With no
//! FILE, the spec is found as `pspace up` finds it (`discover`), and named on stderr.

use super::args::Format;
use super::sarif_output::{self, Checked};
use super::{
    discover, github_output, input, json_output, summary, text_output, EXIT_OK, EXIT_PROBLEMS,
    EXIT_TROUBLE,
};
use gradient_spec::format::NameKind;
use gradient_spec::text::LineIndex;
use gradient_spec::{Diagnostic, Severity};
use std::ffi::{OsStr, OsString};
use std::path::Path;

/// The files to check: those given (relative ones under `cwd`), or the one found.
fn targets(files: &[OsString], cwd: Option<&OsStr>) -> Result<Vec<OsString>, String> {
    let base = Path::new(cwd.unwrap_or(OsStr::new(".")));
    if cwd.is_some() && !base.is_dir() {
        return Err(format!("`--cwd {}` is not a folder", base.display()));
    }
    if files.is_empty() {
        return match discover::find(base) {
            Some(p) => {
                let shown = if cwd.is_some() {
                    p.clone()
                } else {
                    p.strip_prefix(".").unwrap_or(&p).to_path_buf()
                };
                eprintln!(
                    "gradient-spec: checking {} (the spec `pspace up` would deploy from {})",
                    shown.display(),
                    base.display()
                );
                Ok(vec![shown.into_os_string()])
            }
            None => Err(format!(
                "no spec found in {}: looked for {} (as `pspace up` does); name a FILE to check another",
                base.display(),
                discover::looked_for()
            )),
        };
    }
    Ok(files
        .iter()
        .map(|f| match cwd {
            Some(_) if !input::is_stdin(f) && Path::new(f).is_relative() => {
                base.join(f).into_os_string()
            }
            _ => f.clone(),
        })
        .collect())
}

pub fn run(files: &[OsString], format: Format, cwd: Option<&OsStr>) -> i32 {
    let files = match targets(files, cwd) {
        Ok(f) => f,
        Err(msg) => {
            eprintln!("gradient-spec: {msg}");
            return EXIT_TROUBLE;
        }
    };
    let mut trouble = Vec::new();
    let mut checked = Vec::new();
    for path in &files {
        let name = input::display_name(path);
        if !input::is_stdin(path) && gradient_spec::Format::of_name(&name) == NameKind::Toml {
            let msg = format!(
                "{name}: TOML specs are not checked: gradient-spec reads YAML, JSON and JSONC (write the spec as paperspace.yaml or paperspace.json to check it)"
            );
            eprintln!("gradient-spec: {msg}");
            trouble.push(msg);
            continue;
        }
        match input::read(path) {
            Ok(input) => {
                let named = (!input::is_stdin(path)).then_some(input.name.as_str());
                let spec_format = gradient_spec::Format::of_document(named, &input.text);
                let report = gradient_spec::check_as(&input.text, spec_format);
                checked.push((input, report.diagnostics));
            }
            Err(msg) => {
                eprintln!("gradient-spec: {msg}");
                trouble.push(msg);
            }
        }
    }
    let mut out = String::new();
    let mut json_items = Vec::new();
    for (input, diagnostics) in &checked {
        let index = LineIndex::new(&input.text);
        for d in diagnostics {
            match format {
                Format::Text => {
                    out.push_str(&text_output::render(&input.name, &input.text, &index, d))
                }
                Format::Github => out.push_str(&github_output::command(&input.name, &index, d)),
                Format::Json => json_items.push(json_output::diagnostic(&input.name, &index, d)),
                Format::Sarif => {}
            }
        }
    }
    let all: Vec<&Diagnostic> = checked.iter().flat_map(|(_, d)| d).collect();
    let json = match format {
        Format::Json => Some(serde_json::Value::Array(json_items)),
        Format::Sarif => {
            let files: Vec<Checked> = checked
                .iter()
                .map(|(input, diagnostics)| Checked {
                    name: &input.name,
                    text: &input.text,
                    diagnostics,
                })
                .collect();
            Some(sarif_output::log(&files, &trouble))
        }
        Format::Text | Format::Github => None,
    };
    let mut failed = !trouble.is_empty();
    if let Some(v) = json {
        match serde_json::to_string_pretty(&v) {
            Ok(s) => out.push_str(&format!("{s}\n")),
            Err(e) => {
                eprintln!("gradient-spec: cannot write JSON: {e}");
                failed = true;
            }
        }
    }
    if format == Format::Text && !checked.is_empty() {
        let files = match checked.len() {
            1 => "1 file".to_string(),
            n => format!("{n} files"),
        };
        let owned: Vec<Diagnostic> = all.iter().map(|d| (*d).clone()).collect();
        out.push_str(&format!("checked {files}: {}\n", summary(&owned)));
    }
    print!("{out}");
    if failed {
        EXIT_TROUBLE
    } else if all.iter().any(|d| d.severity == Severity::Error) {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    }
}
