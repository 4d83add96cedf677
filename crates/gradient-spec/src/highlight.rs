//! Syntax colours for the editor, computed one line at a time.
//!
//! The editor draws colours for the visible lines only (a keystroke on a 5,000-line
//! spec must stay under a frame), so colouring is line-local: [`highlight_line`]
//! costs time proportional to its line and carries a small [`LineState`] to the next
//! line for what spans lines (block scalars, quoted strings, flow collections).
//! [`state_at`] finds the state at any line by looking back a bounded number of
//! lines, and [`highlight_lines`] puts the two together for a window of lines.

use crate::text::{line_end_at, line_start_at, line_text};
use crate::yaml::{resolve_plain, ScalarKind};

/// What a coloured range of a line is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum TokenClass {
    Key,
    /// A quoted string.
    String,
    Number,
    Bool,
    Null,
    Comment,
    /// `:`, `-`, `?`, `[`, `]`, `{`, `}`, `,` and block scalar headers (`|`, `>-`).
    Punctuation,
    /// `&anchor` or `*alias`.
    Anchor,
    /// `!tag`.
    Tag,
    /// `---`, `...` and `%` directives at the start of a line.
    DocumentMarker,
    /// An unquoted string value.
    Plain,
    /// A content line of a `|` or `>` block scalar.
    BlockScalar,
}

/// A byte range `[start, end)` of one line (line-relative, never covering the line
/// break) and its class.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub struct Token {
    pub start: usize,
    pub end: usize,
    pub class: TokenClass,
}

/// What an earlier line left open, carried to the next line.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Default)]
pub enum LineState {
    #[default]
    Normal,
    /// Inside `depth` unclosed flow brackets (`[`, `{`).
    Flow { depth: u32 },
    /// Inside a quoted string begun on an earlier line, `depth` flow brackets deep.
    Quoted { double: bool, depth: u32 },
    /// Inside a block scalar: its content lines are indented more than `parent`.
    BlockScalar { parent: u32 },
}

/// How far [`state_at`] looks back before it assumes a fresh start.
pub const LOOKBACK_LINES: usize = 200;

/// The state at the start of `line` without scanning the whole document (see
/// [`state_before`]); `Normal` past the last line.
pub fn state_at(text: &str, line_starts: &[usize], line: usize) -> LineState {
    match line_starts.get(line) {
        Some(&start) => state_before(text, start),
        None => LineState::Normal,
    }
}

/// The state at the start of the line holding byte `offset` (clamped), found by
/// looking back at most [`LOOKBACK_LINES`] lines.
///
/// A line inside a block scalar, a quoted string or a flow collection is always
/// more indented than the line that opened it, so a fresh start is safe on the least
/// indented line of the look-back window; from there the lines are coloured forward.
/// Beyond the window it falls back to `Normal`.
pub fn state_before(text: &str, offset: usize) -> LineState {
    let mut lines = Vec::new();
    let mut end = line_start_at(text, offset);
    while end > 0 && lines.len() < LOOKBACK_LINES {
        // `end` starts a line: the one before it ends at its line break.
        let begin = line_start_at(text, end - 1);
        lines.push(&text[begin..line_end_at(text, begin)]);
        end = begin;
    }
    let mut start = None;
    let mut least = usize::MAX;
    for (i, s) in lines.iter().enumerate() {
        if s.trim().is_empty() {
            continue;
        }
        let indent = s.bytes().take_while(|&b| b == b' ').count();
        if indent < least {
            least = indent;
            start = Some(i);
            if indent == 0 {
                break;
            }
        }
    }
    let Some(start) = start else {
        return LineState::Normal;
    };
    let mut state = LineState::Normal;
    for line in lines[..=start].iter().rev() {
        state = highlight_line(line, state).1;
    }
    state
}

/// The tokens of lines `first..first + count` of `text` (line-relative offsets), for
/// the visible window of the editor.
pub fn highlight_lines(
    text: &str,
    line_starts: &[usize],
    first: usize,
    count: usize,
) -> Vec<Vec<Token>> {
    let mut state = state_at(text, line_starts, first);
    let end = first.saturating_add(count).min(line_starts.len());
    let mut out = Vec::with_capacity(end.saturating_sub(first));
    for l in first..end {
        let (tokens, next) = highlight_line(line_text(text, line_starts, l), state);
        out.push(tokens);
        state = next;
    }
    out
}

