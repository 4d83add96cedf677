//! `image`: the container image reference (checked in `general.rs`).

use super::registry::Rule;
use super::RuleId;
use crate::diag::Severity;

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
