//! What the page's query string asks for: embedding (`?embed`, `?embed=ID`, `?id=ID`),
//! `?readonly`, `?template=NAME`, `?view=yaml|form|split`, `?autosave`, and
//! `?origin=ORIGIN` (the only host origin the postMessage API talks to). Pure.

use super::query::pairs;

/// The layout `?view=` asks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum View {
    Yaml,
    Form,
    /// The default: the editor and the form side by side.
    #[default]
    Split,
}

impl View {
    pub fn as_str(self) -> &'static str {
        match self {
            View::Yaml => "yaml",
            View::Form => "form",
            View::Split => "split",
        }
    }
}

/// The page's options, as parsed from the query string.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Params {
    /// `?embed` (with or without a value): hide the site chrome.
    pub embedded: bool,
    /// `?embed=ID` or `?id=ID`: names this editor among others on one host page.
    pub id: Option<String>,
    pub read_only: bool,
    /// `?template=NAME`, as written (checked against the templates later).
    pub template: Option<String>,
    pub view: View,
    /// `?autosave`: an embedded editor keeps its text across reloads (needs an id).
    pub autosave: bool,
    /// `?origin=`: accept messages from, and post to, this origin only.
    pub origin: Option<String>,
    /// What was not understood, for a notice (never an error: the page still opens).
    pub ignored: Vec<String>,
}

/// A flag is on when present, unless its value says no.
fn flag(value: &str) -> bool {
    !matches!(value, "0" | "false" | "no" | "off")
}

/// An id keeps storage keys apart, so it is kept to a plain alphabet and length.
fn valid_id(id: &str) -> bool {
    (1..=64).contains(&id.len())
        && id
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b == b'-' || b == b'_')
}

impl Params {
    /// Parses `location.search`. Unknown names are left for others (a host may add
    /// its own); known names with bad values are noted in `ignored`.
    pub fn parse(search: &str) -> Params {
        let mut p = Params::default();
        for (name, value) in pairs(search) {
            match name.as_str() {
                "embed" | "id" => {
                    p.embedded |= name == "embed";
                    if valid_id(&value) {
                        p.id = Some(value);
                    } else if !value.is_empty() {
                        p.ignored
                            .push(format!("{name}: an id is 1 to 64 letters, digits, - or _"));
                    }
                }
                "readonly" => p.read_only = flag(&value),
                "autosave" => p.autosave = flag(&value),
                "template" if !value.is_empty() => p.template = Some(value),
                "view" => match value.as_str() {
                    "yaml" | "" => p.view = View::Yaml,
                    "form" => p.view = View::Form,
                    "split" => p.view = View::Split,
                    _ => p
                        .ignored
                        .push(format!("view: “{value}” is not yaml, form or split")),
                },
                "origin" if !value.is_empty() => p.origin = Some(value),
                _ => {}
            }
        }
        p
    }

    /// The localStorage namespace of the autosave, or `None` when this page must not
    /// autosave. A standalone page uses the plain keys; an embedded editor saves only
    /// when asked (`?autosave`) and only under its own id, so two editors on one docs
    /// page never overwrite each other's text.
    pub fn autosave_prefix(&self) -> Option<String> {
        const BASE: &str = "gradient-spec-editor:";
        match (&self.id, self.embedded) {
            (Some(id), true) if self.autosave => Some(format!("{BASE}embed:{id}:")),
            (_, true) => None,
            (Some(id), false) => Some(format!("{BASE}embed:{id}:")),
            (None, false) => Some(BASE.to_string()),
        }
    }
}

/// The localStorage keys of the autosave.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AutosaveKeys {
    pub text: String,
    pub name: String,
}

impl AutosaveKeys {
    pub fn for_params(params: &Params) -> Option<AutosaveKeys> {
        params.autosave_prefix().map(|prefix| AutosaveKeys {
            text: format!("{prefix}text"),
            name: format!("{prefix}file-name"),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_page_has_no_options_and_the_usual_autosave_keys() {
        let p = Params::parse("");
        assert_eq!(p, Params::default());
        let keys = AutosaveKeys::for_params(&p).unwrap();
        // The keys the editor has always used: existing autosaves keep loading.
        assert_eq!(keys.text, "gradient-spec-editor:text");
        assert_eq!(keys.name, "gradient-spec-editor:file-name");
    }

    #[test]
    fn reads_every_option() {
        let p = Params::parse(
            "?embed=intro&readonly&template=minimal&view=split&autosave=1&origin=https%3A%2F%2Fdocs.example",
        );
        assert!(p.embedded && p.read_only && p.autosave);
        assert_eq!(p.id.as_deref(), Some("intro"));
        assert_eq!(p.template.as_deref(), Some("minimal"));
        assert_eq!(p.view, View::Split);
        assert_eq!(p.origin.as_deref(), Some("https://docs.example"));
        assert!(p.ignored.is_empty());
    }

    #[test]
    fn flags_can_be_turned_off_and_unknown_names_are_left_alone() {
        let p = Params::parse("?readonly=false&autosave=0&lang=fr&utm_source=x");
        assert!(!p.read_only && !p.autosave && !p.embedded);
        assert!(p.ignored.is_empty());
    }

    #[test]
    fn bad_values_are_noted_not_fatal() {
        let p = Params::parse("?embed=a:b&view=tree");
        assert!(p.embedded);
        assert_eq!(p.id, None);
        assert_eq!(p.view, View::Split, "an unknown view keeps the default");
        assert_eq!(p.ignored.len(), 2);
        let long = format!("?id={}", "x".repeat(65));
        assert_eq!(Params::parse(&long).id, None);
    }

    #[test]
    fn embedded_editors_autosave_only_when_asked_and_only_under_their_id() {
        let key = |q: &str| AutosaveKeys::for_params(&Params::parse(q)).map(|k| k.text);
        assert_eq!(key("?embed"), None);
        assert_eq!(key("?embed=a"), None);
        assert_eq!(key("?embed&autosave"), None, "no id: it would mix editors");
        assert_eq!(
            key("?embed=a&autosave").as_deref(),
            Some("gradient-spec-editor:embed:a:text")
        );
        assert_eq!(
            key("?embed&id=b&autosave").as_deref(),
            Some("gradient-spec-editor:embed:b:text")
        );
        assert_ne!(key("?embed=a&autosave"), key("?embed=b&autosave"));
        assert_eq!(
            key("?id=c").as_deref(),
            Some("gradient-spec-editor:embed:c:text"),
            "a standalone page with an id keeps its own text too"
        );
    }

    #[test]
    fn views_parse_and_default_to_split() {
        for v in [View::Yaml, View::Form, View::Split] {
            assert_eq!(Params::parse(&format!("?view={}", v.as_str())).view, v);
        }
        assert_eq!(Params::parse("").view, View::Split);
    }
}
