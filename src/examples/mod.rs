//! Starting points offered by the Template select, embedded at compile time.

/// One template: a stable id (used in `?template=ID`), a label and the YAML text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Template {
    pub id: &'static str,
    pub label: &'static str,
    pub text: &'static str,
}

pub const TEMPLATES: &[Template] = &[
    Template {
        id: "legacy-repositories",
        label: "Legacy: repositories with a private repo",
        text: include_str!("legacy-repositories.yaml"),
    },
    Template {
        id: "v1-autoscaling",
        label: "v1: autoscaling and health checks",
        text: include_str!("v1-autoscaling.yaml"),
    },
    Template {
        id: "v1-huggingface",
        label: "v1: Hugging Face model (git-lfs integration)",
        text: include_str!("v1-huggingface.yaml"),
    },
    Template {
        id: "minimal",
        label: "Minimal",
        text: include_str!("minimal.yaml"),
    },
];

/// The template with `id` (for `?template=ID`).
pub fn template(id: &str) -> Option<&'static Template> {
    TEMPLATES.iter().find(|t| t.id == id)
}

/// The spec the editor opens with when nothing was saved.
pub fn default_template() -> &'static Template {
    &TEMPLATES[0]
}

#[cfg(test)]
mod tests {
    use super::*;
    use gradient_spec::RuleId;

    #[test]
    fn every_template_parses_without_syntax_errors() {
        for t in TEMPLATES {
            let report = gradient_spec::check(t.text);
            let syntax: Vec<_> = report
                .diagnostics
                .iter()
                .filter(|d| d.rule == RuleId::YamlSyntax)
                .collect();
            assert!(syntax.is_empty(), "{}: {syntax:?}", t.id);
            assert!(report.doc.root.is_some(), "{} has content", t.id);
        }
    }
}
