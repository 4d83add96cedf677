//! `autoscaling`: the autoscaling block's `maxReplicas` (present, not below
//! `replicas`) and its metrics (`docs/spec-reference.md`, "resources").

use super::context::{diag, value_span};
use super::registry::Rule;
use super::{Context, RuleId};
use crate::diag::{Diagnostic, Severity};
use crate::path::SpecPath;
use crate::spec::{backticked, METRICS};
use crate::yaml::{Entry, Mapping, Node, ScalarKind, Value};

/// `autoscaling` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::Autoscaling,
    severities: &[Severity::Error, Severity::Warning],
    usual: Severity::Error,
    title: "Autoscaling",
    what: "`autoscaling` lacks `maxReplicas` or `metrics`, `maxReplicas` is below `replicas`, or a metric is malformed or listed twice.",
    why: "The API rejects incomplete autoscaling; targets out of range never or always trigger.",
    fix: "Give `maxReplicas` ≥ `replicas` and metrics `cpu`/`memory` (1–100) or `requestDuration` (seconds) with `summary: average`.",
};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(resources) = cx.resources() else {
        return;
    };
    let Some(auto_entry) = resources.get_entry("autoscaling") else {
        return;
    };
    let Some(auto) = auto_entry.value.as_mapping() else {
        return;
    };
    autoscaling(resources, auto_entry, auto, out);
}

/// `replicas` when absent.
const DEFAULT_REPLICAS: i64 = 1;

/// Below this a `requestDuration` target is not a meaningful number of seconds.
const MIN_REQUEST_DURATION: f64 = 0.01;

/// Above this a `requestDuration` target is probably milliseconds.
const MAX_LIKELY_REQUEST_DURATION: f64 = 60.0;

fn int_of(node: Option<&Node>) -> Option<i64> {
    match node?.as_scalar()?.kind {
        ScalarKind::Int(n) => Some(n),
        _ => None,
    }
}

fn autoscaling(resources: &Mapping, auto_entry: &Entry, auto: &Mapping, out: &mut Vec<Diagnostic>) {
    let base = SpecPath::root().key("resources").key("autoscaling");
    let err = |span, path: &SpecPath, msg: String| {
        diag(
            RuleId::Autoscaling,
            Severity::Error,
            span,
            path.to_string(),
            msg,
        )
    };
    let disabled = auto
        .get("enabled")
        .and_then(Node::as_scalar)
        .is_some_and(|s| s.kind == ScalarKind::Bool(false));
    if disabled && auto.entries.len() == 1 {
        let msg = "autoscaling is turned off and has no `maxReplicas` or `metrics`, which the API expects whenever \
                   the block is present: remove the block, or complete it";
        let e = &auto.entries[0];
        out.push(diag(
            RuleId::Autoscaling,
            Severity::Warning,
            value_span(e),
            base.key("enabled").to_string(),
            msg,
        ));
        return;
    }
    match auto.get_entry("maxReplicas") {
        None => out.push(err(
            auto_entry.key.span,
            &base.key("maxReplicas"),
            "`autoscaling` has no `maxReplicas`: it needs the most replicas it may run".into(),
        )),
        Some(e) if e.value.is_null() => out.push(err(
            value_span(e),
            &base.key("maxReplicas"),
            "`maxReplicas` is empty: autoscaling needs the most replicas it may run".into(),
        )),
        Some(e) => {
            let replicas = match resources.get("replicas") {
                None => Some(DEFAULT_REPLICAS),
                Some(n) => int_of(Some(n)),
            };
            if let (Some(max), Some(r)) = (int_of(Some(&e.value)), replicas) {
                if max >= 0 && max < r {
                    let msg = format!(
                        "`maxReplicas` ({max}) is below `replicas` ({r}): autoscaling scales between the two, so \
                         the maximum must be at least the static count"
                    );
                    out.push(err(value_span(e), &base.key("maxReplicas"), msg));
                }
            }
        }
    }
    let metrics_path = base.key("metrics");
    match auto.get_entry("metrics") {
        None => out.push(err(
            auto_entry.key.span,
            &metrics_path,
            "`autoscaling` has no `metrics`: it needs at least one target (`cpu`, `memory` or `requestDuration`)"
                .into(),
        )),
        Some(e) if e.value.is_null() || e.value.as_sequence().is_some_and(|s| s.items.is_empty()) => {
            out.push(err(
                value_span(e),
                &metrics_path,
                "`metrics` is empty: autoscaling needs at least one target (`cpu`, `memory` or `requestDuration`)"
                    .into(),
            ))
        }
        Some(e) => {
            if let Some(seq) = e.value.as_sequence() {
                metrics(&seq.items, &metrics_path, out);
            }
        }
    }
}

