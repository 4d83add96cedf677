//! The pure core of the Gradient deployment spec editor: text in, facts out.
//!
//! Layers, each usable alone (see `../shared/design.md`):
//! - [`yaml`]: a lossless, error-tolerant parse into a spanned tree; never fails.
//! - [`spec`]: the field catalogue that drives rules, the form, help and the schema.
//! - [`rules`]: one function per rule id, emitting [`Diagnostic`]s with spans and fixes.
//! - [`edit`]: edits by spec path, returned as minimal text edits.
//! - [`text`]: byte offset ↔ line/column ↔ UTF-16 offset.
//!
//! [`check`] runs the whole pipeline; the `gradient-spec` binary and the web app are
//! both thin views of it.

pub mod complete;
pub mod diag;
pub mod edit;
pub mod highlight;
pub mod path;
pub mod rules;
pub mod spec;
pub mod text;
pub mod yaml;

pub use diag::{Applicability, Diagnostic, Fix, Severity, Span, TextEdit};
pub use path::{PathSegment, SpecPath};

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
    let doc = yaml::parse(text);
    let mut diagnostics = doc.syntax_diagnostics.clone();
    diagnostics.extend(rules::validate(&doc));
    diag::sort(&mut diagnostics);
    Report { doc, diagnostics }
}
