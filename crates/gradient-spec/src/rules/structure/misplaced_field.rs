//! `misplaced-field`: known fields at the wrong level and a `spec:` wrapper around
//! the whole spec, with the fixes that move them where they belong.

use super::{place, unsafe_fix, Holder, Walker};
use crate::diag::{Severity, TextEdit};
use crate::path::SpecPath;
use crate::rules::context::{
    dedent_lines, key_column, layout_is_reliable, line_end, moved_entry_text, newline_of,
    next_line_start, starts_line, whole_lines,
};
use crate::rules::registry::Rule;
use crate::rules::RuleId;
use crate::spec::{self, Kind, Misplaced};
use crate::yaml::{Entry, Mapping, Node};

/// `misplaced-field` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::MisplacedField,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Field at the wrong level",
    what: "A known field written at the wrong level, e.g. `replicas` at the top instead of under `resources`, or a `spec:` wrapper around the whole spec.",
    why: "The server only looks for each field in its own place, so a misplaced one is ignored.",
    fix: "Move it under its parent; the fix does it.",
};

impl Walker<'_, '_> {
    pub(super) fn misplaced(
        &mut self,
        map: &Mapping,
        entry: &Entry,
        m: &Misplaced,
        path: &SpecPath,
    ) {
        let target = m.target(self.cx.shape);
        let (parent, new_key) = target.rsplit_once('.').unwrap_or(("", target));
        let where_now = place(path);
        let msg = if parent.is_empty() {
            format!("`{}` belongs at the top level, not {where_now}, so the server does not read it there", m.key)
        } else if new_key == m.key {
            format!("`{}` belongs under `{parent}` (`{target}`), not {where_now}, so the server does not read it there", m.key)
        } else {
            let shape = match self.cx.shape {
                spec::Shape::Legacy => "legacy",
                spec::Shape::V1 => "v1",
            };
            format!(
                "`{}` is not read {where_now}: in a {shape} spec this is `{target}`",
                m.key
            )
        };
        let fix = self
            .move_fix(map, entry, target)
            .map(|edits| unsafe_fix(format!("Move to `{target}`"), edits));
        let key_path = path.key(m.key);
        let d = self.push(
            RuleId::MisplacedField,
            Severity::Error,
            entry.key.span,
            &key_path,
            msg,
        );
        d.fix = fix;
    }

    /// Edits that move `entry` (found in `holder`) to the full path `target`,
    /// creating missing parents; `None` when the target already has the field or
    /// the layout is not plain block style.
    fn move_fix(&self, holder: &Mapping, entry: &Entry, target: &str) -> Option<Vec<TextEdit>> {
        let text = self.cx.text;
        if !layout_is_reliable(self.cx) {
            return None;
        }
        let newline = newline_of(text);
        if !starts_line(text, entry.key.span.start) {
            return None;
        }
        let target_field = spec::field_by_pattern(target, None)?;
        let (parent, new_key) = target.rsplit_once('.').unwrap_or(("", target));
        let segments: Vec<&str> = if parent.is_empty() {
            Vec::new()
        } else {
            parent.split('.').collect()
        };
        let from = key_column(text, entry.key.span.start);
        let remove = whole_lines(text, entry.span);

        let (anchor, found, empty_parent) = deepest_parent(self.cx.root_node, &segments)?;
        let missing = &segments[found..];
        let (indent, at) = match empty_parent {
            Some(e) => (
                key_column(text, e.key.span.start) + self.step,
                line_end(text, e.key.span.end),
            ),
            None => {
                let map = anchor.as_mapping()?;
                if missing.is_empty() && map.get_entry(new_key).is_some() {
                    return None;
                }
                let first = map.entries.first()?;
                let last = map.entries.last()?;
                (
                    key_column(text, first.key.span.start),
                    line_end(text, last.span.end),
                )
            }
        };
        let depth = indent + self.step * missing.len();
        let moved = match (target_field.kind, entry.value.as_scalar()) {
            (Kind::List(item), Some(_)) if item.is_scalar() => {
                let tail = text.get(entry.value.span.end..line_end(text, entry.value.span.end))?;
                format!("{new_key}: [{}]{tail}", entry.value.span.slice(text))
            }
            _ => moved_entry_text(text, entry, new_key, from, depth)?,
        };
        let mut block = String::new();
        for (i, seg) in missing.iter().enumerate() {
            block.push_str(&format!(
                "{}{seg}:{newline}",
                " ".repeat(indent + self.step * i)
            ));
        }
        block.push_str(&format!("{}{moved}", " ".repeat(depth)));
        let anchor_is_holder = anchor.as_mapping().is_some_and(|m| std::ptr::eq(m, holder));
        let creates_in_holder = empty_parent.is_none() && anchor_is_holder && !missing.is_empty();
        if creates_in_holder || (remove.start <= at && at <= remove.end) {
            // The new lines take the place of the old ones.
            let end_nl = if text[..remove.end].ends_with('\n') {
                newline
            } else {
                ""
            };
            return Some(vec![TextEdit::replace(remove, format!("{block}{end_nl}"))]);
        }
        Some(vec![
            TextEdit::delete(remove),
            TextEdit::insert(at, format!("{newline}{block}")),
        ])
    }

