//! Finds quotes and flow collections that are never closed (`command: [python, app.py`
//! followed by more keys), and the insertions that would close them.
//!
//! yaml-edit reports such an opener far below it and lets it swallow the lines after
//! it. This scan reports it at the opener instead, and its insertions give a repaired
//! text in which the rest of the document parses (see `repair.rs`).
//!
//! A flow collection or quoted scalar in block context ends, at the latest, before the
//! next line that is indented no more than the line it starts on and that looks like a
//! new entry (`key: …`, `- …`, `? …`), or a document marker; at the top level, only a
//! document marker or the end of the text ends it. It is a heuristic for broken
//! documents: callers only consult it when the parser already found an error.
//! It is linear in the text and never panics (all indexing is by `get`).

/// What was left open.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Opener {
    List,
    Map,
    DoubleQuote,
    SingleQuote,
}

impl Opener {
    pub(crate) fn closer(self) -> &'static str {
        match self {
            Opener::List => "]",
            Opener::Map => "}",
            Opener::DoubleQuote => "\"",
            Opener::SingleQuote => "'",
        }
    }
    pub(crate) fn opener(self) -> &'static str {
        match self {
            Opener::List => "[",
            Opener::Map => "{",
            Opener::DoubleQuote => "\"",
            Opener::SingleQuote => "'",
        }
    }
}

/// An opener that is never closed.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Unclosed {
    /// Byte offset of the opener.
    pub at: usize,
    pub opener: Opener,
    /// Offset of the line that ends it (a new entry), or `None` for the end of the text.
    pub ended_by: Option<usize>,
}

/// The scan's result: what is unclosed, and the insertions (offset, text), in offset
/// order, that close it.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub(crate) struct Scan {
    pub unclosed: Vec<Unclosed>,
    pub insertions: Vec<(usize, String)>,
}

pub(crate) fn scan(text: &str) -> Scan {
    let mut s = Scanner {
        b: text.as_bytes(),
        out: Scan::default(),
    };
    s.run();
    s.out
}

struct Scanner<'a> {
    b: &'a [u8],
    out: Scan,
}

/// How a block line ended, which decides how the next lines are read.
enum LineEnd {
    Done,
    /// Inside a plain scalar that may continue on more indented lines.
    Plain,
    /// After a `|` or `>` header: more indented lines are its content.
    BlockScalar,
    /// An unclosed opener ended at this line start: resume there.
    Resume(usize),
}

/// Where a flow collection or quoted scalar ended.
enum End {
    /// Closed; the offset after its closer.
    Closed(usize),
    /// Unclosed; scanning resumes at this line start (the text's end for `len`).
    Open(usize),
}

fn is_ws(c: u8) -> bool {
    c == b' ' || c == b'\t'
}

