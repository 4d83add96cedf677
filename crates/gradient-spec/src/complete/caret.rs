//! The caret's line taken apart: is the caret on a key, a value, a list item or
//! neither, what is typed so far, and what a chosen item replaces. The path above
//! the line comes from [`super::walk`].

use super::flow::{self, Slot};
use super::lines::{last_newline, quote_end, Line};
use super::walk::{container, Found};
use super::{CaretContext, CaretPosition, Style};
use crate::diag::Span;
use crate::highlight::{state_before, LineState};
use crate::path::{PathSegment, SpecPath};
use crate::rules::Shape;
use crate::spec::{self, Field};

/// The field at `path` in `shape`, or in either shape while undecided.
pub(super) fn lookup(
    shape: Option<Shape>,
    path: &SpecPath,
    variant: Option<&str>,
) -> Option<&'static Field> {
    match shape {
        Some(s) => spec::field_variant(s, path, variant),
        None => spec::field_variant(Shape::Legacy, path, variant)
            .or_else(|| spec::field_variant(Shape::V1, path, variant)),
    }
}

/// The caret's line: where it starts and ends, and the caret's column in it.
struct At<'a> {
    text: &'a str,
    start: usize,
    end: usize,
    col: usize,
    line: Line<'a>,
    shape: Option<Shape>,
    newline: &'static str,
}

pub(super) fn context(text: &str, offset: usize, shape: Option<Shape>) -> CaretContext {
    let mut offset = offset.min(text.len());
    while !text.is_char_boundary(offset) {
        offset -= 1;
    }
    let start = last_newline(&text.as_bytes()[..offset]).map_or(0, |i| i + 1);
    let end = text[offset..].find('\n').map_or(text.len(), |i| offset + i);
    let raw = &text[start..end];
    let line = Line::parse(raw);
    let at = At {
        text,
        start,
        end,
        col: (offset - start).min(line.text.len()),
        newline: if raw.ends_with('\r') { "\r\n" } else { "\n" },
        line,
        shape,
    };
    at.context()
}

