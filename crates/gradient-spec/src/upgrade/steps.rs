//! The steps of the upgrade, one function each, run in order on a copy of the text:
//! each reads the original tree to decide and edits the current text by spec path
//! through the edit layer (so every step is verified and keeps what it does not touch).

use super::{carry, UpgradeNote};
use crate::diag::{apply_edits, Span, TextEdit};
use crate::edit::{EditError, Editor, NewValue};
use crate::path::SpecPath;
use crate::yaml::{Mapping, Node, ScalarKind, Value};

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
fn with_root<T>(text: &str, ed: Editor, f: impl FnOnce(&Mapping) -> T) -> Option<T> {
    let doc = crate::parse_as(text, ed.format);
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
fn move_port(text: &str, ed: Editor, at: usize, value: &NewValue) -> Result<String, String> {
    let mut t = text.to_string();
    let ports = SpecPath::root().key("resources").key("ports");
    apply(&mut t, "move `port`", |t| {
        ed.move_key(
            t,
            &SpecPath::root().key("port"),
            &SpecPath::root().key("resources"),
            at,
            "ports",
        )
    })?;
    apply(&mut t, "wrap the port in a list", |t| {
        ed.wrap_in_list(t, &ports)
    })?;
    let item = ports.index(0);
    let written = with_root(&t, ed, |r| {
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
            ed.set_scalar(t, &item, value)
        })?;
    }
    Ok(t)
}

/// Every step, in order, on a copy of `original` whose root is `root`; notes pushed
/// as they are found. Each step reads the original tree for what to do and edits the
/// current text by path.
pub(crate) fn run(
    original: &str,
    root: &Mapping,
    ed: Editor,
    notes: &mut Vec<UpgradeNote>,
) -> Result<String, String> {
    let resources = root.get_entry("resources");
    if let Some(e) = resources.filter(|e| e.value.as_mapping().is_none() && !e.value.is_null()) {
        return Err(format!(
            "`resources` is {}, not a mapping; fix it first",
            e.value.kind_name()
        ));
    }
    let mut text = original.to_string();
    name_note(root, notes);
    machine_type(&mut text, ed, root, notes)?;
    ports(&mut text, ed, root, notes)?;
    integrations(&mut text, ed, root, notes)?;
    api_version(&mut text, ed, root)?;
    crate::sort::by_key(notes, |n| (n.span.start, n.span.end));
    Ok(text)
}

/// The deployment's name: v1 requires it; the old CLI passed it as `--name`.
fn name_note(root: &Mapping, notes: &mut Vec<UpgradeNote>) {
    let top = SpecPath::root();
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
}

/// `resources.instanceType` → `resources.machineType`, renamed in place.
fn machine_type(
    text: &mut String,
    ed: Editor,
    root: &Mapping,
    notes: &mut Vec<UpgradeNote>,
) -> Result<(), String> {
    let resources_path = SpecPath::root().key("resources");
    let resources = root.get_entry("resources");
    let res_map = resources.and_then(|e| e.value.as_mapping());
    let instance = res_map.and_then(|m| m.get_entry("instanceType"));
    let machine = res_map.and_then(|m| m.get_entry("machineType"));
    match (instance, machine) {
        (Some(_), None) => apply(
            text,
            "rename `resources.instanceType`",
            |t| ed.rename_key(t, &resources_path.key("instanceType"), "machineType"),
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
            apply(text, "remove `resources.instanceType`", |t| {
                ed.remove(t, &resources_path.key("instanceType"))
            })?;
        }
        (None, Some(_)) => {}
        (None, None) => notes.push(UpgradeNote::new(
            resources_path.key("machineType"),
            resources.map_or(Span::at(0), |e| e.key.span),
            "there is no `resources.instanceType` to carry over: v1 requires `resources.machineType`",
        )),
    }
    Ok(())
}