impl Scanner<'_> {
    fn at(&self, p: usize) -> u8 {
        self.b.get(p).copied().unwrap_or(b'\n')
    }
    fn len(&self) -> usize {
        self.b.len()
    }
    /// A space, tab, line break or the end of the text at `p`.
    fn sep(&self, p: usize) -> bool {
        matches!(self.at(p), b' ' | b'\t' | b'\n' | b'\r')
    }
    fn line_end(&self, p: usize) -> usize {
        self.b
            .get(p..)
            .and_then(|rest| rest.iter().position(|&c| c == b'\n'))
            .map_or(self.len(), |i| p + i)
    }
    fn indent(&self, line_start: usize) -> usize {
        self.b
            .get(line_start..)
            .map_or(0, |rest| rest.iter().take_while(|&&c| c == b' ').count())
    }
    /// The first offset at or after `p` on the line that is not a space or tab.
    fn skip_ws(&self, mut p: usize) -> usize {
        while p < self.len() && is_ws(self.at(p)) {
            p += 1;
        }
        p
    }
    fn is_blank_line(&self, line_start: usize) -> bool {
        let p = self.skip_ws(line_start);
        matches!(self.at(p), b'\n' | b'\r') || p >= self.len()
    }
    fn is_doc_marker(&self, line_start: usize) -> bool {
        let head = self.b.get(line_start..line_start + 3);
        (head == Some(b"---") || head == Some(b"...")) && self.sep(line_start + 3)
    }
    /// Whether the line at `line_start` reads as a new block entry (`key: …`, `- …`,
    /// `? …`) rather than as the continuation of a flow collection or quote.
    fn looks_like_entry(&self, line_start: usize) -> bool {
        let p = self.skip_ws(line_start);
        let c = self.at(p);
        if (c == b'-' || c == b'?') && self.sep(p + 1) {
            return true;
        }
        let end = self.line_end(p);
        let mut q = p;
        if c == b'"' || c == b'\'' {
            q = self
                .b
                .get(p + 1..end)
                .and_then(|r| r.iter().position(|&x| x == c))
                .map_or(end, |i| p + 2 + i);
        }
        while q < end {
            match self.at(q) {
                b':' if self.sep(q + 1) => return true,
                b',' | b'[' | b']' | b'{' | b'}' => return false,
                b'#' if q > 0 && is_ws(self.at(q - 1)) => return false,
                _ => q += 1,
            }
        }
        false
    }

    fn run(&mut self) {
        let mut pos = 0;
        // Indentation of the line holding a `|`/`>` header, or a plain value.
        let mut block_scalar_owner: Option<usize> = None;
        let mut plain_owner: Option<usize> = None;
        // Whether the current document has had a content line (its top-level node
        // starts on the first one).
        let mut doc_started = false;
        while pos < self.len() {
            let line_start = pos;
            let next_line = (self.line_end(pos) + 1).min(self.len());
            let indent = self.indent(line_start);
            let blank = self.is_blank_line(line_start);
            if let Some(owner) = block_scalar_owner {
                if blank || indent > owner {
                    pos = next_line;
                    continue;
                }
                block_scalar_owner = None;
            }
            if blank {
                pos = next_line;
                continue;
            }
            let content = line_start + indent;
            if let Some(owner) = plain_owner.take() {
                if indent > owner && self.at(self.skip_ws(content)) != b'#' {
                    plain_owner = Some(owner);
                    pos = next_line;
                    continue;
                }
            }
            let start = if indent == 0 && self.at(line_start) == b'%' {
                pos = next_line;
                continue;
            } else if self.is_doc_marker(line_start) {
                doc_started = false;
                if self.b.get(line_start..line_start + 3) == Some(b"...") {
                    pos = next_line;
                    continue;
                }
                line_start + 3
            } else {
                content
            };
            let top = !doc_started;
            doc_started =
                doc_started || !self.is_blank_line(start) && self.at(self.skip_ws(start)) != b'#';
            match self.block_line(start, indent, top) {
                LineEnd::Done => pos = next_line,
                LineEnd::Plain => {
                    plain_owner = Some(indent);
                    pos = next_line;
                }
                LineEnd::BlockScalar => {
                    block_scalar_owner = Some(indent);
                    pos = next_line;
                }
                LineEnd::Resume(at) => pos = at.max(line_start + 1),
            }
        }
    }

    /// Reads one line in block context from `p`; `top` while nothing but node
    /// properties stand before `p` on a line at the document's top level.
    fn block_line(&mut self, mut p: usize, indent: usize, mut top: bool) -> LineEnd {
        let end = self.line_end(p);
        loop {
            p = self.skip_ws(p);
            if p >= end {
                return LineEnd::Done;
            }
            let c = self.at(p);
            match c {
                b'#' => return LineEnd::Done,
                b'-' | b'?' | b':' if self.sep(p + 1) => {
                    p += 1;
                    top = false;
                }
                b'&' | b'!' => {
                    while p < end && !self.sep(p) {
                        p += 1;
                    }
                }
                b'|' | b'>' => return LineEnd::BlockScalar,
                b'[' | b'{' | b'"' | b'\'' => {
                    let ended = if c == b'[' || c == b'{' {
                        self.flow(p, indent, top)
                    } else {
                        self.quoted_in_block(p, indent, top)
                    };
                    match ended {
                        End::Closed(q) if q <= end => p = q,
                        // Closed on a later line: carry on from the line after it.
                        End::Closed(q) => return self.rest_of_line(q, indent),
                        End::Open(at) => return LineEnd::Resume(at),
                    }
                    top = false;
                    // A key (`[a]: b`, `"a": b`) or a comment may follow.
                    p = self.skip_ws(p);
                    if self.at(p) == b':' {
                        p += 1;
                    }
                }
                _ => {
                    // A plain scalar (or an alias): it ends at `: `, ` #` or the line end.
                    top = false;
                    loop {
                        if p >= end {
                            return LineEnd::Plain;
                        }
                        match self.at(p) {
                            b':' if self.sep(p + 1) => {
                                p += 1;
                                break;
                            }
                            b'#' if is_ws(self.at(p.wrapping_sub(1))) => return LineEnd::Done,
                            _ => p += 1,
                        }
                    }
                }
            }
        }
    }

    /// Continues after a collection or quote that closed on a later line.
    fn rest_of_line(&mut self, q: usize, indent: usize) -> LineEnd {
        let p = self.skip_ws(q);
        let next = (self.line_end(p) + 1).min(self.len());
        match self.at(p) {
            b':' => match self.block_line(p + 1, indent, false) {
                LineEnd::Resume(at) => LineEnd::Resume(at),
                LineEnd::BlockScalar => LineEnd::BlockScalar,
                _ => LineEnd::Resume(next),
            },
            _ => LineEnd::Resume(next),
        }
    }

    /// Whether a line break inside an opener that started on a line indented `owner`
    /// ends it: returns the start of the next content line and whether it breaks out.
    fn next_line(
        &self,
        newline: usize,
        owner: usize,
        top: bool,
        skip_comments: bool,
    ) -> (usize, bool) {
        let mut line = newline + 1;
        while line < self.len() {
            let p = self.skip_ws(line);
            let blank = self.is_blank_line(line);
            let comment = skip_comments && self.at(p) == b'#';
            if !(blank || comment) {
                break;
            }
            line = self.line_end(line) + 1;
        }
        if line >= self.len() {
            return (self.len(), true);
        }
        let breaks = self.is_doc_marker(line)
            || (!top && self.indent(line) <= owner && self.looks_like_entry(line));
        (line, breaks)
    }

    /// Records an unclosed opener set and the insertion that closes them all.
    fn close(
        &mut self,
        quote: Option<(usize, Opener)>,
        stack: &[(usize, Opener)],
        insert_at: usize,
        ended_by: usize,
    ) {
        let ended_by = (ended_by < self.len()).then_some(ended_by);
        let mut closers = String::new();
        if let Some((at, q)) = quote {
            // `"abc\` + `"` would escape the quote: `\ ` is an escaped space instead.
            let backslashes = self
                .b
                .get(..insert_at)
                .map_or(0, |h| h.iter().rev().take_while(|&&c| c == b'\\').count());
            if q == Opener::DoubleQuote && backslashes % 2 == 1 {
                closers.push(' ');
            }
            closers.push_str(q.closer());
            self.out.unclosed.push(Unclosed {
                at,
                opener: q,
                ended_by,
            });
        }
        for (_, o) in stack.iter().rev() {
            closers.push_str(o.closer());
        }
        if let Some(&(at, opener)) = stack.first() {
            self.out.unclosed.push(Unclosed {
                at,
                opener,
                ended_by,
            });
        }
        self.out.insertions.push((insert_at, closers));
    }

    fn quoted_in_block(&mut self, open: usize, owner: usize, top: bool) -> End {
        match self.quoted(open, owner, top) {
            Ok(after) => End::Closed(after),
            Err((content_end, resume)) => {
                let q = if self.at(open) == b'"' {
                    Opener::DoubleQuote
                } else {
                    Opener::SingleQuote
                };
                self.close(Some((open, q)), &[], content_end, resume);
                End::Open(resume)
            }
        }
    }

    /// Scans a quoted scalar from its opening quote: `Ok(offset after the closing
    /// quote)`, or `Err((end of its last content, line start to resume at))`.
    fn quoted(&self, open: usize, owner: usize, top: bool) -> Result<usize, (usize, usize)> {
        let q = self.at(open);
        let mut p = open + 1;
        let mut content_end = p;
        loop {
            if p >= self.len() {
                return Err((content_end, self.len()));
            }
            let c = self.at(p);
            if q == b'"' && c == b'\\' && !matches!(self.at(p + 1), b'\n' | b'\r') {
                p += 2;
                content_end = p.min(self.len());
            } else if c == q {
                if q == b'\'' && self.at(p + 1) == b'\'' {
                    p += 2;
                    content_end = p;
                } else {
                    return Ok(p + 1);
                }
            } else if c == b'\n' {
                let (line, breaks) = self.next_line(p, owner, top, false);
                if breaks {
                    return Err((content_end, line));
                }
                p = line;
            } else if is_ws(c) || c == b'\r' {
                p += 1;
            } else {
                p += 1;
                content_end = p;
            }
        }
    }

    /// Scans a flow collection from its `[` or `{` on a line indented `owner`.
    fn flow(&mut self, open: usize, owner: usize, top: bool) -> End {
        let kind = |c: u8| if c == b'[' { Opener::List } else { Opener::Map };
        let mut stack = vec![(open, kind(self.at(open)))];
        let mut p = open + 1;
        let mut content_end = p;
        let mut at_start = true;
        let mut after_ws = false;
        loop {
            if p >= self.len() {
                self.close(None, &stack, content_end, self.len());
                return End::Open(self.len());
            }
            let c = self.at(p);
            let was_ws = after_ws;
            after_ws = false;
            match c {
                b'\n' => {
                    let (line, breaks) = self.next_line(p, owner, top, true);
                    if breaks {
                        self.close(None, &stack, content_end, line);
                        return End::Open(line);
                    }
                    p = line;
                    after_ws = true;
                }
                b' ' | b'\t' | b'\r' => {
                    p += 1;
                    after_ws = true;
                }
                b'#' if was_ws => p = self.line_end(p),
                b'[' | b'{' => {
                    stack.push((p, kind(c)));
                    p += 1;
                    content_end = p;
                    at_start = true;
                }
                b']' | b'}' => {
                    stack.pop();
                    p += 1;
                    content_end = p;
                    at_start = false;
                    if stack.is_empty() {
                        return End::Closed(p);
                    }
                }
                b',' => {
                    p += 1;
                    content_end = p;
                    at_start = true;
                }
                b'"' | b'\'' if at_start => match self.quoted(p, owner, top) {
                    Ok(after) => {
                        p = after;
                        content_end = p;
                        at_start = false;
                        // JSON style `"a":1`: a value may follow the colon at once.
                        if self.at(p) == b':' {
                            p += 1;
                            content_end = p;
                            at_start = true;
                        }
                    }
                    Err((quote_end, resume)) => {
                        let q = if c == b'"' {
                            Opener::DoubleQuote
                        } else {
                            Opener::SingleQuote
                        };
                        self.close(Some((p, q)), &stack, quote_end, resume);
                        return End::Open(resume);
                    }
                },
                b':' | b'?' | b'-' if at_start || (c == b':' && self.sep(p + 1)) => {
                    at_start = self.sep(p + 1) || c == b':';
                    p += 1;
                    content_end = p;
                }
                _ => {
                    at_start = false;
                    p += 1;
                    content_end = p;
                }
            }
        }
    }
}

#[cfg(test)]
mod tests;
