//! `probe`: the health checks under `healthChecks` (`reference.md`,
//! "healthChecks"): known probe names, an HTTP `path` or an `exec` command, timings
//! in range, complete headers, and the `healthchecks` spelling.

use super::context::{diag, node_span, value_span};
use super::registry::Rule;
use super::Context;
use crate::diag::{Applicability, Diagnostic, Fix, Severity, TextEdit};
use crate::path::SpecPath;
use crate::rules::RuleId;
use crate::spec::{backticked, suggest, HTTP_PROBE_KEYS, PROBES};
use crate::yaml::{Entry, Mapping, Node, ScalarKind};

/// `probe` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::Probe,
    severities: &[Severity::Error, Severity::Warning],
    usual: Severity::Error,
    title: "Health check probe",
    what: "A probe has neither `path` nor `exec`, a `path` not starting with `/`, timings out of range, a header without name or value, or an unknown probe key.",
    why: "A broken probe marks healthy replicas as failed, or is rejected.",
    fix: "Give each of `liveness`, `readiness`, `startup` a `path: /…` (or `exec`), timings of at least 1 second.",
};

/// Timings and their minimum values.
const TIMINGS: &[(&str, i64)] = &[
    ("initialDelaySeconds", 0),
    ("periodSeconds", 1),
    ("timeoutSeconds", 1),
    ("failureThreshold", 1),
];

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else { return };
    for key in ["healthChecks", "healthchecks"] {
        let Some(entry) = root.get_entry(key) else {
            continue;
        };
        if key == "healthchecks" {
            spelling(root, entry, out);
        }
        let Some(checks) = entry.value.as_mapping() else {
            continue;
        };
        let base = SpecPath::root().key(key);
        for probe in &checks.entries {
            let Some(name) = probe.key.scalar_text() else {
                continue;
            };
            let path = base.key(name);
            if !PROBES.contains(&name) {
                unknown_probe(checks, probe, name, &path, out);
            } else if let Some(m) = probe.value.as_mapping() {
                check_probe(probe, m, &path, out);
            } else if probe.value.is_null() {
                let msg = "this probe is empty: give it a `path` (an HTTP check) or `exec` (a command), or remove it";
                out.push(empty_probe(probe, &path, msg));
            }
        }
    }
}

fn spelling(root: &Mapping, entry: &Entry, out: &mut Vec<Diagnostic>) {
    let msg = "`healthchecks` is an alternative spelling that only the v1 API accepts; write `healthChecks`, \
               which every version reads";
    let mut d = diag(
        RuleId::Probe,
        Severity::Warning,
        entry.key.span,
        "healthchecks",
        msg,
    );
    if root.get_entry("healthChecks").is_none() {
        d.fix = Some(Fix {
            title: "Rename to `healthChecks`".to_string(),
            edits: vec![TextEdit::replace(entry.key.span, "healthChecks")],
            applicability: Applicability::Safe,
        });
    }
    out.push(d);
}

fn unknown_probe(
    checks: &Mapping,
    probe: &Entry,
    name: &str,
    path: &SpecPath,
    out: &mut Vec<Diagnostic>,
) {
    let suggestion = suggest(name, PROBES.iter().copied());
    let mut msg = format!(
        "`{name}` is not a probe: health checks are {}",
        backticked(PROBES)
    );
    if let Some(s) = suggestion {
        msg.push_str(&format!("; did you mean `{s}`?"));
    }
    let mut d = diag(
        RuleId::Probe,
        Severity::Error,
        probe.key.span,
        path.to_string(),
        msg,
    );
    d.fix = suggestion
        .filter(|s| checks.get_entry(s).is_none())
        .map(|s| Fix {
            title: format!("Rename to `{s}`"),
            edits: vec![TextEdit::replace(probe.key.span, s)],
            applicability: Applicability::Unsafe,
        });
    out.push(d);
}

