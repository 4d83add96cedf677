//! Upgrading a legacy spec to the v1 shape (`docs/spec-reference.md`, "Two shapes"),
//! through the edit layer's by-path operations, so comments, key order, quoting and
//! layout outside what moves stay as they were, and every step is verified.
//!
//! What changes: `apiVersion` becomes `v1` (set, or inserted first); `port` becomes
//! `resources.ports: [port]` (80, the legacy default, when absent);
//! `resources.instanceType` is renamed `resources.machineType`; `models` become `model`
//! integrations and public https `repositories` become `git-lfs` integrations
//! (`path` = `<mountPath>/<name>`), written where `models` (or `repositories`) stood
//! (a plain block list of models is turned in place, keeping its comments);
//! then `models` and `repositories` go. What cannot be carried over (private
//! repositories, a `ref`, the dataset the clones lived in, integrations past the v1
//! limit, a missing `name`) is said in [`UpgradeNote`]s pointing into the original
//! text, for the caller to show as problems. A v1 spec is left alone.
//!
//! A spec is upgraded in its own format ([`upgrade_to_v1_as`]): the steps go through
//! [`edit::in_format`], so JSON stays JSON (double quotes, commas, the file's
//! indentation and key order) and JSONC keeps its comments; the result is parsed again
//! in that format and the upgrade refused if it does not read back cleanly.

mod carry;
mod diff;
mod downgrade;
mod items;
mod steps;

pub use downgrade::{downgrade_summary, downgrade_to_legacy, needs_downgrade, ALREADY_LEGACY};

use crate::diag::{Span, TextEdit};
use crate::edit;
use crate::format::Format;
use crate::path::SpecPath;
use crate::rules::RuleId;
use crate::rules::{detect_shape, shape_votes, Shape};
use crate::yaml::{self, Mapping, Node};

/// Something the upgrade could not carry over or had to decide, located in the
/// original text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UpgradeNote {
    /// The spec path in the original document (`repositories.repositories[1]`), or of
    /// the v1 field that is missing (`name`).
    pub path: String,
    /// Where to look in the original text (byte offsets).
    pub span: Span,
    /// What happened and what to do about it.
    pub message: String,
}

impl UpgradeNote {
    pub(crate) fn new(path: SpecPath, span: Span, message: impl Into<String>) -> Self {
        UpgradeNote {
            path: path.to_string(),
            span,
            message: message.into(),
        }
    }
}

/// What the upgrade did.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum UpgradeStatus {
    /// The spec was legacy-shaped and [`Upgrade::text`] is its v1 version.
    Upgraded,
    /// The spec already has the v1 shape: nothing to do, no edits.
    AlreadyV1,
    /// The spec cannot be upgraded as it is (syntax errors, not a mapping, an edit
    /// the edit layer refused); the reason says what to do. No edits.
    Refused { reason: String },
}

/// The result of [`upgrade_to_v1`] and [`upgrade_to_v1_as`]: the new text, the edits that make it from the
/// old one (for a preview and a single undoable step), and the notes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Upgrade {
    pub status: UpgradeStatus,
    /// The upgraded text (the input itself when nothing changed).
    pub text: String,
    /// Non-overlapping whole-line edits, in order, turning the input into
    /// [`Upgrade::text`]; empty when nothing changed.
    pub edits: Vec<TextEdit>,
    /// What could not be carried over, in the input's order.
    pub notes: Vec<UpgradeNote>,
}

impl Upgrade {
    /// Whether the upgrade changes the text.
    pub fn changed(&self) -> bool {
        !self.edits.is_empty()
    }

    /// One line for a status bar or a terminal.
    pub fn summary(&self) -> String {
        match &self.status {
            UpgradeStatus::Upgraded => match self.notes.len() {
                0 => "upgraded to v1".to_string(),
                1 => "upgraded to v1; 1 note says what was not carried over or is missing"
                    .to_string(),
                n => {
                    format!("upgraded to v1; {n} notes say what was not carried over or is missing")
                }
            },
            UpgradeStatus::AlreadyV1 => "already a v1 spec: nothing to upgrade".to_string(),
            UpgradeStatus::Refused { reason } => format!("not upgraded: {reason}"),
        }
    }

