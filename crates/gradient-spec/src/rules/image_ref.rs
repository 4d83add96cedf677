//! The container image reference grammar registries use (distribution/reference, the
//! grammar `docker pull` applies), hand-written so the browser bundle needs no regex
//! engine:
//!
//! ```text
//! reference  := name [ ":" tag ] [ "@" digest ]
//! name       := [ host [ ":" port ] "/" ] component ( "/" component )*
//! host       := domain-label ( "." domain-label )* | "[" ipv6 "]"
//! component  := [a-z0-9]+ ( separator [a-z0-9]+ )*
//! separator  := "." | "_" | "__" | "-"+
//! tag        := [A-Za-z0-9_] [A-Za-z0-9_.-]{0,127}
//! digest     := algorithm ":" hex      (sha256: 64, sha384: 96, sha512: 128 lower-case hex)
//! ```
//!
//! The first `/`-separated part is a registry host when it holds a `.` or a `:`, or
//! is `localhost` (as `docker` decides it); otherwise it is the first repository path
//! component (`paperspace/app` is on Docker Hub). The whole name is at most 255
//! characters. [`parse`] says which part is wrong, so the `image` rule can name it;
//! capitals in the repository path are the one mistake with an obvious repair.

use super::placeholder;

/// The longest name (registry host and repository path) registries accept.
const NAME_MAX: usize = 255;
/// The longest tag.
const TAG_MAX: usize = 128;

/// A reference that parsed, in its parts (borrowed from the input).
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct ImageRef<'a> {
    /// The registry host with its port, when one is written.
    pub registry: Option<&'a str>,
    /// The repository path: components joined by `/`.
    pub path: &'a str,
    pub tag: Option<&'a str>,
    pub digest: Option<&'a str>,
}

/// Why a value is not an image reference; each variant names the part that is wrong.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RefError {
    /// Nothing (or only blanks).
    Empty,
    /// Whitespace at this character position (0-based, counted in characters).
    Whitespace { at: usize },
    /// A placeholder in angle brackets (`<image-name>`): the bracketed part.
    Placeholder(String),
    /// A URL scheme (`https://`, `docker://`) written before the reference.
    Scheme(String),
    /// The registry host (with its port) is malformed.
    Registry { registry: String, why: &'static str },
    /// Path component number `index` (1-based, counted after the registry) is wrong.
    Component {
        index: usize,
        component: String,
        why: String,
    },
    /// Capitals in the repository path, and nothing else wrong: `fixed` is the whole
    /// reference with the path lower-cased (registry, tag and digest unchanged).
    Capitals {
        components: Vec<String>,
        fixed: String,
    },
    /// The tag after `:` is malformed.
    Tag { tag: String, why: &'static str },
    /// The digest after `@` is malformed.
    Digest { digest: String, why: String },
    /// The name (registry and path) is longer than registries accept.
    TooLong { len: usize },
}

impl RefError {
    /// What is wrong, as the end of a sentence starting "`image` …".
    pub(crate) fn describe(&self) -> String {
        match self {
            RefError::Empty => "is empty".into(),
            RefError::Whitespace { at } => format!(
                "contains whitespace (at character {}), which no image reference can hold",
                at + 1
            ),
            RefError::Placeholder(p) => format!(
                "still holds the placeholder `{p}` from an example: put the image to run here"
            ),
            RefError::Scheme(s) => format!(
                "starts with the scheme `{s}`, but an image reference has none: write `host/path:tag`"
            ),
            RefError::Registry { registry, why } => {
                format!("names the registry host `{registry}`, which {why}")
            }
            RefError::Component {
                index,
                component,
                why,
            } => {
                if component.is_empty() {
                    format!("has an empty repository path component (number {index}): {why}")
                } else {
                    format!("has the repository path component `{component}` (number {index}), which {why}")
                }
            }
            RefError::Capitals { components, .. } => {
                let list = components
                    .iter()
                    .map(|c| format!("`{c}`"))
                    .collect::<Vec<_>>()
                    .join(", ");
                format!(
                    "has capitals in its repository path ({list}): registries only accept lower-case repository names"
                )
            }
            RefError::Tag { tag, why } => {
                if tag.is_empty() {
                    format!("has an empty tag after `:`: {why}")
                } else {
                    format!("has the tag `{tag}`, which {why}")
                }
            }
            RefError::Digest { digest, why } => format!("has the digest `{digest}`, which {why}"),
            RefError::TooLong { len } => format!(
                "names a repository of {len} characters (registry included), but registries accept at most {NAME_MAX}"
            ),
        }
    }
}

/// Parses `s` as an image reference, or says which part is wrong.
pub(crate) fn parse(s: &str) -> Result<ImageRef<'_>, RefError> {
    if s.trim().is_empty() {
        return Err(RefError::Empty);
    }
    if let Some(p) = placeholder::in_brackets(s) {
        return Err(RefError::Placeholder(p.to_string()));
    }
    if let Some(at) = s.chars().position(char::is_whitespace) {
        return Err(RefError::Whitespace { at });
    }
    if let Some(i) = s.find("://") {
        return Err(RefError::Scheme(s[..i + 3].to_string()));
    }
    let (rest, digest) = match s.split_once('@') {
        Some((n, d)) => (n, Some(d)),
        None => (s, None),
    };
    let last_slash = rest.rfind('/').map_or(0, |i| i + 1);
    let (name, tag) = match rest[last_slash..].rfind(':') {
        Some(i) => (&rest[..last_slash + i], Some(&rest[last_slash + i + 1..])),
        None => (rest, None),
    };
    let (registry, path) = split_registry(name);
    if let Some(r) = registry {
        check_registry(r)?;
    }
    let mut capitals = Vec::new();
    for (i, component) in path.split('/').enumerate() {
        if let Some(why) = component_problem(component) {
            let lower = component.to_ascii_lowercase();
            if lower != component && component_problem(&lower).is_none() {
                capitals.push(component.to_string());
            } else {
                return Err(RefError::Component {
                    index: i + 1,
                    component: component.to_string(),
                    why,
                });
            }
        }
    }
    if let Some(tag) = tag {
        check_tag(tag)?;
    }
    if let Some(digest) = digest {
        check_digest(digest)?;
    }
    if name.len() > NAME_MAX {
        return Err(RefError::TooLong { len: name.len() });
    }
    if !capitals.is_empty() {
        let start = registry.map_or(0, |r| r.len() + 1);
        let fixed = format!(
            "{}{}{}",
            &s[..start],
            path.to_ascii_lowercase(),
            &s[start + path.len()..]
        );
        return Err(RefError::Capitals {
            components: capitals,
            fixed,
        });
    }
    Ok(ImageRef {
        registry,
        path,
        tag,
        digest,
    })
}

