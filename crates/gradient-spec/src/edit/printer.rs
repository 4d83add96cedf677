//! The printer behind `format`: re-emits the spanned tree in the canonical layout and
//! carries every comment along.
//!
//! Comments are taken in document order: a comment on its own line is written before
//! the entry or item that follows it, at that entry's indentation (or at the end of
//! the block it closes when it is indented like that block's entries); a comment at
//! the end of a line stays at the end of the same content's line. One blank line is
//! kept wherever the original had one or more. Scalars are copied as written (quotes,
//! escapes, block scalars) and only re-indented.

use super::error::EditError;
use super::lines::{
    column, indent_of, is_blank, line_at, line_end, line_start, next_line_start, prev_line_start,
};
use super::locate::dash_of;
use super::yaml_text::YamlText;
use crate::diag::Span;
use crate::yaml::{Mapping, Node, ScalarStyle, Sequence, Value};

/// Flow lists of scalars at most this long stay on one line.
const SHORT_FLOW: usize = 60;

pub(crate) struct Printer<'a> {
    ctx: &'a YamlText<'a>,
    out: String,
    /// The next comment not yet written.
    next: usize,
}

impl<'a> Printer<'a> {
    pub(super) fn new(ctx: &'a YamlText<'a>) -> Self {
        Printer {
            ctx,
            out: String::with_capacity(ctx.text.len() + 64),
            next: 0,
        }
    }

