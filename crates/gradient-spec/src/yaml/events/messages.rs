//! saphyr-parser's error messages in the layer's own words: what is wrong at the
//! marked place and what to do about it ("mapping values are not allowed in this
//! context" becomes "a `:` here would start a mapping inside a value ..."). The span
//! says where; a message never quotes the document's text (it may hold a secret) nor a
//! line number (an edit elsewhere would change it, and the edits compare messages).

/// The problem of a tab in indentation, saphyr-parser's or the layer's own
/// (`tabindent.rs`).
pub(crate) const TAB_INDENT: &str =
    "a tab indents this line; YAML indents with spaces only: replace the tab with spaces";

/// Whether saphyr-parser's message is about a tab (the word, not "unprintable").
pub(crate) fn about_tabs(raw: &str) -> bool {
    raw.split(|c: char| !c.is_ascii_alphabetic())
        .any(|w| w.eq_ignore_ascii_case("tab") || w.eq_ignore_ascii_case("tabs"))
}

/// The message for saphyr-parser's `raw` one (or one of the layer's own that already
/// reads well, returned as it is).
pub(crate) fn explain(raw: &str) -> String {
    let has = |s: &str| raw.contains(s);
    let m = if has("mapping values are not allowed") {
        "a `:` here would start a mapping inside a value that cannot hold one (as in `a: b: c`); quote the value (`a: \"b: c\"`) or put the inner mapping on its own lines, indented under its key"
    } else if has("mapping keys are not allowed") {
        "an explicit key (`?`) cannot stand here; write the key followed by `:` on a line of its own"
    } else if has("block sequence entries are not allowed") {
        "a list item (`- `) cannot start here, after a key or a value on the same line; start the list on the next line, indented under its key"
    } else if has("did not find expected '-' indicator") {
        "this line is indented like the list items above but is not one; start it with `- ` or indent it under the item it belongs to"
    } else if has("block mapping, did not find expected key") {
        "this line is indented like the keys above but is not a `key: value`; add the missing `:` or fix the indentation"
    } else if has("flow mapping, did not find expected ',' or '}'") {
        "the `{…}` mapping needs a `,` here between two entries, or a `}` to close it; add the one that is missing"
    } else if has("flow sequence, expected ',' or ']'") {
        "the `[…]` list needs a `,` here between two items, or a `]` to close it; add the one that is missing"
    } else if has("did not find expected node content") {
        "a value is missing here: what follows cannot start one; write the value, or quote it if it starts with a YAML indicator"
    } else if has("wrongly indented line in block scalar") {
        "this line of a `|` or `>` block is indented less than the block's first line; indent it like the rest of the block"
    } else if has("invalid indentation") {
        "this line is indented less than the value it continues needs; indent it further, or quote the value"
    } else if has("simple key") || has("could not find expected ':'") {
        "this line reads as a key without its `:`; add the `:`, start the line with `- ` if it is a list item, or indent it to continue the value above"
    } else if has("did not find expected <document start>")
        || has("did not find expected <document-start>")
    {
        "this text cannot follow the document's top-level value; indent it under a key, or remove it"
    } else if has("trailing content after double-quoted scalar") {
        "text follows the closing `\"` of a string on its line; move it inside the quotes, or start a comment with ` #`"
    } else if has("comment intercepting the multiline text") {
        "a comment interrupts a value that goes on on the next line; move the comment or put the value on one line"
    } else if about_tabs(raw) {
        TAB_INDENT
    } else if has("found unexpected end of stream") {
        "the string that starts here is never closed; add the closing quote"
    } else if has("found unexpected document indicator") {
        "a line starting with `---` or `...` inside a quoted string ends the document; indent that line"
    } else if has("unknown escape character") {
        "this `\\` escape is not one YAML knows; write `\\\\` for a backslash, or use single quotes"
    } else if has("hexadecimal number") || has("Unicode character escape") {
        "an escape `\\x`, `\\u` or `\\U` needs 2, 4 or 8 hex digits of a valid character; fix it, or write `\\\\` for a backslash"
    } else if has("unprintable character") {
        "a control character YAML does not allow stands here; remove it"
    } else if has("byte order mark") {
        "a byte order mark (U+FEFF) stands inside the document; remove it"
    } else if has("anchor or alias") {
        "an anchor (`&`) or alias (`*`) needs a name right after it; quote the value if the `&` or `*` belongs to it"
    } else if has("handle wasn't declared") || has("tag") {
        "this tag (`!…`) is not valid here; quote the value if the `!` belongs to it"
    } else if has("directive") {
        "a `%` directive is misplaced or malformed here (a deployment spec needs none); remove the line, or quote a value that starts with `%`"
    } else if has("after document end marker") {
        "text follows `...` on its line; remove it"
    } else if has("misplaced bracket") {
        "this closing bracket has no opening one; remove it or add the opening bracket"
    } else if has("comments must be separated") {
        "a `#` right after other text does not start a comment; put a space before it to start one, or quote the value"
    } else if has("illegal placement of ':'") {
        "this `:` is misplaced: a key and its `:` stand on one line; join them, or quote the value"
    } else if has("while scanning TAG") || has("while scanning a directive") {
        "a `%` directive is misplaced or malformed here (a deployment spec needs none); remove the line, or quote a value that starts with `%`"
    } else if has("must be followed by a valid YAML whitespace") || has("expected whitespace") {
        "a space must follow this `-` or `:` (a tab cannot separate it here); write a space"
    } else if has("plain scalar cannot start with '-'") {
        "a value cannot be a lone `-` before `,`, `]` or `}`; quote it (`\"-\"`)"
    } else if has("block scalar, did not find expected comment or line break") {
        "a `|` or `>` header takes only its indicators and a comment; the text goes on the next lines, indented"
    } else if has("indentation indicator equal to 0") {
        "a block scalar's indentation indicator cannot be 0; write a digit from 1 to 9 after the `|` or `>`, or none"
    } else if let Some(c) = raw.strip_prefix("unexpected character: `") {
        let c = c.trim_end_matches('\'');
        if c == "@" || c == "`" {
            return format!(
                "`{c}` is reserved in YAML and cannot start a plain value; quote the value"
            );
        }
        return format!("`{c}` cannot stand here; quote the value it belongs to");
    } else if has("never closed")
        || has("not allowed for indentation")
        || has("cannot start a value inside")
    {
        return raw.to_string();
    } else {
        return format!("YAML cannot be read here ({raw}); check the indentation and quote values with special characters");
    };
    m.to_string()
}

