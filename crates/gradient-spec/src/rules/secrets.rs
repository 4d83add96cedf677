//! `secret-syntax` and `plaintext-secret` for every field that holds or may hold a
//! secret reference (`secret:NAME`).
//!
//! Fields that *expect* a reference: repository `password` (plaintext is an error),
//! `basicAuthKey` and integration `secretAccessKey` (plaintext is a warning). Fields
//! that *may* hold one: env `value` (plaintext is fine unless it looks like a token,
//! or the variable's name says it holds a credential: `HF_TOKEN`, `DB_PASSWORD`)
//! and integration `accessKeyId`: an AWS access key id identifies a key and is not
//! itself secret (AWS prints it in logs and consoles), so a plaintext one is accepted,
//! but a malformed reference in it is still reported.

use super::context::value_span;
use super::credential;
use super::placeholder::is_bracketed;
use super::quote::render;
use super::secret_ref::{
    classify, contains_interpolation, name_issues, template_name, Form, NameIssue,
};
use super::spec_body::{bodies, colon_after, indexed_mapping_items, mapping_items, Place};
use super::Context;
use crate::diag::{Applicability, Diagnostic, Fix, Severity, TextEdit};
use crate::rules::RuleId;
use crate::yaml::{Entry, Mapping, Node};

const SYNTAX: RuleId = RuleId::SecretSyntax;
const PLAIN: RuleId = RuleId::PlaintextSecret;

/// Pushes one diagnostic at the scalar being judged: rule, severity, message, fix.
type Push<'a> = dyn Fn(&mut Vec<Diagnostic>, RuleId, Severity, String, Option<Fix>) + 'a;

/// How a field treats secret references.
#[derive(Clone, Copy, PartialEq)]
enum Role<'a> {
    /// A reference is expected; plaintext is reported with this severity.
    Expects(Severity),
    /// A reference is allowed; `sniff` reports plaintext that looks like a token, or
    /// any literal under a variable `name` that says it holds a credential.
    May { sniff: bool, name: Option<&'a str> },
}

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    for body in bodies(cx) {
        let m = body.map;
        field(
            cx,
            m,
            "basicAuthKey",
            Place::At(&body.path),
            Role::Expects(Severity::Warning),
            out,
        );
        if let Some(repos) = m.get("repositories").and_then(Node::as_mapping) {
            for (repo, path) in mapping_items(repos, "repositories", &body.path.key("repositories"))
            {
                field(
                    cx,
                    repo,
                    "password",
                    Place::At(&path),
                    Role::Expects(Severity::Error),
                    out,
                );
            }
        }
        for (integration, path) in mapping_items(m, "integrations", &body.path) {
            field(
                cx,
                integration,
                "secretAccessKey",
                Place::At(&path),
                Role::Expects(Severity::Warning),
                out,
            );
            field(
                cx,
                integration,
                "accessKeyId",
                Place::At(&path),
                Role::May {
                    sniff: false,
                    name: None,
                },
                out,
            );
        }
        let list = body.path.key("env");
        for (i, env) in indexed_mapping_items(m, "env") {
            let name = env.get("name").and_then(Node::as_str);
            let role = Role::May { sniff: true, name };
            field(cx, env, "value", Place::Item(&list, i), role, out);
        }
    }
}

/// Checks the value at `key` of `map`, which is at `parent`.
fn field(
    cx: &Context,
    map: &Mapping,
    key: &str,
    parent: Place,
    role: Role,
    out: &mut Vec<Diagnostic>,
) {
    let Some(entry) = map.get_entry(key) else {
        return;
    };
    if let Some(text) = entry.value.as_str() {
        scalar(&entry.value, text, key, parent, role, out);
    } else if entry.value.as_mapping().is_some() {
        mapping_lookalike(cx, entry, key, &parent.key(key).to_string(), out);
    }
}

/// Checks one scalar value; its path (`parent.key`) is spelled out only for a problem.
fn scalar(
    node: &Node,
    text: &str,
    key: &str,
    parent: Place,
    role: Role,
    out: &mut Vec<Diagnostic>,
) {
    let style = node.as_scalar().map(|s| s.style);
    let rewrite = |title: String, content: &str, applicability| {
        let new = render(style?, content)?;
        Some(Fix {
            title,
            edits: vec![TextEdit::replace(node.span, new)],
            applicability,
        })
    };
    let push = |out: &mut Vec<Diagnostic>, rule, severity, message: String, fix: Option<Fix>| {
        let d = Diagnostic::new(
            rule,
            severity,
            node.span,
            parent.key(key).to_string(),
            message,
        );
        out.push(match fix {
            Some(f) => d.with_fix(f),
            None => d,
        });
    };
    match classify(text) {
        Form::Reference { lower, name } => {
            if !lower {
                let fixed = format!("secret:{name}");
                let fix = rewrite(
                    "Write the prefix in lower case".into(),
                    &fixed,
                    Applicability::Safe,
                );
                let msg = format!("`{key}`: write the prefix `secret:` in lower case (the upper-case spelling is from older docs)");
                push(out, SYNTAX, Severity::Warning, msg, fix);
            }
            for issue in name_issues(name) {
                let (severity, msg, fix) = name_message(key, issue, &rewrite);
                push(out, SYNTAX, severity, msg, fix);
            }
        }
        Form::Lookalike { kind, name } => {
            let severity = match role {
                Role::Expects(_) => Severity::Error,
                Role::May { .. } => Severity::Warning,
            };
            let consequence = match role {
                Role::Expects(_) => "it is not a secret reference",
                Role::May { .. } => "the container gets this literal text",
            };
            let fix = name.as_ref().and_then(|n| {
                rewrite(
                    format!("Reference the secret: `secret:{n}`"),
                    &format!("secret:{n}"),
                    Applicability::Unsafe,
                )
            });
            let msg = format!(
                "`{key}`: {}, so {consequence}; a secret is referenced as `secret:NAME`",
                kind.describe()
            );
            push(out, SYNTAX, severity, msg, fix);
        }
        // An empty string holds no secret (and `repo-credentials` treats it as absent).
        Form::Plain if text.trim().is_empty() => {}
        Form::Plain => plaintext(text, key, role, &push, out),
    }
}

