//! `image`: the container image reference must be one a registry accepts (parsed by
//! `image_ref.rs`); `:image` is the deploy action's placeholder (an info).

use super::context::{diag, value_span};
use super::image_ref::{self, RefError};
use super::quote::render;
use super::registry::Rule;
use super::{Context, RuleId};
use crate::diag::{Applicability, Diagnostic, Fix, Severity, TextEdit};
use crate::yaml::Mapping;

/// `image` in the registry: its severities and its documentation.
pub(crate) const RULE: Rule = Rule {
    id: RuleId::Image,
    severities: &[Severity::Error, Severity::Info],
    usual: Severity::Error,
    title: "Image",
    what: "`image` is empty, still holds a placeholder in angle brackets (`<image-name>`), or is not a valid container image reference: an optional registry host (a domain with dots, or `localhost`, with an optional `:port`), then lower-case repository path components of letters and digits joined by `.`, `_`, `__` or dashes, separated by `/`; an optional tag `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`; an optional digest `sha256:` + 64 hex digits (or `sha384`, `sha512`). The message names the part that is wrong: the registry, a path component, the tag, the digest, the whitespace. `:image` is noted (info) as the placeholder Paperspace's GitHub deploy action replaces with the image it builds.",
    why: "Registries refuse a malformed reference, so the container cannot be pulled and the deployment fails at deploy time, not when the spec is saved.",
    fix: "Write a reference such as `paperspace/gradient-base:pt211-tf215-cudatk120-py311` or `nvcr.io/nvidia/pytorch:23.10-py3`; the fix lower-cases capitals in the repository path (`ghcr.io/gradient-ai/InvokeAI` → `ghcr.io/gradient-ai/invokeai`).",
};

pub(crate) fn check(cx: &Context, out: &mut Vec<Diagnostic>) {
    let Some(root) = cx.root else { return };
    image(root, out);
}

/// What Paperspace's GitHub deploy action replaces with the image it builds.
const IMAGE_PLACEHOLDER: &str = ":image";

fn image(root: &Mapping, out: &mut Vec<Diagnostic>) {
    let Some(entry) = root.get_entry("image") else {
        return;
    };
    let Some(image) = entry.value.as_str() else {
        return;
    };
    let span = value_span(entry);
    if image == IMAGE_PLACEHOLDER {
        let msg = "`:image` is a placeholder: Paperspace's GitHub deploy action (paperspace/deploy-action) \
                   replaces it with the image it builds; deployed any other way, this spec has no image";
        out.push(diag(RuleId::Image, Severity::Info, span, "image", msg));
        return;
    }
    let Err(problem) = image_ref::parse(image) else {
        return;
    };
    let empty = problem == RefError::Empty;
    let msg = if empty {
        "`image` is empty: name the container image to run".to_string()
    } else {
        format!(
            "`image` {}, so the container cannot be pulled",
            problem.describe()
        )
    };
    let mut d = diag(RuleId::Image, Severity::Error, span, "image", msg);
    if let RefError::Capitals { fixed, .. } = &problem {
        d.fix = entry
            .value
            .as_scalar()
            .and_then(|s| render(s.style, fixed))
            .map(|new| Fix {
                title: format!("Lower-case the repository path: `{fixed}`"),
                edits: vec![TextEdit::replace(entry.value.span, new)],
                applicability: Applicability::Safe,
            });
    }
    out.push(d);
}
