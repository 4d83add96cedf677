//! What every rule needs to know about the document: its root mapping, its shape
//! (legacy or v1), and helpers to say where a diagnostic points.

use crate::diag::{Diagnostic, Severity, Span};
use crate::rules::RuleId;
use crate::yaml::{Document, Entry, Mapping, Node};

/// The two shapes of a spec (`reference.md`, "Two shapes").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Shape {
    Legacy,
    V1,
}

/// Fields that only the legacy shape has (top level), and under `resources`.
pub(super) const LEGACY_TOP: &[&str] = &["port", "models", "repositories"];
pub(super) const LEGACY_RESOURCES: &[&str] = &["instanceType"];
/// Fields that only the v1 shape has (top level), and under `resources`.
pub(super) const V1_TOP: &[&str] = &["integrations", "basicAuthKey"];
pub(super) const V1_RESOURCES: &[&str] = &["machineType", "ports"];

/// The shape a spec takes: what it declares ([`declared_shape`]) when it declares
/// one; otherwise (`apiVersion` absent, `latest` or unknown, and no Paperspace
/// `$schema` naming a version) the majority of shape-specific fields, legacy on a tie
/// with none (old CLI files).
pub fn detect_shape(root: &Mapping) -> Shape {
    if let Some(shape) = declared_shape(root) {
        return shape;
    }
    let (legacy, v1) = shape_votes(root);
    if v1 > legacy {
        Shape::V1
    } else {
        Shape::Legacy
    }
}

/// The shape a spec names: its `apiVersion` when that is an explicit version (`v1`,
/// `v0alpha1` → v1; `v0alpha0` → legacy), else the version its `$schema` URL names
/// (Paperspace's JSON templates write `https://api.paperspace.com/schemas/v0alpha0`).
/// `None` when neither names one (`latest` names no fixed shape: it moved).
pub fn declared_shape(root: &Mapping) -> Option<Shape> {
    let explicit = |v: &str| match v {
        "v1" | "v0alpha1" => Some(Shape::V1),
        "v0alpha0" => Some(Shape::Legacy),
        _ => None,
    };
    root.get("apiVersion")
        .and_then(Node::scalar_text)
        .and_then(explicit)
        .or_else(|| schema_version(root).and_then(explicit))
}

/// The spec version a top-level `$schema` names, when it is a Paperspace schema URL
/// ending in a version: `https://api.paperspace.com/schemas/v1` → `v1` (a trailing
/// `/`, a `.json` suffix, a query or a fragment are allowed).
pub(super) fn schema_version(root: &Mapping) -> Option<&'static str> {
    schema_url_version(root.get("$schema")?.as_str()?)
}

/// The spec version a Paperspace schema URL names (see [`schema_version`]).
pub fn schema_url_version(url: &str) -> Option<&'static str> {
    let url = url.trim();
    let lower = url.to_ascii_lowercase();
    let rest = lower
        .strip_prefix("https://")
        .or_else(|| lower.strip_prefix("http://"))?;
    let rest = rest.split(['?', '#']).next().unwrap_or("");
    let (host, path) = rest.split_once('/')?;
    let host = host.split(':').next().unwrap_or("");
    if host != "paperspace.com" && !host.ends_with(".paperspace.com") {
        return None;
    }
    let last = path.trim_end_matches('/').rsplit('/').next()?;
    let last = last.strip_suffix(".json").unwrap_or(last);
    crate::spec::API_VERSIONS
        .iter()
        .copied()
        .find(|v| *v == last)
}

/// The shape a version means today (`latest` now means v1).
pub(super) fn version_shape(version: &str) -> Shape {
    if version == "v0alpha0" {
        Shape::Legacy
    } else {
        Shape::V1
    }
}

/// How many legacy-only and v1-only fields the spec holds.
pub fn shape_votes(root: &Mapping) -> (usize, usize) {
    let resources = root.get("resources").and_then(Node::as_mapping);
    let count = |top: &[&str], res: &[&str]| {
        top.iter().filter(|k| root.get_entry(k).is_some()).count()
            + resources.map_or(0, |r| {
                res.iter().filter(|k| r.get_entry(k).is_some()).count()
            })
    };
    (
        count(LEGACY_TOP, LEGACY_RESOURCES),
        count(V1_TOP, V1_RESOURCES),
    )
}

