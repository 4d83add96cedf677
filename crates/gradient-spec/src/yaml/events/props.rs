//! Reads what saphyr-parser resolves away: anchors and tags as written (`&name`,
//! `!!str`, `!<tag:…>`), where a node's content starts after them, and the header of
//! a block scalar (whose event span starts at its first content line).

/// The properties written before a node and where its content starts.
#[derive(Debug, Default)]
pub(crate) struct Props {
    pub anchor: Option<String>,
    pub tag: Option<String>,
    /// Offset of the node's content (its indicator, quote or first character).
    pub content: usize,
    /// The end of the last property (the start of the span when there are none).
    pub props_end: usize,
}

pub(crate) fn is_space(c: u8) -> bool {
    matches!(c, b' ' | b'\t' | b'\r' | b'\n')
}

/// The end of a property token starting at `p` (anchors and tags end at a space or a
/// flow indicator; a verbatim tag `!<…>` at its `>`).
fn token_end(b: &[u8], mut p: usize) -> usize {
    if b.get(p) == Some(&b'!') && b.get(p + 1) == Some(&b'<') {
        while p < b.len() && b[p] != b'>' {
            p += 1;
        }
        return (p + 1).min(b.len());
    }
    while p < b.len() && !is_space(b[p]) && !matches!(b[p], b',' | b'[' | b']' | b'{' | b'}') {
        p += 1;
    }
    p
}

/// Skips spaces, line breaks and comments from `p` (up to `end`).
pub(crate) fn skip_trivia(b: &[u8], mut p: usize, end: usize) -> usize {
    while p < end {
        match b[p] {
            c if is_space(c) => p += 1,
            b'#' if p == 0 || is_space(b[p - 1]) => {
                // A comment ends at a line break, `\r` alone included.
                while p < end && b[p] != b'\n' && b[p] != b'\r' {
                    p += 1;
                }
            }
            _ => break,
        }
    }
    p
}

/// Reads the properties from `p` (the start of a node's event span) up to `end`.
pub(crate) fn read(text: &str, p: usize, end: usize) -> Props {
    let b = text.as_bytes();
    let end = end.min(b.len());
    let mut props = Props {
        content: p,
        props_end: p,
        ..Props::default()
    };
    let mut q = p;
    loop {
        let at = skip_trivia(b, q, end);
        match b.get(at) {
            Some(b'&') if at < end && props.anchor.is_none() => {
                let e = token_end(b, at);
                props.anchor = text.get(at + 1..e).map(str::to_string);
                q = e;
                props.props_end = e;
            }
            Some(b'!') if at < end && props.tag.is_none() => {
                let e = token_end(b, at);
                props.tag = text.get(at..e).map(str::to_string);
                q = e;
                props.props_end = e;
            }
            _ => break,
        }
        props.content = skip_trivia(b, q, end);
    }
    props
}

/// The `|` or `>` header of a block scalar whose event span starts at `content` (its
/// first content line; saphyr-parser starts it at the header only when that is where
/// its properties or nothing else stand): the header stands on the last line before
/// `content` that is not blank.
pub(crate) fn block_header(b: &[u8], content: usize) -> Option<usize> {
    let content = content.min(b.len());
    // A line break is `\n`, `\r\n` or a lone `\r` (the `\r` of a `\r\n` ends an empty
    // line, which is blank).
    let breaks = |c: u8| c == b'\n' || c == b'\r';
    let mut line_start = content;
    while line_start > 0 && !breaks(b[line_start - 1]) {
        line_start -= 1;
    }
    // The content's own line, then the lines above it, until one is not blank.
    let mut end = content;
    loop {
        if let Some(h) = header_on_line(b, line_start, end) {
            return Some(h);
        }
        let blank = b[line_start..end].iter().all(|&c| is_space(c));
        if !blank || line_start == 0 {
            return None;
        }
        end = line_start - 1;
        line_start = end;
        while line_start > 0 && !breaks(b[line_start - 1]) {
            line_start -= 1;
        }
    }
}

