//! Shared helpers for the edit tests: the corpus, paths in a document, and the
//! invariants every successful edit must satisfy.
#![allow(dead_code)]

use gradient_spec::diag::{apply_edits, Span, TextEdit};
use gradient_spec::edit::NewValue;
use gradient_spec::yaml::{parse, Node, ScalarKind, Value};
use gradient_spec::{PathSegment, SpecPath};

pub const CORPUS: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/data/corpus");

/// Every corpus file as (name, text), sorted by name.
pub fn corpus() -> Vec<(String, String)> {
    let mut files: Vec<(String, String)> = std::fs::read_dir(CORPUS)
        .expect("the corpus folder tests/data/corpus")
        .filter_map(|e| e.ok())
        .map(|e| e.path())
        .filter(|p| p.extension().is_some_and(|x| x == "yaml" || x == "yml"))
        .map(|p| {
            let name = p.file_name().unwrap().to_string_lossy().to_string();
            (name, std::fs::read_to_string(&p).unwrap())
        })
        .collect();
    files.sort();
    assert!(files.len() >= 10, "corpus not found at {CORPUS}");
    files
}

pub fn corpus_file(prefix: &str) -> String {
    corpus()
        .into_iter()
        .find(|(n, _)| n.starts_with(prefix))
        .expect("corpus file")
        .1
}

pub fn p(s: &str) -> SpecPath {
    SpecPath::parse(s).expect("a valid path")
}

/// The node at `path` in a parse of `text`.
pub fn node_at(root: &Node, path: &SpecPath) -> Option<Node> {
    let mut cur = root;
    for seg in &path.0 {
        cur = match (seg, &cur.value) {
            (PathSegment::Key(k), Value::Mapping(m)) => m.get(k)?,
            (PathSegment::Index(i), Value::Sequence(s)) => s.items.get(*i)?,
            _ => return None,
        };
    }
    Some(cur.clone())
}

/// Every path in the document (not the root), in document order.
pub fn all_paths(root: &Node) -> Vec<(SpecPath, Node)> {
    fn go(n: &Node, at: &SpecPath, out: &mut Vec<(SpecPath, Node)>) {
        match &n.value {
            Value::Mapping(m) => {
                for e in &m.entries {
                    if let Some(k) = e.key.scalar_text() {
                        let p = at.key(k);
                        out.push((p.clone(), e.value.clone()));
                        go(&e.value, &p, out);
                    }
                }
            }
            Value::Sequence(s) => {
                for (i, item) in s.items.iter().enumerate() {
                    let p = at.index(i);
                    out.push((p.clone(), item.clone()));
                    go(item, &p, out);
                }
            }
            _ => {}
        }
    }
    let mut out = Vec::new();
    go(root, &SpecPath::root(), &mut out);
    out
}

/// Whether a parsed node means `v`.
pub fn means(node: &Node, v: &NewValue) -> bool {
    match (&node.value, v) {
        (Value::Scalar(s), NewValue::Null) => s.kind == ScalarKind::Null,
        (Value::Scalar(s), NewValue::Bool(b)) => s.kind == ScalarKind::Bool(*b),
        (Value::Scalar(s), NewValue::Int(i)) => s.kind == ScalarKind::Int(*i),
        (Value::Scalar(s), NewValue::Float(f)) => match s.kind {
            ScalarKind::Float(g) => g.to_bits() == f.to_bits() || (g.is_nan() && f.is_nan()),
            _ => false,
        },
        (Value::Scalar(s), NewValue::Str(t)) => s.kind == ScalarKind::String && &s.text == t,
        (Value::Mapping(m), NewValue::Map(entries)) => {
            m.entries.len() == entries.len()
                && m.entries
                    .iter()
                    .zip(entries)
                    .all(|(e, (k, v))| e.key.scalar_text() == Some(k) && means(&e.value, v))
        }
        (Value::Sequence(s), NewValue::Seq(items)) => {
            s.items.len() == items.len() && s.items.iter().zip(items).all(|(n, v)| means(n, v))
        }
        _ => false,
    }
}

