//! Builds the spanned [`Node`] tree from JSON(C) tokens, with every problem located
//! and told in JSON words. Error-tolerant like the YAML layer: what parses is still
//! checked, an unclosed `{` is reported at the opener.

use super::lex::{Tok, Token};
use crate::diag::{Diagnostic, Severity, Span};
use crate::rules::RuleId;
use crate::text::LineIndex;
use crate::yaml::{
    Entry, Mapping, Node, Scalar, ScalarKind, ScalarStyle, Sequence, Value, MAX_DEPTH,
};

pub(crate) struct Parser<'a> {
    text: &'a str,
    toks: Vec<&'a Token>,
    pos: usize,
    jsonc: bool,
    pub diags: Vec<Diagnostic>,
    /// Where collections first nest deeper than [`MAX_DEPTH`].
    pub too_deep: Option<usize>,
    lines: Option<LineIndex>,
}

fn syntax(span: Span, message: impl Into<String>) -> Diagnostic {
    Diagnostic::new(RuleId::YamlSyntax, Severity::Error, span, "", message)
}

fn node(span: Span, value: Value) -> Node {
    Node {
        span,
        value,
        tag: None,
        anchor: None,
    }
}

fn scalar(span: Span, text: String, style: ScalarStyle, kind: ScalarKind) -> Node {
    node(span, Value::Scalar(Scalar { text, style, kind }))
}

/// What a token is called in messages.
fn shown(text: &str, t: &Token) -> String {
    let s = t.span.slice(text);
    let s: String = s.chars().take(30).collect();
    format!("`{s}`")
}

impl<'a> Parser<'a> {
    pub(super) fn new(text: &'a str, tokens: &'a [Token], jsonc: bool) -> Self {
        Parser {
            text,
            toks: tokens.iter().filter(|t| !t.is_comment()).collect(),
            pos: 0,
            jsonc,
            diags: Vec::new(),
            too_deep: None,
            lines: None,
        }
    }

