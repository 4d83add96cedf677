//! `set_scalar` and `insert_key`: writing a value at a path, creating the mappings
//! (and `[0]` lists) on the way when they are missing.

use super::error::EditError;
use super::lines::{column, is_blank, line_end, line_start, starts_line};
use super::locate::{after_indicator_and_props, owner_column, walk, Found, Owner};
use super::meaning::Meaning;
use super::owned::skip_deeper_comments;
use super::render::{after_colon, after_dash, below, entry, flow, key};
use super::scalar;
use super::value::NewValue;
use super::verify::first_verified;
use super::yaml_text::{on_text, YamlText};
use crate::diag::{Span, TextEdit};
use crate::path::{PathSegment, SpecPath};
use crate::yaml::{ScalarStyle, Value};

/// How `put` treats a value that is already there.
#[derive(Clone, Copy, PartialEq)]
pub(crate) enum Mode {
    /// Replace an existing single value.
    Set,
    /// Refuse: the key must be new.
    Insert,
}

/// Changes the scalar at `path` to `value`, keeping its trailing comment and, where the
/// new value allows, its quoting. A missing path is created (`resources.autoscaling.
/// maxReplicas` in a spec without autoscaling inserts the section).
pub fn set_scalar(
    text: &str,
    path: &SpecPath,
    value: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    on_text(text, |ctx| set_scalar_in(ctx, path, value))
}

/// [`set_scalar`] on a parsed text.
pub(crate) fn set_scalar_in(
    ctx: &YamlText,
    path: &SpecPath,
    value: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    if !value.is_scalar() {
        return Err(EditError::unsupported(
            "set_scalar writes a single value; use insert_key or append_item for a mapping or a list",
        ));
    }
    if path.0.is_empty() {
        return Err(EditError::unsupported(
            "the whole document cannot be replaced by a single value",
        ));
    }
    put(ctx, path, value, Mode::Set)
}

/// Adds `key: value` to the mapping at `parent` (after its last key, at its
/// indentation, in its block or flow style), creating `parent` when missing.
pub fn insert_key(
    text: &str,
    parent: &SpecPath,
    key: &str,
    value: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    on_text(text, |ctx| insert_key_in(ctx, parent, key, value))
}

/// [`insert_key`] on a parsed text.
pub(crate) fn insert_key_in(
    ctx: &YamlText,
    parent: &SpecPath,
    key: &str,
    value: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    put(ctx, &parent.key(key), value, Mode::Insert)
}

/// [`insert_key`] after the mapping's last key whatever the reference's order (for
/// `insert_key_at` with an index past the end).
pub(crate) fn insert_key_last(
    ctx: &YamlText,
    parent: &SpecPath,
    key: &str,
    value: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    put_where(ctx, &parent.key(key), value, Mode::Insert, false)
}

/// Writes `value` at `path` and verifies the result. A key new to an existing mapping
/// goes at its place in the reference's order (see `at_catalogue_place`).
pub(crate) fn put(
    ctx: &YamlText,
    path: &SpecPath,
    value: &NewValue,
    mode: Mode,
) -> Result<Vec<TextEdit>, EditError> {
    put_where(ctx, path, value, mode, true)
}

/// [`put`], a new key at its place in the reference's order when `by_catalogue`, else
/// after its last sibling.
fn put_where(
    ctx: &YamlText,
    path: &SpecPath,
    value: &NewValue,
    mode: Mode,
    by_catalogue: bool,
) -> Result<Vec<TextEdit>, EditError> {
    if by_catalogue {
        if let Some(edits) = at_catalogue_place(ctx, path, value) {
            return Ok(edits);
        }
    }
    let candidates = plan(ctx, path, value, mode)?;
    let mut expected = Meaning::of_root(ctx.doc.root.as_ref());
    expected
        .put(path, Meaning::of_new(value))
        .ok_or_else(|| EditError::NotFound {
            path: path.to_string(),
        })?;
    first_verified(ctx, candidates, &expected, &[])
}