/// The document as the rules see it. Only built when the root is a mapping (a root
/// of another kind is reported by `structure`).
pub struct Context<'a> {
    pub doc: &'a Document,
    pub text: &'a str,
    /// The root node (whatever its kind).
    pub root_node: &'a Node,
    pub root: Option<&'a Mapping>,
    pub shape: Shape,
    /// Whether fixes may add, move or re-indent lines (see [`layout_is_reliable`]).
    pub layout_reliable: bool,
}

impl<'a> Context<'a> {
    /// The context for `doc` whose root is `root_node` (the document's root, or an
    /// empty mapping standing in for an empty document).
    pub fn new(doc: &'a Document, root_node: &'a Node) -> Self {
        let root = root_node.as_mapping();
        let shape = root.map_or(Shape::Legacy, detect_shape);
        Context {
            doc,
            text: &doc.text,
            root_node,
            root,
            shape,
            layout_reliable: !doc
                .syntax_diagnostics
                .iter()
                .any(|d| d.rule == RuleId::YamlSyntax)
                && !uses_explicit_keys(&doc.text),
        }
    }

    /// The value at a top-level key.
    pub fn top(&self, key: &str) -> Option<&'a Node> {
        self.root?.get(key)
    }

    /// The `resources` mapping, when it is one.
    pub fn resources(&self) -> Option<&'a Mapping> {
        self.top("resources")?.as_mapping()
    }
}

/// Where a problem with an entry's value points (rules.md): at the value, or at the
/// key when the value is a block mapping or list (which starts on the next line), or
/// when the value is absent.
pub(super) fn value_span(entry: &Entry) -> Span {
    if entry.value.is_block_collection() || entry.value.span.is_empty() {
        entry.key.span
    } else {
        entry.value.span
    }
}

/// Where a problem with a node that is not behind a key (a list item) points: the
/// node itself, or its first line when it is a block collection.
pub(super) fn node_span(node: &Node) -> Span {
    match &node.value {
        crate::yaml::Value::Mapping(m) if !m.flow => {
            m.entries.first().map_or(node.span, |e| e.key.span)
        }
        _ => node.span,
    }
}

/// Shorthand for a diagnostic without a fix.
pub(super) fn diag(
    rule: RuleId,
    severity: Severity,
    span: Span,
    path: impl Into<String>,
    msg: impl Into<String>,
) -> Diagnostic {
    Diagnostic::new(rule, severity, span, path, msg)
}

// ---------------------------------------------------------------------------------
// Helpers for fixes: lines, indentation and entry insertion as text edits, so a fix
// touches only the bytes it means to (comments, quoting and layout stay).
// ---------------------------------------------------------------------------------

use crate::diag::TextEdit;
use crate::spec::Layout;

/// True when the text parsed with no `yaml-syntax` problem and writes no explicit
/// keys. Fixes that add, move or re-indent lines rely on the tree's layout, which is
/// a guess after a syntax error, and which `? key` entries break (the fuzzer found
/// lines inserted under them at the wrong column): such fixes are only offered on
/// plain block text (one-token replacements always are).
pub(super) fn layout_is_reliable(cx: &Context) -> bool {
    cx.layout_reliable
}

/// Whether `text` seems to write an explicit key (`? key`): a `?` followed by a space
/// or line end, after the line's indentation, a `- `, `{`, `[` or `,`. A `?` of that
/// form inside a quoted string or comment also counts: it only withholds some fixes.
fn uses_explicit_keys(text: &str) -> bool {
    let bytes = text.as_bytes();
    bytes.iter().enumerate().any(|(i, &b)| {
        if b != b'?' || !matches!(bytes.get(i + 1), None | Some(b' ' | b'\t' | b'\r' | b'\n')) {
            return false;
        }
        let before = text[..i].trim_end_matches([' ', '\t']);
        before.is_empty() || before.ends_with(['\n', '-', '{', '[', ',', '?', ':'])
    })
}