/// The registry host (with port) and the repository path of a name.
fn split_registry(name: &str) -> (Option<&str>, &str) {
    match name.split_once('/') {
        Some((first, path)) if first.contains(['.', ':']) || first == "localhost" => {
            (Some(first), path)
        }
        _ => (None, name),
    }
}

fn check_registry(registry: &str) -> Result<(), RefError> {
    let err = |why| {
        Err(RefError::Registry {
            registry: registry.to_string(),
            why,
        })
    };
    let (host, port) = if let Some(inner) = registry.strip_prefix('[') {
        let Some((ip, after)) = inner.split_once(']') else {
            return err("opens `[` without closing it");
        };
        if ip.is_empty()
            || !ip
                .bytes()
                .all(|b| b.is_ascii_hexdigit() || b == b':' || b == b'.')
        {
            return err("is not an IPv6 address in brackets");
        }
        match after {
            "" => (None, None),
            a => match a.strip_prefix(':') {
                Some(p) => (None, Some(p)),
                None => return err("has text after `]` that is not `:port`"),
            },
        }
    } else {
        match registry.split_once(':') {
            Some((h, p)) => (Some(h), Some(p)),
            None => (Some(registry), None),
        }
    };
    if let Some(host) = host {
        if host.is_empty() {
            return err("has no host name before its port");
        }
        for label in host.split('.') {
            if label.is_empty() {
                return err("has an empty part between dots");
            }
            if !label
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'-')
            {
                return err("may hold only letters, digits, `-` and `.`");
            }
            if label.starts_with('-') || label.ends_with('-') {
                return err("has a part starting or ending with `-`");
            }
        }
    }
    if let Some(port) = port {
        if port.is_empty() || !port.bytes().all(|b| b.is_ascii_digit()) {
            return err("has a port that is not a number");
        }
    }
    Ok(())
}