/// The tokens of one line (a trailing `\n` or `\r\n` is ignored) and the state the
/// next line starts in.
pub fn highlight_line(line: &str, state: LineState) -> (Vec<Token>, LineState) {
    // Byte tests: `strip_suffix(char)` costs a `memcmp` call per line.
    let b = line.as_bytes();
    let mut end = b.len();
    if end > 0 && b[end - 1] == b'\n' {
        end -= 1;
    }
    if end > 0 && b[end - 1] == b'\r' {
        end -= 1;
    }
    let line = &line[..end];
    let mut scan = Scan {
        b: line.as_bytes(),
        pos: 0,
        depth: 0,
        parent: 0,
        out: Vec::new(),
    };
    let next = scan.line(state);
    (scan.out, next)
}

fn is_ws(b: u8) -> bool {
    b == b' ' || b == b'\t'
}

fn is_flow_indicator(b: u8) -> bool {
    matches!(b, b',' | b'[' | b']' | b'{' | b'}')
}

/// A cursor over one line's bytes. Every token boundary is at an ASCII byte or the
/// end of the line, so tokens always fall on character boundaries.
struct Scan<'a> {
    b: &'a [u8],
    pos: usize,
    /// Unclosed flow brackets.
    depth: u32,
    /// Column of the latest key or `-` on this line: a block scalar's content must
    /// be indented more than it.
    parent: usize,
    out: Vec<Token>,
}

