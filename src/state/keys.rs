//! Editing keys of the YAML editor as pure text operations on byte offsets: Tab and
//! Shift+Tab indent and outdent the selected lines by two spaces; Enter keeps the
//! current line's indentation (one level more after a `key:` or `- ` that opens a block).

/// Indentation step of the editor.
pub const INDENT: &str = "  ";

/// The result of a key: the new text and the new selection (byte offsets).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KeyEdit {
    pub text: String,
    pub start: usize,
    pub end: usize,
}

fn line_start(text: &str, at: usize) -> usize {
    text[..at].rfind('\n').map_or(0, |i| i + 1)
}

/// Start offsets of the lines touched by `[start, end)` (a selection ending at the
/// very start of a line does not take that line).
fn touched_lines(text: &str, start: usize, end: usize) -> Vec<usize> {
    let last = if end > start && text[..end].ends_with('\n') {
        end - 1
    } else {
        end
    };
    let mut lines = vec![line_start(text, start)];
    lines.extend(
        text[start..last.max(start)]
            .match_indices('\n')
            .map(|(i, _)| start + i + 1),
    );
    lines
}

/// Tab: with a caret, inserts two spaces; with a selection, indents its lines.
pub fn indent(text: &str, start: usize, end: usize) -> KeyEdit {
    if start == end {
        let mut t = text.to_string();
        t.insert_str(start, INDENT);
        return KeyEdit {
            text: t,
            start: start + 2,
            end: start + 2,
        };
    }
    let lines = touched_lines(text, start, end);
    let mut t = text.to_string();
    for &ls in lines.iter().rev() {
        t.insert_str(ls, INDENT);
    }
    let first = lines[0];
    let new_start = if start == first { start } else { start + 2 };
    KeyEdit {
        text: t,
        start: new_start,
        end: end + 2 * lines.len(),
    }
}

/// Shift+Tab: removes up to two leading spaces from each touched line.
pub fn outdent(text: &str, start: usize, end: usize) -> KeyEdit {
    let lines = touched_lines(text, start, end);
    let mut t = text.to_string();
    let (mut new_start, mut new_end) = (start, end);
    for &ls in lines.iter().rev() {
        let n = text[ls..]
            .bytes()
            .take(2)
            .take_while(|b| *b == b' ')
            .count();
        if n == 0 {
            continue;
        }
        t.replace_range(ls..ls + n, "");
        let shift = |pos: usize| {
            if pos <= ls {
                pos
            } else {
                pos - n.min(pos - ls)
            }
        };
        new_start = shift(new_start);
        new_end = shift(new_end);
    }
    KeyEdit {
        text: t,
        start: new_start,
        end: new_end,
    }
}

/// Enter: a line break followed by the current line's indentation, one step more
/// when the line opens a block (`key:` with nothing after it, or a bare `-`).
pub fn newline(text: &str, start: usize, end: usize) -> KeyEdit {
    let ls = line_start(text, start);
    let line = &text[ls..start];
    let indent: String = line.chars().take_while(|c| *c == ' ').collect();
    let code = line.split(" #").next().unwrap_or(line).trim_end();
    let opens_block = code.ends_with(':') || code.trim() == "-";
    let item_indent = if let Some(rest) = line.trim_start().strip_prefix("- ") {
        // After `- key: value`, continue at the item's key column.
        (!rest.trim().is_empty() && rest.contains(':') && !opens_block)
            .then(|| " ".repeat(indent.len() + 2))
    } else {
        None
    };
    let mut insert = String::from(if text.contains("\r\n") { "\r\n" } else { "\n" });
    insert.push_str(&item_indent.unwrap_or(indent));
    if opens_block {
        insert.push_str(INDENT);
    }
    let mut t = text.to_string();
    t.replace_range(start..end, &insert);
    let caret = start + insert.len();
    KeyEdit {
        text: t,
        start: caret,
        end: caret,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tab_inserts_or_indents_lines() {
        assert_eq!(
            indent("a: 1\n", 0, 0),
            KeyEdit {
                text: "  a: 1\n".into(),
                start: 2,
                end: 2
            }
        );
        let e = indent("a: 1\nb: 2\nc: 3\n", 0, 9);
        assert_eq!(e.text, "  a: 1\n  b: 2\nc: 3\n");
        assert_eq!((e.start, e.end), (0, 13));
        // A selection that ends at the start of a line does not indent that line.
        assert_eq!(indent("a\nb\n", 0, 2).text, "  a\nb\n");
    }

    #[test]
    fn shift_tab_outdents_up_to_two_spaces() {
        let e = outdent("    a: 1\n b: 2\nc\n", 0, 14);
        assert_eq!(e.text, "  a: 1\nb: 2\nc\n");
        let e = outdent("  key: v\n", 5, 5);
        assert_eq!((e.text.as_str(), e.start), ("key: v\n", 3));
    }

    #[test]
    fn enter_keeps_indentation_and_opens_blocks() {
        let t = "resources:\n  replicas: 1";
        let e = newline(t, t.len(), t.len());
        assert_eq!(e.text, "resources:\n  replicas: 1\n  ");
        let t = "resources:";
        assert_eq!(newline(t, t.len(), t.len()).text, "resources:\n  ");
        let t = "env:\n  - name: A";
        assert_eq!(newline(t, t.len(), t.len()).text, "env:\n  - name: A\n    ");
        let t = "a: 1 # note: x";
        assert_eq!(newline(t, t.len(), t.len()).text, "a: 1 # note: x\n");
        let t = "a:\r\n  b: 1";
        assert_eq!(newline(t, t.len(), t.len()).text, "a:\r\n  b: 1\r\n  ");
    }
}
