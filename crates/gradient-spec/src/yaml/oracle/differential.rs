//! Differential test of the YAML layer (`yaml::events`, saphyr-parser, what
//! `yaml::parse` is) against the oracle (`oracle::parse`, yaml-edit, the layer before
//! the switch): over every YAML Test Suite case and
//! every corpus file, the same verdict, and for documents both accept, the same tree
//! (node kinds, spans, entry spans, values, styles, types, tags, anchors) and the same
//! `duplicate-key` / `multiple-documents` problems. Every difference is listed in
//! [`KNOWN`] with the reason; a new one, or a listed one that went away, fails.

use super::{data, Strictness};
use crate::yaml::events;

/// Cases where the two parses differ: the case, the path of the first difference, and
/// why. All are spans of explicit keys and empty nodes where yaml-edit's CST takes in
/// a comment or line break, or places an empty node differently from its own rule.
const KNOWN: &[(&str, &str, &str)] = &[
    ("5WE3", "$.0", "yaml-edit ends an explicit-key entry without a value after the comment that follows it; events ends it at the key"),
    ("KK5P", "$.0", "yaml-edit's span of an explicit-key entry takes in the line break after it"),
    ("M2N8-00", "$", "yaml-edit's span of an explicit-key entry takes in the line break after it"),
    ("M2N8-01", "$", "yaml-edit's span of an explicit-key entry takes in the line break after it"),
    ("PW8X", "$[2].0(key)", "an empty key after an anchor (`&a : a`): yaml-edit places it at the colon, events right after the anchor (as yaml-edit itself does after a tag, FH7J and WZ62)"),
    ("S3PD", "$.1", "an entry with an empty key and value (`: # Both empty`): yaml-edit's entry span takes in the comment"),
    ("W42U", "$[0]", "an empty item `- # Empty`: yaml-edit places its null after the comment, events right after the `-` (as for every other empty item)"),
];

/// How the two parses compare on one text, every difference reported.
fn compare(text: &str) -> Option<String> {
    super::compare(text, Strictness::Strict)
}

#[test]
fn the_event_parse_matches_todays_parse_on_the_suite_and_the_corpus() {
    let mut inputs: Vec<(String, String)> = data::suite_cases()
        .into_iter()
        .map(|c| (c.id, c.text))
        .collect();
    inputs.extend(data::corpus_files());
    assert_eq!(inputs.len(), 402 + 15, "every suite case and corpus file");
    let originals = inputs.len();
    // And each with CRLF line breaks, and with a byte order mark.
    let crlf: Vec<(String, String)> = inputs
        .iter()
        .map(|(id, t)| (format!("{id} (CRLF)"), t.replace('\n', "\r\n")))
        .collect();
    let bom: Vec<(String, String)> = inputs
        .iter()
        .map(|(id, t)| (format!("{id} (BOM)"), format!("\u{feff}{t}")))
        .collect();
    inputs.extend(crlf);
    inputs.extend(bom);
    assert_eq!(inputs.len(), 3 * originals);
    let mut differ = Vec::new();
    for (id, text) in &inputs {
        if let Some(why) = compare(text) {
            differ.push((id.clone(), why));
        }
    }
    // A known difference shows in each of the three forms of its case.
    let base = |id: &str| id.split(' ').next().unwrap_or(id).to_string();
    for (id, why) in &differ {
        let known = KNOWN.iter().find(|k| k.0 == base(id));
        println!("{id}: {why}\n    known: {}", known.map_or("NEW", |k| k.2));
        if let Some(k) = known {
            assert!(
                why.starts_with(&format!("{}:", k.1)),
                "{id} now differs elsewhere: {why}"
            );
        }
    }
    let agreed = inputs.len() - differ.len();
    println!("{agreed}/{} inputs agree", inputs.len());
    assert_eq!(agreed, inputs.len() - 3 * KNOWN.len());
    let new: Vec<&str> = differ
        .iter()
        .map(|d| d.0.as_str())
        .filter(|id| !KNOWN.iter().any(|k| k.0 == base(id)))
        .collect();
    let gone: Vec<&str> = KNOWN
        .iter()
        .map(|k| k.0)
        .filter(|id| !differ.iter().any(|d| base(&d.0) == *id))
        .collect();
    assert!(new.is_empty(), "new differences: {new:?}");
    assert!(
        gone.is_empty(),
        "listed differences that went away: {gone:?}"
    );
    // Each listed difference is one of the known quirks the differential fuzz target
    // lets through (`compare.rs`), and those let nothing else through here.
    for (id, text) in &inputs {
        let known = super::compare(text, Strictness::Known);
        assert_eq!(known, None, "{id}: not a known quirk");
    }
}

