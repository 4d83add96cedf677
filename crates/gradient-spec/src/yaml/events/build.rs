//! Builds spanned [`Node`]s from saphyr-parser's event stream in one pass: a stack of
//! open collections, each node made once and moved into its parent (no tree to walk
//! again, no per-token allocation beyond the values themselves).

use super::directives;
use super::offsets::ByteOffsets;
use super::props;
use crate::diag::Span;
use crate::yaml::scalar::{resolve_plain, resolve_tagged, ScalarKind, ScalarStyle};
use crate::yaml::{Entry, Mapping, Node, Scalar, Sequence, Value, MAX_DEPTH};
use saphyr_parser::{Event, Parser, ScalarStyle as SStyle};

/// One YAML document of the stream.
pub(crate) struct Doc {
    /// Where it starts: its `---` marker if it has one, else its content.
    pub start: usize,
    /// Its content; `None` when it holds nothing (an empty plain scalar).
    pub root: Option<Node>,
}

/// The result of one parse: the documents read (the last one cut short at an error,
/// its open collections closed where the error was), and why it stopped early.
pub(crate) struct Run {
    pub docs: Vec<Doc>,
    /// The first syntax error: its byte offset and saphyr-parser's message, or the
    /// builder's own for what saphyr-parser lets through (`Builder::refused`).
    pub error: Option<(usize, String)>,
    /// Where collections first nest deeper than [`MAX_DEPTH`].
    pub too_deep: Option<usize>,
    /// Read by the fast path (`fast/`): one document, no tab, no keyless entry, flow
    /// lists on one line, so the tree's own syntax checks (`compact.rs`,
    /// `flowindent.rs`, `tabindent.rs`) have nothing to find.
    pub fast: bool,
}

/// An open collection.
struct Frame {
    map: bool,
    /// Inside a flow collection (its own brackets or an enclosing one's).
    in_flow: bool,
    /// Where it starts with its properties.
    outer: usize,
    /// Written with its own `[`/`{` (a flow pair `[a: b]` is a flow mapping without).
    bracketed: bool,
    /// Offset of `[`/`{` (flow) or of the first entry (block, set by the first child).
    start: Option<usize>,
    anchor: Option<String>,
    tag: Option<String>,
    items: Vec<Node>,
    entries: Vec<Entry>,
    /// A key read, waiting for its value, with the offset its entry starts at.
    key: Option<(Node, usize)>,
    /// The end of the last child.
    end: usize,
}

struct Builder<'t> {
    text: &'t str,
    offsets: ByteOffsets<'t>,
    stack: Vec<Frame>,
    docs: Vec<Doc>,
    too_deep: Option<usize>,
    /// A problem saphyr-parser lets through, found while building: the run stops there
    /// as at one of its errors.
    refused: Option<(usize, String)>,
}

/// Parses `text` into its documents: the fast path (`fast/`) when the text is
/// inside its subset, else one saphyr-parser pass, up to its first error.
pub(crate) fn run(text: &str) -> Run {
    super::fast::run(text).unwrap_or_else(|| run_saphyr(text))
}