/// A block scalar header on `b[from..to]`: a `|` or `>` where a node can start,
/// outside quotes and comments, followed by its indicators and then a space, a
/// comment or the line end. A node starts at the line's start (past a byte order
/// mark, a `--- `), after `- `, `? `, a value's `:` (`: `, or in a flow collection a
/// `:` before `,[]{}` or after a quote or bracket), a `[`, `{` or `,` of a flow
/// collection, or properties. Elsewhere a quote, a `|` or a `>` is text of a plain
/// scalar (found by the pipeline fuzz target: `k "a: >`, a plain key holding a `"`;
/// and by review: `a > b: |`, a plain key holding a `>`).
fn header_on_line(b: &[u8], from: usize, to: usize) -> Option<usize> {
    // Past a byte order mark starting the text, the line's content starts.
    let start = if from == 0 && b.starts_with("\u{feff}".as_bytes()) {
        3
    } else {
        from
    };
    let mut p = start;
    let mut quote = None;
    let mut node_start = true;
    let mut flow_depth = 0usize;
    let sep_after = |p: usize| p + 1 >= to || is_space(b[p + 1]);
    let flow_indicator = |c: u8| matches!(c, b',' | b'[' | b']' | b'{' | b'}');
    while p < to {
        let c = b[p];
        match quote {
            // `\"` in double quotes and `''` in single quotes do not close them.
            Some(b'"') if c == b'\\' => p += 1,
            Some(b'\'') if c == b'\'' && b.get(p + 1) == Some(&b'\'') && p + 1 < to => p += 1,
            Some(q) if c == q => {
                quote = None;
                node_start = false;
            }
            Some(_) => {}
            None => match c {
                b'"' | b'\'' if node_start => quote = Some(c),
                b'#' if p == start || is_space(b[p - 1]) => return None,
                b'|' | b'>' if node_start => {
                    let e = header_end(b, p);
                    if e >= b.len() || is_space(b[e]) {
                        return Some(p);
                    }
                    node_start = false;
                }
                c if is_space(c) => {}
                b'-' if p == start && b[p..to].starts_with(b"---") && sep_after(p + 2) => p += 2,
                b'-' | b'?' if node_start && sep_after(p) => {}
                b':' if sep_after(p)
                    || flow_depth > 0
                        && (b.get(p + 1).is_some_and(|&n| flow_indicator(n))
                            || p > start && matches!(b[p - 1], b'"' | b'\'' | b']' | b'}')) =>
                {
                    node_start = true
                }
                b'[' | b'{' if node_start => flow_depth += 1,
                b',' if flow_depth > 0 => node_start = true,
                b']' | b'}' if flow_depth > 0 => {
                    flow_depth -= 1;
                    node_start = false;
                }
                // An anchor or a tag: a node may still start after it.
                b'!' | b'&' if node_start => {
                    while p + 1 < to
                        && !is_space(b[p + 1])
                        && !(flow_depth > 0 && flow_indicator(b[p + 1]))
                    {
                        p += 1;
                    }
                }
                _ => node_start = false,
            },
        }
        p += 1;
    }
    None
}

/// Whether `p` is right after a byte order mark at the start of the text.
pub(crate) fn after_bom(b: &[u8], p: usize) -> bool {
    p == 3 && b.starts_with("\u{feff}".as_bytes())
}

/// The end of a quoted scalar whose opening quote is at `open` (after its closing
/// quote), or `None` if it is not closed.
pub(crate) fn quoted_end(b: &[u8], open: usize) -> Option<usize> {
    let q = *b.get(open)?;
    let mut p = open + 1;
    while p < b.len() {
        match b[p] {
            b'\\' if q == b'"' => p += 2,
            c if c == q => {
                if q == b'\'' && b.get(p + 1) == Some(&b'\'') {
                    p += 2;
                } else {
                    return Some(p + 1);
                }
            }
            _ => p += 1,
        }
    }
    None
}

/// The offset after the bracket that closes the one at `open`, if it comes before
/// `limit` (quoted scalars and comments skipped).
pub(crate) fn matching_closer(b: &[u8], open: usize, limit: usize) -> Option<usize> {
    let mut depth = 0usize;
    let mut p = open;
    let limit = limit.min(b.len());
    while p < limit {
        match b[p] {
            b'[' | b'{' => depth += 1,
            b']' | b'}' => {
                depth = depth.checked_sub(1)?;
                if depth == 0 {
                    return Some(p + 1);
                }
            }
            b'"' | b'\'' if p > open && matches!(b[p - 1], b' ' | b'[' | b'{' | b',') => {
                p = quoted_end(b, p)?.checked_sub(1)?;
            }
            b'#' if is_space(b[p - 1]) => return None,
            _ => {}
        }
        p += 1;
    }
    None
}

