//! Which language a spec is written in: YAML, JSON or JSONC (JSON with `//` and
//! `/* */` comments and trailing commas). `pspace up` deploys all three, so the
//! checks, the edits and Format must each keep a document in its own language.
//!
//! Decided from the file name when there is one (`.json` → JSON, `.jsonc` → JSONC,
//! `.yaml`/`.yml` → YAML), else from the content ([`Format::detect`]).
//!
//! A `.json` file that holds comments stays JSON: the comments are reported as
//! errors in JSON words ("comments are not allowed in .json"), because `JSON.parse`
//! and Paperspace's JSON loader refuse them; the message says to rename the file
//! `.jsonc` to keep them.

/// The language of a spec document.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum Format {
    #[default]
    Yaml,
    /// Strict JSON (RFC 8259): no comments, no trailing commas.
    Json,
    /// JSON with comments: `//` and `/* */` comments and trailing commas allowed.
    Jsonc,
}

/// What a file name says about its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum NameKind {
    /// A spec language this crate checks.
    Spec(Format),
    /// `.toml`: `pspace up` reads it, this crate does not check it.
    Toml,
    /// No extension, or one that says nothing (`-` for stdin, `.txt`).
    Unknown,
}

impl Format {
    /// Every format, YAML first.
    pub const ALL: [Format; 3] = [Format::Yaml, Format::Json, Format::Jsonc];

    /// The name people know it by ("YAML", "JSON", "JSONC").
    pub fn name(self) -> &'static str {
        match self {
            Format::Yaml => "YAML",
            Format::Json => "JSON",
            Format::Jsonc => "JSONC",
        }
    }

    /// The usual file extension, without the dot.
    pub fn extension(self) -> &'static str {
        match self {
            Format::Yaml => "yaml",
            Format::Json => "json",
            Format::Jsonc => "jsonc",
        }
    }

    /// The media type for downloads.
    pub fn media_type(self) -> &'static str {
        match self {
            Format::Yaml => "application/yaml",
            Format::Json | Format::Jsonc => "application/json",
        }
    }

    /// Whether the document is JSON or JSONC.
    pub fn is_json(self) -> bool {
        !matches!(self, Format::Yaml)
    }

    /// What the extension of `name` (a file name or path) says.
    pub fn of_name(name: &str) -> NameKind {
        let base = name.rsplit(['/', '\\']).next().unwrap_or(name);
        let ext = match base.rfind('.') {
            Some(i) if i > 0 => base[i + 1..].to_ascii_lowercase(),
            _ => return NameKind::Unknown,
        };
        match ext.as_str() {
            "yaml" | "yml" => NameKind::Spec(Format::Yaml),
            "json" => NameKind::Spec(Format::Json),
            "jsonc" => NameKind::Spec(Format::Jsonc),
            "toml" => NameKind::Toml,
            _ => NameKind::Unknown,
        }
    }

    /// The format of a document from its content alone: JSON when its first character
    /// that is not a space, a byte-order mark or a `//`/`/* */` comment is `{` or `[`;
    /// JSONC when such comments come first or appear anywhere outside strings of such a
    /// document; YAML otherwise (a `#` comment is YAML). A YAML flow document
    /// (`{name: x}`) is therefore taken for JSON: give the file name to be sure.
    pub fn detect(text: &str) -> Format {
        let b = text.strip_prefix('\u{feff}').unwrap_or(text).as_bytes();
        let mut i = 0;
        let mut comments = false;
        while i < b.len() {
            match b[i] {
                b' ' | b'\t' | b'\r' | b'\n' => i += 1,
                b'/' if b.get(i + 1) == Some(&b'/') => {
                    comments = true;
                    i += b[i..]
                        .iter()
                        .position(|&c| c == b'\n')
                        .unwrap_or(b.len() - i);
                }
                b'/' if b.get(i + 1) == Some(&b'*') => {
                    comments = true;
                    i += 2 + b[i + 2..]
                        .windows(2)
                        .position(|w| w == b"*/")
                        .map_or(b.len() - i - 2, |p| p + 2);
                }
                b'{' | b'[' => {
                    let later = comments || crate::json::has_comments(text);
                    return if later { Format::Jsonc } else { Format::Json };
                }
                _ => {
                    return if comments {
                        Format::Jsonc
                    } else {
                        Format::Yaml
                    }
                }
            }
        }
        if comments {
            Format::Jsonc
        } else {
            Format::Yaml
        }
    }

    /// The format of a document called `name` (when it has a name) holding `text`:
    /// the name decides when its extension is known, else the content.
    pub fn of_document(name: Option<&str>, text: &str) -> Format {
        match name.map(Format::of_name) {
            Some(NameKind::Spec(f)) => f,
            _ => Format::detect(text),
        }
    }
}

/// The spec file names `pspace up` looks for, in its order: the first that exists is
/// deployed.
pub const SPEC_FILE_NAMES: [&str; 10] = [
    "paperspace.yaml",
    "paperspace.yml",
    "paperspace.json",
    "paperspace.jsonc",
    "paperspace.toml",
    ".paperspace/app.yaml",
    ".paperspace/app.yml",
    ".paperspace/app.json",
    ".paperspace/app.jsonc",
    ".paperspace/app.toml",
];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names() {
        assert_eq!(
            Format::of_name("a/paperspace.JSON"),
            NameKind::Spec(Format::Json)
        );
        assert_eq!(Format::of_name("app.jsonc"), NameKind::Spec(Format::Jsonc));
        assert_eq!(Format::of_name("spec.yml"), NameKind::Spec(Format::Yaml));
        assert_eq!(Format::of_name("paperspace.toml"), NameKind::Toml);
        assert_eq!(Format::of_name("-"), NameKind::Unknown);
        assert_eq!(Format::of_name(".json"), NameKind::Unknown);
    }

    #[test]
    fn content() {
        assert_eq!(Format::detect("name: x\n"), Format::Yaml);
        assert_eq!(Format::detect("# c\n{a: 1}\n"), Format::Yaml);
        assert_eq!(Format::detect("\u{feff}  {\"a\": 1}"), Format::Json);
        assert_eq!(Format::detect("// c\n{\"a\": 1}"), Format::Jsonc);
        assert_eq!(Format::detect("/* c */ {\"a\": 1}"), Format::Jsonc);
        assert_eq!(Format::detect("{\n  // c\n  \"a\": 1\n}"), Format::Jsonc);
        assert_eq!(Format::detect("{\"a\": \"http://x\"}"), Format::Json);
        assert_eq!(Format::detect(""), Format::Yaml);
        assert_eq!(
            Format::of_document(Some("x.json"), "// c\n{}"),
            Format::Json
        );
        assert_eq!(Format::of_document(Some("-"), "{}"), Format::Json);
    }
}