fn metrics(items: &[Node], path: &SpecPath, out: &mut Vec<Diagnostic>) {
    let mut seen: Vec<&str> = Vec::new();
    for (i, item) in items.iter().enumerate() {
        let Some(m) = item.as_mapping() else { continue };
        let item_path = path.index(i);
        let metric = m.get_entry("metric").filter(|e| !e.value.is_null());
        let name = metric
            .and_then(|e| e.value.as_str())
            .filter(|n| METRICS.contains(n));
        if let Some(e) = metric {
            if name.is_none() {
                let msg = format!(
                    "`metric` is `{}`, but autoscaling measures only {}",
                    e.value.scalar_text().unwrap_or("…"),
                    backticked(METRICS)
                );
                out.push(diag(
                    RuleId::Autoscaling,
                    Severity::Error,
                    value_span(e),
                    item_path.key("metric").to_string(),
                    msg,
                ));
            }
        }
        if let Some(n) = name {
            if seen.contains(&n) {
                let msg = format!(
                    "the `{n}` metric is listed twice; only one target per metric takes effect"
                );
                let span = metric.map_or(item.span, value_span);
                out.push(diag(
                    RuleId::Autoscaling,
                    Severity::Warning,
                    span,
                    item_path.key("metric").to_string(),
                    msg,
                ));
            }
            seen.push(n);
        }
        if let Some(e) = m.get_entry("summary").filter(|e| !e.value.is_null()) {
            if e.value.as_str() != Some("average") {
                let msg = format!(
                    "`summary` is `{}`, but `average` is the only summary autoscaling knows",
                    e.value.scalar_text().unwrap_or("…")
                );
                out.push(diag(
                    RuleId::Autoscaling,
                    Severity::Error,
                    value_span(e),
                    item_path.key("summary").to_string(),
                    msg,
                ));
            }
        }
        if let (Some(n), Some(e)) = (name, m.get_entry("value").filter(|e| !e.value.is_null())) {
            target(n, e, &item_path.key("value"), out);
        }
    }
}

/// A metric's target: a percentage 1–100 for `cpu`/`memory`, seconds for
/// `requestDuration`.
fn target(metric: &str, entry: &Entry, path: &SpecPath, out: &mut Vec<Diagnostic>) {
    let Value::Scalar(s) = &entry.value.value else {
        return;
    };
    let span = value_span(entry);
    let (severity, msg) = match (metric, s.kind) {
        ("requestDuration", k) => match k.as_f64() {
            Some(v) if v < MIN_REQUEST_DURATION => (
                Severity::Error,
                format!("a `requestDuration` target of {} seconds is below the minimum of 0.01", s.text),
            ),
            Some(v) if v > MAX_LIKELY_REQUEST_DURATION => (
                Severity::Warning,
                format!(
                    "a `requestDuration` target of {} seconds is over a minute: the value is in seconds, not \
                     milliseconds",
                    s.text
                ),
            ),
            Some(_) => return,
            None => (
                Severity::Error,
                format!("the `requestDuration` target must be a number of seconds, but it is {}", k.name()),
            ),
        },
        (_, ScalarKind::Int(v)) if (1..=100).contains(&v) => return,
        (_, k) => (
            Severity::Error,
            format!(
                "the `{metric}` target must be an integer percentage from 1 to 100, but it is {}",
                match k {
                    ScalarKind::Int(_) | ScalarKind::Float(_) => format!("`{}`", s.text),
                    _ => k.name().to_string(),
                }
            ),
        ),
    };
    out.push(diag(
        RuleId::Autoscaling,
        severity,
        span,
        path.to_string(),
        msg,
    ));
}