/// Parses `text` into its documents with saphyr-parser alone: one pass, up to its
/// first error or the first problem the builder refuses (the fast path's oracle calls
/// it directly).
pub(crate) fn run_saphyr(text: &str) -> Run {
    // What saphyr-parser reads: unknown directives' words in ASCII (`directives.rs`),
    // the same bytes everywhere else; positions are counted in its characters.
    let mut masked = directives::masked(text);
    // saphyr-parser wants a space or a line break after a `?` and refuses one that
    // ends the text (`- ?`, an empty explicit key, which YAML allows): it reads the
    // text with a line break added, which is trivia (positions past the text's end
    // are brought back to it).
    if text.ends_with('?') {
        masked.get_or_insert_with(|| text.to_string()).push('\n');
    }
    let input = masked.as_deref().unwrap_or(text);
    let mut b = Builder {
        text,
        offsets: ByteOffsets::new(input),
        stack: Vec::new(),
        docs: Vec::new(),
        too_deep: None,
        refused: None,
    };
    let mut error = None;
    for event in Parser::new_from_str(input) {
        match event {
            Ok((ev, span)) => {
                let start = b.offsets.byte(span.start.index()).min(text.len());
                let end = b.offsets.byte(span.end.index()).clamp(start, text.len());
                b.event(ev, start, end);
                if b.too_deep.is_some() {
                    break;
                }
                if b.refused.is_some() {
                    error = b.refused.take();
                    break;
                }
            }
            Err(e) => {
                let at = b.offsets.byte(e.marker().index()).min(text.len());
                // saphyr-parser counts flow levels in a byte: past 255 it gives up.
                if e.info().contains("recursion limit") {
                    b.too_deep = Some(at);
                } else {
                    error = Some((at, e.info().to_string()));
                }
                break;
            }
        }
    }
    // Close what the error left open: a bracketed collection at its closing bracket
    // if the error's line has it, anything else at the end of its last child.
    let error_line_end = error.as_ref().map_or(0, |(at, _)| {
        let bytes = text.as_bytes();
        let at = (*at).min(bytes.len());
        bytes[at..]
            .iter()
            .position(|&c| c == b'\n')
            .map_or(bytes.len(), |i| at + i)
    });
    while let Some(frame) = b.stack.pop() {
        let closer = match (frame.bracketed, frame.start) {
            (true, Some(open)) => props::matching_closer(text.as_bytes(), open, error_line_end),
            _ => None,
        };
        let (end, outer) = (closer.unwrap_or(frame.end).max(frame.end), frame.outer);
        let node = b.close(frame, end);
        b.add(node, Some(outer));
    }
    Run {
        docs: b.docs,
        error,
        too_deep: b.too_deep,
        fast: false,
    }
}

/// The problem of a `|` or `>` starting a value inside `[…]` or `{…}`.
fn in_brackets(c: u8) -> String {
    let c = c as char;
    format!("`{c}` cannot start a value inside `[…]` or `{{…}}`: a `{c}` block is written outside brackets; quote the value")
}

