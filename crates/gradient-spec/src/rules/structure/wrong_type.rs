//! `wrong-type`: a value of the wrong kind, reported by the catalogue-driven
//! structure walker (`structure.rs`) for every field at every depth, with the fix
//! that wraps a single item in a list.

use super::{unsafe_fix, Walker};
use crate::diag::{Fix, Severity, Span, TextEdit};
use crate::path::SpecPath;
use crate::rules::context::{layout_is_reliable, node_span, wrap_block_mapping_in_list};
use crate::rules::registry::Rule;
use crate::rules::RuleId;
use crate::spec::{self, Kind};
use crate::yaml::{Node, ScalarKind, ScalarStyle, Value};

/// `wrong-type` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::WrongType,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Wrong kind of value",
    what: "A value has the wrong kind: text where a list is needed, a mapping where a single value belongs, a number where text is needed, a probe written as `...`.",
    why: "The API rejects values of the wrong type with a generic \"invalid values\" error.",
    fix: "Write the kind the field expects (see its help); a single item that should be a list can be wrapped in one.",
};

impl Walker<'_, '_> {
    pub(super) fn wrong_type(
        &mut self,
        expected: String,
        node: &Node,
        span: Span,
        path: &SpecPath,
        pattern: &str,
        fix: Option<Fix>,
    ) {
        let actual = node.kind_name();
        let name = path
            .0
            .last()
            .map_or_else(String::new, |_| format!("`{path}` "));
        let mut msg = format!("{name}must be {expected}, but it is {actual}");
        if spec::is_probe(pattern) && node.as_scalar().is_some() {
            msg.push_str(
                ": a probe is a mapping with `path` (an HTTP check) or `exec` (a command)",
            );
            if node.scalar_text() == Some("...") {
                msg.push_str("; the `...` of the docs' example is a placeholder, not a value");
            }
        } else if fix.as_ref().is_some_and(|f| f.title.starts_with("Wrap")) {
            if node.as_mapping().is_some() {
                msg.push_str(
                    ", so the API rejects it; write each item as a list entry starting with `- `",
                );
            } else {
                let src = node.span.slice(self.cx.text);
                msg.push_str(&format!(
                    ", so the API rejects it; write it as a list: `[{src}]`"
                ));
            }
        } else if fix.is_some() {
            msg.push_str("; quote it to keep it as text");
        }
        let d = self.push(RuleId::WrongType, Severity::Error, span, path, msg);
        d.fix = fix;
    }

    pub(super) fn root_not_mapping(&mut self) {
        let node = self.cx.root_node;
        let msg = format!(
            "a deployment spec must be a mapping of fields (`image: …`, `resources: …`), but the document is {}",
            node.kind_name()
        );
        self.push(
            RuleId::WrongType,
            Severity::Error,
            node_span(node),
            &SpecPath::root(),
            msg,
        );
    }

    /// "Wrap in a list" for a list field written as a single item: a block or flow
    /// mapping where a list of mappings belongs (`models` as a mapping), or one
    /// simple scalar (`ports: 8000`).
    pub(super) fn wrap_fix(&self, item: &Kind, node: &Node) -> Option<Fix> {
        let text = self.cx.text;
        if !layout_is_reliable(self.cx) {
            return None;
        }
        let brackets = || {
            vec![
                TextEdit::insert(node.span.start, "["),
                TextEdit::insert(node.span.end, "]"),
            ]
        };
        let edits = match (&node.value, item) {
            (Value::Mapping(m), Kind::Mapping) if m.flow => brackets(),
            (Value::Mapping(_), Kind::Mapping) => wrap_block_mapping_in_list(text, node)?,
            (Value::Scalar(s), k) if k.is_scalar() && s.kind != ScalarKind::Null => {
                let src = node.span.slice(text);
                let simple = !src.is_empty()
                    && !matches!(s.style, ScalarStyle::Literal | ScalarStyle::Folded)
                    && !src.contains(|c: char| c.is_whitespace() || ",[]{}#".contains(c));
                if !simple {
                    return None;
                }
                brackets()
            }
            _ => return None,
        };
        Some(unsafe_fix("Wrap in a list", edits))
    }
}