/// The byte offset where the line holding `offset` starts. Lines end at `\n`, `\r\n`
/// or a lone `\r`, as YAML reads them (the fuzzer found a lone `\r` misplacing fixes).
pub(super) fn line_start(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text[..offset].rfind(['\n', '\r']).map_or(0, |i| i + 1)
}

/// The byte offset where the line holding `offset` ends (before its line break).
pub(super) fn line_end(text: &str, offset: usize) -> usize {
    let offset = offset.min(text.len());
    text[offset..]
        .find(['\r', '\n'])
        .map_or(text.len(), |i| offset + i)
}

/// The byte offset where the line after the one holding `offset` starts (or the end).
pub(super) fn next_line_start(text: &str, offset: usize) -> usize {
    let end = line_end(text, offset);
    match &text.as_bytes()[end..] {
        [b'\r', b'\n', ..] => end + 2,
        [] => end,
        _ => end + 1,
    }
}

/// The column of the block a key sits in: the column of the key, or of the anchor,
/// tag or explicit-key `?` written before it on its line (`&a key: v` is a key at
/// column 0). Lines added beside such a key go to this column.
pub(super) fn key_column(text: &str, key_start: usize) -> usize {
    let start = line_start(text, key_start);
    let mut at = key_start.min(text.len());
    loop {
        let before = text[start..at].trim_end_matches(' ');
        let token_start = before.rfind(' ').map_or(0, |i| i + 1);
        let token = &before[token_start..];
        let property = (token.len() > 1 && token.starts_with('&')) || token.starts_with('!');
        if property || token == "?" {
            at = start + token_start;
        } else {
            return at - start;
        }
    }
}

/// True when only spaces come before `offset` on its line.
pub(super) fn starts_line(text: &str, offset: usize) -> bool {
    text.get(line_start(text, offset)..offset)
        .is_some_and(|s| s.bytes().all(|b| b == b' '))
}

/// The document's line break, as its first line ends: `\r\n` or `\n` (looking at one
/// line keeps this cheap for fixes on large documents).
pub(super) fn newline_of(text: &str) -> &'static str {
    match text.find('\n') {
        Some(i) if i > 0 && text.as_bytes()[i - 1] == b'\r' => "\r\n",
        _ => "\n",
    }
}

/// The span of the document's first line: where problems with the top level point.
pub(super) fn first_line_span(text: &str) -> Span {
    Span::new(0, line_end(text, 0))
}

/// The indentation step of the document: how much deeper a nested block mapping's
/// keys sit than their parent's key (2 when nothing is nested).
pub(super) fn indent_step(text: &str, root: &Node) -> usize {
    fn find(text: &str, node: &Node, depth: usize) -> Option<usize> {
        let map = node.as_mapping().filter(|m| !m.flow)?;
        for e in &map.entries {
            if let Some(child) = e.value.as_mapping().filter(|m| !m.flow) {
                if let Some(first) = child.entries.first() {
                    let step = key_column(text, first.key.span.start)
                        .checked_sub(key_column(text, e.key.span.start));
                    if let Some(step) = step.filter(|s| (1..=8).contains(s)) {
                        return Some(step);
                    }
                }
            }
            if depth < 3 {
                if let Some(s) = find(text, &e.value, depth + 1) {
                    return Some(s);
                }
            }
        }
        None
    }
    find(text, root, 0).unwrap_or(2)
}