impl Builder<'_> {
    fn event(&mut self, ev: Event<'_>, start: usize, end: usize) {
        match ev {
            Event::DocumentStart(_) => {
                let explicit = self.text.as_bytes().get(start..start + 3) == Some(b"---");
                self.docs.push(Doc {
                    start: if explicit { start } else { usize::MAX },
                    root: None,
                });
            }
            Event::Alias(_) => {
                let name = self.text.get(start..end).unwrap_or("");
                let node = Node {
                    span: Span::new(start, end),
                    value: Value::Alias(name.trim().trim_start_matches('*').to_string()),
                    tag: None,
                    anchor: None,
                };
                self.add(node, Some(start));
            }
            Event::Scalar(value, style, _, _) => self.scalar(value.into_owned(), style, start, end),
            Event::SequenceStart(..) | Event::MappingStart(..) => {
                let map = matches!(ev, Event::MappingStart(..));
                // An empty span stands at the first entry, whose properties are its own.
                let p = if end > start {
                    props::read(self.text, start, end)
                } else {
                    props::Props {
                        content: start,
                        props_end: start,
                        ..props::Props::default()
                    }
                };
                let opener = if map { b'{' } else { b'[' };
                let bracketed = end > start && self.text.as_bytes().get(p.content) == Some(&opener);
                if self.stack.len() >= MAX_DEPTH {
                    self.too_deep = Some(p.content);
                    return;
                }
                let in_flow = self.stack.last().is_some_and(|f| f.in_flow);
                self.stack.push(Frame {
                    map,
                    in_flow: bracketed || in_flow,
                    bracketed,
                    outer: start,
                    // A block collection starts at its first entry (set when it comes).
                    start: bracketed.then_some(p.content),
                    anchor: p.anchor,
                    tag: p.tag,
                    items: Vec::new(),
                    entries: Vec::new(),
                    key: None,
                    end: if bracketed { p.content + 1 } else { p.content },
                });
            }
            Event::SequenceEnd | Event::MappingEnd => {
                if let Some(frame) = self.stack.pop() {
                    let close_end = if frame.bracketed {
                        props::flow_closer(self.text.as_bytes(), frame.end).unwrap_or(end)
                    } else {
                        frame.end
                    };
                    let outer = frame.outer;
                    let node = self.close(frame, close_end);
                    self.add(node, Some(outer));
                }
            }
            Event::DocumentEnd | Event::StreamStart | Event::StreamEnd | Event::Nothing => {}
        }
    }

    fn scalar(&mut self, value: String, style: SStyle, start: usize, end: usize) {
        let b = self.text.as_bytes();
        // saphyr-parser starts a block scalar's event at its properties or its header,
        // or, when something else stands before the header on its line (`key: |`,
        // `- |`) or it is a document's top node, at its first content line: there a
        // leading `&`, `!`, `|` or `>` is content, not a property or the header.
        let header_before = match style {
            SStyle::Literal | SStyle::Folded => props::block_header(b, start),
            _ => None,
        };
        let p = match header_before {
            Some(_) => props::Props {
                content: start,
                props_end: start,
                ..props::Props::default()
            },
            None => props::read(self.text, start, end),
        };
        let span = match style {
            SStyle::Literal | SStyle::Folded => {
                let header = if let Some(h) = header_before {
                    h
                } else if matches!(b.get(p.content), Some(b'|' | b'>')) {
                    p.content
                } else {
                    props::block_header(b, p.content).unwrap_or(p.content)
                };
                // When no header was found, `header` is the content's start: the span
                // starts and ends there, never inside a character (found by the
                // pipeline fuzz target: a 4-byte character after an empty `>` whose
                // header was missed, `k "a: >`; `props::header_on_line` finds it now).
                let header_end = if matches!(b.get(header), Some(b'|' | b'>')) {
                    props::header_end(b, header).min(b.len())
                } else {
                    header
                };
                let mut e = end.max(header_end);
                while e > header_end && props::is_space(b[e - 1]) {
                    e -= 1;
                }
                // An empty one ends at its header: the comment after it is not the
                // scalar's (found by the differential fuzz target: `- | # Empty`).
                if value.bytes().all(|c| c == b'\n') {
                    e = header_end;
                }
                Span::new(header, e)
            }
            SStyle::SingleQuoted | SStyle::DoubleQuoted => {
                let e = props::quoted_end(b, p.content).unwrap_or(end);
                Span::new(p.content, e.max(p.content))
            }
            SStyle::Plain if value.is_empty() => {
                let mut at = p.props_end;
                if at > start {
                    // Right after its properties.
                } else if self.stack.last().is_some_and(|f| !f.in_flow && !f.map) {
                    // An absent list item sits right after its `-`.
                    let dash = if b.get(at) == Some(&b'-') {
                        Some(at)
                    } else {
                        indicator_before(b, at, b'-')
                    };
                    at = dash.map_or(at, |d| d + 1);
                } else if let Some(f) = self.stack.last().filter(|f| f.map) {
                    if f.key.is_some() && !f.in_flow && is_value_colon(b, at, false) {
                        at += 1;
                    } else if f.key.is_none() {
                        // An absent explicit key sits right after its `?`.
                        if let Some(q) = indicator_before(b, at, b'?').filter(|&q| q >= f.end) {
                            at = q + 1;
                        }
                    }
                }
                Span::at(at)
            }
            SStyle::Plain => {
                // YAML starts no plain scalar with `|` or `>`; outside brackets they
                // start a block scalar, inside them nothing, and libyaml and yaml-edit
                // refuse it where saphyr-parser reads a plain scalar (found by the
                // differential fuzz target: `{hr: 66, !scalar2 >65…}`).
                if let Some(&c @ (b'|' | b'>')) = b.get(p.content) {
                    if self.stack.last().is_some_and(|f| f.in_flow) {
                        self.refused = Some((p.content, in_brackets(c)));
                        return;
                    }
                }
                let mut e = end;
                while e > p.content && props::is_space(b[e - 1]) {
                    e -= 1;
                }
                Span::new(p.content, e)
            }
        };
        let style = match style {
            SStyle::Plain => ScalarStyle::Plain,
            SStyle::SingleQuoted => ScalarStyle::SingleQuoted,
            SStyle::DoubleQuoted => ScalarStyle::DoubleQuoted,
            SStyle::Literal => ScalarStyle::Literal,
            SStyle::Folded => ScalarStyle::Folded,
        };
        let kind = match (&p.tag, style) {
            (Some(tag), _) => resolve_tagged(tag, &value, style),
            (None, ScalarStyle::Plain) => resolve_plain(&value),
            (None, _) => ScalarKind::String,
        };
        let outer = start.min(span.start);
        let node = Node {
            span,
            value: Value::Scalar(Scalar {
                text: value,
                style,
                kind,
            }),
            tag: p.tag,
            anchor: p.anchor,
        };
        self.add(node, Some(outer));
    }

    /// The node of a closed collection ending at `end`.
    fn close(&mut self, f: Frame, end: usize) -> Node {
        let start = f.start.unwrap_or(end);
        let mut end = end;
        let value = if f.map {
            let mut entries = f.entries;
            // A key left without its value (cut short by an error): its entry is the
            // mapping's last, which ends with it.
            if let Some((key, at)) = f.key {
                end = end.max(key.span.end);
                let value = Node::null_at(key.span.end);
                let span = Span::new(at.min(key.span.start), key.span.end);
                entries.push(Entry { key, value, span });
            }
            Value::Mapping(Mapping {
                entries,
                flow: f.bracketed,
            })
        } else {
            Value::Sequence(Sequence {
                items: f.items,
                flow: f.bracketed,
            })
        };
        Node {
            span: Span::new(start, end.max(start)),
            value,
            tag: f.tag,
            anchor: f.anchor,
        }
    }

    /// Puts a finished node into the open collection (or makes it the document's
    /// content); `outer` is where it starts with its properties.
    fn add(&mut self, mut node: Node, outer: Option<usize>) {
        let b = self.text.as_bytes();
        let outer = outer.unwrap_or(node.span.start).min(node.span.start);
        // The first key of a mapping that is itself a key waiting for its parent
        // (`? earth: blue`): the `?` before it is the parent's.
        let depth = self.stack.len();
        let parent_awaits_key =
            depth >= 2 && self.stack[depth - 2].map && self.stack[depth - 2].key.is_none();
        let Some(f) = self.stack.last_mut() else {
            let empty = node.span.is_empty()
                && node.tag.is_none()
                && node.anchor.is_none()
                && matches!(&node.value, Value::Scalar(s) if s.text.is_empty() && s.style == ScalarStyle::Plain);
            if let Some(doc) = self.docs.last_mut() {
                if doc.root.is_none() && !empty {
                    doc.start = doc.start.min(node.span.start);
                    doc.root = Some(node);
                }
            }
            return;
        };
        if f.map {
            match f.key.take() {
                None => {
                    // An explicit key starts its entry at its `?`.
                    // Not inside the previous entry (a block scalar's last line `?`).
                    let question = indicator_before(b, outer, b'?').filter(|&q| q >= f.end);
                    let question = if f.start.is_none() && parent_awaits_key {
                        // The parent's `?`, unless another stands before it (`? ? a`:
                        // the second one is this mapping's).
                        question.filter(|&q| indicator_before(b, q, b'?').is_some())
                    } else {
                        question
                    };
                    let at = question.unwrap_or(outer);
                    f.start.get_or_insert(at);
                    f.key = Some((node, at));
                }
                Some((key, at)) => {
                    let absent = node.span.is_empty()
                        && node.is_null()
                        && node.tag.is_none()
                        && node.anchor.is_none();
                    if absent {
                        // `key:` with nothing after it: the null sits after the colon
                        // (not after a `:` that starts the next key, `:x:`).
                        let p = props::skip_trivia(b, key.span.end, b.len());
                        // On a later line, a block entry's `:` stands under its `?`;
                        // one elsewhere is an outer mapping's (`? - a\n  : ? b\n: c`).
                        let same_line = !b[key.span.end..p].contains(&b'\n');
                        let aligned = f.in_flow || same_line || column(b, p) == column(b, at);
                        node.span = Span::at(if aligned && is_value_colon(b, p, f.in_flow) {
                            p + 1
                        } else {
                            key.span.end
                        });
                    }
                    let span = Span::new(at.min(key.span.start), node.span.end.max(key.span.end));
                    f.end = span.end;
                    f.entries.push(Entry {
                        key,
                        value: node,
                        span,
                    });
                }
            }
        } else {
            if f.start.is_none() {
                // A block list starts at its first `-`.
                let dash = if f.in_flow {
                    None
                } else {
                    indicator_before(b, outer, b'-')
                };
                f.start = Some(dash.unwrap_or(outer));
            }
            f.end = node.span.end;
            f.items.push(node);
        }
    }
}

