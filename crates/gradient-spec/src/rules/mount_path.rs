//! `mount-path`: where a dataset, model or integration appears in the container
//! (`repositories.mountPath`, `models[].path`, integration `path`). Gradient needs an
//! absolute Linux path below the root; anything else makes the deployment fail.
//!
//! "Mounting over a system directory" means a path *equal* to one of `/bin`, `/boot`,
//! `/dev`, `/etc`, `/lib`, `/proc`, `/sys`, `/usr`, `/var` (the mount hides the whole
//! directory), or anything *inside* `/dev`, `/proc` or `/sys` (kernel filesystems).
//! A subdirectory such as `/var/data` or `/usr/share/models` only hides itself and is
//! a legitimate choice, so it is not reported.

use super::quote::render;
use super::registry::Rule;
use crate::diag::{Applicability, Diagnostic, Fix, Severity, TextEdit};
use crate::path::SpecPath;
use crate::rules::RuleId;
use crate::yaml::{Node, ScalarStyle};

/// `mount-path` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::MountPath,
    severities: &[Severity::Error, Severity::Warning],
    usual: Severity::Error,
    title: "Mount path",
    what: "A `mountPath` or model/integration `path` is relative, `/`, contains `..`, is a Windows path, has a redundant form, or covers a system directory.",
    why: "Relative paths and `/` make the deployment fail; mounting over `/usr` or `/etc` breaks the container.",
    fix: "Use an absolute path of its own, such as `/opt/repos`.",
};

const SYSTEM_DIRS: &[&str] = &[
    "/bin", "/boot", "/dev", "/etc", "/lib", "/proc", "/sys", "/usr", "/var",
];
const KERNEL_DIRS: &[&str] = &["/dev", "/proc", "/sys"];

/// What is wrong with a path, most serious first.
#[derive(Debug, PartialEq)]
pub(crate) enum Finding {
    /// An error, with an optional unsafe replacement (the content, unquoted).
    Error(String, Option<String>),
    /// A redundant spelling and its normal form.
    Redundant(String),
    /// A mount that hides a system directory.
    SystemDir(String),
}

/// Checks one path value. `field` names it in messages (`mountPath`, `path`).
pub(crate) fn check(node: &Node, field: &str, path: &SpecPath, out: &mut Vec<Diagnostic>) {
    let (Some(text), Some(scalar)) = (node.as_str(), node.as_scalar()) else {
        return;
    };
    for finding in analyse(text) {
        out.push(diagnostic(finding, node, scalar.style, field, path));
    }
}

fn diagnostic(
    finding: Finding,
    node: &Node,
    style: ScalarStyle,
    field: &str,
    path: &SpecPath,
) -> Diagnostic {
    let fix = |title: String, content: &str, applicability| {
        render(style, content).map(|new| Fix {
            title,
            edits: vec![TextEdit::replace(node.span, new)],
            applicability,
        })
    };
    let (severity, message, fix) = match finding {
        Finding::Error(why, repl) => {
            let fix = repl.and_then(|r| fix(format!("Make it absolute: `{r}`"), &r, Applicability::Unsafe));
            (Severity::Error, format!("`{field}` {why}: it must be an absolute path below `/`, such as `/opt/data`"), fix)
        }
        Finding::Redundant(normal) => (
            Severity::Warning,
            format!("`{field}` has a redundant form (`//`, `/./` or a trailing `/`); write `{normal}`"),
            fix(format!("Write `{normal}`"), &normal, Applicability::Safe),
        ),
        Finding::SystemDir(dir) => (
            Severity::Warning,
            format!("`{field}` mounts over the system directory `{dir}`, hiding what the image keeps there"),
            None,
        ),
    };
    let d = Diagnostic::new(RULE.id, severity, node.span, path.to_string(), message);
    match fix {
        Some(f) => d.with_fix(f),
        None => d,
    }
}

