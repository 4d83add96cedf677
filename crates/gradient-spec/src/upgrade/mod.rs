//! Upgrading a legacy spec to the v1 shape (`docs/spec-reference.md`, "Two shapes"),
//! through the edit layer's by-path operations, so comments, key order, quoting and
//! layout outside what moves stay as they were, and every step is verified.
//!
//! What changes: `apiVersion` becomes `v1` (set, or inserted first); `port` becomes
//! `resources.ports: [port]` (80, the legacy default, when absent);
//! `resources.instanceType` is renamed `resources.machineType`; `models` become `model`
//! integrations and public https `repositories` become `git-lfs` integrations
//! (`path` = `<mountPath>/<name>`), written where `models` (or `repositories`) stood;
//! then `models` and `repositories` go. What cannot be carried over (private
//! repositories, a `ref`, the dataset the clones lived in, integrations past the v1
//! limit, a missing `name`) is said in [`UpgradeNote`]s pointing into the original
//! text, for the caller to show as problems. A v1 spec is left alone.

mod carry;
mod diff;

use crate::diag::{apply_edits, Span, TextEdit};
use crate::edit::{self, EditError, NewValue};
use crate::path::SpecPath;
use crate::rules::{detect_shape, shape_votes, Shape};
use crate::yaml::{self, Mapping, Node, ScalarKind, Value};

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

/// The result of [`upgrade_to_v1`]: the new text, the edits that make it from the
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
    let doc = yaml::parse(text);
    doc.root
        .as_ref()
        .and_then(Node::as_mapping)
        .is_some_and(needs_upgrade)
}

fn needs_upgrade(root: &Mapping) -> bool {
    detect_shape(root) == Shape::Legacy || shape_votes(root).0 > 0
}

/// Upgrades the legacy spec in `text` to the v1 shape. Never panics; a v1 spec or a
/// text that cannot be upgraded comes back unchanged, with its status saying why.
pub fn upgrade_to_v1(text: &str) -> Upgrade {
    let doc = yaml::parse(text);
    let syntax = doc
        .syntax_diagnostics
        .iter()
        .filter(|d| matches!(d.rule, "yaml-syntax" | "duplicate-key" | "limit"))
        .count();
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
    match steps(text, root, &mut notes) {
        Ok(new_text) => Upgrade {
            status: UpgradeStatus::Upgraded,
            edits: diff::line_edits(text, &new_text),
            text: new_text,
            notes,
        },
        Err(reason) => Upgrade::unchanged(text, UpgradeStatus::Refused { reason }),
    }
}

/// Applies one by-path operation's edits to `text`.
fn apply(
    text: &mut String,
    what: &str,
    op: impl FnOnce(&str) -> Result<Vec<TextEdit>, EditError>,
) -> Result<(), String> {
    let edits = op(text).map_err(|e| format!("could not {what}: {e}"))?;
    *text =
        apply_edits(text, &edits).ok_or_else(|| format!("could not {what}: overlapping edits"))?;
    Ok(())
}

/// The root mapping of `text` (re-parsed: positions move after each step).
fn with_root<T>(text: &str, f: impl FnOnce(&Mapping) -> T) -> Option<T> {
    let doc = yaml::parse(text);
    doc.root.as_ref().and_then(Node::as_mapping).map(f)
}

fn index_of(m: &Mapping, key: &str) -> Option<usize> {
    m.entries
        .iter()
        .position(|e| e.key.scalar_text() == Some(key))
}

/// The port as v1 writes it: an integer, also from a quoted number (`"7860"`).
fn port_value(node: &Node) -> Option<NewValue> {
    let s = node.as_scalar()?;
    match s.kind {
        ScalarKind::Int(i) => Some(NewValue::Int(i)),
        ScalarKind::String => Some(match s.text.trim().parse::<u16>() {
            Ok(p) if p > 0 => NewValue::Int(i64::from(p)),
            _ => NewValue::Str(s.text.clone()),
        }),
        ScalarKind::Float(f) => Some(NewValue::Float(f)),
        ScalarKind::Bool(b) => Some(NewValue::Bool(b)),
        ScalarKind::Null => None,
    }
}

