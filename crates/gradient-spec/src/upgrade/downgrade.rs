//! Downgrading a v1 spec to the legacy shape, the other direction of
//! [`super::upgrade_to_v1`], through the same by-path edit operations, so comments, key
//! order, quoting and layout outside what moves stay as they were.
//!
//! What changes: `apiVersion` becomes `v0alpha0` (set, or inserted first);
//! `resources.ports: [p, …]` becomes the top-level `port: p` (moved with its comments;
//! a note for every further port); `resources.machineType` is renamed
//! `resources.instanceType`; `model` integrations become `models` entries (`id`,
//! `path`) and `git-lfs` integrations become `repositories` (see `integrations`);
//! `basicAuthKey` goes. What the legacy shape cannot express (other integration types,
//! basic auth, further ports, integration names) is said in [`UpgradeNote`]s pointing
//! into the original text.
//!
//! Git-lfs integrations are written as legacy `repositories` with `dataset` left empty
//! rather than dropped: the URLs and folders carry over (and upgrade back), and the
//! dataset the legacy shape clones into, which v1 has no field for, is asked for by the
//! `missing-field` problem instead of being invented.
//!
//! The result has the upgrade's type: [`UpgradeStatus::Upgraded`] there means "moved
//! to the other shape"; a spec that already has the legacy shape comes back unchanged
//! as [`UpgradeStatus::Refused`] with a reason ([`downgrade_summary`] words it all).

mod integrations;

use super::{diff, Upgrade, UpgradeNote, UpgradeStatus};
use crate::diag::{apply_edits, Span, TextEdit};
use crate::edit::{self, EditError, NewValue};
use crate::path::SpecPath;
use crate::rules::RuleId;
use crate::rules::{detect_shape, shape_votes, Shape};
use crate::yaml::{self, Mapping, Node, Value};

/// The reason a legacy spec is not downgraded.
pub const ALREADY_LEGACY: &str = "already a legacy spec: nothing to downgrade";

/// Whether a parsed spec has the v1 shape or any v1-only field, so a downgrade would
/// change it.
pub fn needs_downgrade(root: &Mapping) -> bool {
    detect_shape(root) == Shape::V1 || shape_votes(root).1 > 0
}

/// Downgrades the v1 spec in `text` to the legacy shape. Never panics; a legacy spec or
/// a text that cannot be downgraded comes back unchanged, with its status saying why.
pub fn downgrade_to_legacy(text: &str) -> Upgrade {
    let doc = yaml::parse(text);
    let syntax = doc
        .syntax_diagnostics
        .iter()
        .filter(|d| {
            matches!(
                d.rule,
                RuleId::YamlSyntax | RuleId::DuplicateKey | RuleId::Limit
            )
        })
        .count();
    let refused = |reason: String| Upgrade::unchanged(text, UpgradeStatus::Refused { reason });
    if syntax > 0 {
        return refused(format!(
            "the document has {syntax} syntax problem(s) (see the problems list); fix them first"
        ));
    }
    let Some(root) = doc.root.as_ref().and_then(Node::as_mapping) else {
        return refused("the document is not a mapping of spec fields".to_string());
    };
    if !needs_downgrade(root) {
        return refused(ALREADY_LEGACY.to_string());
    }
    let mut notes = Vec::new();
    match run(text, root, &mut notes) {
        Ok(new_text) => Upgrade {
            status: UpgradeStatus::Upgraded,
            edits: diff::line_edits(text, &new_text),
            text: new_text,
            notes,
        },
        Err(reason) => refused(reason),
    }
}

/// One line for a status bar or a terminal, about a [`downgrade_to_legacy`] result.
pub fn downgrade_summary(result: &Upgrade) -> String {
    match &result.status {
        UpgradeStatus::Upgraded => match result.notes.len() {
            0 => "moved to the legacy shape".to_string(),
            1 => "moved to the legacy shape; 1 note says what was not carried over".to_string(),
            n => format!("moved to the legacy shape; {n} notes say what was not carried over"),
        },
        UpgradeStatus::AlreadyV1 => "a v1 spec".to_string(),
        UpgradeStatus::Refused { reason } => format!("not moved to the legacy shape: {reason}"),
    }
}