    fn peek(&self) -> Option<&'a Token> {
        self.toks.get(self.pos).copied()
    }

    fn line_of(&mut self, at: usize) -> usize {
        self.lines
            .get_or_insert_with(|| LineIndex::new(self.text))
            .position(at)
            .line
    }

    fn error(&mut self, span: Span, message: impl Into<String>) {
        self.diags.push(syntax(span, message));
    }

    /// The whole document: one value, then nothing but comments.
    pub(super) fn document(&mut self) -> Option<Node> {
        if self.peek().is_none() {
            let end = self.text.len();
            self.error(
                Span::new(0, end.min(1)).min_end(self.text),
                "the document is empty: a JSON spec is one object, `{ … }`",
            );
            return None;
        }
        let root = self.value(0);
        if self.too_deep.is_some() {
            return None;
        }
        if let (Some(_), Some(extra)) = (&root, self.peek()) {
            let what = shown(self.text, extra);
            self.error(
                extra.span,
                format!("{what} after the end of the JSON value: a JSON file holds one value (is a `,` or a bracket misplaced?)"),
            );
        }
        root
    }

    /// One value; `None` (with an error) when the next token cannot start one.
    fn value(&mut self, depth: usize) -> Option<Node> {
        let Some(t) = self.peek() else {
            let end = self.text.trim_end().len();
            self.error(
                Span::new(end.saturating_sub(1), end).min_end(self.text),
                "a value is missing before the end of the document",
            );
            return None;
        };
        match &t.tok {
            Tok::LBrace | Tok::LBracket => {
                if depth >= MAX_DEPTH {
                    self.too_deep.get_or_insert(t.span.start);
                    self.pos = self.toks.len();
                    return None;
                }
                Some(if t.tok == Tok::LBrace {
                    self.object(t, depth)
                } else {
                    self.array(t, depth)
                })
            }
            Tok::Str { .. } => {
                self.pos += 1;
                Some(self.string(t, false))
            }
            Tok::Num { valid } => {
                self.pos += 1;
                let raw = t.span.slice(self.text).to_string();
                if !valid {
                    self.error(
                        t.span,
                        format!("`{raw}` is not a JSON number: JSON numbers have no `+`, no leading zeros, no hexadecimal and digits on both sides of a `.` (write a string in double quotes for text)"),
                    );
                    return Some(scalar(t.span, raw, ScalarStyle::Plain, ScalarKind::String));
                }
                Some(scalar(
                    t.span,
                    raw.clone(),
                    ScalarStyle::Plain,
                    number_kind(&raw),
                ))
            }
            Tok::Word => {
                self.pos += 1;
                let raw = t.span.slice(self.text).to_string();
                let kind = match raw.as_str() {
                    "true" => ScalarKind::Bool(true),
                    "false" => ScalarKind::Bool(false),
                    "null" => ScalarKind::Null,
                    _ => {
                        self.error(
                            t.span,
                            format!("`{raw}` is not a JSON value: write a string in double quotes (`\"{raw}\"`); the only bare words are true, false and null"),
                        );
                        ScalarKind::String
                    }
                };
                Some(scalar(t.span, raw, ScalarStyle::Plain, kind))
            }
            Tok::Other(c) => {
                self.pos += 1;
                let msg = format!("`{c}` cannot start a JSON value");
                self.error(t.span, msg);
                None
            }
            _ => {
                let what = shown(self.text, t);
                self.error(t.span, format!("a value is missing before {what}"));
                None
            }
        }
    }

    /// A string token as a node; `key` changes the words of the single-quote message.
    fn string(&mut self, t: &Token, key: bool) -> Node {
        let Tok::Str {
            value,
            single,
            closed,
        } = &t.tok
        else {
            return Node::null_at(t.span.start);
        };
        if !closed {
            let q = if *single { '\'' } else { '"' };
            self.error(
                Span::new(t.span.start, t.span.start + 1),
                format!("`{q}` is never closed: the string that starts here needs a closing `{q}` before the end of its line"),
            );
        } else if *single {
            let what = if key { "keys" } else { "strings" };
            self.error(
                t.span,
                format!("JSON {what} use double quotes: write `\"{value}\"`, not `'{value}'`"),
            );
        }
        let style = if *single {
            ScalarStyle::SingleQuoted
        } else {
            ScalarStyle::DoubleQuoted
        };
        scalar(t.span, value.clone(), style, ScalarKind::String)
    }

    /// After a `,`: a closer right after it is a trailing comma (JSONC allows it).
    fn after_comma(&mut self, comma: &Token, closer: Tok, what: &str) {
        if self.peek().is_some_and(|t| t.tok == closer) && !self.jsonc {
            let c = if closer == Tok::RBrace { '}' } else { ']' };
            self.error(
                comma.span,
                format!("a trailing comma is not allowed in JSON: remove the `,` after the last {what} before `{c}` (or name the file .jsonc)"),
            );
        }
    }

    /// The end of an unclosed collection: its last token read.
    fn unclosed(
        &mut self,
        open: &Token,
        what: &str,
        closer: char,
        before: Option<&Token>,
    ) -> usize {
        let end = match before {
            Some(t) => {
                let line = self.line_of(t.span.start);
                format!("before line {line}")
            }
            None => "before the end of the document".to_string(),
        };
        let opener = if closer == '}' { '{' } else { '[' };
        self.error(
            Span::new(open.span.start, open.span.start + 1),
            format!("`{opener}` is never closed: {what} that starts here needs a closing `{closer}` {end}"),
        );
        self.toks[..self.pos]
            .last()
            .map_or(open.span.end, |t| t.span.end)
    }

    fn object(&mut self, open: &'a Token, depth: usize) -> Node {
        self.pos += 1;
        let mut entries = Vec::new();
        let end;
        loop {
            let Some(t) = self.peek() else {
                end = self.unclosed(open, "the object", '}', None);
                break;
            };
            match &t.tok {
                Tok::RBrace => {
                    self.pos += 1;
                    end = t.span.end;
                    break;
                }
                Tok::RBracket => {
                    end = self.unclosed(open, "the object", '}', Some(t));
                    break;
                }
                Tok::Comma => {
                    self.pos += 1;
                    self.error(t.span, "a `,` with no entry before it");
                    continue;
                }
                Tok::Str { .. } | Tok::Word | Tok::Num { .. } => {}
                _ => {
                    let what = shown(self.text, t);
                    self.error(
                        t.span,
                        format!("a key (a string in double quotes) is expected here, not {what}"),
                    );
                    self.pos += 1;
                    continue;
                }
            }
            self.pos += 1;
            let key = match &t.tok {
                Tok::Str { .. } => self.string(t, true),
                _ => {
                    let raw = t.span.slice(self.text).to_string();
                    self.error(
                        t.span,
                        format!("JSON keys are strings in double quotes: write `\"{raw}\"`"),
                    );
                    scalar(t.span, raw, ScalarStyle::Plain, ScalarKind::String)
                }
            };
            let value = match self.peek().map(|t| &t.tok) {
                Some(Tok::Colon) => {
                    let colon = self.peek().map_or(key.span.end, |c| c.span.end);
                    self.pos += 1;
                    match self.peek().map(|t| &t.tok) {
                        Some(Tok::RBrace | Tok::Comma) | None => {
                            let msg = "a value is missing after the `:`";
                            self.error(Span::new(colon - 1, colon), msg);
                            Node::null_at(colon)
                        }
                        _ => self
                            .value(depth + 1)
                            .unwrap_or_else(|| Node::null_at(colon)),
                    }
                }
                _ => {
                    let k = key.span.slice(self.text).to_string();
                    self.error(key.span, format!("a `:` is missing after the key {k}"));
                    match self.peek().map(|t| &t.tok) {
                        Some(
                            Tok::Str { .. }
                            | Tok::Num { .. }
                            | Tok::Word
                            | Tok::LBrace
                            | Tok::LBracket,
                        ) if !self.next_is_key() => self
                            .value(depth + 1)
                            .unwrap_or_else(|| Node::null_at(key.span.end)),
                        _ => Node::null_at(key.span.end),
                    }
                }
            };
            if self.too_deep.is_some() {
                return Node::null_at(open.span.start);
            }
            let span = Span::new(key.span.start, value.span.end.max(key.span.end));
            entries.push(Entry { key, value, span });
            match self.peek() {
                Some(c) if c.tok == Tok::Comma => {
                    self.pos += 1;
                    self.after_comma(c, Tok::RBrace, "entry");
                }
                Some(c) if matches!(c.tok, Tok::RBrace | Tok::RBracket) => {}
                None => {}
                Some(c) => {
                    let what = shown(self.text, c);
                    self.error(
                        c.span,
                        format!("a `,` is missing before {what}: entries of a JSON object are separated by commas"),
                    );
                }
            }
        }
        node(
            Span::new(open.span.start, end.max(open.span.end)),
            Value::Mapping(Mapping {
                entries,
                flow: true,
            }),
        )
    }

    /// Whether the next tokens read `key :` (a new entry, not this one's value).
    fn next_is_key(&self) -> bool {
        matches!(
            self.toks.get(self.pos + 1).map(|t| &t.tok),
            Some(Tok::Colon)
        )
    }

    fn array(&mut self, open: &'a Token, depth: usize) -> Node {
        self.pos += 1;
        let mut items = Vec::new();
        let end;
        loop {
            let Some(t) = self.peek() else {
                end = self.unclosed(open, "the list", ']', None);
                break;
            };
            match &t.tok {
                Tok::RBracket => {
                    self.pos += 1;
                    end = t.span.end;
                    break;
                }
                Tok::RBrace => {
                    end = self.unclosed(open, "the list", ']', Some(t));
                    break;
                }
                Tok::Comma => {
                    self.pos += 1;
                    self.error(t.span, "a `,` with no item before it");
                    continue;
                }
                _ => {}
            }
            let before = self.pos;
            if let Some(v) = self.value(depth + 1) {
                items.push(v);
            }
            if self.too_deep.is_some() {
                return Node::null_at(open.span.start);
            }
            if self.pos == before {
                self.pos += 1;
            }
            match self.peek() {
                Some(c) if c.tok == Tok::Comma => {
                    self.pos += 1;
                    self.after_comma(c, Tok::RBracket, "item");
                }
                Some(c) if matches!(c.tok, Tok::RBrace | Tok::RBracket) => {}
                None => {}
                Some(c) => {
                    let what = shown(self.text, c);
                    self.error(
                        c.span,
                        format!("a `,` is missing before {what}: items of a JSON list are separated by commas"),
                    );
                }
            }
        }
        node(
            Span::new(open.span.start, end.max(open.span.end)),
            Value::Sequence(Sequence { items, flow: true }),
        )
    }
}

/// The type of a valid JSON number: an integer when it has no fraction or exponent and
/// fits 64 bits, else a float.
pub(crate) fn number_kind(raw: &str) -> ScalarKind {
    if !raw.contains(['.', 'e', 'E']) {
        if let Ok(i) = raw.parse::<i64>() {
            return ScalarKind::Int(i);
        }
    }
    ScalarKind::Float(raw.parse::<f64>().unwrap_or(f64::NAN))
}

trait MinEnd {
    fn min_end(self, text: &str) -> Span;
}

impl MinEnd for Span {
    /// Keeps the span on character boundaries of `text`.
    fn min_end(self, text: &str) -> Span {
        let mut end = self.end.min(text.len());
        while !text.is_char_boundary(end) {
            end += 1;
        }
        let mut start = self.start.min(end);
        while !text.is_char_boundary(start) {
            start -= 1;
        }
        Span::new(start, end)
    }
}