    /// A `spec:` mapping around the whole spec: reported, unwrapped by the fix, and its
    /// content checked like a top level (without repeating what is missing there).
    pub(super) fn spec_wrapper(&mut self, root: &Mapping, entry: &Entry) {
        let text = self.cx.text;
        let msg =
            "`spec:` wraps the whole spec, but a deployment spec has its fields at the top level \
                   (a Kubernetes habit): the server sees none of the fields inside it"
                .to_string();
        let path = SpecPath::root().key(spec::SPEC_WRAPPER);
        let reliable = layout_is_reliable(self.cx);
        let fix = entry
            .value
            .as_mapping()
            .filter(|_| reliable)
            .and_then(|inner| {
                let first = inner.entries.first()?;
                let clash = inner.entries.iter().any(|e| {
                    e.key
                        .scalar_text()
                        .is_some_and(|k| root.get_entry(k).is_some())
                });
                let by = key_column(text, first.key.span.start)
                    .checked_sub(key_column(text, entry.key.span.start))?;
                if clash || by == 0 || inner.flow || !starts_line(text, entry.key.span.start) {
                    return None;
                }
                let header = whole_lines(text, entry.key.span);
                let mut edits = vec![TextEdit::delete(header)];
                edits.extend(dedent_lines(
                    text,
                    next_line_start(text, entry.key.span.end),
                    entry.span.end,
                    by,
                ));
                Some(unsafe_fix("Move the fields to the top level", edits))
            });
        let d = self.push(
            RuleId::MisplacedField,
            Severity::Error,
            entry.key.span,
            &path,
            msg,
        );
        d.fix = fix;
        if let Some(inner) = entry.value.as_mapping() {
            let holder = Holder {
                node: &entry.value,
                span: entry.key.span,
            };
            self.required = false;
            self.mapping(&holder, inner, "", &mut path.clone(), None);
            self.required = true;
        }
    }
}

/// The deepest existing block mapping on the way from `root` down `segments`, how
/// many segments it covers, and the empty entry (`key:` with nothing) that ends the
/// way, if any; `None` when a segment holds anything else.
fn deepest_parent<'n>(
    root: &'n Node,
    segments: &[&str],
) -> Option<(&'n Node, usize, Option<&'n Entry>)> {
    let mut anchor = root;
    let mut found = 0;
    let mut empty_parent: Option<&Entry> = None;
    for seg in segments {
        let Some(e) = anchor.as_mapping().and_then(|m| m.get_entry(seg)) else {
            break;
        };
        match e.value.as_mapping() {
            Some(m) if !m.flow && !m.entries.is_empty() => {
                anchor = &e.value;
                found += 1;
            }
            _ if e.value.is_null() && e.value.span.is_empty() => {
                empty_parent = Some(e);
                found += 1;
                break;
            }
            _ => return None,
        }
    }
    Some((anchor, found, empty_parent))
}

/// A `spec:` value that holds at least one top-level field.
pub(super) fn is_spec_wrapper(node: &Node) -> bool {
    node.as_mapping().is_some_and(|m| {
        m.entries.iter().any(|e| {
            e.key
                .scalar_text()
                .is_some_and(|k| spec::field_by_pattern(k, None).is_some())
        })
    })
}