/// `port` → `resources.ports: [port]` (80, the legacy default, when absent).
fn ports(
    text: &mut String,
    ed: Editor,
    root: &Mapping,
    notes: &mut Vec<UpgradeNote>,
) -> Result<(), String> {
    let top = SpecPath::root();
    let resources_path = top.key("resources");
    let res_map = root.get("resources").and_then(Node::as_mapping);
    let port = root.get_entry("port");
    let ports_exist = res_map.is_some_and(|m| m.get_entry("ports").is_some());
    if ports_exist {
        if let Some(p) = port {
            notes.push(UpgradeNote::new(
                top.key("port"),
                Span::new(p.key.span.start, p.span.end),
                "`port` is dropped: `resources.ports` is already set",
            ));
            apply(text, "remove `port`", |t| ed.remove(t, &top.key("port")))?;
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
            let at = with_root(text, ed, |r| {
                r.get("resources")
                    .and_then(Node::as_mapping)
                    .and_then(|m| index_of(m, "machineType"))
                    .map_or(usize::MAX, |i| i + 1)
            })
            .unwrap_or(usize::MAX);
            // Moving `port` keeps its comments; where it cannot move (no block
            // `resources`, a flow mapping in YAML, an empty object in JSON), `ports`
            // is written anew.
            let moved = port
                .filter(|p| p.value.as_scalar().is_some())
                .and_then(|_| move_port(text, ed, at, &value).ok());
            match moved {
                Some(t) => *text = t,
                None if ed.format.is_json() => {
                    // `"ports": [80]` on one line, as a person writes it.
                    apply(text, "add `resources.ports`", |t| {
                        ed.insert_key_at(t, &resources_path, at, "ports", &value)
                    })?;
                    apply(text, "wrap the port in a list", |t| {
                        ed.wrap_in_list(t, &resources_path.key("ports"))
                    })?;
                    if port.is_some() {
                        apply(text, "remove `port`", |t| ed.remove(t, &top.key("port")))?;
                    }
                }
                None => {
                    apply(text, "add `resources.ports`", |t| {
                        ed.insert_key_at(
                            t,
                            &resources_path,
                            at,
                            "ports",
                            &NewValue::Seq(Vec::new()),
                        )
                    })?;
                    apply(text, "add the port to `resources.ports`", |t| {
                        ed.append_item(t, &resources_path.key("ports"), &value)
                    })?;
                    if port.is_some() {
                        apply(text, "remove `port`", |t| ed.remove(t, &top.key("port")))?;
                    }
                }
            }
        } else if port.is_some() {
            apply(text, "remove `port`", |t| ed.remove(t, &top.key("port")))?;
        }
    }

    Ok(())
}

/// `models` and public https `repositories` → `integrations`, written where `models`
/// (or `repositories`) stood, or appended to the integrations a mixed spec has.
fn integrations(
    text: &mut String,
    ed: Editor,
    root: &Mapping,
    notes: &mut Vec<UpgradeNote>,
) -> Result<(), String> {
    let top = SpecPath::root();
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
    let kept = carry::integrations(root, &existing, notes);
    let integrations_path = top.key("integrations");
    // Models turned into integrations where they are keep their comments; where that
    // cannot be done, the integrations are written anew.
    let mut values: Vec<NewValue> = kept.iter().map(|c| c.value.clone()).collect();
    let mut has_list = root.get_entry("integrations").is_some();
    if !has_list {
        if let Some((t, n)) = models_in_place(text, ed, root, &kept) {
            *text = t;
            values.drain(..n);
            has_list = true;
        }
    }
    if !values.is_empty() {
        if has_list {
            for item in &values {
                apply(text, "add an integration", |t| {
                    ed.append_item(t, &integrations_path, item)
                })?;
            }
        } else {
            let at = with_root(text, ed, |r| {
                index_of(r, "models").or_else(|| index_of(r, "repositories"))
            })
            .flatten()
            .unwrap_or(usize::MAX);
            apply(text, "add `integrations`", |t| {
                ed.insert_key_at(t, &top, at, "integrations", &NewValue::Seq(values))
            })?;
        }
    }
    for key in ["models", "repositories"] {
        let present = with_root(text, ed, |r| r.get_entry(key).is_some()).unwrap_or(false);
        if present {
            apply(text, &format!("remove `{key}`"), |t| {
                ed.remove(t, &top.key(key))
            })?;
        }
    }

    Ok(())
}

