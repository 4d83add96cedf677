//! How this page was opened, resolved from its query string: the parameters, the
//! autosave keys they allow, and the template they name. Pure; `start` applies it.

use super::params::{AutosaveKeys, Params, View};
use crate::examples::{default_template, template, Template, TEMPLATES};

#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Page {
    pub params: Params,
    /// Where the autosave lives, or `None` when this page must not autosave.
    pub autosave: Option<AutosaveKeys>,
    /// The template `?template=` names, when it names one.
    pub template: Option<&'static Template>,
    /// What the person should be told about the options (an unknown template…).
    pub notices: Vec<String>,
}

impl Page {
    pub fn from_search(search: &str) -> Page {
        let params = Params::parse(search);
        let mut notices: Vec<String> = params
            .ignored
            .iter()
            .map(|what| format!("Ignored the page option {what}."))
            .collect();
        let named = params.template.as_deref();
        let found = named.and_then(template);
        if let (Some(name), None) = (named, found) {
            let known: Vec<&str> = TEMPLATES.iter().map(|t| t.id).collect();
            let shown: String = name.chars().take(40).collect();
            notices.push(format!(
                "There is no template “{shown}”; the templates are {}.",
                known.join(", ")
            ));
        }
        Page {
            autosave: AutosaveKeys::for_params(&params),
            template: found,
            notices,
            params,
        }
    }

    /// The text to start from when nothing was autosaved.
    pub fn first_template(&self) -> &'static Template {
        self.template.unwrap_or_else(default_template)
    }

    /// Whether the `?template=` text goes on top of an autosaved text as an undoable
    /// step. A standalone page does so (the template was asked for now, and Undo
    /// brings the person's text back); an embedded editor that autosaves keeps its
    /// saved text, or every visit to the docs page would reset it.
    pub fn template_on_top(&self) -> Option<&'static Template> {
        self.template.filter(|_| !self.params.embedded)
    }

    /// The layout to show (`?view=`, within what the app has).
    pub fn view(&self) -> View {
        self.params.view
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_plain_page_starts_from_the_default_template() {
        let page = Page::from_search("");
        assert_eq!(page.first_template(), default_template());
        assert_eq!(page.template_on_top(), None);
        assert!(page.notices.is_empty());
        assert!(page.autosave.is_some());
    }

    #[test]
    fn a_named_template_is_the_start_and_goes_on_top_only_when_standalone() {
        let page = Page::from_search("?template=minimal");
        assert_eq!(page.first_template().id, "minimal");
        assert_eq!(page.template_on_top().map(|t| t.id), Some("minimal"));
        let embedded = Page::from_search("?embed=a&autosave&template=minimal");
        assert_eq!(embedded.first_template().id, "minimal");
        assert_eq!(embedded.template_on_top(), None);
    }

    #[test]
    fn an_unknown_template_is_reported_and_the_default_used() {
        let page = Page::from_search("?template=%3Cscript%3E&view=x");
        assert_eq!(page.first_template(), default_template());
        assert_eq!(page.notices.len(), 2);
        assert!(page.notices[1].contains("“<script>”"));
        assert!(page.notices[1].contains("minimal"));
    }

    #[test]
    fn the_view_falls_back_to_yaml_without_a_form() {
        assert_eq!(Page::from_search("?view=split").view(), View::Split);
        assert_eq!(Page::from_search("?view=split").params.view, View::Split);
    }
}
