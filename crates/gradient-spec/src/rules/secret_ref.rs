//! What a value means as a secret reference: `secret:NAME` (any letter case of the
//! prefix), one of the lookalikes people write meaning a secret that nothing resolves
//! (`secrets:x`, `secret :x`, `${X}`, `$X`, `{{ secrets.X }}`), or plain text.

/// The reading of one string value.
#[derive(Debug, PartialEq)]
pub(crate) enum Form<'a> {
    /// Starts with `secret:` in some letter case; `lower` when written `secret:`.
    Reference {
        lower: bool,
        name: &'a str,
    },
    /// Looks like a reference and is not one; `name` is what it names, when that can
    /// be written after `secret:` as is.
    Lookalike {
        kind: Lookalike,
        name: Option<String>,
    },
    Plain,
}

#[derive(Debug, Clone, Copy, PartialEq)]
pub(crate) enum Lookalike {
    /// `secrets:x`.
    Plural,
    /// `secret :x`, ` secret:x` (blanks around the prefix).
    Spaced,
    /// `${X}` (shell, docker-compose).
    Braces,
    /// `$X`.
    Dollar,
    /// `{{ secrets.X }}` (GitHub Actions, Helm).
    Template,
}

impl Lookalike {
    /// How people get there, for messages.
    pub(crate) fn describe(self) -> &'static str {
        match self {
            Lookalike::Plural => "`secrets:` (plural) is not the prefix `secret:`",
            Lookalike::Spaced => "blanks around `secret` or its `:` make this plain text",
            Lookalike::Braces => "`${…}` is shell syntax and nothing expands it",
            Lookalike::Dollar => "`$…` is shell syntax and nothing expands it",
            Lookalike::Template => {
                "`{{ … }}` is template syntax (Actions, Helm) and nothing expands it"
            }
        }
    }
}

/// Reads `s` as a secret reference.
pub(crate) fn classify(s: &str) -> Form<'_> {
    // Every form but `Plain` starts (after blanks) with `s`, `S`, `$` or `{`: most env
    // values are told apart here, without the Unicode-aware trims below (this runs for
    // every env value on every keystroke). A non-ASCII start takes the long way.
    // (The ASCII characters `trim` takes for blanks.)
    let first = s
        .trim_start_matches([' ', '\t', '\n', '\r', '\x0b', '\x0c'])
        .bytes()
        .next();
    if first.is_some_and(|b| b.is_ascii() && !matches!(b, b's' | b'S' | b'$' | b'{')) {
        return Form::Plain;
    }
    if let Some(name) = strip_prefix_ci(s, "secret:") {
        return Form::Reference {
            lower: s.starts_with("secret:"),
            name,
        };
    }
    let t = s.trim();
    let lookalike = |kind, name: &str| Form::Lookalike {
        kind,
        name: usable(name.trim()),
    };
    if let Some(name) = strip_prefix_ci(t, "secrets:") {
        return lookalike(Lookalike::Plural, name);
    }
    if let Some(rest) = strip_prefix_ci(t, "secret") {
        if let Some(name) = rest.trim_start().strip_prefix(':') {
            return lookalike(Lookalike::Spaced, name);
        }
    }
    let braces = t.strip_prefix("${").and_then(|r| r.strip_suffix('}'));
    if let Some(inner) = braces.filter(|i| !i.trim().is_empty()) {
        // `${X:-default}` names `X`.
        let name = inner.split([':', '-']).next().unwrap_or("");
        let name = if inner.contains(":-") || inner.contains(":=") {
            name
        } else {
            inner
        };
        return lookalike(Lookalike::Braces, name);
    }
    if let Some(name) = t.strip_prefix('$').filter(|n| is_env_name(n)) {
        return lookalike(Lookalike::Dollar, name);
    }
    if let Some(inner) = t.strip_prefix("{{").and_then(|r| r.strip_suffix("}}")) {
        return lookalike(Lookalike::Template, template_name(inner));
    }
    Form::Plain
}

/// The name a `{{ … }}` expression refers to: its first word, last dotted segment
/// (`secrets.HF_TOKEN`, `.Values.token`).
pub(crate) fn template_name(inner: &str) -> &str {
    let expr = inner.split_whitespace().next().unwrap_or("");
    expr.rsplit('.').next().unwrap_or("")
}

/// True when the text holds `${NAME}` somewhere (an env value nothing interpolates).
pub(crate) fn contains_interpolation(s: &str) -> bool {
    s.match_indices("${").any(|(i, _)| {
        let rest = &s[i + 2..];
        rest.find('}').is_some_and(|end| is_env_name(&rest[..end]))
    })
}

/// What is wrong with the name of a `secret:` reference.
#[derive(Debug, PartialEq)]
pub(crate) enum NameIssue {
    /// Error: nothing after `secret:`.
    Empty,
    /// Error: blanks around an otherwise good name (the trimmed name).
    Padded(String),
    /// Error: characters outside letters, digits, `_`, `-`.
    BadChars,
    /// Warning: a hyphen (the current CLI cannot create such a secret).
    Hyphen,
    /// Warning: not starting with a letter (the current CLI cannot create it).
    LeadingNonLetter,
    /// Warning: more than 128 characters.
    TooLong,
}