#[cfg(test)]
mod tests {
    use crate::yaml::events::parse;

    fn messages(text: &str) -> Vec<String> {
        parse(text)
            .syntax_diagnostics
            .into_iter()
            .filter(|d| d.rule == "yaml-syntax")
            .map(|d| d.message)
            .collect()
    }

    /// Every error of the YAML Test Suite's invalid cases, and common mistakes: each
    /// says what to do, and none is saphyr-parser's raw message.
    #[test]
    fn syntax_errors_say_what_is_wrong_and_what_to_do() {
        let cases = [
            ("a: b: c\n", "quote the value"),
            ("a: [1, 2\nb: 1\n", "never closed"),
            ("a:\n  - x\n  y\n", "`- `"),
            ("a: 1\n  b: 2\n", "a `:` here"),
            ("a:\n  b: 1\n c\n", "lines up with none"),
            ("a: \"x\" y\n", "closing `\"`"),
            ("a: @x\n", "reserved"),
            ("a: \"\\q\"\n", "escape"),
            ("a:\n\t- x\n", "tab"),
            ("key: - x\n", "list item"),
            ("a: {b: 1 c: 2}\n", "`,`"),
            ("a: [1 2]]\n", "closing bracket"),
            ("command: [sh, -c, >-]\n", "outside brackets"),
        ];
        for (text, part) in cases {
            let m = messages(text);
            assert!(!m.is_empty(), "{text:?}: no problem");
            assert!(m[0].contains(part), "{text:?}: {m:?}");
            assert!(
                m.iter()
                    .all(|x| x.contains(';') || x.contains("never closed")),
                "{text:?}: {m:?}"
            );
        }
    }
}
