//! `gradient-spec lint`: checks each file and reports every problem, as text or as
//! one JSON array.

use super::args::Format;
use super::{input, json_output, summary, text_output, EXIT_OK, EXIT_PROBLEMS, EXIT_TROUBLE};
use gradient_spec::text::LineIndex;
use gradient_spec::{Diagnostic, Severity};
use std::ffi::OsString;

pub fn run(files: &[OsString], format: Format) -> i32 {
    let mut trouble = false;
    let mut all: Vec<Diagnostic> = Vec::new();
    let mut json_items = Vec::new();
    let mut checked = 0;
    for path in files {
        let input = match input::read(path) {
            Ok(i) => i,
            Err(msg) => {
                eprintln!("gradient-spec: {msg}");
                trouble = true;
                continue;
            }
        };
        checked += 1;
        let report = gradient_spec::check(&input.text);
        let index = LineIndex::new(&input.text);
        for d in &report.diagnostics {
            match format {
                Format::Text => print!(
                    "{}",
                    text_output::render(&input.name, &input.text, &index, d)
                ),
                Format::Json => json_items.push(json_output::diagnostic(&input.name, &index, d)),
            }
        }
        all.extend(report.diagnostics);
    }
    match format {
        Format::Json => match serde_json::to_string_pretty(&serde_json::Value::Array(json_items)) {
            Ok(s) => println!("{s}"),
            Err(e) => {
                eprintln!("gradient-spec: cannot write JSON: {e}");
                trouble = true;
            }
        },
        Format::Text if checked > 0 => {
            let files = if checked == 1 {
                "1 file".to_string()
            } else {
                format!("{checked} files")
            };
            println!("checked {files}: {}", summary(&all));
        }
        Format::Text => {}
    }
    if trouble {
        EXIT_TROUBLE
    } else if all.iter().any(|d| d.severity == Severity::Error) {
        EXIT_PROBLEMS
    } else {
        EXIT_OK
    }
}