/// The reports a well-formed plain value gets: plaintext where a reference is
/// expected; a token, or a literal under a credential's name, where one may be; and
/// `${…}`, which nothing expands.
fn plaintext(text: &str, key: &str, role: Role, push: &Push, out: &mut Vec<Diagnostic>) {
    match role {
        Role::Expects(severity) => {
            let msg = format!(
                "`{key}` holds plaintext: store it as a team or project secret and write `secret:NAME` instead"
            );
            push(out, PLAIN, severity, msg, None);
        }
        Role::May { sniff, name } => {
            let interpolated = contains_interpolation(text);
            if sniff {
                if let Some(what) = credential::kind(text) {
                    let msg = format!(
                        "`{key}` looks like {what} in plaintext: store it as a secret and write `secret:NAME` instead"
                    );
                    push(out, PLAIN, Severity::Warning, msg, None);
                } else if let Some(name) = name.filter(|n| credential::name_says_credential(n)) {
                    // A placeholder in angle brackets is `env`'s; `${X}` is not a literal.
                    if !is_bracketed(text) && !interpolated {
                        let msg = format!(
                            "`{key}` of `{name}` is written in plaintext, but the name says it holds a credential: \
                             store it as a team or project secret and write `secret:NAME` instead"
                        );
                        push(out, PLAIN, Severity::Warning, msg, None);
                    }
                }
            }
            if interpolated {
                let msg = format!("`{key}`: nothing expands `${{…}}` here, so the container gets the literal text");
                push(out, SYNTAX, Severity::Warning, msg, None);
            }
        }
    }
}

/// Severity, message and fix for one problem with a reference's name.
fn name_message(
    key: &str,
    issue: NameIssue,
    rewrite: &dyn Fn(String, &str, Applicability) -> Option<Fix>,
) -> (Severity, String, Option<Fix>) {
    let w = Severity::Warning;
    match issue {
        NameIssue::Empty => (Severity::Error, format!("`{key}`: `secret:` needs the name of a secret after it"), None),
        NameIssue::Padded(n) => (
            Severity::Error,
            format!("`{key}`: the secret name has blanks around it; write `secret:{n}`"),
            rewrite(format!("Write `secret:{n}`"), &format!("secret:{n}"), Applicability::Unsafe),
        ),
        NameIssue::BadChars => (
            Severity::Error,
            format!("`{key}`: a secret name holds only letters, digits, `_` and `-`"),
            None,
        ),
        NameIssue::Hyphen => {
            (w, format!("`{key}`: the current CLI cannot create a secret whose name has a hyphen; prefer `_`"), None)
        }
        NameIssue::LeadingNonLetter => {
            (w, format!("`{key}`: the current CLI only creates secret names that start with a letter"), None)
        }
        NameIssue::TooLong => (w, format!("`{key}`: secret names are at most 128 characters"), None),
    }
}

/// `secret: x` written as a YAML mapping (`key:\n  secret: x`), or a plain
/// `{{ secrets.X }}` that YAML reads as a flow mapping: never a reference.
fn mapping_lookalike(
    cx: &Context,
    entry: &Entry,
    key: &str,
    path: &str,
    out: &mut Vec<Diagnostic>,
) {
    let Some(m) = entry.value.as_mapping() else {
        return;
    };
    let source = entry.value.span.slice(cx.text).trim();
    let (what, name) =
        if let Some(inner) = source.strip_prefix("{{").and_then(|r| r.strip_suffix("}}")) {
            (
                "`{{ … }}` is template syntax that YAML reads as a mapping",
                Some(template_name(inner).to_string()),
            )
        } else {
            let [only] = m.entries.as_slice() else {
                return;
            };
            let prefix = only.key.scalar_text().unwrap_or("").to_ascii_lowercase();
            if prefix != "secret" && prefix != "secrets" {
                return;
            }
            (
                "`secret: NAME` (with a blank after the colon) is a YAML mapping",
                only.value.scalar_text().map(str::to_string),
            )
        };
    let name = name.filter(|n| {
        !n.is_empty()
            && n.chars()
                .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-')
    });
    let msg = format!("`{key}`: {what}, not a secret reference; write `secret:NAME` with no blank");
    let d = Diagnostic::new(SYNTAX, Severity::Error, value_span(entry), path, msg);
    let fix = name.and_then(|n| {
        let colon =
            colon_after(cx.text, entry.key.span.end).filter(|c| *c < entry.value.span.start)?;
        let edit = TextEdit::replace(
            crate::diag::Span::new(colon + 1, entry.value.span.end),
            format!(" secret:{n}"),
        );
        Some(Fix {
            title: format!("Reference the secret: `secret:{n}`"),
            edits: vec![edit],
            applicability: Applicability::Unsafe,
        })
    });
    out.push(match fix {
        Some(f) => d.with_fix(f),
        None => d,
    });
}
