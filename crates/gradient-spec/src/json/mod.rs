//! The JSON and JSONC layer: a hand-written, error-tolerant parser that builds the same
//! spanned [`Node`] tree as the YAML layer, so every rule runs unchanged on JSON specs.
//!
//! Why hand-written: `jsonc-parser` (dprint's and Deno's) was measured in a wasm32
//! release cdylib at 48.7 KB raw / 18.9 KB brotli against this module's few KB, and
//! its loose mode accepts single quotes and bare keys silently, where a `.json` spec
//! needs them reported in JSON words. This module is a tokenizer (`lex`) and a
//! recursive-descent parser (`parse`) with positions for every problem.
//!
//! The tree: objects are flow [`Mapping`](crate::yaml::Mapping)s, arrays flow
//! sequences, strings double-quoted scalars of kind string, numbers and
//! `true`/`false`/`null` plain scalars of their type. Syntax problems use the rule id
//! `yaml-syntax` (the rule for "the text is not well-formed") with JSON words; the
//! limits and `duplicate-key` are those of the YAML layer.

mod lex;
mod parse;

use crate::diag::{Diagnostic, Severity, Span};
use crate::format::Format;
use crate::rules::RuleId;
use crate::yaml::{self, Document, MAX_DEPTH, MAX_INPUT_BYTES};
pub(crate) use lex::{Tok, Token};

/// A JSON(C) parse with what the edit layer needs besides the tree.
pub(crate) struct Parsed {
    pub doc: Document,
    /// Every comment's span, in order (reported as errors in a `.json` document).
    pub comments: Vec<Span>,
    /// Every token, comments included, in order.
    pub tokens: Vec<Token>,
}

/// Parses `text` as JSON (`jsonc` false) or JSONC. Never fails and never panics:
/// problems come back as diagnostics, with the tree of what parsed.
pub fn parse(text: &str, format: Format) -> Document {
    parse_full(text, format == Format::Jsonc).doc
}

/// Whether `text`, read as JSON, holds a `//` or `/* */` comment outside strings.
pub fn has_comments(text: &str) -> bool {
    text.len() <= MAX_INPUT_BYTES && lex::tokens(text).0.iter().any(Token::is_comment)
}

/// Every token of `text`, comments included.
pub(crate) fn lex_tokens(text: &str) -> Vec<Token> {
    lex::tokens(text).0
}