/// A key new to an existing mapping written at its place in the reference's order
/// (`spec::catalogue_index`: before the first sibling documented after it) rather
/// than appended. `None` when the write is not such an insert, the key has no such
/// place, or the positioned insert is refused (the caller then appends).
fn at_catalogue_place(ctx: &YamlText, path: &SpecPath, value: &NewValue) -> Option<Vec<TextEdit>> {
    let segs = &path.0;
    let (found, matched) = walk(ctx.doc.root.as_ref(), path);
    let f = found.filter(|_| matched < segs.len())?;
    let PathSegment::Key(k) = &segs[matched] else {
        return None;
    };
    let m = f.node.as_mapping()?;
    let existing: Vec<&str> = m
        .entries
        .iter()
        .map(|e| e.key.scalar_text().unwrap_or(""))
        .collect();
    let parent = SpecPath(segs[..matched].to_vec());
    let index = crate::spec::catalogue_index(&parent, &existing, k)?;
    let inner = wrap(&segs[matched + 1..], value)?;
    super::insert_at::positioned(ctx, &parent, index, k, &inner)?.ok()
}

/// `value` nested under `rest`: keys make mappings, `[0]` a one-item list.
pub(crate) fn wrap(rest: &[PathSegment], value: &NewValue) -> Option<NewValue> {
    let mut v = value.clone();
    for seg in rest.iter().rev() {
        v = match seg {
            PathSegment::Key(k) => NewValue::Map(vec![(k.clone(), v)]),
            PathSegment::Index(0) => NewValue::Seq(vec![v]),
            PathSegment::Index(_) => return None,
        };
    }
    Some(v)
}

/// The candidate edit lists for writing `value` at `path`, best first.
fn plan(
    ctx: &YamlText,
    path: &SpecPath,
    value: &NewValue,
    mode: Mode,
) -> Result<Vec<Vec<TextEdit>>, EditError> {
    let segs = &path.0;
    let (found, matched) = walk(ctx.doc.root.as_ref(), path);
    let prefix = |n: usize| SpecPath(segs[..n.min(segs.len())].to_vec()).to_string();
    if matched == segs.len() {
        let Some(f) = found else {
            return Err(EditError::NotFound {
                path: path.to_string(),
            });
        };
        return match mode {
            Mode::Insert => Err(EditError::KeyExists {
                path: path.to_string(),
            }),
            Mode::Set => match &f.node.value {
                Value::Scalar(_) | Value::Alias(_) => Ok(replace_scalar(ctx, f, value)),
                _ => Err(EditError::WrongKind {
                    path: path.to_string(),
                    expected: "a single value",
                    found: f.node.kind_name(),
                }),
            },
        };
    }
    let rest = &segs[matched..];
    let not_found = || EditError::NotFound {
        path: prefix(matched + 1),
    };
    let Some(f) = found else {
        let whole = wrap(rest, value).ok_or_else(not_found)?;
        return Ok(vec![create_root(ctx, &whole)]);
    };
    let inner = wrap(&rest[1..], value).ok_or_else(not_found)?;
    match (&rest[0], &f.node.value) {
        (PathSegment::Key(k), Value::Mapping(_)) => Ok(vec![insert_entry(ctx, f, k, &inner)?]),
        (PathSegment::Index(n), Value::Sequence(s)) if *n == s.items.len() => {
            Ok(vec![append_to(ctx, f, &inner)?])
        }
        (PathSegment::Index(_), Value::Sequence(s)) => Err(EditError::IndexOutOfRange {
            path: prefix(matched + 1),
            len: s.items.len(),
        }),
        _ if f.node.is_null() => {
            let whole = wrap(rest, value).ok_or_else(not_found)?;
            replace_null(ctx, f, &whole)
        }
        (PathSegment::Key(_), _) => Err(EditError::WrongKind {
            path: prefix(matched),
            expected: "a mapping",
            found: f.node.kind_name(),
        }),
        (PathSegment::Index(_), _) => Err(EditError::WrongKind {
            path: prefix(matched),
            expected: "a list",
            found: f.node.kind_name(),
        }),
    }
}

/// How far children of a block node owned by `owner` are indented past its column.
fn child_step(ctx: &YamlText, owner: Owner) -> usize {
    match owner {
        Owner::Item { .. } => 2,
        _ => ctx.lay.unit,
    }
}

/// Whether only spaces (no comment) follow `pos` on its line.
fn tail_free(text: &str, pos: usize) -> bool {
    is_blank(text.get(pos..line_end(text, pos)).unwrap_or(""))
}

/// The span of the value at `f`; an absent value (`key:`) sits right after its `:` or
/// `-` (the parser may place it after a trailing comment).
fn value_span(text: &str, f: Found) -> Span {
    if f.node.span.is_empty() {
        if let Some(at) =
            after_indicator_and_props(text, f.owner).filter(|at| *at <= f.node.span.start)
        {
            return Span::at(at);
        }
    }
    f.node.span
}

