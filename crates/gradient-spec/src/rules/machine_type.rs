//! `machine-type`: `resources.instanceType` (legacy) and `resources.machineType`
//! (v1) name a machine. The API takes any string and no authoritative list exists,
//! so an unknown name is a warning with a suggestion; a free-tier machine is an error.

use super::context::{diag, value_span};
use super::registry::Rule;
use super::Context;
use crate::diag::{Applicability, Diagnostic, Fix, Severity, TextEdit};
use crate::rules::RuleId;
use crate::spec::{is_free_tier, suggest, MACHINE_NAMES};

/// `machine-type` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::MachineType,
    severities: &[Severity::Error, Severity::Warning],
    usual: Severity::Warning,
    title: "Machine type",
    what: "The machine name is not a known one, or is a free-tier machine (`Free-…`).",
    why: "An unknown name is usually a typo; free-tier machines cannot run deployments.",
    fix: "Pick a machine from the list, such as `C4` or `A4000`.",
};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(resources) = cx.resources() else {
        return;
    };
    for key in ["instanceType", "machineType"] {
        let Some(entry) = resources.get_entry(key) else {
            continue;
        };
        let Some(name) = entry.value.as_str() else {
            continue;
        };
        let path = format!("resources.{key}");
        let span = value_span(entry);
        if name.trim().is_empty() || MACHINE_NAMES.contains(&name) {
            continue;
        }
        if is_free_tier(name) {
            let msg = format!(
                "`{name}` is a free-tier machine, which deployments cannot use: choose a paid machine such as `C4` \
                 or `P4000`"
            );
            out.push(diag(RuleId::MachineType, Severity::Error, span, path, msg));
            continue;
        }
        let suggestion = suggest(name, MACHINE_NAMES.iter().copied());
        let mut msg = format!("`{name}` is not a known machine name");
        match suggestion {
            Some(s) => msg.push_str(&format!("; did you mean `{s}`?")),
            None => msg.push_str(" (known: `C4`, `C5`, `C7`, `P4000`, `A4000`, `A100-80G`, …)"),
        }
        msg.push_str(
            " The API accepts any name, so a typo only shows when the deployment fails to start.",
        );
        let mut d = diag(RuleId::MachineType, Severity::Warning, span, path, msg);
        d.fix = suggestion.map(|s| Fix {
            title: format!("Replace with `{s}`"),
            edits: vec![TextEdit::replace(entry.value.span, s)],
            applicability: Applicability::Unsafe,
        });
        out.push(d);
    }
}
