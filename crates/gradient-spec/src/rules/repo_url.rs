//! `repo-url`: a repository or git-lfs `url` must be something git can clone:
//! `https://`, `http://`, `ssh://`, `git://` (and the `git+ssh://` / `ssh+git://`
//! spellings git also accepts) with a host, or scp-like `user@host:path`. `http://`
//! sends credentials in clear (warning). A placeholder in angle brackets left from an
//! example (`https://github.com/<owner>/<repo>.git`) is an error. A password written into the URL itself is
//! reported as `plaintext-secret` (warning), never echoed.

use super::credential;
use super::placeholder::in_brackets;
use super::registry::Rule;
use crate::diag::{Diagnostic, Severity};
use crate::path::SpecPath;
use crate::rules::RuleId;
use crate::yaml::Node;

/// `repo-url` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::RepoUrl,
    severities: &[Severity::Error, Severity::Warning],
    usual: Severity::Error,
    title: "Repository URL",
    what: "A repository or git-lfs `url` is not a clone URL, still holds a placeholder in angle brackets (`https://github.com/<owner>/<repo>.git`), or uses plain `http://`.",
    why: "The clone fails at deploy time; over `http://` credentials travel in clear.",
    fix: "Use the `https://` clone URL shown by the git host.",
};

const SCHEMES: &[&str] = &["https", "http", "ssh", "git", "git+ssh", "ssh+git"];

/// The parts of a clone URL the rules look at.
#[derive(Debug, PartialEq)]
pub(crate) struct CloneUrl<'a> {
    /// Lower-cased scheme; `None` for scp-like `user@host:path`.
    pub scheme: Option<String>,
    pub host: &'a str,
    /// The user-info part before `@` (`user`, `user:password`, a token).
    pub userinfo: Option<&'a str>,
}

/// Parses `url`, or says why git cannot clone it.
pub(crate) fn parse(url: &str) -> Result<CloneUrl<'_>, &'static str> {
    if url.trim().is_empty() {
        return Err("is empty");
    }
    if url.contains(char::is_whitespace) {
        return Err("contains blanks");
    }
    if let Some((scheme, rest)) = url.split_once("://") {
        let scheme = scheme.to_ascii_lowercase();
        if !SCHEMES.contains(&scheme.as_str()) {
            return Err(
                "does not use a scheme git clones from (`https://`, `http://`, `ssh://`, `git://`)",
            );
        }
        let authority = rest.split(['/', '?', '#']).next().unwrap_or("");
        let (userinfo, hostport) = match authority.rsplit_once('@') {
            Some((u, h)) => (Some(u), h),
            None => (None, authority),
        };
        let host = hostport.split(':').next().unwrap_or("");
        if host.is_empty() {
            return Err("has no host");
        }
        return Ok(CloneUrl {
            scheme: Some(scheme),
            host,
            userinfo,
        });
    }
    // scp-like: user@host:path (no scheme; the host part holds no `/`).
    if let Some((user, rest)) = url.split_once('@') {
        if let Some((host, path)) = rest.split_once(':') {
            if !user.is_empty() && !host.is_empty() && !host.contains('/') && !path.is_empty() {
                return Ok(CloneUrl {
                    scheme: None,
                    host,
                    userinfo: Some(user),
                });
            }
        }
    }
    Err("has no scheme: write `https://host/owner/repo.git` (or `git@host:owner/repo.git`)")
}

/// True when `url` points at GitHub (which only accepts tokens, not passwords).
pub(crate) fn is_github(url: &str) -> bool {
    parse(url).is_ok_and(|u| {
        matches!(
            u.host.to_ascii_lowercase().as_str(),
            "github.com" | "www.github.com"
        )
    })
}

/// Checks the clone URL `node` (a string; other kinds are `structure`'s).
pub(crate) fn check(node: &Node, path: &SpecPath, out: &mut Vec<Diagnostic>) {
    let Some(url) = node.as_str() else {
        return;
    };
    let path = path.to_string();
    if let Some(p) = in_brackets(url) {
        let msg = format!(
            "`url` still holds the placeholder `{p}` from an example: put the repository's clone URL here, \
             or the clone fails at deploy time"
        );
        out.push(Diagnostic::new(
            RULE.id,
            Severity::Error,
            node.span,
            &path,
            msg,
        ));
        return;
    }
    match parse(url) {
        Err(why) => out.push(Diagnostic::new(
            RULE.id,
            Severity::Error,
            node.span,
            &path,
            format!("`url` {why}, so git cannot clone it"),
        )),
        Ok(u) => {
            if u.scheme.as_deref() == Some("http") {
                let msg = "`url` uses `http://`: the clone and any credentials travel unencrypted; use `https://`";
                out.push(Diagnostic::new(
                    RULE.id,
                    Severity::Warning,
                    node.span,
                    &path,
                    msg,
                ));
            }
            let has_password = u.scheme.is_some()
                && u.userinfo
                    .is_some_and(|i| i.split_once(':').is_some_and(|(_, p)| !p.is_empty()));
            let token =
                u.scheme.is_some() && u.userinfo.is_some_and(|i| credential::kind(i).is_some());
            if has_password || token {
                let msg = "`url` carries a credential in plaintext: remove it from the URL and give `password: secret:NAME` instead";
                out.push(Diagnostic::new(
                    RuleId::PlaintextSecret,
                    Severity::Warning,
                    node.span,
                    &path,
                    msg,
                ));
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn clone_urls() {
        for ok in [
            "https://github.com/a/b.git",
            "http://host/x",
            "ssh://git@host:22/x",
            "git://host/x",
            "git@github.com:a/b.git",
            "HTTPS://huggingface.co/x",
        ] {
            assert!(parse(ok).is_ok(), "{ok}");
        }
        for bad in [
            "github.com/a/b",
            "",
            "https://",
            "https:///x",
            "ftp://h/x",
            "file:///x",
            "https://h/a b",
            "a@b",
            "/local/repo",
        ] {
            assert!(parse(bad).is_err(), "{bad}");
        }
        assert!(is_github("https://github.com/paperspace/ml-private.git"));
        assert!(is_github("git@github.com:a/b.git"));
        assert!(!is_github("https://gitlab.com/a/b"));
        assert!(!is_github("https://github.com.evil.io/a"));
    }
}