/// Replaces a scalar (or alias) in place. Candidates: the best rendering, then a
/// double-quoted one for strings.
fn replace_scalar(ctx: &YamlText, f: Found, value: &NewValue) -> Vec<Vec<TextEdit>> {
    let text = ctx.text;
    let node = f.node;
    let span = value_span(text, f);
    let style = node.as_scalar().map(|s| s.style);
    let is_block = matches!(style, Some(ScalarStyle::Literal | ScalarStyle::Folded));
    // A block scalar runs to the end of its last line (trailing spaces are content).
    let span = if is_block {
        Span::new(span.start, line_end(text, span.end))
    } else {
        span
    };
    let owner_col = owner_column(text, f.owner);
    // A comment on a block scalar's header line (`key: | # note`), which the replaced
    // span takes in (an empty block scalar's own span ends at its header).
    let header_comment = if is_block {
        ctx.comments_in(Span::new(node.span.start, line_end(text, node.span.start)))
            .find(|c| line_start(text, c.start) == line_start(text, node.span.start))
            .map(|c| c.slice(text).trim_end().to_string())
    } else {
        None
    };
    let content_col = if is_block {
        let body = super::lines::next_line_start(text, node.span.start);
        let col = super::lines::indent_of(super::lines::line_at(text, body));
        if col > owner_col {
            col
        } else {
            owner_col + child_step(ctx, f.owner)
        }
    } else {
        owner_col + child_step(ctx, f.owner)
    };
    let with_comment = |rendered: String| match &header_comment {
        None => rendered,
        Some(c) => match rendered.find(['\r', '\n']) {
            Some(i) if rendered.starts_with('|') => {
                format!("{} {c}{}", &rendered[..i], &rendered[i..])
            }
            _ => format!("{rendered} {c}"),
        },
    };
    let edit = |rendered: String| {
        if span.is_empty() {
            let before = text.get(..span.start).unwrap_or("");
            let sep = if before.ends_with([' ', '\t']) {
                ""
            } else {
                " "
            };
            TextEdit::insert(span.start, format!("{sep}{rendered}"))
        } else {
            TextEdit::replace(span, rendered)
        }
    };
    let mut out = Vec::new();
    let can_block = !f.flow && tail_free(text, span.end) && !matches!(f.owner, Owner::Root);
    match value {
        NewValue::Str(s) if can_block && scalar::literal_ok(s) => {
            out.push(vec![edit(with_comment(scalar::literal(
                s,
                content_col,
                ctx.lay.eol,
            )))]);
        }
        _ => out.push(vec![edit(with_comment(scalar::inline(
            value, style, f.flow,
        )))]),
    }
    if let NewValue::Str(s) = value {
        out.push(vec![edit(with_comment(scalar::double(s)))]);
    }
    out
}

/// Adds `k: v` after the last entry of the mapping `f`.
fn insert_entry(
    ctx: &YamlText,
    f: Found,
    k: &str,
    v: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    let text = ctx.text;
    let Some(m) = f.node.as_mapping() else {
        return Err(EditError::unsupported("not a mapping"));
    };
    if m.flow || f.flow {
        let rendered = format!("{}: {}", key(k, true), flow(v));
        return Ok(vec![match m.entries.last() {
            Some(last) => TextEdit::insert(
                last.span.end.max(last.key.span.end),
                format!(", {rendered}"),
            ),
            None => {
                let open = f.node.span.start;
                if text.as_bytes().get(open) != Some(&b'{') {
                    return Err(EditError::unsupported("a flow mapping without its `{`"));
                }
                TextEdit::insert(open + 1, rendered)
            }
        }]);
    }
    let (Some(first), Some(last)) = (m.entries.first(), m.entries.last()) else {
        return Err(EditError::unsupported("an empty block mapping"));
    };
    if !starts_line(text, first.key.span.start) && !matches!(f.owner, Owner::Item { .. }) {
        return Err(EditError::unsupported(
            "a mapping whose first key does not start its line",
        ));
    }
    let col = column(text, first.key.span.start);
    let end = skip_deeper_comments(ctx, last.span.end.max(last.key.span.end), col);
    let at = line_end(text, end);
    Ok(vec![TextEdit::insert(
        at,
        format!(
            "{}{}{}",
            ctx.lay.eol,
            " ".repeat(col),
            entry(k, v, col, &ctx.lay)
        ),
    )])
}

