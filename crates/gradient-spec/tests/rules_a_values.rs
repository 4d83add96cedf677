//! `port-range`, `replicas`, `autoscaling`, `probe`, `machine-type`.

mod rules_a_support;
use gradient_spec::Applicability::{Safe, Unsafe};
use gradient_spec::Severity::{Error, Info, Warning};
use rules_a_support::{expect, expect_fix, expect_none, mine};

const HEAD: &str = "enabled: true\nimage: x\n";
const V1: &str = "apiVersion: v1\nenabled: true\nname: a\nimage: x\n";

fn legacy(rest: &str) -> String {
    format!("{HEAD}resources:\n  instanceType: C4\n{rest}")
}

// ----- port-range -----

#[test]
fn ports_out_of_range() {
    expect(
        &format!("{HEAD}port: 70000\nresources:\n  instanceType: C4\n"),
        "port-range",
        Error,
        "3:7",
    );
    expect(
        &format!("{HEAD}port: 0\nresources:\n  instanceType: C4\n"),
        "port-range",
        Error,
        "3:7",
    );
    expect(
        &format!("{HEAD}port: \"http\"\nresources:\n  instanceType: C4\n"),
        "port-range",
        Error,
        "3:7",
    );
    let d = expect(
        &format!("{V1}resources:\n  machineType: C4\n  ports: [80, 99999]\n"),
        "port-range",
        Error,
        "7:15",
    );
    assert_eq!(d.path, "resources.ports[1]");
    let probe = legacy("healthChecks:\n  readiness:\n    path: /\n    port: -1\n");
    expect(&probe, "port-range", Error, "8:11");
}

#[test]
fn quoted_port_is_unquoted() {
    let text = format!("{HEAD}port: \"7860\" # gradio\nresources:\n  instanceType: C4\n");
    let d = expect_fix(
        &text,
        "port-range",
        Warning,
        "3:7",
        &text.replace("\"7860\"", "7860"),
    );
    assert_eq!(d.fix.unwrap().applicability, Safe);
    let v1 = format!("{V1}resources:\n  machineType: C4\n  ports:\n    - '8000'\n");
    expect_fix(
        &v1,
        "port-range",
        Warning,
        "8:7",
        &v1.replace("'8000'", "8000"),
    );
}

#[test]
fn port_near_misses() {
    expect_none(
        &format!("{HEAD}port: 8080\nresources:\n  instanceType: C4\n"),
        "port-range",
    );
    expect_none(
        &format!("{V1}resources:\n  machineType: C4\n  ports: [1, 65535]\n"),
        "port-range",
    );
    expect_none(
        &legacy("env:\n  - name: PORT\n    value: \"8080\"\n"),
        "port-range",
    );
}

// ----- replicas -----

#[test]
fn replica_counts() {
    expect(
        &format!("{HEAD}resources:\n  instanceType: C4\n  replicas: -1\n"),
        "replicas",
        Error,
        "5:13",
    );
    expect(
        &format!("{HEAD}resources:\n  instanceType: C4\n  replicas: 1.5\n"),
        "replicas",
        Error,
        "5:13",
    );
    expect(
        &format!("{HEAD}resources:\n  instanceType: C4\n  replicas: \"2\"\n"),
        "replicas",
        Error,
        "5:13",
    );
    expect(
        &format!("{HEAD}resources:\n  instanceType: C4\n  replicas: 0\n"),
        "replicas",
        Info,
        "5:13",
    );
    let auto = legacy("  autoscaling:\n    maxReplicas: -2\n    metrics:\n      - metric: cpu\n        summary: average\n        value: 50\n");
    let d = expect(&auto, "replicas", Error, "6:18");
    assert_eq!(d.path, "resources.autoscaling.maxReplicas");
}

#[test]
fn replica_near_misses() {
    expect_none(
        &format!("{HEAD}resources:\n  instanceType: C4\n  replicas: 2\n"),
        "replicas",
    );
    expect_none(&legacy(""), "replicas");
}

// ----- autoscaling -----

fn auto(body: &str) -> String {
    legacy(&format!("  autoscaling:\n{body}"))
}

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

// ----- probe -----

