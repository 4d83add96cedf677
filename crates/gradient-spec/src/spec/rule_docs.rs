//! What each rule id means, for the in-page help panel: what it finds, why that
//! matters, and how to fix it. One entry per id of `rules.md`, plus `limit`.

/// The explanation of one rule.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct RuleDoc {
    pub id: &'static str,
    /// A short title.
    pub title: &'static str,
    pub what: &'static str,
    pub why: &'static str,
    pub fix: &'static str,
}

const fn doc(
    id: &'static str,
    title: &'static str,
    what: &'static str,
    why: &'static str,
    fix: &'static str,
) -> RuleDoc {
    RuleDoc {
        id,
        title,
        what,
        why,
        fix,
    }
}

/// Every rule, in the order of `rules.md`.
pub const RULE_DOCS: &[RuleDoc] = &[
    doc(
        "yaml-syntax",
        "YAML syntax",
        "The text is not well-formed YAML: an unclosed quote or bracket, bad or tab indentation, a stray `:`.",
        "Nothing can read the spec until it parses; the rest of the document is still checked where it parsed.",
        "Look at the marked place: close the quote or bracket, indent with spaces, and quote values that contain `: `.",
    ),
    doc(
        "multiple-documents",
        "More than one document",
        "The file holds several YAML documents separated by `---`.",
        "A deployment spec is one document; tools read only the first or refuse the file.",
        "Keep one spec per file and remove the other documents (or the stray `---`).",
    ),
    doc(
        "duplicate-key",
        "Duplicate key",
        "A key appears twice in the same mapping.",
        "YAML forbids it, and loaders that accept it silently keep only the last value.",
        "Remove one of the two, or merge their values.",
    ),
    doc(
        "wrong-type",
        "Wrong kind of value",
        "A value has the wrong kind: text where a list is needed, a mapping where a single value belongs, a number where text is needed, a probe written as `...`.",
        "The API rejects values of the wrong type with a generic \"invalid values\" error.",
        "Write the kind the field expects (see its help); a single item that should be a list can be wrapped in one.",
    ),
    doc(
        "missing-field",
        "Missing field",
        "A required field is absent or empty: `image`, `resources`, the machine, v1 `ports`, a repository's `url` or `name`, an env `name` or `value`, …",
        "The API rejects a spec without its required fields.",
        "Add the field; the fix inserts it with a placeholder value to replace.",
    ),
    doc(
        "unknown-key",
        "Unknown key",
        "A key that no version of the spec has, often a typo of a known one.",
        "The server ignores or rejects it, so whatever it was meant to set is not set.",
        "Rename it to the suggested key, or remove it.",
    ),
    doc(
        "misplaced-field",
        "Field at the wrong level",
        "A known field written at the wrong level, e.g. `replicas` at the top instead of under `resources`, or a `spec:` wrapper around the whole spec.",
        "The server only looks for each field in its own place, so a misplaced one is ignored.",
        "Move it under its parent; the fix does it.",
    ),
    doc(
        "api-version",
        "API version",
        "`apiVersion` is not one of `v0alpha0`, `v0alpha1`, `v1`, `latest`; is absent; is `latest` on a legacy-shaped spec; or disagrees with the version a Paperspace `$schema` URL names (`https://api.paperspace.com/schemas/v0alpha0`).",
        "When a spec has no `apiVersion`, Paperspace's GitHub deploy action sends `latest`, and `latest` now means the v1 shape: a legacy spec marked `latest`, or unmarked, is read as v1. A `$schema` naming another version than `apiVersion` leaves tools disagreeing on the shape.",
        "Write the explicit version of the spec's shape: `v0alpha0` for legacy, `v1` for v1; make `$schema` name the same version.",
    ),
    doc(
        "mixed-shape",
        "Fields of both shapes",
        "The spec holds fields of the legacy shape (`port`, `models`, `repositories`, `instanceType`) together with v1 fields (`integrations`, `basicAuthKey`, `machineType`, `ports`), or fields of one shape when `apiVersion` (or, when it names no fixed version, a Paperspace `$schema` URL) names the other.",
        "Each API version reads one shape; fields of the other are rejected or ignored.",
        "Rewrite the marked fields in the spec's shape: `instanceType` ↔ `machineType`, `port` ↔ `resources.ports`, `models`/`repositories` ↔ `integrations`.",
    ),
    doc(
        "dataset-required",
        "Dataset required",
        "`repositories` has no `dataset`, or its `dataset` is a placeholder left from an example: `<dataset-id>` in angle brackets (an error), `your-dataset-id` or `dataset-ref` (an info).",
        "Gradient clones the repositories into that dataset and mounts it; without a real one nothing is cloned and the deployment fails.",
        "Add `dataset:` with the id or name of an existing dataset.",
    ),
    doc(
        "mount-path",
        "Mount path",
        "A `mountPath` or model/integration `path` is relative, `/`, contains `..`, is a Windows path, has a redundant form, or covers a system directory.",
        "Relative paths and `/` make the deployment fail; mounting over `/usr` or `/etc` breaks the container.",
        "Use an absolute path of its own, such as `/opt/repos`.",
    ),
    doc(
        "repo-name",
        "Repository name",
        "A repository `name` is empty, contains `/`, is `.` or `..`, or repeats another's.",
        "Each repository is cloned into `<mountPath>/<name>`, which must be one new directory.",
        "Use a unique single directory name.",
    ),
    doc(
        "repo-url",
        "Repository URL",
        "A repository or git-lfs `url` is not a clone URL, still holds a placeholder in angle brackets (`https://github.com/<owner>/<repo>.git`), or uses plain `http://`.",
        "The clone fails at deploy time; over `http://` credentials travel in clear.",
        "Use the `https://` clone URL shown by the git host.",
    ),
    doc(
        "repo-credentials",
        "Repository credentials",
        "A repository has a `username` without a `password` or the reverse, or a GitHub URL with a password.",
        "Private clones need both; GitHub accepts personal access tokens, not account passwords.",
        "Give both, with the password as `secret:NAME` holding a token.",
    ),
    doc(
        "plaintext-secret",
        "Plaintext secret",
        "A password, key or credential is written in the spec instead of referencing a secret: a repository `password`, `basicAuthKey`, an integration `secretAccessKey`, an env `value` that looks like a token (`ghp_…`, `hf_…`, `sk-…`, `AKIA…`), or any literal env `value` under a name that says it holds a credential (`SECRET`, `TOKEN`, `PASSWORD`, `PASSWD`, `API_KEY`, `ACCESS_KEY`, `PRIVATE_KEY`, in any case, anywhere in the name: `SECRET_KEY`, `hf_token`, `DB_PASSWORD`). A word that merely starts with one of these names none (`TOKENIZERS_PARALLELISM`, `MAX_TOKENS`); empty values and placeholders in angle brackets are not plaintext.",
        "Specs are committed and shared; a plaintext secret leaks to everyone who reads them. The message never repeats the value.",
        "Store the value as a team or project secret and write `secret:NAME`.",
    ),
    doc(
        "secret-syntax",
        "Secret reference syntax",
        "A secret reference is malformed (`SECRET:`, `secrets:x`, `${X}`, an empty or invalid name).",
        "Only `secret:NAME` is resolved; anything else reaches the container as literal text.",
        "Write `secret:NAME` in lower case, with a name of letters, digits and `_`.",
    ),
    doc(
        "port-range",
        "Port",
        "A port is not an integer from 1 to 65535, or is quoted.",
        "The API expects an integer port; a quoted one is a string and some tools reject it.",
        "Write the port as a plain number, e.g. `8000`.",
    ),
    doc(
        "replicas",
        "Replicas",
        "`replicas` or `maxReplicas` is negative or not an integer; `replicas: 0` stops the deployment.",
        "Replica counts are whole numbers; zero replicas serve nothing.",
        "Write a whole number, 1 or more to serve traffic.",
    ),
    doc(
        "autoscaling",
        "Autoscaling",
        "`autoscaling` lacks `maxReplicas` or `metrics`, `maxReplicas` is below `replicas`, or a metric is malformed or listed twice.",
        "The API rejects incomplete autoscaling; targets out of range never or always trigger.",
        "Give `maxReplicas` ≥ `replicas` and metrics `cpu`/`memory` (1–100) or `requestDuration` (seconds) with `summary: average`.",
    ),
    doc(
        "probe",
        "Health check probe",
        "A probe has neither `path` nor `exec`, a `path` not starting with `/`, timings out of range, a header without name or value, or an unknown probe key.",
        "A broken probe marks healthy replicas as failed, or is rejected.",
        "Give each of `liveness`, `readiness`, `startup` a `path: /…` (or `exec`), timings of at least 1 second.",
    ),
    doc(
        "env",
        "Environment variable",
        "An env `name` is repeated, a `value` is not a string (`7860`, `true`), or a `value` is a placeholder in angle brackets left from an example (`<HuggingFace read access token>`).",
        "The API expects strings; with a repeated name only one value reaches the container; a placeholder reaches it as literal text.",
        "Quote non-string values, keep names unique, and put the real value in place of a placeholder (a credential as `secret:NAME`).",
    ),
    doc(
        "machine-type",
        "Machine type",
        "The machine name is not a known one, or is a free-tier machine (`Free-…`).",
        "An unknown name is usually a typo; free-tier machines cannot run deployments.",
        "Pick a machine from the list, such as `C4` or `A4000`.",
    ),
    doc(
        "models",
        "Models",
        "A `models` entry has no `id`.",
        "The model to mount is found by its registry id.",
        "Give each model its `id`.",
    ),
    doc(
        "integrations",
        "Integrations",
        "More than 5 integrations, an unknown `type`, a repeated `name` or `path`, a field the type does not take, or an s3 `url` that is not `s3://bucket/prefix` (or still holds a placeholder in angle brackets).",
        "The API rejects such a list, or mounts one integration over another.",
        "Keep at most 5, each with a known type, a unique name and a unique path.",
    ),
    doc(
        "command",
        "Command",
        "`command` is not a non-empty list of strings.",
        "The command is run without a shell: the program and each argument are separate list items.",
        "Write `command: [python, app.py]`, or wrap a shell line as `[/bin/sh, -c, \"…\"]`.",
    ),
    doc(
        "image",
        "Image",
        "`image` is empty, still holds a placeholder in angle brackets (`<image-name>`), or is not a valid container image reference: an optional registry host (a domain with dots, or `localhost`, with an optional `:port`), then lower-case repository path components of letters and digits joined by `.`, `_`, `__` or dashes, separated by `/`; an optional tag `[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}`; an optional digest `sha256:` + 64 hex digits (or `sha384`, `sha512`). The message names the part that is wrong: the registry, a path component, the tag, the digest, the whitespace. `:image` is noted (info) as the placeholder Paperspace's GitHub deploy action replaces with the image it builds.",
        "Registries refuse a malformed reference, so the container cannot be pulled and the deployment fails at deploy time, not when the spec is saved.",
        "Write a reference such as `paperspace/gradient-base:pt211-tf215-cudatk120-py311` or `nvcr.io/nvidia/pytorch:23.10-py3`; the fix lower-cases capitals in the repository path (`ghcr.io/gradient-ai/InvokeAI` → `ghcr.io/gradient-ai/invokeai`).",
    ),
    doc(
        "enabled",
        "Enabled",
        "`enabled` is not a boolean, or is absent.",
        "`pspace` reports a spec without `enabled` as disabled.",
        "Write `enabled: true` (or `false` to stop the deployment).",
    ),
    doc(
        "container-registry",
        "Container registry",
        "`containerRegistry` is empty or not a string.",
        "It names a registry connection saved in the team's settings, needed to pull a private image.",
        "Write the name of the saved registry connection, or remove the field for a public image.",
    ),
    doc(
        "limit",
        "Input limit",
        "The document is too large or too deeply nested to check.",
        "Limits keep the editor responsive; a real spec is a few kilobytes.",
        "Check that the right file was opened.",
    ),
];

/// The explanation of rule `id`.
pub fn rule_doc(id: &str) -> Option<&'static RuleDoc> {
    RULE_DOCS.iter().find(|d| d.id == id)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_rule_id_is_explained_once() {
        let ids: Vec<&str> = RULE_DOCS.iter().map(|d| d.id).collect();
        assert_eq!(
            ids,
            crate::rules::RuleId::ALL
                .iter()
                .map(|id| id.as_str())
                .collect::<Vec<_>>()
        );
        assert!(rule_doc("probe").is_some());
        assert!(rule_doc("nope").is_none());
    }
}