/// Everything wrong with `p`: at most one error, or else up to two warnings.
pub(crate) fn analyse(p: &str) -> Vec<Finding> {
    if let Some(err) = error(p) {
        return vec![err];
    }
    let normal = normalise(p);
    if normal == "/" {
        return vec![Finding::Error("is the root directory `/`".into(), None)];
    }
    let mut out = Vec::new();
    if normal != p {
        out.push(Finding::Redundant(normal.clone()));
    }
    let over_system = SYSTEM_DIRS.contains(&normal.as_str())
        || KERNEL_DIRS.iter().any(|d| {
            normal
                .strip_prefix(d)
                .is_some_and(|rest| rest.starts_with('/'))
        });
    if over_system {
        out.push(Finding::SystemDir(normal));
    }
    out
}

/// The error in `p`, if any; only a plain relative path (`opt/repos`) gets a fix.
fn error(p: &str) -> Option<Finding> {
    let err = |why: &str| Some(Finding::Error(why.to_string(), None));
    if p.trim().is_empty() {
        return err("is empty");
    }
    if is_windows(p) {
        return err("is a Windows path (the container runs Linux)");
    }
    if p.starts_with('~') {
        return err("starts with `~`, which nothing expands to a home directory");
    }
    if p == "." {
        return err("is `.`");
    }
    let dot_dot = p.split('/').any(|s| s == "..");
    if !p.starts_with('/') {
        let plain = !p.starts_with('.') && !dot_dot && !p.starts_with(char::is_whitespace);
        let fix = plain.then(|| normalise(&format!("/{p}")));
        return Some(Finding::Error("is a relative path".into(), fix));
    }
    if dot_dot {
        return err("contains a `..` segment");
    }
    None
}

/// A drive letter (`C:\x`, `C:/x`), a UNC path (`\\server`) or any backslash.
fn is_windows(p: &str) -> bool {
    let b = p.as_bytes();
    let drive = b.len() >= 2
        && b[0].is_ascii_alphabetic()
        && b[1] == b':'
        && matches!(b.get(2), None | Some(b'\\' | b'/'));
    drive || p.contains('\\')
}

/// The form two paths are compared in: normalised when absolute, else as written.
pub(crate) fn normal_form(p: &str) -> String {
    if p.starts_with('/') {
        normalise(p)
    } else {
        p.to_string()
    }
}

/// `p` without empty segments, `.` segments or a trailing `/` (absolute input).
fn normalise(p: &str) -> String {
    let segments: Vec<&str> = p
        .split('/')
        .filter(|s| !s.is_empty() && *s != ".")
        .collect();
    format!("/{}", segments.join("/"))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn err(p: &str) -> Option<Option<String>> {
        match analyse(p).into_iter().next() {
            Some(Finding::Error(_, fix)) => Some(fix),
            _ => None,
        }
    }

    #[test]
    fn errors_and_their_fixes() {
        assert_eq!(err("opt/repos"), Some(Some("/opt/repos".into())));
        assert_eq!(err("opt//repos/"), Some(Some("/opt/repos".into())));
        for p in [
            "./repos",
            "~/repos",
            "~",
            "/",
            ".",
            "..",
            "/opt/../x",
            "opt/../x",
            "C:\\x",
            "c:/x",
            "\\\\server",
            "",
            "//",
            "/./",
        ] {
            assert_eq!(err(p), Some(None), "{p}");
        }
    }

    #[test]
    fn warnings() {
        assert_eq!(
            analyse("/opt//repos"),
            vec![Finding::Redundant("/opt/repos".into())]
        );
        assert_eq!(
            analyse("/opt/./repos/"),
            vec![Finding::Redundant("/opt/repos".into())]
        );
        assert_eq!(analyse("/etc"), vec![Finding::SystemDir("/etc".into())]);
        assert_eq!(
            analyse("/proc/x"),
            vec![Finding::SystemDir("/proc/x".into())]
        );
        assert_eq!(
            analyse("/usr/"),
            vec![
                Finding::Redundant("/usr".into()),
                Finding::SystemDir("/usr".into())
            ]
        );
        for ok in [
            "/opt/repos",
            "/var/data",
            "/usr/share/models",
            "/models",
            "/etcetera",
            "/opt/a b",
            "/opt/.hidden",
        ] {
            assert_eq!(analyse(ok), vec![], "{ok}");
        }
    }
}