fn probes(body: &str) -> String {
    legacy(&format!("healthChecks:\n{body}"))
}

#[test]
fn unknown_probe_key() {
    let text = probes("  liveliness:\n    path: /\n");
    let d = expect_fix(
        &text,
        "probe",
        Error,
        "6:3",
        &text.replace("liveliness", "liveness"),
    );
    assert_eq!(d.fix.unwrap().applicability, Unsafe);
    let d = expect(&probes("  healthy:\n    path: /\n"), "probe", Error, "6:3");
    assert!(d.fix.is_none());
}

#[test]
fn probe_forms() {
    expect(
        &probes("  readiness:\n    periodSeconds: 5\n"),
        "probe",
        Error,
        "6:3",
    );
    expect(
        &probes("  readiness:\n    path: health\n"),
        "probe",
        Error,
        "7:11",
    );
    expect(
        &probes("  readiness:\n    path: /\n    exec:\n      command: [true]\n"),
        "probe",
        Error,
        "8:5",
    );
    expect(&probes("  readiness:\n"), "probe", Error, "6:3");
    expect(&probes("  readiness:\n    exec:\n"), "probe", Error, "7:5");
}

#[test]
fn probe_timings() {
    for (key, value, col) in [
        ("timeoutSeconds", "0", 21),
        ("periodSeconds", "0", 20),
        ("failureThreshold", "0", 23),
        ("initialDelaySeconds", "-1", 26),
    ] {
        let text = probes(&format!("  startup:\n    path: /\n    {key}: {value}\n"));
        expect(&text, "probe", Error, &format!("8:{col}"));
    }
    expect_none(
        &probes("  startup:\n    path: /\n    initialDelaySeconds: 0\n    timeoutSeconds: 1\n"),
        "probe",
    );
}

#[test]
fn probe_headers_need_name_and_value() {
    let text = probes("  readiness:\n    path: /\n    headers:\n      - name: Authorization\n");
    let d = expect(&text, "probe", Error, "9:9");
    assert_eq!(d.path, "healthChecks.readiness.headers[0]");
    expect_none(
        &probes("  readiness:\n    path: /\n    headers:\n      - name: A\n        value: b\n"),
        "probe",
    );
}

#[test]
fn lower_case_healthchecks_spelling() {
    let text = format!("{V1}resources:\n  machineType: C4\n  ports: [80]\nhealthchecks:\n  readiness:\n    path: /\n");
    let d = expect_fix(
        &text,
        "probe",
        Warning,
        "8:1",
        &text.replace("healthchecks", "healthChecks"),
    );
    assert_eq!(d.fix.unwrap().applicability, Safe);
}

#[test]
fn probe_near_misses() {
    expect_none(&probes("  readiness:\n    path: /\n    port: 8000\n  liveness:\n    exec:\n      command: [cat, /tmp/ok]\n"), "probe");
    // A probe written as `...` is `wrong-type`, not `probe`.
    expect_none(&probes("  liveness: ...\n"), "probe");
}

// ----- machine-type -----

fn machine(name: &str) -> String {
    format!("{HEAD}resources:\n  instanceType: {name}\n")
}

#[test]
fn unknown_machine_gets_a_suggestion() {
    let d = expect_fix(
        &machine("a4000"),
        "machine-type",
        Warning,
        "4:17",
        &machine("A4000"),
    );
    assert_eq!(d.fix.unwrap().applicability, Unsafe);
    expect_fix(
        &machine("RTX-4000"),
        "machine-type",
        Warning,
        "4:17",
        &machine("RTX4000"),
    );
    let d = expect(&machine("K80"), "machine-type", Warning, "4:17");
    assert!(d.fix.is_none());
}

#[test]
fn free_tier_machine_is_an_error() {
    expect(&machine("Free-GPU"), "machine-type", Error, "4:17");
    expect(
        &format!("{V1}resources:\n  machineType: free-p5000\n  ports: [80]\n"),
        "machine-type",
        Error,
        "6:16",
    );
}

#[test]
fn machine_near_misses() {
    for name in ["C4", "A4000x2", "A100x8", "V100-32G", "IPU-POD16", "H100"] {
        expect_none(&machine(name), "machine-type");
    }
}