/// An edit that adds `key` as the last entry of the mapping `node`; `value` gives the
/// text after `key:` for a layout (see [`crate::spec::value_text`]). Block mappings
/// get a new line at the indentation of their keys; flow mappings `, key: value`.
/// `None` when the node is not a mapping or the text has an unexpected form.
pub(super) fn append_entry(
    text: &str,
    node: &Node,
    key: &str,
    step: usize,
    value: impl Fn(Layout) -> String,
) -> Option<TextEdit> {
    let map = node.as_mapping()?;
    if map.flow {
        let inner = value(Layout::Flow);
        return match map.entries.last() {
            Some(last) => Some(TextEdit::insert(last.span.end, format!(", {key}:{inner}"))),
            None => {
                let open = node.span.start + text.get(node.span.start..node.span.end)?.find('{')?;
                Some(TextEdit::insert(open + 1, format!("{key}:{inner}")))
            }
        };
    }
    let first = map.entries.first()?;
    let last = map.entries.last()?;
    let indent = key_column(text, first.key.span.start);
    let newline = newline_of(text);
    let body = value(Layout::Block {
        indent,
        step,
        newline,
    });
    let at = line_end(text, last.span.end);
    Some(TextEdit::insert(
        at,
        format!("{newline}{}{key}:{body}", " ".repeat(indent)),
    ))
}

/// Edits that give an entry written without a value (`key:` or `key: ~`) the text
/// `value` makes for a layout: on the key's line for a scalar, or on new indented
/// lines for a block collection.
pub(super) fn fill_entry(
    text: &str,
    entry: &Entry,
    step: usize,
    value: impl Fn(Layout) -> String,
) -> Option<Vec<TextEdit>> {
    if !entry.value.is_null() {
        return None;
    }
    let null = entry.value.span;
    if !null.is_empty() {
        let flow = value(Layout::Flow);
        return Some(vec![TextEdit::replace(null, flow.trim_start().to_string())]);
    }
    // Only a bare `key:` gets a value: not one written with a tag or anchor and no
    // content (`key: !tag`), where the value would land before them (fuzzer).
    let rest = &text[null.start.min(text.len())..line_end(text, null.start)];
    if !rest.trim_start().is_empty() && !rest.trim_start().starts_with('#') {
        return None;
    }
    let indent = key_column(text, entry.key.span.start);
    let newline = newline_of(text);
    let body = value(Layout::Block {
        indent,
        step,
        newline,
    });
    if body.starts_with(newline) {
        Some(vec![TextEdit::insert(line_end(text, null.start), body)])
    } else {
        Some(vec![TextEdit::insert(null.start, body)])
    }
}

/// Edits that insert `line` (without indentation or line break) as the first entry
/// of the root mapping, at its indentation: for top-level fields people expect first
/// (`apiVersion`, `enabled`).
pub(super) fn prepend_root_entry(text: &str, root: &Mapping, line: &str) -> Option<TextEdit> {
    let first = root.entries.first()?;
    if root.flow || !starts_line(text, first.key.span.start) {
        return None;
    }
    let indent = key_column(text, first.key.span.start);
    let at = first.key.span.start;
    Some(TextEdit::insert(
        at,
        format!("{line}{}{}", newline_of(text), " ".repeat(indent)),
    ))
}

/// The span from the start of the line holding `span.start` through the line break
/// ending the line holding `span.end`: the whole lines of an entry, for removal.
pub(super) fn whole_lines(text: &str, span: Span) -> Span {
    Span::new(
        line_start(text, span.start),
        next_line_start(text, line_end(text, span.end)),
    )
}

/// The text of an entry from its key to the end of its last line (trailing comment
/// included), re-indented from column `from` to column `to` and with its key
/// replaced by `key`. Lines after the first keep their depth relative to the key.
pub(super) fn moved_entry_text(
    text: &str,
    entry: &Entry,
    key: &str,
    from: usize,
    to: usize,
) -> Option<String> {
    let end = line_end(text, entry.span.end);
    let rest = text.get(entry.key.span.end..end)?;
    let newline = newline_of(text);
    let mut out = String::from(key);
    for (i, line) in rest.split('\n').enumerate() {
        let line = line.strip_suffix('\r').unwrap_or(line);
        if i == 0 {
            out.push_str(line);
            continue;
        }
        out.push_str(newline);
        if line.trim().is_empty() {
            continue;
        }
        let lead = line.len() - line.trim_start_matches(' ').len();
        out.push_str(&" ".repeat(to + lead.saturating_sub(from)));
        out.push_str(&line[lead..]);
    }
    Some(out)
}