/// Adds `v` after the last item of the list `f`.
pub(crate) fn append_to(
    ctx: &YamlText,
    f: Found,
    v: &NewValue,
) -> Result<Vec<TextEdit>, EditError> {
    let text = ctx.text;
    let Some(s) = f.node.as_sequence() else {
        return Err(EditError::unsupported("not a list"));
    };
    if s.flow || f.flow {
        return Ok(vec![match s.items.last() {
            Some(last) => TextEdit::insert(last.span.end, format!(", {}", flow(v))),
            None => {
                let open = f.node.span.start;
                if text.as_bytes().get(open) != Some(&b'[') {
                    return Err(EditError::unsupported("a flow list without its `[`"));
                }
                TextEdit::insert(open + 1, flow(v))
            }
        }]);
    }
    let Some(last) = s.items.last() else {
        return Err(EditError::unsupported("an empty block list"));
    };
    if text.as_bytes().get(f.node.span.start) != Some(&b'-') {
        return Err(EditError::unsupported(
            "a block list that does not start with `-`",
        ));
    }
    let col = column(text, f.node.span.start);
    let end = skip_deeper_comments(ctx, last.span.end, col);
    let at = line_end(text, end);
    Ok(vec![TextEdit::insert(
        at,
        format!(
            "{}{}-{}",
            ctx.lay.eol,
            " ".repeat(col),
            after_dash(v, col, &ctx.lay)
        ),
    )])
}

/// Replaces a null (`key:`, `key: null`, `-`) by `whole`, which may be a collection
/// written on the lines below.
pub(crate) fn replace_null(
    ctx: &YamlText,
    f: Found,
    whole: &NewValue,
) -> Result<Vec<Vec<TextEdit>>, EditError> {
    let text = ctx.text;
    let span = value_span(text, f);
    let is_empty_coll = matches!(whole, NewValue::Map(m) if m.is_empty())
        || matches!(whole, NewValue::Seq(s) if s.is_empty());
    if whole.is_scalar() || is_empty_coll {
        return Ok(replace_scalar(ctx, f, whole));
    }
    if f.flow {
        return Ok(replace_scalar_text(span, text, flow(whole)));
    }
    let col = owner_column(text, f.owner);
    let (rendered, start) = match f.owner {
        Owner::Root => {
            let body = below(whole, 0, &ctx.lay);
            let body = body.strip_prefix(ctx.lay.eol).unwrap_or(&body).to_string();
            return Ok(vec![vec![TextEdit::replace(span, body)]]);
        }
        Owner::Entry { .. } => (
            after_colon(whole, col, &ctx.lay),
            after_indicator_and_props(text, f.owner),
        ),
        Owner::Item { .. } => (
            after_dash(whole, col, &ctx.lay),
            after_indicator_and_props(text, f.owner),
        ),
    };
    let Some(start) = start.filter(|s| *s <= span.start) else {
        return Err(EditError::unsupported(
            "cannot find the `:` or `-` before the value",
        ));
    };
    let old = Span::new(start, span.end);
    if tail_free(text, span.end) {
        return Ok(vec![vec![TextEdit::replace(old, rendered)]]);
    }
    // A comment follows on the line: keep it there and write the value below it.
    let rendered = match f.owner {
        Owner::Item { .. } => below(whole, col + 2, &ctx.lay),
        _ => rendered,
    };
    let mut edits = vec![TextEdit::insert(line_end(text, span.end), rendered)];
    if !old.is_empty() {
        edits.push(TextEdit::delete(old));
    }
    Ok(vec![edits])
}

fn replace_scalar_text(span: Span, text: &str, rendered: String) -> Vec<Vec<TextEdit>> {
    if span.is_empty() {
        let sep = if text.get(..span.start).unwrap_or("").ends_with([' ', '\t']) {
            ""
        } else {
            " "
        };
        vec![vec![TextEdit::insert(
            span.start,
            format!("{sep}{rendered}"),
        )]]
    } else {
        vec![vec![TextEdit::replace(span, rendered)]]
    }
}

/// Writes `whole` into a document that has no content yet (empty or only comments).
fn create_root(ctx: &YamlText, whole: &NewValue) -> Vec<TextEdit> {
    let text = ctx.text;
    let eol = ctx.lay.eol;
    let body = match whole {
        NewValue::Map(m) if !m.is_empty() => below(whole, 0, &ctx.lay),
        NewValue::Seq(s) if !s.is_empty() => below(whole, 0, &ctx.lay),
        _ => scalar::inline(whole, None, false),
    };
    let body = body.strip_prefix(eol).unwrap_or(&body);
    let sep = if text.is_empty() || text.ends_with('\n') {
        ""
    } else {
        eol
    };
    vec![TextEdit::insert(text.len(), format!("{sep}{body}{eol}"))]
}