/// The comments as the edits found them before the switch: COMMENT tokens of
/// yaml-edit's lossless tree.
fn yaml_edit_comments(text: &str) -> Vec<(usize, usize)> {
    use rowan::ast::AstNode;
    yaml_edit::YamlFile::parse(text)
        .tree()
        .syntax()
        .descendants_with_tokens()
        .filter_map(|e| e.into_token())
        .filter(|t| t.kind() == yaml_edit::SyntaxKind::COMMENT)
        .map(|t| {
            (
                usize::from(t.text_range().start()),
                usize::from(t.text_range().end()),
            )
        })
        .collect()
}

/// Cases whose comments differ, and why.
const KNOWN_COMMENTS: &[(&str, &str)] = &[];

#[test]
fn comments_are_found_from_the_tree_as_yaml_edit_finds_them() {
    let mut inputs: Vec<(String, String)> = data::suite_cases()
        .into_iter()
        .filter(|c| !c.invalid)
        .map(|c| (c.id, c.text))
        .collect();
    inputs.extend(data::corpus_files());
    let crlf: Vec<(String, String)> = inputs
        .iter()
        .map(|(id, t)| (format!("{id} (CRLF)"), t.replace('\n', "\r\n")))
        .collect();
    inputs.extend(crlf);
    let mut compared = 0;
    let mut differ = Vec::new();
    for (id, text) in &inputs {
        let doc = events::parse(text);
        // One document: the tree holds every scalar a `#` may hide in.
        if doc
            .syntax_diagnostics
            .iter()
            .any(|d| d.rule == "multiple-documents")
        {
            continue;
        }
        compared += 1;
        let new: Vec<(usize, usize)> = events::comment_spans(&doc)
            .iter()
            .map(|s| (s.start, s.end))
            .collect();
        let old = yaml_edit_comments(text);
        if new != old {
            println!("{id}: yaml-edit {old:?}, events {new:?}");
            differ.push(id.as_str());
        }
    }
    println!(
        "{}/{compared} single-document inputs: the same comments",
        compared - differ.len()
    );
    let known: Vec<&str> = KNOWN_COMMENTS.iter().map(|k| k.0).collect();
    assert_eq!(differ, known);
    assert!(compared > 600, "{compared}");
}

/// What the triage of a differential finding (`fuzz/README.md`) says the layer must do.
#[derive(Debug, Clone, Copy, PartialEq)]
enum Judged {
    /// A layer bug, fixed: the two parses now agree (as the target compares them).
    Fixed,
    /// yaml-edit is wrong: the layer rejects the text, and must go on rejecting it.
    LayerRejects,
    /// yaml-edit is wrong: the layer accepts the text, and must go on accepting it.
    LayerAccepts,
    /// A layer bug found and not fixed yet (`fuzz/README.md`'s open findings): the two
    /// parses still differ. When the fix lands this fails, and the verdict becomes
    /// `Fixed`. (None is open now.)
    #[expect(dead_code)]
    Open,
    /// Both accept it and differ in a known quirk (a span convention) that the fuzz
    /// target's comparison lets through.
    Quirk,
}