/// Edits that wrap a block mapping value in a one-item list: `- ` before its first
/// key, and two more spaces before each of its other lines.
pub(super) fn wrap_block_mapping_in_list(text: &str, node: &Node) -> Option<Vec<TextEdit>> {
    let map = node.as_mapping()?;
    let first = map.entries.first()?;
    if map.flow || !starts_line(text, first.key.span.start) {
        return None;
    }
    let mut edits = vec![TextEdit::insert(first.key.span.start, "- ")];
    let mut at = next_line_start(text, first.key.span.start);
    let end = line_end(text, node.span.end);
    while at <= end && at < text.len() {
        let le = line_end(text, at);
        if !text[at..le].trim().is_empty() {
            edits.push(TextEdit::insert(at, "  "));
        }
        at = next_line_start(text, at);
    }
    Some(edits)
}

/// Edits that remove up to `by` leading spaces from every line from `from` (a line
/// start) through the line holding `to`.
pub(super) fn dedent_lines(text: &str, from: usize, to: usize, by: usize) -> Vec<TextEdit> {
    let mut edits = Vec::new();
    let mut at = from;
    let end = line_end(text, to);
    while at <= end && at < text.len() {
        let spaces = text[at..]
            .bytes()
            .take(by)
            .take_while(|b| *b == b' ')
            .count();
        if spaces > 0 {
            edits.push(TextEdit::delete(Span::new(at, at + spaces)));
        }
        at = next_line_start(text, at);
    }
    edits
}

#[cfg(test)]
mod tests {
    use super::*;

    fn shape_of(text: &str) -> Shape {
        let doc = crate::yaml::parse(text);
        detect_shape(doc.root.as_ref().unwrap().as_mapping().unwrap())
    }

    #[test]
    fn api_version_decides_then_majority() {
        assert_eq!(shape_of("apiVersion: v1\nport: 80\n"), Shape::V1);
        assert_eq!(shape_of("apiVersion: v0alpha0\n"), Shape::Legacy);
        assert_eq!(
            shape_of("apiVersion: latest\nport: 80\nresources:\n  instanceType: C4\n"),
            Shape::Legacy
        );
        assert_eq!(
            shape_of("apiVersion: latest\nresources:\n  machineType: C4\n  ports: [80]\n"),
            Shape::V1
        );
        assert_eq!(shape_of("image: x\n"), Shape::Legacy);
    }

    #[test]
    fn a_paperspace_schema_url_is_evidence_of_the_shape() {
        let v0 = "$schema: https://api.paperspace.com/schemas/v0alpha0\n";
        assert_eq!(
            shape_of(&format!(
                "{v0}resources:\n  ports: [80]\n  machineType: C4\n"
            )),
            Shape::Legacy
        );
        let v1 = "$schema: \"https://api.paperspace.com/schemas/v1/\"\n";
        assert_eq!(shape_of(&format!("{v1}port: 80\n")), Shape::V1);
        // An explicit apiVersion decides over the schema.
        assert_eq!(
            shape_of(&format!("apiVersion: v0alpha0\n{v1}")),
            Shape::Legacy
        );
        // `latest` in apiVersion leaves the schema to decide.
        assert_eq!(
            shape_of(&format!("apiVersion: latest\n{v1}port: 80\n")),
            Shape::V1
        );
        for (url, v) in [
            (
                "https://api.paperspace.com/schemas/v0alpha1.json",
                Some("v0alpha1"),
            ),
            ("HTTPS://API.PAPERSPACE.COM/schemas/v1#x", Some("v1")),
            ("https://api.paperspace.com/schemas/latest", Some("latest")),
            ("https://example.com/schemas/v1", None),
            ("https://api.paperspace.com.evil.io/schemas/v1", None),
            ("https://api.paperspace.com/schemas/v2", None),
            ("api.paperspace.com/schemas/v1", None),
        ] {
            assert_eq!(schema_url_version(url), v, "{url}");
        }
    }
}
