//! `autoscaling`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_a_support::{expect, expect_none, mine};
use crate::shared::values::*;
use gradient_spec::Severity::{Error, Warning};

const CPU: &str = "      - metric: cpu\n        summary: average\n        value: 50\n";

#[test]
fn autoscaling_needs_max_replicas_and_metrics() {
    let d = expect(
        &auto(&format!("    metrics:\n{CPU}")),
        "autoscaling",
        Error,
        "5:3",
    );
    assert_eq!(d.path, "resources.autoscaling.maxReplicas");
    let d = expect(&auto("    maxReplicas: 3\n"), "autoscaling", Error, "5:3");
    assert_eq!(d.path, "resources.autoscaling.metrics");
    expect(
        &auto("    maxReplicas: 3\n    metrics: []\n"),
        "autoscaling",
        Error,
        "7:14",
    );
    expect(
        &auto(&format!("    maxReplicas:\n    metrics:\n{CPU}")),
        "autoscaling",
        Error,
        "6:5",
    );
}

#[test]
fn max_replicas_below_replicas_points_at_max() {
    let text = format!("{HEAD}resources:\n  instanceType: C4\n  replicas: 3\n  autoscaling:\n    maxReplicas: 2\n    metrics:\n{CPU}");
    expect(&text, "autoscaling", Error, "7:18");
    // `replicas` defaults to 1.
    expect(
        &auto(&format!("    maxReplicas: 0\n    metrics:\n{CPU}")),
        "autoscaling",
        Error,
        "6:18",
    );
}

#[test]
fn metric_values() {
    let m = |metric: &str, summary: &str, value: &str| {
        auto(&format!("    maxReplicas: 3\n    metrics:\n      - metric: {metric}\n        summary: {summary}\n        value: {value}\n"))
    };
    expect(&m("gpu", "average", "50"), "autoscaling", Error, "8:17");
    expect(&m("cpu", "max", "50"), "autoscaling", Error, "9:18");
    expect(&m("cpu", "average", "150"), "autoscaling", Error, "10:16");
    expect(
        &m("memory", "average", "50.5"),
        "autoscaling",
        Error,
        "10:16",
    );
    expect(
        &m("cpu", "average", "\"50\""),
        "autoscaling",
        Error,
        "10:16",
    );
    expect(
        &m("requestDuration", "average", "0.001"),
        "autoscaling",
        Error,
        "10:16",
    );
    expect(
        &m("requestDuration", "average", "200"),
        "autoscaling",
        Warning,
        "10:16",
    );
    expect_none(&m("requestDuration", "average", "0.15"), "autoscaling");
    expect_none(&m("memory", "average", "100"), "autoscaling");
}

#[test]
fn metric_listed_twice() {
    let text = auto(&format!(
        "    maxReplicas: 3\n    metrics:\n{CPU}{}",
        CPU.replace("50", "70")
    ));
    let d = expect(&text, "autoscaling", Warning, "11:17");
    assert_eq!(d.path, "resources.autoscaling.metrics[1].metric");
}

#[test]
fn disabled_autoscaling_with_nothing_else() {
    let text = auto("    enabled: false\n");
    expect(&text, "autoscaling", Warning, "6:14");
    assert_eq!(
        mine(&text)
            .iter()
            .filter(|d| d.rule == "autoscaling")
            .count(),
        1
    );
}

#[test]
fn autoscaling_near_misses() {
    expect_none(
        &auto(&format!(
            "    enabled: true\n    maxReplicas: 2\n    metrics:\n{CPU}"
        )),
        "autoscaling",
    );
    expect_none(
        &auto(&format!(
            "    enabled: false\n    maxReplicas: 2\n    metrics:\n{CPU}"
        )),
        "autoscaling",
    );
}
