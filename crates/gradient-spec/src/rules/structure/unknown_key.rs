//! `unknown-key`: a key no version of the spec has, reported by the catalogue-driven
//! structure walker (`structure.rs`), with the rename to the key it is a typo of.

use super::{place, unsafe_fix, Walker};
use crate::diag::{Severity, TextEdit};
use crate::path::SpecPath;
use crate::rules::registry::Rule;
use crate::rules::RuleId;
use crate::spec::{self};
use crate::yaml::{Entry, Mapping};

/// `unknown-key` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::UnknownKey,
    severities: &[Severity::Warning],
    usual: Severity::Warning,
    title: "Unknown key",
    what: "A key that no version of the spec has, often a typo of a known one.",
    why: "The server ignores or rejects it, so whatever it was meant to set is not set.",
    fix: "Rename it to the suggested key, or remove it.",
};

impl Walker<'_, '_> {
    pub(super) fn unknown_key(
        &mut self,
        map: &Mapping,
        entry: &Entry,
        pattern: &str,
        path: &SpecPath,
        variant: Option<&str>,
    ) {
        let Some(key) = entry.key.scalar_text() else {
            return;
        };
        let key_path = path.key(key);
        let (msg, rename) = match spec::stray_key(key) {
            Some(stray) => (
                format!("`{key}` is not part of the deployment spec: {}", stray.hint),
                stray.rename_to,
            ),
            None => {
                // Keys of the spec's own shape first: a near key of the other shape
                // would only turn this warning into a `mixed-shape` error.
                let keys = |shape, variant| {
                    spec::children_of(pattern, shape, variant)
                        .into_iter()
                        .map(|f| f.key())
                };
                let suggestion = spec::suggest(key, keys(Some(self.cx.shape), variant))
                    .or_else(|| spec::suggest(key, keys(None, None)));
                let mut msg =
                    format!("`{key}` is not a field {} in any version of the spec, so it is ignored or rejected", place(path));
                if let Some(s) = suggestion {
                    msg.push_str(&format!("; did you mean `{s}`?"));
                }
                (msg, suggestion)
            }
        };
        let fix = rename.filter(|to| map.get_entry(to).is_none()).map(|to| {
            unsafe_fix(
                format!("Rename to `{to}`"),
                vec![TextEdit::replace(entry.key.span, to)],
            )
        });
        let d = self.push(
            RuleId::UnknownKey,
            Severity::Warning,
            entry.key.span,
            &key_path,
            msg,
        );
        d.fix = fix;
    }
}
