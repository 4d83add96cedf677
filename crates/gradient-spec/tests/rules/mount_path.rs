//! `mount-path`: where it fires (rule, severity, line:column), its fixes, and the near
//! misses it must leave alone.

use crate::rules_b_util::{assert_fixes_keep_syntax, none, of, one};
use gradient_spec::Applicability::{Safe, Unsafe};

/// A legacy spec whose `mountPath` value starts at 3:14.
fn mount(v: &str) -> String {
    format!(
        "image: x\nrepositories:\n  mountPath: {v}\n  dataset: ds\n  repositories:\n    - url: https://gitlab.com/a/b.git\n      name: b\n"
    )
}

#[test]
fn relative_paths_are_errors_and_plain_ones_get_a_slash() {
    let f = one(&mount("opt/repos"), "mount-path", "error", "3:14");
    assert_eq!(f.path, "repositories.mountPath");
    assert_eq!(f.fixed, Some((mount("/opt/repos"), Unsafe)));
    let f = one(&mount("opt//repos/"), "mount-path", "error", "3:14");
    assert_eq!(f.fixed_text(), mount("/opt/repos"));
    // Quoting is kept.
    let f = one(&mount("'opt/repos'"), "mount-path", "error", "3:14");
    assert_eq!(f.fixed_text(), mount("'/opt/repos'"));
    let f = one(&mount("\"opt/repos\""), "mount-path", "error", "3:14");
    assert_eq!(f.fixed_text(), mount("\"/opt/repos\""));
}

#[test]
fn other_errors_have_no_fix() {
    for v in [
        "./repos",
        "~/repos",
        "/",
        ".",
        "..",
        "/opt/../etc",
        "opt/../x",
        "C:\\repos",
        "'C:/repos'",
        "'\\\\server\\share'",
        "\"\"",
        "//",
        "/./",
    ] {
        let f = one(&mount(v), "mount-path", "error", "3:14");
        assert!(f.fixed.is_none(), "{v}: {f:?}");
    }
}

#[test]
fn redundant_forms_are_warnings_with_a_safe_normalisation() {
    for (v, normal) in [
        ("/opt//repos", "/opt/repos"),
        ("/opt/./repos", "/opt/repos"),
        ("/opt/repos/", "/opt/repos"),
        ("\"/opt/repos/\"", "\"/opt/repos\""),
        ("'//opt'", "'/opt'"),
    ] {
        let f = one(&mount(v), "mount-path", "warning", "3:14");
        assert_eq!(f.fixed, Some((mount(normal), Safe)), "{v}");
    }
}

#[test]
fn system_directories_are_warnings() {
    for v in [
        "/bin",
        "/boot",
        "/dev",
        "/etc",
        "/lib",
        "/proc",
        "/sys",
        "/usr",
        "/var",
        "/proc/self",
        "/dev/shm",
    ] {
        let f = one(&mount(v), "mount-path", "warning", "3:14");
        assert!(f.message.contains("system directory"), "{v}");
        assert!(f.fixed.is_none());
    }
    // A trailing slash on a system directory: both warnings.
    let both = of(&mount("/etc/"), "mount-path");
    assert_eq!(both.len(), 2);
    assert!(both
        .iter()
        .all(|f| f.severity == "warning" && f.at == "3:14"));
}

#[test]
fn near_misses() {
    for v in [
        "/opt/repos",
        "/opt/repositories",
        "/var/data",
        "/usr/share/models",
        "/etcetera",
        "/opt/.cache",
        "/opt/my repos",
        "5",
        "",
        "~",
        "[a]",
        "{a: b}",
    ] {
        // Strings that are fine, and values that are no string (`structure`'s business).
        none(&mount(v), "mount-path");
    }
}

#[test]
fn model_and_integration_paths() {
    let text = "image: x\nmodels:\n  - id: mo1\n    path: models/m1\n";
    let f = one(text, "mount-path", "error", "4:11");
    assert_eq!(f.path, "models[0].path");
    assert_eq!(f.fixed_text(), text.replace("models/m1", "/models/m1"));

    let text = "apiVersion: v1\nintegrations:\n  - type: git-lfs\n    name: m\n    url: https://huggingface.co/a/b\n    path: /models/\n";
    let f = one(text, "mount-path", "warning", "6:11");
    assert_eq!(f.path, "integrations[0].path");
    assert_eq!(f.fixed_text(), text.replace("/models/", "/models"));

    none(
        "image: x\nmodels:\n  - id: mo1\n    path: /opt/models\n",
        "mount-path",
    );
    // `models` as a mapping is `wrong-type`: its path is not looked at.
    none(
        "image: x\nmodels:\n  id: mo1\n  path: \"/opt/models/\"\n",
        "mount-path",
    );
}

#[test]
fn flow_style_and_crlf() {
    let text = "repositories: {dataset: d, mountPath: opt/r, repositories: [{url: 'https://h/x', name: x}]}\n";
    let f = one(text, "mount-path", "error", "1:39");
    assert_eq!(f.fixed_text(), text.replace("opt/r", "/opt/r"));
    let text = "repositories:\r\n  dataset: d\r\n  mountPath: /opt//r\r\n";
    let f = one(text, "mount-path", "warning", "3:14");
    assert_eq!(
        f.fixed_text(),
        "repositories:\r\n  dataset: d\r\n  mountPath: /opt/r\r\n"
    );
}

#[test]
fn fixes_keep_the_yaml_well_formed() {
    for v in [
        "opt/repos",
        "'opt/repos'",
        "/opt//r/",
        "\"/a/./b/\"",
        "opt\n    /repos",
    ] {
        assert_fixes_keep_syntax(&mount(v));
    }
}