impl Scan<'_> {
    fn at(&self, i: usize) -> Option<u8> {
        self.b.get(i).copied()
    }
    /// True when the byte after `i` ends a token in the current context.
    fn ends_after(&self, i: usize) -> bool {
        match self.at(i + 1) {
            None => true,
            Some(c) => is_ws(c) || (self.depth > 0 && is_flow_indicator(c)),
        }
    }
    fn push(&mut self, start: usize, end: usize, class: TokenClass) {
        if start < end {
            self.out.push(Token { start, end, class });
        }
    }
    fn indent(&self) -> usize {
        self.b.iter().take_while(|&&c| c == b' ').count()
    }

    fn line(&mut self, state: LineState) -> LineState {
        match state {
            LineState::Normal => {}
            LineState::Flow { depth } => self.depth = depth,
            LineState::Quoted { double, depth } => {
                self.depth = depth;
                self.pos = self.indent();
                if self.pos >= self.b.len() {
                    return state;
                }
                let start = self.pos;
                if !self.quoted_rest(double) {
                    self.push(start, self.b.len(), TokenClass::String);
                    return state;
                }
                self.push(start, self.pos, TokenClass::String);
                self.key_after(self.out.len() - 1);
            }
            LineState::BlockScalar { parent } => {
                let indent = self.indent();
                if indent == self.b.len() {
                    return state;
                }
                if indent > parent as usize {
                    let start = indent + self.b[indent..].iter().take_while(|&&c| is_ws(c)).count();
                    self.push(start, self.b.len(), TokenClass::BlockScalar);
                    return state;
                }
            }
        }
        if self.pos == 0 {
            self.pos = self.indent();
            self.parent = self.pos;
            if self.pos == 0 && self.depth == 0 && self.document_marker() {
                return LineState::Normal;
            }
        }
        self.rest()
    }

    /// `---`/`...` (then the rest of the line) or a `%` directive (the whole line).
    /// Returns true when the line is done.
    fn document_marker(&mut self) -> bool {
        if self.b.first() == Some(&b'%') {
            self.push(0, self.b.len(), TokenClass::DocumentMarker);
            return true;
        }
        if (self.b.starts_with(b"---") || self.b.starts_with(b"...")) && self.ends_after(2) {
            self.push(0, 3, TokenClass::DocumentMarker);
            self.pos = 3;
        }
        false
    }

    /// Colours from `pos` to the end of the line; returns the next line's state.
    fn rest(&mut self) -> LineState {
        loop {
            while self.at(self.pos).is_some_and(is_ws) {
                self.pos += 1;
            }
            let Some(c) = self.at(self.pos) else {
                break;
            };
            let start = self.pos;
            match c {
                b'#' if start == 0 || is_ws(self.b[start - 1]) => {
                    self.push(start, self.b.len(), TokenClass::Comment);
                    break;
                }
                b'-' | b'?' | b':' if self.ends_after(start) => {
                    if c == b'-' && self.depth == 0 {
                        self.parent = start;
                    }
                    self.pos += 1;
                    self.push(start, self.pos, TokenClass::Punctuation);
                }
                b'[' | b'{' => {
                    self.depth = self.depth.saturating_add(1);
                    self.pos += 1;
                    self.push(start, self.pos, TokenClass::Punctuation);
                }
                b']' | b'}' | b',' if self.depth > 0 || c != b',' => {
                    if c != b',' {
                        self.depth = self.depth.saturating_sub(1);
                    }
                    self.pos += 1;
                    self.push(start, self.pos, TokenClass::Punctuation);
                }
                b'&' | b'*' | b'!' => {
                    self.pos += 1;
                    while !self.ends_after(self.pos - 1) {
                        self.pos += 1;
                    }
                    let class = if c == b'!' {
                        TokenClass::Tag
                    } else {
                        TokenClass::Anchor
                    };
                    self.push(start, self.pos, class);
                }
                b'"' | b'\'' => {
                    self.pos += 1;
                    let double = c == b'"';
                    if !self.quoted_rest(double) {
                        self.push(start, self.b.len(), TokenClass::String);
                        let depth = self.depth;
                        return LineState::Quoted { double, depth };
                    }
                    self.push(start, self.pos, TokenClass::String);
                    self.key_after(self.out.len() - 1);
                }
                b'|' | b'>' if self.depth == 0 => {
                    if let Some(state) = self.block_header() {
                        return state;
                    }
                    self.plain();
                }
                _ => self.plain(),
            }
        }
        match self.depth {
            0 => LineState::Normal,
            depth => LineState::Flow { depth },
        }
    }

    /// Moves past the closing quote; false when the line ends first.
    fn quoted_rest(&mut self, double: bool) -> bool {
        let quote = if double { b'"' } else { b'\'' };
        while let Some(c) = self.at(self.pos) {
            self.pos += 1;
            if double && c == b'\\' {
                self.pos += usize::from(self.pos < self.b.len());
            } else if c == quote {
                if !double && self.at(self.pos) == Some(b'\'') {
                    self.pos += 1;
                } else {
                    return true;
                }
            }
        }
        false
    }

    /// Makes token `i` a key when a `:` indicator follows it.
    fn key_after(&mut self, i: usize) {
        let mut j = self.pos;
        while self.at(j).is_some_and(is_ws) {
            j += 1;
        }
        // In flow context a quoted key may be followed by `:` directly (`{"a":1}`).
        let adjacent = self.depth > 0 && j == self.pos;
        if self.at(j) == Some(b':') && (adjacent || self.ends_after(j)) {
            self.out[i].class = TokenClass::Key;
            self.parent = self.out[i].start;
        }
    }

    /// A `|` or `>` header with its indicators; `None` when it is not one.
    fn block_header(&mut self) -> Option<LineState> {
        let start = self.pos;
        let mut end = start + 1;
        while end - start < 3
            && self
                .at(end)
                .is_some_and(|c| c == b'+' || c == b'-' || c.is_ascii_digit())
        {
            end += 1;
        }
        if !self.at(end).is_none_or(is_ws) {
            return None;
        }
        self.push(start, end, TokenClass::Punctuation);
        self.pos = end;
        let parent = self.parent as u32;
        self.rest();
        Some(LineState::BlockScalar { parent })
    }

    /// An unquoted scalar: a key when `:` and a space follow, else a typed value.
    fn plain(&mut self) {
        let start = self.pos;
        let mut i = start + 1;
        let mut is_key = false;
        while let Some(c) = self.at(i) {
            if c == b'#' && is_ws(self.b[i - 1]) {
                break;
            }
            if c == b':' && self.ends_after(i) {
                is_key = true;
                break;
            }
            if self.depth > 0 && is_flow_indicator(c) {
                break;
            }
            i += 1;
        }
        let mut end = i;
        while end > start && is_ws(self.b[end - 1]) {
            end -= 1;
        }
        self.pos = i;
        let class = if is_key {
            self.parent = start;
            TokenClass::Key
        } else {
            // Ends are at ASCII bytes, so this slice is always valid.
            match std::str::from_utf8(&self.b[start..end]).map(resolve_plain) {
                Ok(ScalarKind::Null) => TokenClass::Null,
                Ok(ScalarKind::Bool(_)) => TokenClass::Bool,
                Ok(ScalarKind::Int(_) | ScalarKind::Float(_)) => TokenClass::Number,
                _ => TokenClass::Plain,
            }
        };
        self.push(start, end, class);
    }
}