/// The offset after the `]` or `}` that closes a flow collection whose last child
/// ends at `from`: past spaces, comments and a trailing comma.
pub(crate) fn flow_closer(b: &[u8], mut from: usize) -> Option<usize> {
    loop {
        from = skip_trivia(b, from, b.len());
        match b.get(from) {
            Some(b',') => from += 1,
            Some(b']' | b'}') => return Some(from + 1),
            _ => return None,
        }
    }
}

/// The end of a block scalar header at `p` (`|`, `>`, then indentation and chomping
/// indicators).
pub(crate) fn header_end(b: &[u8], mut p: usize) -> usize {
    p += 1;
    while p < b.len() && matches!(b[p], b'0'..=b'9' | b'+' | b'-') {
        p += 1;
    }
    p
}

#[cfg(test)]
mod tests {
    #[test]
    fn quoted_scalars_and_flow_collections_end_at_their_closer() {
        assert_eq!(quoted_end(b"'it''s' # c", 0), Some(7));
        assert_eq!(quoted_end(br#""a\"b" x"#, 0), Some(6));
        assert_eq!(quoted_end(b"'open", 0), None);
        assert_eq!(flow_closer(b"[a , # c\n ]  ", 2), Some(11));
        let t = b"p: {secret: 'x}': [/]} # }";
        assert_eq!(matching_closer(t, 3, t.len()), Some(22));
        assert_eq!(matching_closer(b"[a, b", 0, 5), None);
    }

    use super::*;

    #[test]
    fn properties_are_read_as_written() {
        let t = "&a !!str  x";
        let p = read(t, 0, t.len());
        assert_eq!(
            (p.anchor.as_deref(), p.tag.as_deref(), p.content),
            (Some("a"), Some("!!str"), 10)
        );
        let t = "!<tag:yaml.org,2002:str> y";
        assert_eq!(
            read(t, 0, t.len()).tag.as_deref(),
            Some("!<tag:yaml.org,2002:str>")
        );
        let t = "&a # c\n  k: v";
        assert_eq!(read(t, 0, t.len()).content, 9);
    }

    #[test]
    fn block_header_is_found_before_the_content() {
        let t = "a: &x |+\n  text\n";
        assert_eq!(block_header(t.as_bytes(), 11), Some(6));
        assert_eq!(header_end(t.as_bytes(), 6), 8);
        let t = ">\n\n folded\n";
        assert_eq!(block_header(t.as_bytes(), 4), Some(0));
        assert_eq!(block_header(b"a: b\nc: d", 8), None);
    }

    #[test]
    fn a_quote_opens_only_where_a_node_starts() {
        for (t, header) in [
            // A plain key holding a quote: the quote is text.
            ("k \"a: >\n  x\n", Some(6)),
            ("k 'x: |\n  x\n", Some(6)),
            // Quoted keys: the `|` inside them is text.
            ("\"a | b\": |\n  x\n", Some(9)),
            ("'a'' |': |\n  x\n", Some(9)),
            ("\"a\\\" |\": |\n  x\n", Some(9)),
            ("- &a \"x |\": >\n  x\n", Some(12)),
            ("[\"a |\", b]\n", None),
            // A `|` or `>` inside a plain key is text (found by review).
            ("a > b: |\n  x\n", Some(7)),
            ("a | b: >\n  x\n", Some(7)),
            // In brackets `a:"b` is one plain scalar: its quote opens nothing.
            ("[a:\"b]: |\n  x\n", Some(8)),
            // After a document marker, a byte order mark, a flow entry's properties.
            ("--- |\n  x\n", Some(4)),
            ("--- !t >\n  x\n", Some(7)),
            ("\u{feff}\"a | b\": |\n  x\n", Some(12)),
            ("\u{feff}|\n  x\n", Some(3)),
            ("{&a: x, \"b |\": c}: |\n  x\n", Some(19)),
        ] {
            let content = t.find('\n').unwrap() + 1;
            assert_eq!(block_header(t.as_bytes(), content), header, "{t:?}");
        }
    }
}
