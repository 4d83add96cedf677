//! The pure core of the Gradient deployment spec editor: text in, facts out.
//!
//! Layers, each usable alone (see `docs/design.md`):
//! - [`yaml`]: a lossless, error-tolerant parse into a spanned tree; never fails.
//! - [`json`]: the same spanned tree from JSON and JSONC specs; [`Format`] says which
//!   language a document is in ([`check_as`], [`edit::in_format`]).
//! - [`spec`]: the field catalogue that drives rules, the form, help and the schema.
//! - [`rules`]: one function per rule id, emitting [`Diagnostic`]s with spans and fixes.
//! - [`edit`]: edits by spec path, returned as minimal text edits.
//! - [`text`]: byte offset ↔ line/column ↔ UTF-16 offset.
//! - [`located`]: a diagnostic in lines and columns, as every front end serialises it.
//!
//! [`check`] runs the whole pipeline; the `gradient-spec` binary and the web app are
//! both thin views of it.

// An item marked `pub` is part of the core's API; one that no front end can reach
// says so (`pub(crate)`), so dead API shows up as dead code.
#![warn(unreachable_pub)]

pub mod complete;
pub mod diag;
pub mod edit;
pub mod format;
pub mod highlight;
pub mod highlight_json;
pub mod json;
pub mod located;
#[cfg(any(test, feature = "parse-counter"))]
pub mod parse_counter;
pub mod path;
pub mod rules;
pub mod sort;
pub mod spec;
pub mod text;
pub mod upgrade;
pub mod yaml;

pub use diag::{Applicability, Diagnostic, Fix, Severity, Span, TextEdit};
pub use format::Format;
pub use located::{locate_all, Located};
pub use path::{PathSegment, SpecPath};
pub use rules::RuleId;

/// The result of checking one document: its parse and every problem found in it.
pub struct Report {
    /// The parsed document (always present: parsing never fails).
    pub doc: yaml::Document,
    /// Syntax and schema diagnostics, sorted by position.
    pub diagnostics: Vec<Diagnostic>,
}

/// Parses and validates `text`: syntax problems and schema problems together, so a
/// syntax error in one part never hides schema problems in the parts that parsed.
pub fn check(text: &str) -> Report {
    check_parsed(yaml::parse(text))
}

/// Parses `text` in `format` (see [`Format::of_document`] to decide it). YAML gives
/// exactly what [`yaml::parse`] gives; JSON and JSONC give the same spanned tree from
/// [`json::parse`], so every rule reads them alike.
pub fn parse_as(text: &str, format: Format) -> yaml::Document {
    match format {
        Format::Yaml => yaml::parse(text),
        Format::Json | Format::Jsonc => json::parse(text, format),
    }
}

/// [`check`] for a document in `format`: the same rules on the same tree, syntax
/// problems in the format's own words (a trailing comma in a `.json` file, …).
pub fn check_as(text: &str, format: Format) -> Report {
    check_parsed(parse_as(text, format))
}

/// The check of a document already parsed (by [`parse_as`], or by an edit's
/// verification: [`edit::Edited::after`]): the rules on that tree, nothing parsed
/// again. This is how a change costs one parse of its result.
pub fn check_parsed(doc: yaml::Document) -> Report {
    let mut diagnostics = doc.syntax_diagnostics.clone();
    diagnostics.extend(rules::validate(&doc));
    diag::sort(&mut diagnostics);
    Report { doc, diagnostics }
}

/// [`apply_fix`] for a document in `format`. The rules write their fixes as YAML; on a
/// JSON or JSONC document the fix's effect (what the document means once it is
/// applied) is made again with the JSON edit operations, so the file stays valid in
/// its own format with its comments and layout. `None` when that cannot be done.
pub fn apply_fix_as(text: &str, format: Format, before: &Report, fix: &Fix) -> Option<String> {
    fix_checked(text, format, before, fix).map(|r| r.doc.text)
}

/// [`apply_fix_as`] with the check of the fixed text, which it makes anyway to judge
/// the fix: the caller shows it instead of checking the new text again.
pub fn fix_checked(text: &str, format: Format, before: &Report, fix: &Fix) -> Option<Report> {
    let after = match format {
        Format::Yaml => diag::apply_edits(text, &fix.edits)?,
        _ => edit::json_fix(text, format, &fix.edits)?,
    };
    let report = check_as(&after, format);
    (syntax_problems(&report) <= syntax_problems(before)).then_some(report)
}

/// The number of `yaml-syntax` problems in a report.
fn syntax_problems(report: &Report) -> usize {
    report
        .diagnostics
        .iter()
        .filter(|d| d.rule == RuleId::YamlSyntax)
        .count()
}

/// Applies `fix` to `text`, whose check is `before`: the new text, or `None` when the
/// edits do not fit the text or the result has more `yaml-syntax` problems. Rules
/// build fixes from the tree's layout, which unusual YAML can mislead (the fuzzer
/// found tags, lone carriage returns and explicit keys doing it); this check, run
/// when a fix is applied rather than on every keystroke, keeps any fix from breaking
/// the text. The app and `gradient-spec fix` both apply fixes through it.
pub fn apply_fix(text: &str, before: &Report, fix: &Fix) -> Option<String> {
    apply_fix_as(text, Format::Yaml, before, fix)
}