    fn unchanged(text: &str, status: UpgradeStatus) -> Self {
        Upgrade {
            status,
            text: text.to_string(),
            edits: Vec::new(),
            notes: Vec::new(),
        }
    }
}

/// Whether `text` holds a legacy-shaped spec that [`upgrade_to_v1`] would change (for
/// showing an "Upgrade to v1" button): a mapping with a legacy field or version.
pub fn is_legacy(text: &str) -> bool {
    is_legacy_as(text, Format::Yaml)
}

/// [`is_legacy`] for a spec written in `format`.
pub fn is_legacy_as(text: &str, format: Format) -> bool {
    let doc = crate::parse_as(text, format);
    doc.root
        .as_ref()
        .and_then(Node::as_mapping)
        .is_some_and(needs_upgrade)
}

/// Whether a parsed spec has the legacy shape or any legacy field, so an upgrade would
/// change it (the page asks this of the parse it already has).
pub fn needs_upgrade(root: &Mapping) -> bool {
    detect_shape(root) == Shape::Legacy || shape_votes(root).0 > 0
}

/// Upgrades the legacy YAML spec in `text` to the v1 shape. Never panics; a v1 spec or
/// a text that cannot be upgraded comes back unchanged, with its status saying why.
pub fn upgrade_to_v1(text: &str) -> Upgrade {
    upgrade_to_v1_as(text, Format::Yaml)
}

/// [`upgrade_to_v1`] for a spec written in `format`: parsed with [`crate::parse_as`]
/// and edited through [`edit::in_format`], so a JSON spec stays JSON (double quotes,
/// commas, its indentation and key order) and a JSONC spec keeps its comments. The
/// result is checked in its own format; an upgrade that would not parse cleanly is
/// refused, never returned.
pub fn upgrade_to_v1_as(text: &str, format: Format) -> Upgrade {
    let doc = crate::parse_as(text, format);
    let syntax = syntax_problems(&doc);
    if syntax > 0 {
        return Upgrade::unchanged(
            text,
            UpgradeStatus::Refused {
                reason: format!(
                    "the document has {syntax} syntax problem(s) (see the problems list); fix them first"
                ),
            },
        );
    }
    let Some(root) = doc.root.as_ref().and_then(Node::as_mapping) else {
        return Upgrade::unchanged(
            text,
            UpgradeStatus::Refused {
                reason: "the document is not a mapping of spec fields".to_string(),
            },
        );
    };
    if !needs_upgrade(root) {
        return Upgrade::unchanged(text, UpgradeStatus::AlreadyV1);
    }
    let mut notes = Vec::new();
    let result = steps::run(text, root, edit::in_format(format), &mut notes).and_then(|t| {
        let back = crate::parse_as(&t, format);
        match syntax_problems(&back) {
            0 if back.root.as_ref().and_then(Node::as_mapping).is_some() => Ok(t),
            n => Err(format!(
                "the upgraded {} would not read back cleanly ({n} syntax problem(s)); \
                 nothing was changed",
                format.name()
            )),
        }
    });
    match result {
        Ok(new_text) => Upgrade {
            status: UpgradeStatus::Upgraded,
            edits: diff::line_edits(text, &new_text),
            text: new_text,
            notes,
        },
        Err(reason) => Upgrade::unchanged(text, UpgradeStatus::Refused { reason }),
    }
}

/// The problems that make a document unsafe to edit: syntax errors, duplicate keys,
/// limits hit.
fn syntax_problems(doc: &yaml::Document) -> usize {
    doc.syntax_diagnostics
        .iter()
        .filter(|d| {
            matches!(
                d.rule,
                RuleId::YamlSyntax | RuleId::DuplicateKey | RuleId::Limit
            )
        })
        .count()
}