/// The column of `at` (bytes since its line's start).
fn column(b: &[u8], at: usize) -> usize {
    at - b[..at]
        .iter()
        .rposition(|&c| c == b'\n' || c == b'\r')
        .map_or(0, |i| i + 1)
}

/// Whether a `:` at `p` is a value indicator: followed by a space, a line break or
/// the end (in a flow collection also by `,` `]` `}`, or right after a key's quote),
/// not the first character of a plain key (`:x`).
fn is_value_colon(b: &[u8], p: usize, in_flow: bool) -> bool {
    if b.get(p) != Some(&b':') {
        return false;
    }
    match b.get(p + 1) {
        None => true,
        Some(&c) if props::is_space(c) => true,
        Some(b',' | b']' | b'}') => in_flow,
        _ => in_flow && p > 0 && matches!(b[p - 1], b'"' | b'\'' | b']' | b'}'),
    }
}

/// The offset of the `indicator` (`-`, `?`) that stands before `at`, past spaces,
/// line breaks (`\n`, `\r\n` or a lone `\r`) and comments, if there is one.
fn indicator_before(b: &[u8], at: usize, indicator: u8) -> Option<usize> {
    let is_break = |c: u8| c == b'\n' || c == b'\r';
    let line_start = |mut i: usize| {
        while i > 0 && !is_break(b[i - 1]) {
            i -= 1;
        }
        i
    };
    let comment_in = |start: usize, end: usize| {
        (start..end).find(|&i| b[i] == b'#' && (i == start || matches!(b[i - 1], b' ' | b'\t')))
    };
    let mut p = at.min(b.len());
    // A comment before `at` on its own line.
    if let Some(c) = comment_in(line_start(p), p) {
        p = c;
    }
    loop {
        while p > 0 && matches!(b[p - 1], b' ' | b'\t') {
            p -= 1;
        }
        if p == 0 || !is_break(b[p - 1]) {
            break;
        }
        // The line above, without its comment if it has one. A lone `\r` ends a line
        // too (found by the differential fuzz target: `-\r#c\n  a:` lost the `-`).
        let mut end = p - 1;
        if b[end] == b'\n' && end > 0 && b[end - 1] == b'\r' {
            end -= 1;
        }
        p = comment_in(line_start(end), end).unwrap_or(end);
    }
    let i = p.checked_sub(1)?;
    // An indicator stands apart: `b?` or `800-` ending the line above is content.
    let apart = i == 0 || props::is_space(b[i - 1]) || props::after_bom(b, i);
    (apart && b[i] == indicator && b.get(i + 1).is_none_or(|&c| props::is_space(c))).then_some(i)
}