pub(crate) fn parse_full(text: &str, jsonc: bool) -> Parsed {
    #[cfg(any(test, feature = "parse-counter"))]
    crate::parse_counter::bump();
    if text.len() > MAX_INPUT_BYTES {
        let msg = format!(
            "the document is {} bytes; documents over {} bytes are not checked (a deployment spec is a few KB)",
            text.len(),
            MAX_INPUT_BYTES
        );
        return Parsed {
            doc: Document {
                text: text.to_string(),
                root: None,
                syntax_diagnostics: vec![Diagnostic::new(
                    RuleId::Limit,
                    Severity::Error,
                    Span::at(0),
                    "",
                    msg,
                )],
            },
            comments: Vec::new(),
            tokens: Vec::new(),
        };
    }
    let (tokens, problems) = lex::tokens(text);
    let mut p = parse::Parser::new(text, &tokens, jsonc);
    let root = p.document();
    if let Some(at) = p.too_deep {
        let msg = format!(
            "collections nest more than {MAX_DEPTH} levels deep here; the document is not checked (a deployment spec nests a few levels)"
        );
        return Parsed {
            doc: Document {
                text: text.to_string(),
                root: None,
                syntax_diagnostics: vec![Diagnostic::new(
                    RuleId::Limit,
                    Severity::Error,
                    Span::new(at, at + 1),
                    "",
                    msg,
                )],
            },
            comments: Vec::new(),
            tokens,
        };
    }
    let mut diags = p.diags;
    for lp in problems {
        diags.push(Diagnostic::new(
            RuleId::YamlSyntax,
            Severity::Error,
            lp.span,
            "",
            lp.message,
        ));
    }
    let mut comments = Vec::new();
    for t in &tokens {
        if let Tok::BlockComment { closed: false } = t.tok {
            diags.push(Diagnostic::new(
                RuleId::YamlSyntax,
                Severity::Error,
                Span::new(t.span.start, t.span.start + 2),
                "",
                "`/*` is never closed: the comment that starts here needs a closing `*/`",
            ));
        }
        if t.is_comment() {
            comments.push(t.span);
            if !jsonc {
                diags.push(Diagnostic::new(
                    RuleId::YamlSyntax,
                    Severity::Error,
                    t.span,
                    "",
                    "comments are not allowed in .json: remove it, or rename the file .jsonc to keep comments",
                ));
            }
        }
    }
    if let Some(node) = &root {
        yaml::check_duplicate_keys(node, text, &mut diags);
    }
    yaml::dedupe_and_cap(&mut diags);
    Parsed {
        doc: Document {
            text: text.to_string(),
            root,
            syntax_diagnostics: diags,
        },
        comments,
        tokens,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::{ScalarKind, Value};

    fn errors(text: &str, f: Format) -> Vec<(usize, String)> {
        parse(text, f)
            .syntax_diagnostics
            .into_iter()
            .map(|d| (d.span.start, d.message))
            .collect()
    }

    #[test]
    fn tree_of_a_spec() {
        let doc = parse(
            "{\"name\": \"x\", \"port\": 8000, \"on\": true, \"r\": [1.5, null]}",
            Format::Json,
        );
        assert!(doc.syntax_diagnostics.is_empty());
        let m = doc.root.as_ref().unwrap().as_mapping().unwrap();
        assert_eq!(m.get("name").unwrap().as_str(), Some("x"));
        assert_eq!(m.get("name").unwrap().span, Span::new(9, 12));
        assert!(matches!(
            m.get("port").unwrap().as_scalar().unwrap().kind,
            ScalarKind::Int(8000)
        ));
        assert!(matches!(&m.get("r").unwrap().value, Value::Sequence(s) if s.items.len() == 2));
    }

    #[test]
    fn jsonc_comments_and_trailing_commas() {
        let t = "// top\n{\n  /* a */ \"a\": 1, // b\n  \"c\": [2,],\n}\n";
        assert!(errors(t, Format::Jsonc).is_empty());
        let e = errors(t, Format::Json);
        assert_eq!(e.len(), 5, "{e:?}");
        assert!(e[0].1.starts_with("comments are not allowed in .json"));
        assert!(e
            .iter()
            .any(|(_, m)| m.starts_with("a trailing comma is not allowed")));
    }

    #[test]
    fn json_words() {
        let e = errors("{'a': 1, b: 'x', \"c\": yes, \"d\": +1}", Format::Json);
        let msgs: Vec<&str> = e.iter().map(|(_, m)| m.as_str()).collect();
        assert_eq!(e[0].0, 1);
        assert!(
            msgs[0].starts_with("JSON keys use double quotes"),
            "{msgs:?}"
        );
        assert!(msgs[1].starts_with("JSON keys are strings in double quotes: write `\"b\"`"));
        assert!(msgs[2].starts_with("JSON strings use double quotes"));
        assert!(msgs[3].starts_with("`yes` is not a JSON value"));
        assert!(msgs[4].starts_with("`+1` is not a JSON number"));
    }

    #[test]
    fn unclosed_and_missing() {
        let e = errors("{\n  \"a\": [1, 2\n}", Format::Json);
        assert_eq!(e.len(), 1, "{e:?}");
        assert_eq!(e[0].0, 9);
        assert!(e[0].1.contains("`[` is never closed"));
        let e = errors("{\"a\": 1 \"b\": 2}", Format::Json);
        assert!(e[0].1.starts_with("a `,` is missing before `\"b\"`"));
        let e = errors("{\"a\": \"x}", Format::Json);
        assert!(e[0].1.contains("never closed"));
        assert!(!errors("", Format::Json).is_empty());
        let deep = "[".repeat(300);
        let d = parse(&deep, Format::Json);
        assert_eq!(d.syntax_diagnostics[0].rule, "limit");
    }

    #[test]
    fn duplicate_keys() {
        let d = parse("{\"a\": 1, \"a\": 2}", Format::Json);
        assert_eq!(d.syntax_diagnostics[0].rule, RuleId::DuplicateKey);
    }
}