/// The comments of `text` (from the `#` to the end of the line), with their line
/// ranges, by a simple scan that knows quoted strings (enough for these tests).
pub fn comments(text: &str) -> Vec<(Span, String)> {
    let mut out = Vec::new();
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let body = line.trim_end_matches(['\n', '\r']);
        if let Some(i) = comment_start(body) {
            out.push((
                Span::new(start, start + line.len()),
                body[i..].trim_end().to_string(),
            ));
        }
        start += line.len();
    }
    out
}

fn comment_start(line: &str) -> Option<usize> {
    let b = line.as_bytes();
    let mut quote: Option<u8> = None;
    let mut i = 0;
    while i < b.len() {
        let c = b[i];
        let after_space = i == 0 || matches!(b[i - 1], b' ' | b'\t');
        match quote {
            Some(b'"') if c == b'\\' => i += 1,
            Some(q) if c == q => {
                if q == b'\'' && b.get(i + 1) == Some(&b'\'') {
                    i += 1;
                } else {
                    quote = None;
                }
            }
            Some(_) => {}
            None if c == b'#' && after_space => return Some(i),
            None if (c == b'"' || c == b'\'')
                && (i == 0 || matches!(b[i - 1], b' ' | b'[' | b'{' | b',')) =>
            {
                quote = Some(c)
            }
            None => {}
        }
        i += 1;
    }
    None
}

/// The range of old text that changed, by common prefix and suffix.
pub fn changed_range(old: &str, new: &str) -> Span {
    let pre = old
        .bytes()
        .zip(new.bytes())
        .take_while(|(a, b)| a == b)
        .count();
    let max = old.len().min(new.len()) - pre;
    let suf = old
        .bytes()
        .rev()
        .zip(new.bytes().rev())
        .take(max)
        .take_while(|(a, b)| a == b)
        .count();
    Span::new(pre, old.len() - suf)
}

/// The start of the line holding `pos`.
pub fn line_start(text: &str, pos: usize) -> usize {
    text[..pos.min(text.len())].rfind('\n').map_or(0, |i| i + 1)
}

/// The start of the line after the one holding `pos`.
pub fn next_line(text: &str, pos: usize) -> usize {
    text[pos.min(text.len())..]
        .find('\n')
        .map_or(text.len(), |i| pos + i + 1)
}

/// What a successful edit must satisfy.
pub struct Expect<'a> {
    /// The old bytes that may change (every edit and every change lies inside).
    pub region: Span,
    /// The old bytes whose comments may disappear (a removed item's own lines).
    pub removed: Span,
    /// The path to read back, and the value it must mean (`None`: not checked).
    pub path: &'a SpecPath,
    pub value: Option<&'a NewValue>,
}

/// Applies `edits` and checks the invariants; returns the new text.
pub fn check(old: &str, edits: &[TextEdit], want: &Expect) -> String {
    let new = apply_edits(old, edits).expect("edits apply");
    let ctx = || format!("\n--- old:\n{old}\n--- new:\n{new}\n--- edits: {edits:?}");
    for e in edits {
        assert!(
            e.span.start >= want.region.start && e.span.end <= want.region.end,
            "edit {e:?} outside {:?}{}",
            want.region,
            ctx()
        );
    }
    let (head, tail) = (&old[..want.region.start], &old[want.region.end..]);
    assert!(
        new.len() >= head.len() + tail.len() && new.starts_with(head) && new.ends_with(tail),
        "text changed outside {:?}{}",
        want.region,
        ctx()
    );
    let old_doc = parse(old);
    let new_doc = parse(&new);
    assert!(
        new_doc.syntax_diagnostics.len() <= old_doc.syntax_diagnostics.len(),
        "new syntax problems {:?}{}",
        new_doc.syntax_diagnostics,
        ctx()
    );
    let mut remaining: Vec<String> = comments(&new).into_iter().map(|(_, c)| c).collect();
    for (span, c) in comments(old) {
        if span.start >= want.removed.start
            && span.end <= want.removed.end
            && !want.removed.is_empty()
        {
            continue;
        }
        let i = remaining
            .iter()
            .position(|r| *r == c)
            .unwrap_or_else(|| panic!("lost comment {c:?}{}", ctx()));
        remaining.swap_remove(i);
    }
    if old.contains("\r\n") {
        let bare = new
            .match_indices('\n')
            .filter(|(i, _)| *i == 0 || new.as_bytes()[i - 1] != b'\r')
            .count();
        let old_bare = old
            .match_indices('\n')
            .filter(|(i, _)| *i == 0 || old.as_bytes()[i - 1] != b'\r')
            .count();
        assert_eq!(
            bare,
            old_bare,
            "a LF line break in a CRLF document{}",
            ctx()
        );
    }
    let root = new_doc.root.as_ref();
    let got = root.and_then(|r| node_at(r, want.path));
    if let Some(v) = want.value {
        let got = got.unwrap_or_else(|| panic!("nothing at {}{}", want.path, ctx()));
        assert!(
            means(&got, v),
            "{} reads {:?}, wanted {v:?}{}",
            want.path,
            got.value,
            ctx()
        );
    }
    new
}