fn check_probe(probe: &Entry, m: &Mapping, path: &SpecPath, out: &mut Vec<Diagnostic>) {
    form(probe, m, path, out);
    timings(m, path, out);
    headers(m, path, out);
}

/// A probe is an HTTP check (`path` starting with `/`) or a command (`exec`), not both.
fn form(probe: &Entry, m: &Mapping, path: &SpecPath, out: &mut Vec<Diagnostic>) {
    let exec = m.get_entry("exec");
    let http = HTTP_PROBE_KEYS.iter().any(|k| m.get_entry(k).is_some());
    if exec.is_none() && !http {
        let msg = "this probe has neither `path` (an HTTP check) nor `exec` (a command), so it checks nothing";
        out.push(empty_probe(probe, path, msg));
    }
    if let Some(e) = exec.filter(|e| e.value.is_null()) {
        let msg = "`exec` is empty: give the command to run, e.g. `command: [cat, /tmp/healthy]`";
        out.push(diag(
            RuleId::Probe,
            Severity::Error,
            e.key.span,
            path.key("exec").to_string(),
            msg,
        ));
    }
    if let (Some(e), Some(_)) = (exec, m.get_entry("path")) {
        let msg =
            "this probe has both `path` and `exec`: a probe is either an HTTP check or a command";
        out.push(diag(
            RuleId::Probe,
            Severity::Error,
            e.key.span,
            path.key("exec").to_string(),
            msg,
        ));
    }
    if let Some(e) = m.get_entry("path") {
        if let Some(p) = e
            .value
            .as_str()
            .filter(|p| !p.trim().is_empty() && !p.starts_with('/'))
        {
            let msg = format!(
                "the probe `path` `{p}` must start with `/` (it is the path part of a URL)"
            );
            out.push(diag(
                RuleId::Probe,
                Severity::Error,
                value_span(e),
                path.key("path").to_string(),
                msg,
            ));
        }
    }
}

/// Timings are whole numbers at or above their minimum.
fn timings(m: &Mapping, path: &SpecPath, out: &mut Vec<Diagnostic>) {
    for &(key, min) in TIMINGS {
        let Some(e) = m.get_entry(key) else { continue };
        let Some(ScalarKind::Int(n)) = e.value.as_scalar().map(|s| s.kind) else {
            continue;
        };
        if n < min {
            let msg = if min == 0 {
                format!("`{key}` is {n}, but it cannot be negative")
            } else {
                format!("`{key}` is {n}, but its minimum is {min}")
            };
            out.push(diag(
                RuleId::Probe,
                Severity::Error,
                value_span(e),
                path.key(key).to_string(),
                msg,
            ));
        }
    }
}

/// Every header has both a `name` and a `value`.
fn headers(m: &Mapping, path: &SpecPath, out: &mut Vec<Diagnostic>) {
    if let Some(headers) = m.get("headers").and_then(Node::as_sequence) {
        for (i, h) in headers.items.iter().enumerate() {
            let Some(hm) = h.as_mapping() else { continue };
            let lacks = |k: &str| {
                hm.get(k)
                    .is_none_or(|v| v.is_null() || v.as_str().is_some_and(|s| s.trim().is_empty()))
            };
            let missing: Vec<&str> = ["name", "value"].into_iter().filter(|k| lacks(k)).collect();
            if !missing.is_empty() {
                let msg = format!(
                    "this header has no {}: a probe header needs both `name` and `value`",
                    backticked(&missing)
                );
                out.push(diag(
                    RuleId::Probe,
                    Severity::Error,
                    node_span(h),
                    path.key("headers").index(i).to_string(),
                    msg,
                ));
            }
        }
    }
}

/// An error at the probe's key: the probe is there but checks nothing.
fn empty_probe(probe: &Entry, path: &SpecPath, msg: &str) -> Diagnostic {
    diag(
        RuleId::Probe,
        Severity::Error,
        probe.key.span,
        path.to_string(),
        msg,
    )
}