/// `port` moved to `resources.ports` (entry `at`) with its comments, as `[port]`,
/// written `value` (a quoted number becomes a number).
fn move_port(text: &str, at: usize, value: &NewValue) -> Result<String, String> {
    let mut t = text.to_string();
    let ports = SpecPath::root().key("resources").key("ports");
    apply(&mut t, "move `port`", |t| {
        edit::move_key(
            t,
            &SpecPath::root().key("port"),
            &SpecPath::root().key("resources"),
            at,
            "ports",
        )
    })?;
    apply(&mut t, "wrap the port in a list", |t| {
        edit::wrap_in_list(t, &ports)
    })?;
    let item = ports.index(0);
    let written = with_root(&t, |r| {
        r.get("resources")
            .and_then(Node::as_mapping)
            .and_then(|m| m.get("ports"))
            .and_then(Node::as_sequence)
            .and_then(|s| s.items.first())
            .and_then(|n| n.as_scalar().map(|s| s.kind))
    })
    .flatten();
    if matches!(value, NewValue::Int(_)) && written == Some(ScalarKind::String) {
        apply(&mut t, "write the port as a number", |t| {
            edit::set_scalar(t, &item, value)
        })?;
    }
    Ok(t)
}

/// Every step, in order, on a copy of `text`; notes pushed as they are found.
fn steps(original: &str, root: &Mapping, notes: &mut Vec<UpgradeNote>) -> Result<String, String> {
    let mut text = original.to_string();
    let top = SpecPath::root();
    let resources_path = top.key("resources");
    let resources = root.get_entry("resources");
    let res_map = resources.and_then(|e| e.value.as_mapping());
    if let Some(e) = resources.filter(|e| e.value.as_mapping().is_none() && !e.value.is_null()) {
        return Err(format!(
            "`resources` is {}, not a mapping; fix it first",
            e.value.kind_name()
        ));
    }

    // The deployment's name: v1 requires it; the old CLI passed it as `--name`.
    if root
        .get("name")
        .and_then(Node::scalar_text)
        .is_none_or(|s| s.trim().is_empty())
    {
        let span = root.entries.first().map_or(Span::at(0), |e| e.key.span);
        notes.push(UpgradeNote::new(
            top.key("name"),
            span,
            "v1 requires `name` (the deployment's name, which the old CLI took from `--name`): add it",
        ));
    }

    // resources.instanceType → resources.machineType.
    let instance = res_map.and_then(|m| m.get_entry("instanceType"));
    let machine = res_map.and_then(|m| m.get_entry("machineType"));
    match (instance, machine) {
        (Some(_), None) => apply(
            &mut text,
            "rename `resources.instanceType`",
            |t| edit::rename_key(t, &resources_path.key("instanceType"), "machineType"),
        )?,
        (Some(i), Some(_)) => {
            notes.push(UpgradeNote::new(
                resources_path.key("instanceType"),
                Span::new(i.key.span.start, i.span.end),
                format!(
                    "`resources.instanceType: {}` is dropped: `resources.machineType` is already set",
                    i.value.scalar_text().unwrap_or("…")
                ),
            ));
            apply(&mut text, "remove `resources.instanceType`", |t| edit::remove(t, &resources_path.key("instanceType")))?;
        }
        (None, Some(_)) => {}
        (None, None) => notes.push(UpgradeNote::new(
            resources_path.key("machineType"),
            resources.map_or(Span::at(0), |e| e.key.span),
            "there is no `resources.instanceType` to carry over: v1 requires `resources.machineType`",
        )),
    }

    // port → resources.ports: [port].
    let port = root.get_entry("port");
    let ports_exist = res_map.is_some_and(|m| m.get_entry("ports").is_some());
    if ports_exist {
        if let Some(p) = port {
            notes.push(UpgradeNote::new(
                top.key("port"),
                Span::new(p.key.span.start, p.span.end),
                "`port` is dropped: `resources.ports` is already set",
            ));
            apply(&mut text, "remove `port`", |t| {
                edit::remove(t, &top.key("port"))
            })?;
        }
    } else {
        let value = match port {
            None => Some(NewValue::Int(80)),
            Some(p) => {
                let v = port_value(&p.value);
                if v.is_none() {
                    notes.push(UpgradeNote::new(
                        top.key("port"),
                        Span::new(p.key.span.start, p.span.end),
                        format!("`port` is {}, not a port: not carried over; v1 requires `resources.ports`", p.value.kind_name()),
                    ));
                }
                v
            }
        };
        if let Some(value) = value {
            let at = with_root(&text, |r| {
                r.get("resources")
                    .and_then(Node::as_mapping)
                    .and_then(|m| index_of(m, "machineType"))
                    .map_or(usize::MAX, |i| i + 1)
            })
            .unwrap_or(usize::MAX);
            // Moving `port` keeps its comments; where it cannot move (no block
            // `resources`, a flow mapping), `ports` is written anew.
            let moved = port
                .filter(|p| p.value.as_scalar().is_some())
                .and_then(|_| move_port(&text, at, &value).ok());
            match moved {
                Some(t) => text = t,
                None => {
                    apply(&mut text, "add `resources.ports`", |t| {
                        edit::insert_key_at(
                            t,
                            &resources_path,
                            at,
                            "ports",
                            &NewValue::Seq(Vec::new()),
                        )
                    })?;
                    apply(&mut text, "add the port to `resources.ports`", |t| {
                        edit::append_item(t, &resources_path.key("ports"), &value)
                    })?;
                    if port.is_some() {
                        apply(&mut text, "remove `port`", |t| {
                            edit::remove(t, &top.key("port"))
                        })?;
                    }
                }
            }
        } else if port.is_some() {
            apply(&mut text, "remove `port`", |t| {
                edit::remove(t, &top.key("port"))
            })?;
        }
    }

    // models and repositories → integrations.
    let existing = match root.get("integrations").map(|n| &n.value) {
        Some(Value::Sequence(s)) => {
            let maps: Vec<&Mapping> = s.items.iter().filter_map(Node::as_mapping).collect();
            let field = |key: &str| -> Vec<String> {
                maps.iter()
                    .filter_map(|m| m.get(key).and_then(Node::scalar_text))
                    .map(str::to_string)
                    .collect()
            };
            carry::Existing {
                count: s.items.len(),
                names: field("name"),
                paths: field("path"),
            }
        }
        Some(_) => {
            return Err("`integrations` is not a list; fix it first".to_string());
        }
        None => carry::Existing::default(),
    };
    let new_integrations = carry::integrations(root, &existing, notes);
    let integrations_path = top.key("integrations");
    if !new_integrations.is_empty() {
        if root.get_entry("integrations").is_some() {
            for item in &new_integrations {
                apply(&mut text, "add an integration", |t| {
                    edit::append_item(t, &integrations_path, item)
                })?;
            }
        } else {
            let at = with_root(&text, |r| {
                index_of(r, "models").or_else(|| index_of(r, "repositories"))
            })
            .flatten()
            .unwrap_or(usize::MAX);
            apply(&mut text, "add `integrations`", |t| {
                edit::insert_key_at(
                    t,
                    &top,
                    at,
                    "integrations",
                    &NewValue::Seq(new_integrations),
                )
            })?;
        }
    }
    for key in ["models", "repositories"] {
        if root.get_entry(key).is_some() {
            apply(&mut text, &format!("remove `{key}`"), |t| {
                edit::remove(t, &top.key(key))
            })?;
        }
    }

    // apiVersion: v1, first when it was absent.
    let version = top.key("apiVersion");
    match root.get_entry("apiVersion") {
        Some(e) if e.value.scalar_text() == Some("v1") && e.value.as_str().is_some() => {}
        Some(e) if e.value.as_scalar().is_some() => apply(&mut text, "set `apiVersion`", |t| {
            edit::set_scalar(t, &version, &"v1".into())
        })?,
        Some(e) => {
            return Err(format!(
                "`apiVersion` is {}; fix it first",
                e.value.kind_name()
            ))
        }
        None => apply(&mut text, "add `apiVersion`", |t| {
            edit::insert_key_at(t, &top, 0, "apiVersion", &"v1".into())
        })?,
    }
    notes.sort_by_key(|n| (n.span.start, n.span.end));
    Ok(text)
}