/// Each input in `fuzz/findings/differential/` (by the start of its name's hash) and
/// its verdict, as `fuzz/README.md` explains them.
const TRIAGED: &[(&str, Judged)] = &[
    ("03e22073", Judged::LayerRejects), // `%` in a tag starts a two-digit escape
    ("26974b44", Judged::LayerRejects), // a `"` never closed
    ("4c052d56", Judged::LayerRejects), // a two-line implicit key
    ("eec02e31", Judged::LayerRejects),
    ("6b1bdaa7", Judged::LayerRejects), // `]` in a flow mapping
    ("d7986ddf", Judged::LayerRejects), // malformed directives
    ("7081cb0a", Judged::LayerRejects),
    ("393a4a7b", Judged::LayerAccepts), // a `? key` continued on the next line
    ("bd11a0c9", Judged::LayerAccepts),
    ("b03f10bd", Judged::LayerAccepts),
    ("7a3d1e08", Judged::Fixed), // an empty block scalar's span took in its comment
    ("c609f11a", Judged::Fixed),
    ("ddde5c5e", Judged::Fixed),
    ("eabda3d3", Judged::Fixed),
    ("f9859b76", Judged::Fixed),
    ("c754f12e", Judged::Fixed), // `: - x` in a later document (events/mod.rs)
    // The second campaign's, triaged this session.
    ("42902970", Judged::LayerRejects), // `%TAG p/`: a malformed directive
    ("4c41e98e", Judged::LayerRejects), // `"` and a backtick in a verbatim tag `!<…>`
    ("ccaa2889", Judged::LayerRejects), // a verbatim tag `!<…` never closed
    ("a4cea7b1", Judged::LayerRejects), // a `'` and `[` never closed
    ("739c62bb", Judged::LayerRejects), // a multi-line plain scalar as an implicit key
    ("95609553", Judged::LayerRejects),
    ("b324b9e0", Judged::LayerRejects),
    ("54f3e176", Judged::Quirk), // a plain scalar's span leaves out the line break
    ("8977b954", Judged::Quirk), // … and the trailing space
    ("7b1f4fb4", Judged::Fixed), // an empty block scalar's span took in its comment
    ("d4e96913", Judged::Fixed),
    ("e495150a", Judged::Fixed),
    // The third campaign's (on df7be2c0).
    ("ed3173c3", Judged::LayerRejects), // a list under a compact mapping's key, indented less than the key (`events/misindent.rs` says so)
    ("a8d55739", Judged::LayerRejects), // a multi-line implicit key (the `MultiLineKey` class)
    ("74ac249d", Judged::LayerRejects), // the same, its first line indented deeper (top level)
    ("df45cc00", Judged::LayerRejects), // a directive, then `...` with no `---`
    ("4b2c492a", Judged::Fixed), // `-` then a lone `\r` and a comment line: the list began at its item
    ("d13a6841", Judged::LayerRejects), // a directive, then `...` with no `---`
    ("b25d1df2", Judged::LayerAccepts), // `%` lines continuing a plain scalar (DirectiveInScalar)
    ("26293f5b", Judged::LayerAccepts), // brackets inside a multi-line plain scalar
    ("136027f5", Judged::LayerAccepts), // `---` and a lone `\r` start a second document
    // Settled in session 7 from the open list (`verdict_quirks.rs`).
    ("52838f58", Judged::LayerAccepts), // `?` then ` : v` deeper: the key's own mapping, with an empty key
    ("b536998c", Judged::LayerAccepts), // a top-level `>` block's content at column 0, a wider blank line after it
    // The fourth campaign's (on 0843a137).
    ("2e2af845", Judged::LayerRejects), // a multi-line plain key ending `[ :` (libyaml: `a: b: c`); the layer reads the `[` as an unclosed list
    ("55ed335e", Judged::LayerAccepts), // `[` and `%` lines inside one multi-line plain scalar (libyaml reads the same scalar)
    ("b8cc3c74", Judged::LayerAccepts), // `? key` continued by a deeper `:#…` line: one plain key (`:` then `#` is no value indicator), as 393a4a7b
    ("470184e6", Judged::LayerRejects), // as 2e2af845: a multi-line plain key ending `[ :`
    ("cc7e82ba", Judged::LayerRejects), // a verbatim tag `!<…` never closed (libyaml: expected `>`)
    ("267e8103", Judged::LayerRejects), // `%TAG !e# …`: a malformed handle (libyaml refuses the directive)
    ("fe19aedc", Judged::LayerAccepts), // `%` lines, a `!e!f` and a `"` inside one plain scalar (libyaml reads it)
    // The fifth campaign's (on dcff5085, the fast path's first build).
    ("ad4ef54c", Judged::LayerRejects), // `%TAG !m) …`: a malformed handle (libyaml refuses the directive)
    ("b2a7617b", Judged::LayerRejects), // a plain key over several lines (libyaml: mapping values are not allowed)
    // The sixth campaign's (on cccf857e, the fast path as merged).
    ("43f5251e", Judged::LayerRejects), // `%TAG ! tag:…%TAG…`: `%` in a tag prefix starts a two-digit escape, as 03e22073
    ("58886522", Judged::LayerRejects), // content after `...` and a lone `\r` with no `---` (libyaml: expected a document start)
    ("1e44d46c", Judged::LayerRejects), // a verbatim tag `!<…>` with a letter right after its `>`
    ("bc05e341", Judged::LayerRejects), // a verbatim tag never closed, holding `%YA`
    ("ef6e0d41", Judged::LayerRejects), // a verbatim tag `!<a` never closed
    ("ae78ac6e", Judged::LayerRejects), // `]: ` after a multi-line flow list used as a key (libyaml: mapping values are not allowed)
    ("679248d1", Judged::LayerAccepts), // a tab, then the node's anchor, on the line after its tag: separation space (libyaml refuses tabs there)
    // The seventh campaign's (on 032ecaf5, `main`'s layer).
    ("d93f6df4", Judged::LayerRejects), // a verbatim tag `!<…` with a space in it, never closed
    ("f07cbd4b", Judged::Fixed), // an alias to an anchor defined later (read as an alias, by design) and `{ |: 89 }`: the `|` starting a key in brackets, which libyaml refuses too, was the layer's bug of ead8b7ef
    ("a14cdab2", Judged::LayerRejects), // `%TAG !ated …`: a malformed handle (libyaml refuses the directive)
    ("f29dbbc4", Judged::LayerRejects), // `...` at a line start inside `{…}` ends the document: the `{` is never closed (libyaml agrees)
    ("ed008e6c", Judged::LayerRejects), // a verbatim tag `!<…` never closed
    ("b408f2c1", Judged::LayerAccepts), // both accept; a `|` after `:` and a tab: the layer's block scalar starts at its header (its convention), yaml-edit's at its content
    ("ead8b7ef", Judged::Fixed), // `{hr: 66, !scalar2 >65…}`: a `>` cannot start a plain scalar in a flow mapping (libyaml and yaml-edit refuse); saphyr-parser accepts it, the layer refuses it since the builder checks (`build.rs`)
    ("e7357841", Judged::Fixed), // the same class, fixed with it: `block:\t|d!…` inside `{…}`, a `|` starting a scalar in a flow mapping
    ("1be67a31", Judged::LayerRejects), // a verbatim tag `!<…` never closed
    // The eighth campaign's (on 195b7d0a, `main`'s layer).
    ("0dab9ed9", Judged::LayerAccepts), // a top-level `>` whose content starts at column 0: every later line is its content (YAML 1.2's n = -1, as b536998c; libyaml refuses column 0 there), so the `{` yaml-edit sees unclosed is text
    ("b8f04049", Judged::LayerRejects), // a verbatim tag `!<…` with spaces in it, never closed (as d93f6df4)
    ("eb8c9310", Judged::LayerAccepts), // `?` then a deeper `  : v` over lone `\r` line breaks: the key's own mapping with an empty key (as 52838f58); yaml-edit wants the `:` at the `?`'s column
    ("1bfd3650", Judged::LayerRejects), // a verbatim tag `!<…` with spaces in it, never closed (as d93f6df4)
    ("23027a64", Judged::LayerAccepts), // a top-level `>` with column-0 content, as 0dab9ed9: the tabs yaml-edit sees as indentation are content
    ("e2abf977", Judged::LayerRejects), // a top-level plain scalar over many lines (`- {`, `%TAG` and `? b` lines are its text) until `key0: ` on line 15 (libyaml: mapping values are not allowed there); the layer's recovery also reports the `{` and `"` on the lines before, read as sections of their own
    ("09c2e252", Judged::LayerAccepts), // `? -' a` continued by a deeper `   >` line: one plain key `-' a >` (yaml-edit reads the `>` as a second node); the later `: b` is an entry with an empty key (YAML 1.2 allows it, libyaml refuses every empty implicit key)
    // The ninth campaign's (on 4d34a32c, `main`'s layer).
    ("600d4b28", Judged::LayerRejects), // `%ev` in a verbatim tag: `%` starts a two-hex-digit escape (as 03e22073; libyaml: "did not find URI escaped octet")
    ("2c55c9b9", Judged::LayerAccepts), // by design: `? *>` names no anchor (and `>` may be in an anchor's name); the layer reads it as an alias, and the check reports it since (`rules/yaml_syntax.rs`); yaml-edit also reports a plain key over two lines as content after the document, which libyaml and YAML 1.2 read as one key
];

