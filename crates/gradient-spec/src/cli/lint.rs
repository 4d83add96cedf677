//! `gradient-spec lint`: checks each file and reports every problem: as text, as one
//! JSON array, as GitHub Actions workflow commands, or as one SARIF 2.1.0 log.

use super::args::Format;
use super::sarif_output::{self, Checked};
use super::{
    github_output, input, json_output, summary, text_output, EXIT_OK, EXIT_PROBLEMS, EXIT_TROUBLE,
};
use gradient_spec::text::LineIndex;
use gradient_spec::{Diagnostic, Severity};
use std::ffi::OsString;

pub fn run(files: &[OsString], format: Format) -> i32 {
    let mut trouble = Vec::new();
    let mut checked = Vec::new();
    for path in files {
        match input::read(path) {
            Ok(input) => {
                let report = gradient_spec::check(&input.text);
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
