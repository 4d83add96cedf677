//! Messages for a line that lines up with nothing above it. saphyr-parser says only
//! that it expected a key or a `-`; the layer's general wording ("indented like the
//! keys above but is not a `key: value`") is wrong when the line sits *between* two
//! levels, the commonest indentation mistake in a hand-written spec:
//!
//! ```yaml
//! resources:
//!   ports:
//!  - 8080        # one space: less than `ports`, more than `resources`
//! ```
//!
//! This looks at the lines above the error to say which indentations would be right.
//! Like every syntax message it names columns, never the document's text.

/// The message for saphyr-parser's `raw` error at `at` in `text`, when it is about a
/// line indented between two levels; `None` leaves the message to `messages::explain`.
pub(crate) fn explain(text: &str, at: usize, raw: &str) -> Option<String> {
    let about_indent =
        raw.contains("did not find expected key") || raw.contains("did not find expected '-'");
    if !about_indent || !text.is_char_boundary(at) {
        return None;
    }
    let start = text[..at].rfind(['\n', '\r']).map_or(0, |p| p + 1);
    let line = content_line(&text[start..])?;
    let column = indent(line);
    let above = lines_above(&text[..start]);
    let levels = levels(&above);
    if levels.contains(&column) {
        return None; // it lines up: the general message is the right one
    }
    let lower = levels.iter().copied().filter(|&l| l < column).max();
    let upper = levels.iter().copied().filter(|&l| l > column).min();
    let is_item = line[column..].starts_with('-');
    let key_column = above.first().and_then(|l| empty_key_column(l));
    Some(match (key_column, lower) {
        (Some(key), lower) if column < key && is_item => format!(
            "this list item is indented less than the key above it, so it belongs to neither: \
             indent its `-` by {key} spaces or more to put the list under that key{}",
            or_by(
                lower,
                "to make it an item of the list or mapping further out"
            )
        ),
        (Some(key), lower) if column < key => format!(
            "this line is indented less than the key above it, and more than that key's own \
             level: indent it by more than {key} spaces to put it under that key{}",
            or_by(lower, "to make it a sibling of the entries further out")
        ),
        _ => format!(
            "this line is indented by {column} {}, which lines up with none of the lines above{}; \
             indent it like the entries it belongs with",
            spaces(column),
            match (lower, upper) {
                (Some(l), Some(u)) => format!(" (the nearest are at {l} and {u})"),
                (Some(l), None) => format!(" (the nearest is at {l})"),
                (None, Some(u)) => format!(" (the nearest is at {u})"),
                (None, None) => String::new(),
            }
        ),
    })
}

fn or_by(lower: Option<usize>, what: &str) -> String {
    lower.map_or(String::new(), |l| format!(", or by {l} {what}"))
}

fn spaces(n: usize) -> &'static str {
    if n == 1 {
        "space"
    } else {
        "spaces"
    }
}

/// The first line of `rest` if it holds content (not blank, not only a comment).
fn content_line(rest: &str) -> Option<&str> {
    let line = rest.split(['\n', '\r']).next().unwrap_or("");
    let body = line.trim_start_matches(' ');
    (!body.is_empty() && !body.starts_with('#')).then_some(line)
}

fn indent(line: &str) -> usize {
    line.len() - line.trim_start_matches(' ').len()
}

/// The content lines of `before`, nearest first, up to and including the first one at
/// column 0 (the top-level entry the error is in).
fn lines_above(before: &str) -> Vec<&str> {
    let mut out = Vec::new();
    for line in before.rsplit(['\n', '\r']) {
        let Some(line) = content_line(line) else {
            continue;
        };
        let at_top = indent(line) == 0;
        out.push(line);
        if at_top {
            break;
        }
    }
    out
}

/// The columns a line after `above` could start at: each enclosing line's indentation
/// and, on those lines, where an entry begins after each `- ` (`  - - k: v` opens 2, 4
/// and 6). A line is enclosing when it is less indented than every line below it.
fn levels(above: &[&str]) -> Vec<usize> {
    let mut levels = Vec::new();
    let mut bound = usize::MAX;
    for line in above {
        let column = indent(line);
        if column >= bound {
            continue;
        }
        bound = column;
        levels.push(column);
        let mut p = column;
        while line[p..].starts_with("- ") || line[p..].starts_with("-\t") {
            p += 1;
            p += line[p..].len() - line[p..].trim_start_matches([' ', '\t']).len();
            levels.push(p);
        }
    }
    levels
}

/// Where the key starts on `line` when the line ends with `key:` and no value (an
/// optional comment after it), so the lines below belong to that key.
fn empty_key_column(line: &str) -> Option<usize> {
    let body = match line.find(" #") {
        Some(p) => &line[..p],
        None => line,
    };
    let body = body.trim_end();
    if !body.ends_with(':') {
        return None;
    }
    let mut p = indent(line);
    while line[p..].starts_with("- ") {
        p += 1;
        p += line[p..].len() - line[p..].trim_start_matches(' ').len();
    }
    Some(p)
}

#[cfg(test)]
mod tests {
    use crate::yaml::events::parse;

    fn first_message(text: &str) -> String {
        parse(text)
            .syntax_diagnostics
            .into_iter()
            .find(|d| d.rule == crate::RuleId::YamlSyntax)
            .map(|d| d.message)
            .unwrap_or_default()
    }

    #[test]
    fn a_list_indented_less_than_its_key_says_so() {
        let m = first_message("resources:\n  ports:\n - 8080\n");
        assert!(
            m.starts_with("this list item is indented less than the key above it"),
            "{m}"
        );
        assert!(m.contains("by 2 spaces or more"), "{m}");
        assert!(m.contains("or by 0"), "{m}");
        // The fuzz finding ed3173c3: a list under a key inside a list item.
        let m = first_message("a:\n  - x\n  - k:\n   - y\n  - z\n");
        assert!(m.contains("by 4 spaces or more"), "{m}");
        assert!(m.contains("or by 2"), "{m}");
    }

    #[test]
    fn a_key_between_two_levels_names_both() {
        let m = first_message("a:\n  b: 1\n c: 2\n");
        assert!(
            m.contains("indented by 1 space, which lines up with none"),
            "{m}"
        );
        assert!(m.contains("at 0 and 2"), "{m}");
        let m = first_message("a:\n  - x\n - y\n");
        assert!(m.contains("lines up with none"), "{m}");
        // Comments and blank lines between do not count as levels.
        let m = first_message("a:\n  b: 1\n    # note\n\n c: 2\n");
        assert!(m.contains("at 0 and 2"), "{m}");
    }

    #[test]
    fn a_line_that_lines_up_keeps_the_general_message() {
        let m = first_message("a:\n  b: 1\n  c\n");
        assert!(m.contains("a key without its `:`"), "{m}");
        let m = first_message("a:\n  b: 1\n  - c\n");
        assert!(m.contains("indented like the keys above"), "{m}");
        let m = first_message("a:\n  - x\n  y\n");
        assert!(m.contains("`- `"), "{m}");
    }

    #[test]
    fn odd_input_gives_no_message_and_no_panic() {
        for (text, at) in [("", 0), ("a", 5), ("\n\n", 1), ("é:\n é", 5)] {
            let _ = super::explain(text, at, "did not find expected key");
        }
        assert_eq!(super::explain("a:\n b", 4, "something else"), None);
    }
}