/// The differential fuzz target's triaged disagreements stay as judged: the fixed ones
/// agree with yaml-edit, and where yaml-edit is wrong the layer keeps its verdict. A
/// new input put in the folder without a verdict here fails too.
#[test]
fn every_triaged_fuzz_finding_keeps_its_verdict() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("fuzz/findings/differential");
    let mut replayed = 0;
    let mut wrong = Vec::new();
    for entry in std::fs::read_dir(&dir).expect("the findings folder") {
        let path = entry.expect("a finding").path();
        if !path.is_file() {
            continue; // `untriaged/`
        }
        let name = path
            .file_name()
            .unwrap_or_default()
            .to_string_lossy()
            .into_owned();
        let judged = TRIAGED
            .iter()
            .find(|(hash, _)| name.starts_with(&format!("crash-{hash}")))
            .map(|t| t.1);
        let Some(judged) = judged else {
            wrong.push(format!("{name}: no verdict in TRIAGED"));
            continue;
        };
        let bytes = std::fs::read(&path).expect("a finding's bytes");
        let text =
            std::str::from_utf8(&bytes).expect("findings are UTF-8 (the target skips the rest)");
        let rejects = events::parse(text)
            .syntax_diagnostics
            .iter()
            .any(|d| d.rule == crate::RuleId::YamlSyntax);
        let agrees = |strictness| super::compare(text, strictness).is_none();
        let holds = match judged {
            Judged::Fixed => agrees(Strictness::Known),
            Judged::Open => !agrees(Strictness::Known),
            Judged::LayerRejects => rejects,
            Judged::LayerAccepts => !rejects,
            // Still a difference, which only the known quirks let through.
            Judged::Quirk => !rejects && agrees(Strictness::Known) && !agrees(Strictness::Strict),
        };
        if !holds {
            wrong.push(format!(
                "{name}: judged {judged:?}, the layer rejects: {rejects}"
            ));
        }
        replayed += 1;
    }
    assert!(wrong.is_empty(), "{}", wrong.join("\n"));
    assert_eq!(replayed, TRIAGED.len(), "every verdict has its input");
}
