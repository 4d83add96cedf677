//! Converts yaml-edit's rowan CST into spanned [`Node`]s.
//!
//! The CST shape read here (pinned yaml-edit 0.3.6): `DOCUMENT` holds one content
//! node; `MAPPING` holds `MAPPING_ENTRY(KEY, COLON, VALUE)`; `SEQUENCE` holds
//! `SEQUENCE_ENTRY(DASH?, content)`; anchors and tags are tokens (or a `TAGGED_NODE`)
//! before the content; an empty value is a zero-width `NULL` token. Unparseable text
//! sits in `ERROR` nodes, which are skipped: what parsed is still validated.

use crate::diag::Span;
use crate::yaml::scalar::{resolve_plain, resolve_tagged, ScalarKind, ScalarStyle};
use crate::yaml::{Entry, Mapping, Node, Scalar, Sequence, Value, MAX_DEPTH};
use rowan::ast::AstNode;
use yaml_edit::{Lang, SyntaxKind as K};

pub(crate) type SyntaxNode = rowan::SyntaxNode<Lang>;
type SyntaxElement = rowan::NodeOrToken<SyntaxNode, rowan::SyntaxToken<Lang>>;

fn is_trivia(k: K) -> bool {
    matches!(
        k,
        K::WHITESPACE | K::NEWLINE | K::INDENT | K::COMMENT | K::BOM
    )
}

/// The span of a node without its leading and trailing whitespace, line breaks and
/// comments (yaml-edit attaches a trailing `# comment` to the value it follows).
pub(crate) fn content_span(node: &SyntaxNode) -> Span {
    let range = node.text_range();
    let inside = |t: &rowan::SyntaxToken<Lang>| range.contains_range(t.text_range());
    let mut first = node.first_token();
    while let Some(t) = first.as_ref().filter(|t| inside(t) && is_trivia(t.kind())) {
        first = t.next_token();
    }
    let mut last = node.last_token();
    while let Some(t) = last.as_ref().filter(|t| inside(t) && is_trivia(t.kind())) {
        last = t.prev_token();
    }
    match (first.filter(inside), last.filter(inside)) {
        (Some(f), Some(l)) if f.text_range().start() <= l.text_range().end() => Span::new(
            usize::from(f.text_range().start()),
            usize::from(l.text_range().end()),
        ),
        _ => Span::at(usize::from(range.start())),
    }
}

/// The content node held by `container` (a DOCUMENT, KEY, VALUE, SEQUENCE_ENTRY or
/// TAGGED_NODE), with any anchor and tag written before it. `None` when it holds none.
pub(crate) fn content_of(container: &SyntaxNode, depth: usize) -> Option<Node> {
    let mut anchor = None;
    let mut tag = None;
    let mut found = None;
    for el in container.children_with_tokens() {
        match el {
            SyntaxElement::Token(t) => match t.kind() {
                K::ANCHOR => anchor = Some(t.text().trim_start_matches('&').to_string()),
                K::TAG => tag = Some(t.text().to_string()),
                _ => {}
            },
            SyntaxElement::Node(n) => {
                let node = match n.kind() {
                    K::TAGGED_NODE => content_of(&n, depth),
                    K::MAPPING | K::SEQUENCE | K::SCALAR | K::ALIAS => Some(convert(&n, depth)),
                    _ => None,
                };
                if let Some(mut node) = node {
                    if node.anchor.is_none() {
                        node.anchor = anchor.take();
                    }
                    if node.tag.is_none() {
                        node.tag = tag.take();
                        apply_tag(&mut node);
                    }
                    found = Some(node);
                    break;
                }
            }
        }
    }
    found
}

/// Lets an explicit tag (`!!str 8000`) decide a scalar's type.
fn apply_tag(node: &mut Node) {
    if let (Some(tag), Value::Scalar(s)) = (&node.tag, &mut node.value) {
        s.kind = resolve_tagged(tag, &s.text, s.style);
    }
}

/// Converts a MAPPING, SEQUENCE, SCALAR or ALIAS node.
fn convert(n: &SyntaxNode, depth: usize) -> Node {
    let span = content_span(n);
    if depth > MAX_DEPTH {
        return Node::null_at(span.start);
    }
    let value = match n.kind() {
        K::MAPPING => Value::Mapping(convert_mapping(n, depth + 1)),
        K::SEQUENCE => Value::Sequence(convert_sequence(n, depth + 1)),
        K::ALIAS => Value::Alias(
            n.text()
                .to_string()
                .trim()
                .trim_start_matches('*')
                .to_string(),
        ),
        _ => Value::Scalar(convert_scalar(n)),
    };
    Node {
        span,
        value,
        tag: None,
        anchor: None,
    }
}

fn starts_with_token(n: &SyntaxNode, kind: K) -> bool {
    n.children_with_tokens()
        .find(|e| !is_trivia(e.kind()))
        .is_some_and(|e| e.kind() == kind)
}

fn convert_mapping(n: &SyntaxNode, depth: usize) -> Mapping {
    let flow = starts_with_token(n, K::LEFT_BRACE);
    let entries = n
        .children()
        .filter(|c| c.kind() == K::MAPPING_ENTRY)
        .map(|entry| {
            let entry_start = content_span(&entry).start;
            let key_node = entry.children().find(|c| c.kind() == K::KEY);
            let key = key_node
                .as_ref()
                .and_then(|k| content_of(k, depth))
                .unwrap_or_else(|| Node::null_at(entry_start));
            let colon_end = entry
                .children_with_tokens()
                .find(|e| e.kind() == K::COLON)
                .map(|c| usize::from(c.text_range().end()))
                .unwrap_or(key.span.end);
            let value = entry
                .children()
                .find(|c| c.kind() == K::VALUE)
                .and_then(|v| content_of(&v, depth))
                .unwrap_or_else(|| Node::null_at(colon_end));
            let span = Span::new(
                key.span.start.min(entry_start),
                value.span.end.max(key.span.end),
            );
            Entry { key, value, span }
        })
        .collect();
    Mapping { entries, flow }
}

fn convert_sequence(n: &SyntaxNode, depth: usize) -> Sequence {
    let flow = starts_with_token(n, K::LEFT_BRACKET);
    let items = n
        .children()
        .filter(|c| c.kind() == K::SEQUENCE_ENTRY)
        .map(|entry| {
            content_of(&entry, depth).unwrap_or_else(|| {
                let after_dash = entry
                    .children_with_tokens()
                    .find(|e| e.kind() == K::DASH)
                    .map(|d| usize::from(d.text_range().end()))
                    .unwrap_or_else(|| content_span(&entry).start);
                Node::null_at(after_dash)
            })
        })
        .collect();
    Sequence { items, flow }
}

fn convert_scalar(n: &SyntaxNode) -> Scalar {
    let first = n.children_with_tokens().find(|e| !is_trivia(e.kind()));
    let raw = n.text().to_string();
    let raw = raw.trim_start();
    let style = match first.as_ref().map(|e| e.kind()) {
        Some(K::PIPE) => ScalarStyle::Literal,
        Some(K::GREATER) => ScalarStyle::Folded,
        _ if raw.starts_with('"') => ScalarStyle::DoubleQuoted,
        _ if raw.starts_with('\'') => ScalarStyle::SingleQuoted,
        _ => ScalarStyle::Plain,
    };
    let text = yaml_edit::Scalar::cast(n.clone())
        .map(|s| s.as_string())
        .unwrap_or_default();
    let kind = match style {
        ScalarStyle::Plain => resolve_plain(&text),
        _ => ScalarKind::String,
    };
    Scalar { text, style, kind }
}