/// `models` renamed `integrations` and each model item given its `type` and `name`
/// in place, so the comments on its lines stay: when `models` is a non-empty block
/// list of block mappings of `id` and `path`, every one of them carried, first and in
/// order, in `kept`. The new text and how many of `kept` it wrote, or `None` (the
/// caller writes the integrations anew).
fn models_in_place(
    text: &str,
    ed: Editor,
    root: &Mapping,
    kept: &[carry::Carried],
) -> Option<(String, usize)> {
    let base = SpecPath::root().key("models");
    // JSON collections are all flow; the JSON edits keep their lines and comments.
    let json = ed.format.is_json();
    let items = &root
        .get("models")?
        .as_sequence()
        .filter(|s| !s.flow || json)?
        .items;
    let n = items.len();
    if n == 0 || kept.len() < n {
        return None;
    }
    for (i, item) in items.iter().enumerate() {
        let m = item.as_mapping().filter(|m| !m.flow || json)?;
        let plain_keys = m
            .entries
            .iter()
            .all(|e| matches!(e.key.scalar_text(), Some("id" | "path")));
        if kept[i].from != base.index(i) || !plain_keys {
            return None;
        }
    }
    let list = SpecPath::root().key("integrations");
    let mut t = text.to_string();
    apply(&mut t, "rename `models`", |t| {
        ed.rename_key(t, &base, "integrations")
    })
    .ok()?;
    for (i, c) in kept[..n].iter().enumerate() {
        let NewValue::Map(fields) = &c.value else {
            return None;
        };
        let get = |k: &str| fields.iter().find(|(key, _)| key == k).map(|(_, v)| v);
        let item = list.index(i);
        let original = items[i].as_mapping()?;
        let (kind, name) = (get("type")?, get("name")?);
        apply(&mut t, "add `type`", |t| {
            ed.insert_key_at(t, &item, 0, "type", kind)
        })
        .ok()?;
        apply(&mut t, "add `name`", |t| {
            ed.insert_key_at(t, &item, 1, "name", name)
        })
        .ok()?;
        for key in ["id", "path"] {
            let (Some(NewValue::Str(want)), Some(node)) = (get(key), original.get(key)) else {
                continue;
            };
            if node.as_str() != Some(want.as_str()) {
                let v = NewValue::Str(want.clone());
                apply(&mut t, "rewrite a model field", |t| {
                    ed.set_scalar(t, &item.key(key), &v)
                })
                .ok()?;
            }
        }
    }
    Some((t, n))
}

/// `apiVersion: v1`: set in place, or inserted first when absent.
fn api_version(text: &mut String, ed: Editor, root: &Mapping) -> Result<(), String> {
    let top = SpecPath::root();
    let version = top.key("apiVersion");
    match root.get_entry("apiVersion") {
        Some(e) if e.value.scalar_text() == Some("v1") && e.value.as_str().is_some() => {}
        Some(e) if e.value.as_scalar().is_some() => apply(text, "set `apiVersion`", |t| {
            ed.set_scalar(t, &version, &"v1".into())
        })?,
        Some(e) => {
            return Err(format!(
                "`apiVersion` is {}; fix it first",
                e.value.kind_name()
            ))
        }
        None => apply(text, "add `apiVersion`", |t| {
            ed.insert_key_at(t, &top, 0, "apiVersion", &"v1".into())
        })?,
    }
    Ok(())
}
