//! saphyr-parser 0.3.4 counts the name and parameters of a `%` directive it does not
//! know (anything but `%YAML` and `%TAG`) in bytes where every other position is in
//! characters (`StrInput::fetch_while_is_yaml_non_space` returns a byte count the
//! scanner adds to its character index). So after `%NAME é` every later position of
//! the stream is off by the extra bytes of its non-ASCII characters, and every span
//! built from them points that far to the right (found by fuzzing: a root list whose
//! span lay after its first item's start).
//!
//! Such a directive's words mean nothing to the tree, so saphyr-parser is given a
//! copy of the text where each non-ASCII character of those lines is written as as
//! many `x` as it has bytes: the same length (every byte offset stays right), and the
//! line now counts the same in bytes and characters. Only directives saphyr-parser
//! reads as directives are masked: lines starting with `%` before a document opens
//! (at the start of the stream or after a `...` marker). A `%` line inside a document
//! is either content of a scalar (which must keep its characters) or an error reported
//! at its `%`, before any position drifts.

/// `text` with the non-ASCII characters of its unknown directives written in ASCII,
/// or `None` when nothing needs it (always for an ASCII text).
pub(crate) fn masked(text: &str) -> Option<String> {
    if text.is_ascii() {
        return None;
    }
    let mut copy: Option<String> = None;
    // Whether a document is open (no directive can start a line then).
    let mut open = false;
    let mut start = 0;
    while start < text.len() {
        let (line, next) = line_at(text, start);
        // A byte order mark at the start of a line between documents is skipped.
        let body = line.trim_start_matches('\u{feff}');
        let at = start + (line.len() - body.len());
        if !open {
            if body.starts_with('%') {
                if is_unknown_directive(body) && !body.is_ascii() {
                    let copy = copy.get_or_insert_with(|| text.to_string());
                    mask(copy, at, body);
                }
            } else if !is_blank_or_comment(body) && !is_marker(body, "...") {
                open = true;
            }
        } else if is_marker(body, "...") {
            open = false;
        }
        start = next;
    }
    copy
}

/// The line starting at `start` (without its break) and where the next one starts.
/// Breaks are saphyr-parser's: `\n`, `\r\n` and a lone `\r`.
fn line_at(text: &str, start: usize) -> (&str, usize) {
    let b = text.as_bytes();
    match b[start..].iter().position(|&c| c == b'\n' || c == b'\r') {
        None => (&text[start..], text.len()),
        Some(i) => {
            let end = start + i;
            let next = if b[end] == b'\r' && b.get(end + 1) == Some(&b'\n') {
                end + 2
            } else {
                end + 1
            };
            (&text[start..end], next)
        }
    }
}

/// A directive whose name is neither `YAML` nor `TAG` (those two are read in characters).
fn is_unknown_directive(line: &str) -> bool {
    let name = line[1..]
        .split([' ', '\t', '\0', '\u{feff}'])
        .next()
        .unwrap_or("");
    name != "YAML" && name != "TAG"
}

fn is_blank_or_comment(line: &str) -> bool {
    let rest = line.trim_start_matches([' ', '\t']);
    rest.is_empty() || rest.starts_with('#')
}

/// `---` or `...` standing alone at the start of a line.
fn is_marker(line: &str, marker: &str) -> bool {
    line.strip_prefix(marker)
        .is_some_and(|rest| rest.is_empty() || rest.starts_with([' ', '\t']))
}

/// Writes each non-ASCII character of `line` (at `at` in `copy`) as `x`s, one per byte,
/// but a byte order mark (which ends a directive's words, and is kept to end them).
fn mask(copy: &mut String, at: usize, line: &str) {
    let mut masked = String::with_capacity(line.len());
    for c in line.chars() {
        if c.is_ascii() || c == '\u{feff}' {
            masked.push(c);
        } else {
            masked.extend(std::iter::repeat_n('x', c.len_utf8()));
        }
    }
    copy.replace_range(at..at + line.len(), &masked);
}

#[cfg(test)]
mod tests {
    use super::masked;
    use crate::yaml::events::parse;

    #[test]
    fn only_unknown_directives_before_a_document_are_masked() {
        assert_eq!(masked("a: é\n"), None);
        assert_eq!(
            masked("%FOO é\n--- x\n...\n%BAR ߚ\n---\n|\n%é\n").as_deref(),
            Some("%FOO xx\n--- x\n...\n%BAR xx\n---\n|\n%é\n")
        );
        // `%YAML` and `%TAG` are read in characters; a `%` line in a document is not a
        // directive (here, content of a literal block).
        assert_eq!(masked("%YAML 1.2 #é\n--- |\n%é\n"), None);
        assert_eq!(masked("--- |\n%é\n"), None);
    }

    /// Found by fuzzing (`fuzz/corpus/pipeline/found-crash-…`): after a directive
    /// with non-ASCII words every span was off, here the root list's start after its
    /// item's.
    #[test]
    fn spans_after_a_directive_with_non_ascii_words_are_right() {
        let text = "%FOO ۲é ߚ\n---\n- key: value\n- é: ü\n";
        let doc = parse(text);
        assert!(
            doc.syntax_diagnostics.is_empty(),
            "{:?}",
            doc.syntax_diagnostics
        );
        let root = doc.root.as_ref().unwrap();
        assert_eq!(root.span.slice(text), "- key: value\n- é: ü");
        let items = &root.as_sequence().unwrap().items;
        let first = items[0].as_mapping().unwrap();
        assert_eq!(first.entries[0].span.slice(text), "key: value");
        assert_eq!(first.get("key").unwrap().span.slice(text), "value");
        let second = items[1].as_mapping().unwrap();
        assert_eq!(second.entries[0].key.span.slice(text), "é");
        assert_eq!(second.get("é").unwrap().span.slice(text), "ü");
    }
}