impl At<'_> {
    fn context(&self) -> CaretContext {
        let line = &self.line;
        let indent = super::lines::indent(line.text);
        match state_before(self.text, self.start) {
            // A blank line continues the block only right of its parent's column.
            LineState::BlockScalar { parent }
                if if line.text.trim().is_empty() {
                    self.col > parent as usize
                } else {
                    indent > parent as usize
                } =>
            {
                return self.other(indent.max(parent as usize + 1), &[]);
            }
            LineState::Quoted { .. } | LineState::Flow { .. } => return self.other(indent, &[]),
            _ => {}
        }
        let col = self.col;
        if line.comment.is_some_and(|c| col > c) {
            return self.other(line.node, &line.dashes);
        }
        if line.is_empty_node() {
            return self.blank();
        }
        if col < line.node {
            return self.other(line.node, &line.dashes);
        }
        if let Some((ks, ke, colon)) = line.key {
            let found = container(self.text, self.start, self.end, ks, &line.dashes);
            let name = line.key_name().unwrap_or("");
            let mut style = self.style(ks);
            if col <= colon {
                style.has_colon = true;
                let quoted = ke > ks + 1 && matches!(line.text.as_bytes()[ks], b'"' | b'\'');
                let (is, ie) = if quoted { (ks + 1, ke - 1) } else { (ks, ke) };
                let prefix = &line.text[is..col.clamp(is, ie)];
                let path = found.path.key(name);
                return self.make(found, path, CaretPosition::Key, prefix, (ks, ke), style);
            }
            let path = found.path.key(name);
            return self.value(found, path, CaretPosition::Value, style);
        }
        let found = container(self.text, self.start, self.end, line.node, &line.dashes);
        let style = self.style(line.node);
        let flow = line.text[line.node..].starts_with(['[', '{']);
        let word = &line.text[line.value.0..line.value.1];
        let key_here =
            line.dashes.is_empty() || self.item_is_mapping(&found.path, found.variant.as_deref());
        if flow || !key_here {
            let (path, position) = match line.dashes.is_empty() {
                true => (found.path.clone(), CaretPosition::Value),
                false => (found.path.clone(), CaretPosition::ListItem),
            };
            return self.value(found, path, position, style);
        }
        if col > line.value.1 {
            let path = found.path.clone();
            return self.other_at(found, path);
        }
        let path = found.path.key(word);
        let prefix = &line.text[line.node..col];
        self.make(
            found,
            path,
            CaretPosition::Key,
            prefix,
            (line.node, line.value.1),
            style,
        )
    }

    fn style(&self, key_col: usize) -> Style {
        Style {
            key_col,
            newline: self.newline,
            ..Style::default()
        }
    }

    /// True when the list at `path` (ending in an item index) holds mappings.
    fn item_is_mapping(&self, path: &SpecPath, variant: Option<&str>) -> bool {
        lookup(self.shape, path, variant).is_some_and(Field::is_list_of_mappings)
    }

    /// The caret in a value (or a list item's scalar): plain, quoted or flow.
    fn value(
        &self,
        found: Found,
        path: SpecPath,
        position: CaretPosition,
        mut style: Style,
    ) -> CaretContext {
        let (vs, ve) = self.line.value;
        let b = self.line.text.as_bytes();
        let col = self.col;
        match b.get(vs) {
            Some(b'[' | b'{') if col > vs => return self.flow(found, path, vs, style),
            Some(b'[' | b'{') => return self.other_at(found, path),
            Some(b'|' | b'>' | b'&' | b'*' | b'!') => return self.other_at(found, path),
            Some(b'"' | b'\'') if col > vs => {
                // Unclosed, the string runs to the end of the line, spaces included.
                let ie = quote_end(b, vs).map_or(b.len(), |e| e - 1).max(vs + 1);
                if col > ie {
                    return self.other_at(found, path);
                }
                let prefix = &self.line.text[vs + 1..col.min(ie)];
                return self.make(found, path, position, prefix, (vs + 1, ie), style);
            }
            _ => {}
        }
        if vs == ve {
            style.space_before = col > 0 && matches!(b[col - 1], b':' | b'-');
            return self.make(found, path, position, "", (col, col), style);
        }
        if col > ve {
            return self.other_at(found, path);
        }
        let prefix = &self.line.text[vs..col.max(vs)];
        self.make(found, path, position, prefix, (vs, ve), style)
    }

    fn flow(&self, found: Found, base: SpecPath, open: usize, mut style: Style) -> CaretContext {
        let Some(hit) = flow::locate(self.line.text, open, self.col) else {
            return self.other_at(found, base);
        };
        let mut path = base;
        path.0.extend(hit.segs);
        style.flow = true;
        let prefix = &self.line.text[hit.start..self.col.max(hit.start)];
        let span = (hit.start, hit.end);
        // A flow mapping's keys are its own siblings, not the block's.
        let found = Found {
            path: path.clone(),
            ..Found::default()
        };
        match hit.slot {
            Slot::Item => self.make(found, path, CaretPosition::ListItem, prefix, span, style),
            Slot::Value => self.make(found, path, CaretPosition::Value, prefix, span, style),
            Slot::Key => {
                let word = self.line.text[hit.start..hit.end].to_string();
                let key_path = if word.is_empty() {
                    path.clone()
                } else {
                    path.key(&word)
                };
                self.make(found, key_path, CaretPosition::Key, prefix, span, style)
            }
        }
    }

    /// A blank line (or only `- `): a key to type, or a new list item.
    fn blank(&self) -> CaretContext {
        let line = &self.line;
        let dash_end = line.dashes.last().map_or(0, |&d| d + 1);
        if !line.dashes.is_empty() && self.col < dash_end {
            return self.other(line.node, &line.dashes);
        }
        let col = if line.dashes.is_empty() {
            self.col
        } else {
            line.node.max(self.col)
        };
        let found = container(self.text, self.start, self.end, col, &line.dashes);
        let mut style = self.style(col);
        style.space_before = self.col > 0 && line.text.as_bytes()[self.col - 1] == b'-';
        let at = (self.col, self.col);
        if let Some(n) = found.new_item.filter(|_| line.dashes.is_empty()) {
            style.new_item = true;
            style.key_col = col + 2;
            let path = found.path.index(n);
            return self.make(found, path, CaretPosition::ListItem, "", at, style);
        }
        style.key_col += usize::from(style.space_before);
        let path = found.path.clone();
        if !line.dashes.is_empty() && !self.item_is_mapping(&path, found.variant.as_deref()) {
            return self.make(found, path, CaretPosition::ListItem, "", at, style);
        }
        self.make(found, path, CaretPosition::Key, "", at, style)
    }

    /// `Other` at the node at `col` with these `- ` indicators on its line.
    fn other(&self, col: usize, dashes: &[usize]) -> CaretContext {
        let found = container(self.text, self.start, self.end, col, dashes);
        let mut path = found.path.clone();
        if let Some(name) = self
            .line
            .key_name()
            .filter(|_| self.line.key.is_some_and(|k| k.0 == col))
        {
            path = path.key(name);
        }
        self.other_at(found, path)
    }

    fn other_at(&self, found: Found, path: SpecPath) -> CaretContext {
        let at = (self.col, self.col);
        self.make(
            found,
            path,
            CaretPosition::Other,
            "",
            at,
            self.style(self.col),
        )
    }

    /// Builds the context; a key typed under a scalar field (a value written on the
    /// line after its key) becomes that field's value.
    fn make(
        &self,
        found: Found,
        path: SpecPath,
        mut position: CaretPosition,
        prefix: &str,
        span: (usize, usize),
        style: Style,
    ) -> CaretContext {
        let mut path = path;
        let mut parent = match position {
            CaretPosition::Key => found.path,
            _ => {
                let mut p = path.clone();
                p.0.pop();
                p
            }
        };
        if position == CaretPosition::Key && !parent.0.is_empty() && !style.flow {
            let last_is_index = matches!(parent.0.last(), Some(PathSegment::Index(_)));
            let scalar = lookup(self.shape, &parent, found.variant.as_deref())
                .is_some_and(|f| f.kind.is_scalar());
            if scalar && !last_is_index {
                position = CaretPosition::Value;
                path = parent.clone();
                parent.0.pop();
            }
        }
        CaretContext {
            path,
            parent,
            position,
            prefix: prefix.to_string(),
            replace: Span::new(self.start + span.0, self.start + span.1.max(span.0)),
            shape: self.shape,
            style,
            siblings: found.siblings,
            variant: found.variant,
        }
    }
}