/// What is wrong with one repository path component, if anything.
fn component_problem(c: &str) -> Option<String> {
    if c.is_empty() {
        return Some("`//`, a leading `/` or a trailing `/` leaves it empty".into());
    }
    if let Some(bad) = c.chars().find(|ch| {
        !(ch.is_ascii_lowercase() || ch.is_ascii_digit() || matches!(ch, '.' | '_' | '-'))
    }) {
        return Some(if bad.is_ascii_uppercase() {
            "has capitals: registries only accept lower-case repository names".into()
        } else {
            format!("holds `{bad}`: a component holds only lower-case letters, digits, `.`, `_` and `-`")
        });
    }
    let alnum = |b: u8| b.is_ascii_lowercase() || b.is_ascii_digit();
    let bytes = c.as_bytes();
    if !alnum(bytes[0]) || !alnum(bytes[bytes.len() - 1]) {
        return Some("must start and end with a letter or digit".into());
    }
    // Separators between runs of letters and digits: `.`, `_`, `__` or any number of `-`.
    let mut i = 0;
    while i < bytes.len() {
        if alnum(bytes[i]) {
            i += 1;
            continue;
        }
        let start = i;
        while i < bytes.len() && !alnum(bytes[i]) {
            i += 1;
        }
        let sep = &c[start..i];
        let ok = matches!(sep, "." | "_" | "__") || sep.bytes().all(|b| b == b'-');
        if !ok {
            return Some(format!(
                "joins letters with `{sep}`: only `.`, `_`, `__` or dashes may separate them"
            ));
        }
    }
    None
}

fn check_tag(tag: &str) -> Result<(), RefError> {
    let err = |why| {
        Err(RefError::Tag {
            tag: tag.to_string(),
            why,
        })
    };
    let word = |b: u8| b.is_ascii_alphanumeric() || b == b'_';
    let Some(&first) = tag.as_bytes().first() else {
        return err("remove the `:` or write a tag such as `latest`");
    };
    if !word(first) {
        return err("must start with a letter, a digit or `_`");
    }
    if !tag.bytes().all(|b| word(b) || b == b'.' || b == b'-') {
        return err("may hold only letters, digits, `_`, `.` and `-`");
    }
    if tag.len() > TAG_MAX {
        return err("is longer than the 128 characters a tag may have");
    }
    Ok(())
}

fn check_digest(digest: &str) -> Result<(), RefError> {
    let err = |why: String| {
        Err(RefError::Digest {
            digest: digest.to_string(),
            why,
        })
    };
    let Some((algorithm, hex)) = digest.split_once(':') else {
        return err("is not `algorithm:hex` (e.g. `sha256:` and 64 hex digits)".into());
    };
    let length = match algorithm {
        "sha256" => 64,
        "sha384" => 96,
        "sha512" => 128,
        "" => return err("has no algorithm before `:`".into()),
        other => {
            return err(format!(
                "uses the algorithm `{other}`: registries accept `sha256`, `sha384` or `sha512`"
            ))
        }
    };
    if !hex
        .bytes()
        .all(|b| b.is_ascii_digit() || (b'a'..=b'f').contains(&b))
    {
        return err(
            "must continue with lower-case hex digits (0-9, a-f) after the algorithm".into(),
        );
    }
    if hex.len() != length {
        return err(format!(
            "has {} hex digits, but a `{algorithm}` digest has {length}",
            hex.len()
        ));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parts_of_a_full_reference() {
        let digest = format!("sha256:{}", "a".repeat(64));
        let s = format!("registry.example.com:5000/team/app:1.0@{digest}");
        let r = parse(&s).unwrap();
        assert_eq!(r.registry, Some("registry.example.com:5000"));
        assert_eq!(r.path, "team/app");
        assert_eq!(r.tag, Some("1.0"));
        assert_eq!(r.digest, Some(digest.as_str()));
        let r = parse("ubuntu").unwrap();
        assert_eq!((r.registry, r.path, r.tag), (None, "ubuntu", None));
    }

    #[test]
    fn capitals_are_lower_cased_in_the_path_only() {
        let Err(RefError::Capitals { components, fixed }) =
            parse("Registry.Example.com/Team/App:Latest")
        else {
            panic!()
        };
        assert_eq!(components, ["Team", "App"]);
        assert_eq!(fixed, "Registry.Example.com/team/app:Latest");
    }

    #[test]
    fn another_problem_wins_over_capitals() {
        assert!(matches!(parse("Team/App:!x"), Err(RefError::Tag { .. })));
    }
}