/// Every problem of a reference's name (the part after `secret:`).
pub(crate) fn name_issues(name: &str) -> Vec<NameIssue> {
    if name.trim().is_empty() {
        return vec![NameIssue::Empty];
    }
    if name.trim() != name {
        return match usable(name.trim()) {
            Some(n) => vec![NameIssue::Padded(n)],
            None => vec![NameIssue::BadChars],
        };
    }
    if usable(name).is_none() {
        return vec![NameIssue::BadChars];
    }
    let mut out = Vec::new();
    if name.contains('-') {
        out.push(NameIssue::Hyphen);
    }
    if !name.starts_with(|c: char| c.is_ascii_alphabetic()) {
        out.push(NameIssue::LeadingNonLetter);
    }
    if name.chars().count() > 128 {
        out.push(NameIssue::TooLong);
    }
    out
}

/// `name` when it is non-empty and only letters, digits, `_` and `-`.
fn usable(name: &str) -> Option<String> {
    let ok = !name.is_empty()
        && name
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || c == '_' || c == '-');
    ok.then(|| name.to_string())
}

fn is_env_name(s: &str) -> bool {
    s.starts_with(|c: char| c.is_ascii_alphabetic() || c == '_')
        && s.chars().all(|c| c.is_ascii_alphanumeric() || c == '_')
}

/// `s` without `prefix`, compared ignoring ASCII case.
fn strip_prefix_ci<'a>(s: &'a str, prefix: &str) -> Option<&'a str> {
    let head = s.get(..prefix.len())?;
    head.eq_ignore_ascii_case(prefix)
        .then(|| &s[prefix.len()..])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn look(s: &str) -> (Lookalike, Option<String>) {
        match classify(s) {
            Form::Lookalike { kind, name } => (kind, name),
            other => panic!("{s}: {other:?}"),
        }
    }

    #[test]
    fn the_quick_rejection_agrees_with_the_trims() {
        for (text, plain) in [
            ("value", true),
            ("  \x0b\x0c$FOO", false),
            ("\u{a0}$FOO", false),
            ("\t{{ secrets.X }}", false),
            ("\u{2003}secret:X", false),
            (" 8000", true),
            ("", true),
        ] {
            assert_eq!(matches!(classify(text), Form::Plain), plain, "{text:?}");
        }
    }

    #[test]
    fn references() {
        assert_eq!(
            classify("secret:x"),
            Form::Reference {
                lower: true,
                name: "x"
            }
        );
        assert_eq!(
            classify("SECRET:x-y"),
            Form::Reference {
                lower: false,
                name: "x-y"
            }
        );
        assert_eq!(
            classify("Secret:"),
            Form::Reference {
                lower: false,
                name: ""
            }
        );
        assert_eq!(classify("plain"), Form::Plain);
        assert_eq!(classify("mysecret:x"), Form::Plain);
        assert_eq!(classify("$5"), Form::Plain);
        assert_eq!(classify("é"), Form::Plain);
        assert_eq!(classify("${}"), Form::Plain);
    }

    #[test]
    fn lookalikes_and_their_names() {
        assert_eq!(look("secrets:x"), (Lookalike::Plural, Some("x".into())));
        assert_eq!(look("secret :x"), (Lookalike::Spaced, Some("x".into())));
        assert_eq!(look(" secret:x"), (Lookalike::Spaced, Some("x".into())));
        assert_eq!(look("${TOKEN}"), (Lookalike::Braces, Some("TOKEN".into())));
        assert_eq!(
            look("${TOKEN:-abc}"),
            (Lookalike::Braces, Some("TOKEN".into()))
        );
        assert_eq!(look("$TOKEN"), (Lookalike::Dollar, Some("TOKEN".into())));
        assert_eq!(
            look("{{ secrets.HF_TOKEN }}"),
            (Lookalike::Template, Some("HF_TOKEN".into()))
        );
        assert_eq!(
            look("{{ .Values.token | quote }}"),
            (Lookalike::Template, Some("token".into()))
        );
        assert_eq!(look("${a b}"), (Lookalike::Braces, None));
    }

    #[test]
    fn names() {
        assert_eq!(name_issues("ok_name1"), vec![]);
        assert_eq!(name_issues(""), vec![NameIssue::Empty]);
        assert_eq!(name_issues(" x"), vec![NameIssue::Padded("x".into())]);
        assert_eq!(name_issues("a b"), vec![NameIssue::BadChars]);
        assert_eq!(name_issues("a.b"), vec![NameIssue::BadChars]);
        assert_eq!(
            name_issues("paperspace-github-token"),
            vec![NameIssue::Hyphen]
        );
        assert_eq!(name_issues("1x"), vec![NameIssue::LeadingNonLetter]);
        assert_eq!(name_issues(&"a".repeat(129)), vec![NameIssue::TooLong]);
    }

    #[test]
    fn interpolation_inside_text() {
        assert!(contains_interpolation("http://${HOST}:80"));
        assert!(!contains_interpolation("price ${ 5"));
        assert!(!contains_interpolation("${}"));
    }
}
