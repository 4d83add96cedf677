//! `command`: the command run in the container (checked in `general.rs`).

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

/// `command` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::Command,
    severities: &[Severity::Error],
    usual: Severity::Error,
    title: "Command",
    what: "`command` is not a non-empty list of strings.",
    why:
        "The command is run without a shell: the program and each argument are separate list items.",
    fix: "Write `command: [python, app.py]`, or wrap a shell line as `[/bin/sh, -c, \"…\"]`.",
};