/// A parsed node as a [`NewValue`] (aliases and tags are not represented).
pub fn to_new(node: &Node) -> Option<NewValue> {
    Some(match &node.value {
        Value::Scalar(s) => match s.kind {
            ScalarKind::Null => NewValue::Null,
            ScalarKind::Bool(b) => NewValue::Bool(b),
            ScalarKind::Int(i) => NewValue::Int(i),
            ScalarKind::Float(f) => NewValue::Float(f),
            ScalarKind::String => NewValue::Str(s.text.clone()),
        },
        Value::Mapping(m) => NewValue::Map(
            m.entries
                .iter()
                .map(|e| Some((e.key.scalar_text()?.to_string(), to_new(&e.value)?)))
                .collect::<Option<_>>()?,
        ),
        Value::Sequence(s) => NewValue::Seq(s.items.iter().map(to_new).collect::<Option<_>>()?),
        Value::Alias(_) => return None,
    })
}

/// The region a change inside `node` may touch: from the line of its owner (`key:`
/// or `-`, which starts at `owner_start`) to the end of its last line, plus the comment
/// and blank lines right after it.
pub fn region_of(text: &str, owner_start: usize, node: &Node) -> Span {
    let start = line_start(text, owner_start.min(node.span.start));
    let mut end = next_line(text, node.span.end);
    while end < text.len() {
        let line = &text[end..next_line(text, end)];
        let t = line.trim();
        if t.is_empty() || t.starts_with('#') {
            end = next_line(text, end);
        } else {
            break;
        }
    }
    Span::new(start, end)
}

/// The lines an entry or item starting at `start` and ending at `end` may take with it:
/// comment lines directly above, its lines, comment lines right below.
pub fn owned_allowance(text: &str, start: usize, end: usize) -> Span {
    let mut first = line_start(text, start);
    while first > 0 {
        let prev = line_start(text, first - 1);
        if text[prev..first].trim_start().starts_with('#') {
            first = prev;
        } else {
            break;
        }
    }
    let mut last = next_line(text, end);
    while last < text.len() {
        let next = next_line(text, last);
        if text[last..next].trim_start().starts_with('#') {
            last = next;
        } else {
            break;
        }
    }
    Span::new(first, last)
}

/// The key of the entry at `path` (when it ends in a key).
pub fn key_of(root: &Node, path: &SpecPath) -> Option<Node> {
    let (last, parent) = path.0.split_last()?;
    let parent = node_at(root, &SpecPath(parent.to_vec()))?;
    match (last, &parent.value) {
        (PathSegment::Key(k), Value::Mapping(m)) => Some(m.get_entry(k)?.key.clone()),
        _ => None,
    }
}

/// Where the thing at `path` starts, its key included.
pub fn start_of(root: &Node, path: &SpecPath) -> usize {
    let node = node_at(root, path).map_or(0, |n| n.span.start);
    key_of(root, path).map_or(node, |k| k.span.start)
}