    fn text(&self) -> &'a str {
        self.ctx.text
    }

    fn eol(&self) -> &'static str {
        self.ctx.lay.eol
    }

    /// Prints the whole document.
    pub(super) fn document(mut self, root: &Node) -> Result<String, EditError> {
        let text = self.text();
        // Directives and a `---` before the content stay.
        let mut ls = 0;
        while ls < line_start(text, root.span.start) {
            let line = line_at(text, ls).trim_end();
            if line.starts_with('%') || line.starts_with("---") {
                self.comments_before(ls, 0);
                self.line(line);
            }
            ls = next_line_start(text, ls);
        }
        match &root.value {
            Value::Mapping(m) if !m.entries.is_empty() && !Self::stays_flow_map(m) => {
                self.mapping(root, m, 0, None)?
            }
            Value::Sequence(s) if !s.items.is_empty() && !self.stays_flow_seq(root, s) => {
                self.sequence(s, root, 0, None)?
            }
            _ => {
                self.comments_before(root.span.start, 0);
                let v = self.inline(root, 0)?;
                let t = self.trailing(root.span.end);
                let line = format!("{}{v}{t}", props(root));
                self.line(&line);
            }
        }
        self.comments_before(text.len() + 1, 0);
        while self.out.ends_with(self.eol())
            && self.out.len() > self.eol().len()
            && self.out[..self.out.len() - self.eol().len()].ends_with(self.eol())
        {
            let n = self.out.len() - self.eol().len();
            self.out.truncate(n);
        }
        Ok(self.out)
    }

    /// Writes one line (with its line break), without trailing spaces unless they
    /// are the content of a block scalar's last line.
    fn line(&mut self, s: &str) {
        if s.contains('\n') {
            self.out.push_str(s);
        } else {
            self.out.push_str(s.trim_end_matches([' ', '\t']));
        }
        self.out.push_str(self.eol());
    }

    /// One blank line, unless at the start or after another blank line.
    fn blank(&mut self) {
        let eol = self.eol();
        if !self.out.is_empty() && !self.out.ends_with(&format!("{eol}{eol}")) {
            self.out.push_str(eol);
        }
    }

    fn blank_before(&self, pos: usize) -> bool {
        let text = self.text();
        prev_line_start(text, line_start(text, pos)).is_some_and(|p| is_blank(line_at(text, p)))
    }

    /// Writes the comments that start before `pos` on lines of their own, at `col`.
    fn comments_before(&mut self, pos: usize, col: usize) {
        while let Some(c) = self.ctx.comments.get(self.next).copied() {
            if c.start >= pos {
                break;
            }
            self.next += 1;
            if self.blank_before(c.start) {
                self.blank();
            }
            let line = format!("{}{}", " ".repeat(col), c.slice(self.text()).trim_end());
            self.line(&line);
        }
    }

    /// The comments after the end of a block (before the next content) indented at
    /// least like its entries: they close that block and keep its indentation.
    fn closing_comments(&mut self, end: usize, orig_col: usize, col: usize) {
        let text = self.text();
        while let Some(c) = self.ctx.comments.get(self.next).copied() {
            let between = text.get(end..c.start).unwrap_or("x");
            let only_space_and_comments = between.lines().all(|l| {
                let t = l.trim();
                t.is_empty() || t.starts_with('#')
            });
            if c.start < end || !only_space_and_comments || column(text, c.start) < orig_col {
                break;
            }
            self.comments_before(c.start + 1, col);
        }
    }

    /// ` # comment` when one follows `pos` on its line (and is next in order).
    fn trailing(&mut self, pos: usize) -> String {
        self.trailing_before(pos, usize::MAX)
    }

    /// Like `trailing`, for a comment that starts before `limit`.
    fn trailing_before(&mut self, pos: usize, limit: usize) -> String {
        let text = self.text();
        match self.ctx.comments.get(self.next) {
            Some(c)
                if c.start >= pos
                    && c.start < limit
                    && line_start(text, c.start) == line_start(text, pos) =>
            {
                let s = format!(" {}", c.slice(text).trim_end());
                self.next += 1;
                s
            }
            _ => String::new(),
        }
    }

    /// Skips the comments inside `span` (they are copied with it).
    fn consume_within(&mut self, span: Span) {
        while self
            .ctx
            .comments
            .get(self.next)
            .is_some_and(|c| c.start < span.end && c.start >= span.start)
        {
            self.next += 1;
        }
    }

    fn stays_flow_map(m: &Mapping) -> bool {
        m.entries.is_empty()
    }

    /// A flow list of single-line scalars, short enough, with no comment inside.
    fn stays_flow_seq(&self, node: &Node, s: &Sequence) -> bool {
        if s.items.is_empty() {
            return true;
        }
        let text = self.text();
        s.flow
            && self.ctx.comments_in(node.span).next().is_none()
            && s.items.iter().all(|i| {
                matches!(i.value, Value::Scalar(_) | Value::Alias(_))
                    && !i.span.slice(text).contains('\n')
            })
            && self.flow_seq_text(s).len() <= SHORT_FLOW
    }

    fn flow_seq_text(&self, s: &Sequence) -> String {
        let items: Vec<String> = s
            .items
            .iter()
            .map(|i| format!("{}{}", props(i), i.span.slice(self.text())))
            .collect();
        format!("[{}]", items.join(", "))
    }

    /// Whether `node` is written on the lines below its owner.
    fn goes_below(&self, node: &Node) -> bool {
        match &node.value {
            Value::Mapping(m) => !m.entries.is_empty(),
            Value::Sequence(s) => !s.items.is_empty() && !self.stays_flow_seq(node, s),
            _ => false,
        }
    }

    /// A block mapping at `col`; `first` replaces the indentation of the first key
    /// (`- ` of the list item holding it).
    fn mapping(
        &mut self,
        node: &Node,
        m: &Mapping,
        col: usize,
        first: Option<String>,
    ) -> Result<(), EditError> {
        let text = self.text();
        let orig_col = m
            .entries
            .first()
            .map_or(0, |e| column(text, e.key.span.start));
        let mut first = first;
        for e in &m.entries {
            if e.key.span.slice(text).contains('\n') || !matches!(e.key.value, Value::Scalar(_)) {
                return Err(EditError::unsupported(
                    "a mapping key that is not a single-line scalar",
                ));
            }
            let start = e.key.span.start;
            if first.is_none() {
                self.comments_before(start, col);
                if self.blank_before(start) && !m.flow {
                    self.blank();
                }
            }
            let indent = first.take().unwrap_or_else(|| " ".repeat(col));
            let key = format!("{indent}{}{}:", props(&e.key), e.key.span.slice(text));
            self.value_after(&key, &e.value, col, e.key.span.end)?;
        }
        if !m.flow {
            self.closing_comments(node.span.end, orig_col, col);
        }
        Ok(())
    }

    /// A block list with its dashes at `col`.
    fn sequence(
        &mut self,
        s: &Sequence,
        node: &Node,
        col: usize,
        first: Option<String>,
    ) -> Result<(), EditError> {
        let text = self.text();
        let orig_col = column(text, node.span.start);
        let mut first = first;
        for (i, item) in s.items.iter().enumerate() {
            let start = if s.flow {
                item.span.start
            } else {
                dash_of(text, node, i).unwrap_or(item.span.start)
            };
            if first.is_none() {
                self.comments_before(start, col);
                if self.blank_before(start) && !s.flow {
                    self.blank();
                }
            }
            let indent = first.take().unwrap_or_else(|| " ".repeat(col));
            let dash = format!("{indent}-");
            let after_dash = if s.flow { start } else { start + 1 };
            match &item.value {
                Value::Mapping(m)
                    if self.goes_below(item) && item.anchor.is_none() && item.tag.is_none() =>
                {
                    let t = self.trailing_before(after_dash, m.entries[0].key.span.start);
                    if t.is_empty() && self.next_comment_after(m.entries[0].key.span.start) {
                        self.mapping(item, m, col + 2, Some(format!("{dash} ")))?;
                    } else {
                        self.line(&format!("{dash}{t}"));
                        self.mapping(item, m, col + 2, None)?;
                    }
                }
                _ => self.value_after(&dash, item, col, after_dash)?,
            }
        }
        if !s.flow {
            self.closing_comments(node.span.end, orig_col, col);
        }
        Ok(())
    }

    /// Whether no comment is pending before `pos` (so the first key can share the
    /// dash's line).
    fn next_comment_after(&self, pos: usize) -> bool {
        self.ctx
            .comments
            .get(self.next)
            .is_none_or(|c| c.start >= pos)
    }

    /// Writes `head` (`key:` or `-`) and the value after it; `indicator_end` is where
    /// the indicator ends in the original (a comment after it stays on this line).
    fn value_after(
        &mut self,
        head: &str,
        value: &Node,
        col: usize,
        indicator_end: usize,
    ) -> Result<(), EditError> {
        let p = props(value);
        let p = p.trim_end();
        let sep = if p.is_empty() { "" } else { " " };
        if self.goes_below(value) {
            let t = self.trailing(indicator_end);
            self.line(&format!("{head}{sep}{p}{t}"));
            match &value.value {
                Value::Mapping(m) => self.mapping(value, m, col + 2, None),
                Value::Sequence(s) => self.sequence(s, value, col + 2, None),
                _ => Ok(()),
            }
        } else {
            let v = self.inline(value, col)?;
            let t = self.trailing(value.span.end.max(indicator_end));
            let gap = if v.is_empty() && p.is_empty() {
                ""
            } else {
                " "
            };
            self.line(&format!(
                "{head}{gap}{p}{sep2}{v}{t}",
                sep2 = if !p.is_empty() && !v.is_empty() {
                    " "
                } else {
                    ""
                }
            ));
            Ok(())
        }
    }

    /// A value written on its owner's line (scalars, aliases, empty and short flow
    /// collections), re-indented to `col` when it runs over several lines.
    fn inline(&mut self, node: &Node, col: usize) -> Result<String, EditError> {
        let text = self.text();
        match &node.value {
            Value::Mapping(_) => Ok("{}".to_string()),
            Value::Sequence(s) => Ok(self.flow_seq_text(s)),
            Value::Alias(_) => Ok(node.span.slice(text).to_string()),
            Value::Scalar(sc) => {
                let src = node.span.slice(text);
                if !src.contains('\n') {
                    return Ok(src.to_string());
                }
                self.consume_within(node.span);
                Ok(match sc.style {
                    ScalarStyle::Literal | ScalarStyle::Folded => self.block_scalar(node, col),
                    _ => self.multi_line_flow_scalar(src, col),
                })
            }
        }
    }

    /// A `|` or `>` scalar: the header as written, the body shifted to `col + 2`
    /// (a `+` scalar keeps its trailing blank lines).
    fn block_scalar(&self, node: &Node, col: usize) -> String {
        let text = self.text();
        let eol = self.eol();
        let header_end = line_end(text, node.span.start);
        let header = text
            .get(node.span.start..header_end)
            .unwrap_or("")
            .trim_end();
        // The last line runs to its end (trailing spaces are content).
        let mut end = line_end(text, node.span.end);
        if header.split('#').next().unwrap_or("").contains('+') {
            let mut ls = next_line_start(text, end);
            while ls < text.len() && is_blank(line_at(text, ls)) {
                end = line_end(text, ls);
                ls = next_line_start(text, ls);
            }
        }
        let body_start = next_line_start(text, header_end);
        let lines: Vec<&str> = text
            .get(body_start..end.max(body_start))
            .unwrap_or("")
            .split('\n')
            .map(|l| l.trim_end_matches('\r'))
            .collect();
        let base = lines
            .iter()
            .filter(|l| !is_blank(l))
            .map(|l| indent_of(l))
            .min()
            .unwrap_or(0);
        let mut out = header.to_string();
        for l in lines {
            out.push_str(eol);
            if !is_blank(l) {
                out.push_str(&" ".repeat(col + 2));
                out.push_str(&l[base.min(indent_of(l))..]);
            }
        }
        out
    }

    /// A plain or quoted scalar over several lines: leading spaces of its continuation
    /// lines carry no meaning, so they are re-indented to `col + 2`.
    fn multi_line_flow_scalar(&self, src: &str, col: usize) -> String {
        let eol = self.eol();
        let mut out = String::new();
        for (i, l) in src.split('\n').enumerate() {
            let l = l.trim_end_matches('\r');
            if i == 0 {
                out.push_str(l);
                continue;
            }
            out.push_str(eol);
            let t = l.trim_start_matches([' ', '\t']);
            if !t.is_empty() {
                out.push_str(&" ".repeat(col + 2));
                out.push_str(t);
            }
        }
        out
    }
}

/// `&anchor !tag ` written before a node (empty when it has none).
fn props(node: &Node) -> String {
    let mut s = String::new();
    if let Some(a) = &node.anchor {
        s.push('&');
        s.push_str(a);
        s.push(' ');
    }
    if let Some(t) = &node.tag {
        s.push_str(t);
        s.push(' ');
    }
    s
}