/// Applies one by-path operation's edits to `text`.
pub(super) fn apply(
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
pub(super) fn with_root<T>(text: &str, f: impl FnOnce(&Mapping) -> T) -> Option<T> {
    let doc = yaml::parse(text);
    doc.root.as_ref().and_then(Node::as_mapping).map(f)
}

pub(super) fn index_of(m: &Mapping, key: &str) -> Option<usize> {
    m.entries
        .iter()
        .position(|e| e.key.scalar_text() == Some(key))
}

/// The span of a whole entry, key to end of value.
pub(super) fn entry_span(e: &crate::yaml::Entry) -> Span {
    Span::new(e.key.span.start, e.span.end.max(e.key.span.end))
}

/// Every step, in order, on a copy of `original` whose root is `root`.
fn run(original: &str, root: &Mapping, notes: &mut Vec<UpgradeNote>) -> Result<String, String> {
    if let Some(e) = root
        .get_entry("resources")
        .filter(|e| e.value.as_mapping().is_none() && !e.value.is_null())
    {
        return Err(format!(
            "`resources` is {}, not a mapping; fix it first",
            e.value.kind_name()
        ));
    }
    let mut text = original.to_string();
    machine_type(&mut text, root, notes)?;
    ports(&mut text, root, notes)?;
    integrations::run(&mut text, root, notes)?;
    basic_auth(&mut text, root, notes)?;
    api_version(&mut text, root)?;
    crate::sort::by_key(notes, |n| (n.span.start, n.span.end));
    Ok(text)
}

/// `resources.machineType` → `resources.instanceType`, renamed in place.
fn machine_type(
    text: &mut String,
    root: &Mapping,
    notes: &mut Vec<UpgradeNote>,
) -> Result<(), String> {
    let resources = SpecPath::root().key("resources");
    let res = root.get("resources").and_then(Node::as_mapping);
    let machine = res.and_then(|m| m.get_entry("machineType"));
    let instance = res.and_then(|m| m.get_entry("instanceType"));
    match (machine, instance) {
        (Some(_), None) => apply(text, "rename `resources.machineType`", |t| {
            edit::rename_key(t, &resources.key("machineType"), "instanceType")
        }),
        (Some(m), Some(_)) => {
            notes.push(UpgradeNote::new(
                resources.key("machineType"),
                entry_span(m),
                format!(
                    "`resources.machineType: {}` is dropped: `resources.instanceType` is already set",
                    m.value.scalar_text().unwrap_or("…")
                ),
            ));
            apply(text, "remove `resources.machineType`", |t| {
                edit::remove(t, &resources.key("machineType"))
            })
        }
        _ => Ok(()),
    }
}

/// `resources.ports: [p, …]` → top-level `port: p`, after `image` (where the legacy
/// reference lists it), with the entry's comments; further ports in notes.
fn ports(text: &mut String, root: &Mapping, notes: &mut Vec<UpgradeNote>) -> Result<(), String> {
    let top = SpecPath::root();
    let ports_path = top.key("resources").key("ports");
    let Some(entry) = root
        .get("resources")
        .and_then(Node::as_mapping)
        .and_then(|m| m.get_entry("ports"))
    else {
        return Ok(());
    };
    let (first, rest): (Option<&Node>, &[Node]) = match &entry.value.value {
        Value::Sequence(s) => match s.items.split_first() {
            Some((f, r)) => (Some(f), r),
            None => (None, &[]),
        },
        Value::Scalar(_) => (Some(&entry.value), &[]),
        _ => (None, &[]),
    };
    for (i, extra) in rest.iter().enumerate() {
        notes.push(UpgradeNote::new(
            ports_path.index(i + 1),
            extra.span,
            format!(
                "port {} is not carried over: the legacy shape has one `port`",
                extra.scalar_text().unwrap_or("…")
            ),
        ));
    }
    let value = first.filter(|n| !n.is_null()).and_then(port_value);
    let Some(value) = value.filter(|_| root.get_entry("port").is_none()) else {
        let why = if root.get_entry("port").is_some() {
            "`resources.ports` is dropped: `port` is already set".to_string()
        } else {
            format!(
                "`resources.ports` has no port to carry over ({}): the legacy shape uses port 80 when `port` is absent",
                entry.value.kind_name()
            )
        };
        notes.push(UpgradeNote::new(ports_path.clone(), entry_span(entry), why));
        return apply(text, "remove `resources.ports`", |t| {
            edit::remove(t, &ports_path)
        });
    };
    let at = with_root(text, |r| index_of(r, "image").map_or(usize::MAX, |i| i + 1))
        .unwrap_or(usize::MAX);
    // Moving keeps the entry's comments; where it cannot move (a flow `resources`, a
    // list the unwrapping cannot read), `port` is written anew.
    if let Some(t) = move_port(text, at, &value) {
        *text = t;
        return Ok(());
    }
    apply(text, "add `port`", |t| {
        edit::insert_key_at(t, &top, at, "port", &value)
    })?;
    apply(text, "remove `resources.ports`", |t| {
        edit::remove(t, &ports_path)
    })
}

/// A port as written in the list, kept as a number or a string.
fn port_value(node: &Node) -> Option<NewValue> {
    use crate::yaml::ScalarKind;
    let s = node.as_scalar()?;
    Some(match s.kind {
        ScalarKind::Int(i) => NewValue::Int(i),
        ScalarKind::Float(f) => NewValue::Float(f),
        ScalarKind::Bool(b) => NewValue::Bool(b),
        ScalarKind::String => NewValue::Str(s.text.clone()),
        ScalarKind::Null => return None,
    })
}

/// `resources.ports` moved to the root as `port` (entry `at`), then its list replaced
/// by its first item as written. `None` when a step is refused or the result does not
/// read back as `port: value`.
fn move_port(text: &str, at: usize, value: &NewValue) -> Option<String> {
    let mut t = text.to_string();
    let from = SpecPath::root().key("resources").key("ports");
    apply(&mut t, "move `resources.ports`", |t| {
        edit::move_key(t, &from, &SpecPath::root(), at, "port")
    })
    .ok()?;
    let doc = yaml::parse(&t);
    let entry = doc.root.as_ref()?.as_mapping()?.get_entry("port")?;
    if let Some(seq) = entry.value.as_sequence() {
        let item = seq.items.first()?;
        let written = t.get(item.span.start..item.span.end)?.to_string();
        // From the key's end (`port`) to the list's end: `: <first item>`. Comments
        // inside a block list go with the ports that are not carried over.
        let edit = TextEdit::replace(
            Span::new(entry.key.span.end, entry.value.span.end),
            format!(": {written}"),
        );
        t = apply_edits(&t, &[edit])?;
    }
    let check = yaml::parse(&t);
    let clean = check.syntax_diagnostics.is_empty();
    let port = check
        .root
        .as_ref()
        .and_then(Node::as_mapping)
        .and_then(|r| r.get("port"))
        .and_then(port_value);
    (clean && port.as_ref() == Some(value)).then_some(t)
}

/// `basicAuthKey` has no legacy counterpart: removed, with a note.
fn basic_auth(
    text: &mut String,
    root: &Mapping,
    notes: &mut Vec<UpgradeNote>,
) -> Result<(), String> {
    let Some(e) = root.get_entry("basicAuthKey") else {
        return Ok(());
    };
    let path = SpecPath::root().key("basicAuthKey");
    notes.push(UpgradeNote::new(
        path.clone(),
        entry_span(e),
        "`basicAuthKey` is not carried over: the legacy shape has no basic auth, so the endpoint is no longer protected by it",
    ));
    apply(text, "remove `basicAuthKey`", |t| edit::remove(t, &path))
}

/// `apiVersion: v0alpha0`: set in place, or inserted first when absent.
fn api_version(text: &mut String, root: &Mapping) -> Result<(), String> {
    let top = SpecPath::root();
    let version = top.key("apiVersion");
    match root.get_entry("apiVersion") {
        Some(e) if e.value.as_str() == Some("v0alpha0") => Ok(()),
        Some(e) if e.value.as_scalar().is_some() => apply(text, "set `apiVersion`", |t| {
            edit::set_scalar(t, &version, &"v0alpha0".into())
        }),
        Some(e) => Err(format!(
            "`apiVersion` is {}; fix it first",
            e.value.kind_name()
        )),
        None => apply(text, "add `apiVersion`", |t| {
            edit::insert_key_at(t, &top, 0, "apiVersion", &"v0alpha0".into())
        }),
    }
}
