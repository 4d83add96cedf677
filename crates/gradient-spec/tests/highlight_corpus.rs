//! Every corpus spec and arbitrary text colour without panics into valid tokens: in
//! order, non-overlapping, non-empty, within the line, on character boundaries.

use gradient_spec::highlight::{
    highlight_line, highlight_lines, state_at, LineState, Token, TokenClass,
};
use gradient_spec::text::line_starts;
use proptest::prelude::*;
use std::path::PathBuf;

fn corpus() -> Vec<(String, String)> {
    let dir = PathBuf::from(concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../../tests/data/corpus"
    ));
    let mut files: Vec<(String, String)> = std::fs::read_dir(dir)
        .expect("corpus directory")
        .filter_map(|e| {
            let path = e.ok()?.path();
            (path.extension()? == "yaml").then(|| {
                let name = path.file_name().unwrap().to_string_lossy().into_owned();
                (name, std::fs::read_to_string(&path).unwrap())
            })
        })
        .collect();
    files.sort();
    assert!(files.len() >= 15, "corpus has {} files", files.len());
    files
}

fn assert_valid(line: &str, tokens: &[Token]) {
    let content = line.strip_suffix('\n').unwrap_or(line);
    let content = content.strip_suffix('\r').unwrap_or(content).len();
    let mut last = 0;
    for t in tokens {
        assert!(t.start < t.end, "empty token {t:?} in {line:?}");
        assert!(t.start >= last, "overlap or disorder at {t:?} in {line:?}");
        assert!(t.end <= content, "{t:?} past the end of {line:?}");
        assert!(line.is_char_boundary(t.start) && line.is_char_boundary(t.end));
        last = t.end;
    }
}

/// The classes and texts of a file's lines, coloured in order.
fn colour(text: &str) -> Vec<Vec<(String, TokenClass)>> {
    let mut state = LineState::Normal;
    text.split('\n')
        .map(|line| {
            let (tokens, next) = highlight_line(line, state);
            assert_valid(line, &tokens);
            state = next;
            tokens
                .iter()
                .map(|t| (line[t.start..t.end].to_string(), t.class))
                .collect()
        })
        .collect()
}

#[test]
fn corpus_tokens_are_valid_and_state_at_agrees() {
    for (name, text) in corpus() {
        colour(&text);
        let starts = line_starts(&text);
        let mut state = LineState::Normal;
        for (i, line) in text.split('\n').enumerate() {
            assert_eq!(state_at(&text, &starts, i), state, "{name} line {}", i + 1);
            state = highlight_line(line, state).1;
        }
    }
}

#[test]
fn corpus_lines_read_as_written() {
    let files = corpus();
    let get = |prefix: &str| {
        let text = &files.iter().find(|(n, _)| n.starts_with(prefix)).unwrap().1;
        colour(text)
    };
    use TokenClass::*;
    let e03 = get("e03");
    assert_eq!(e03[0][0], ("apiVersion".into(), Key));
    assert_eq!(e03[0][3], ("# required, defaults to v1".into(), Comment));
    for (i, line) in e03.iter().enumerate().take(14).skip(10) {
        assert_eq!(line.len(), 1, "e03 line {}", i + 1);
        assert_eq!(line[0].1, BlockScalar, "e03 line {}", i + 1);
    }
    assert_eq!(e03[15][0], ("resources".into(), Key), "the block ended");
    assert_eq!(
        e03[17],
        [("-".into(), Punctuation), ("8000".into(), Number)]
    );
    let e05 = get("e05");
    assert_eq!(
        e05[5],
        [("-".into(), Punctuation), ("|".into(), Punctuation)]
    );
    assert_eq!(e05[6], [("cd /opt/repos/repo".into(), BlockScalar)]);
    assert_eq!(e05[8], [("python app.py".into(), BlockScalar)]);
    assert_eq!(e05[9][0], ("repositories".into(), Key));
    assert_eq!(e05[4][1], ("'-c'".into(), String));
}

#[test]
fn a_window_colours_like_the_whole() {
    for (_, text) in corpus() {
        let starts = line_starts(&text);
        let whole: Vec<Vec<Token>> = {
            let mut state = LineState::Normal;
            text.split('\n')
                .map(|l| {
                    let (t, s) = highlight_line(l, state);
                    state = s;
                    t
                })
                .collect()
        };
        for first in 0..starts.len() {
            let window = highlight_lines(&text, &starts, first, 5);
            assert_eq!(window[..], whole[first..(first + 5).min(whole.len())]);
        }
    }
}

/// YAML-ish lines: the characters that matter to colouring, and any others.
fn yamlish() -> impl Strategy<Value = String> {
    proptest::collection::vec(
        prop_oneof![
            "[ \\-:#|>\"'\\[\\]{},&*!?%.\\\\\t\r\n]",
            "[a-z0-9]{1,4}",
            "\\PC",
        ],
        0..40,
    )
    .prop_map(|parts| parts.concat())
}

proptest! {
    #[test]
    fn arbitrary_lines_give_valid_tokens(text in yamlish(), any in "\\PC*") {
        for source in [&text, &any] {
            let mut state = LineState::Normal;
            for line in source.split('\n') {
                let (tokens, next) = highlight_line(line, state);
                assert_valid(line, &tokens);
                state = next;
            }
            let starts = line_starts(source);
            for line in 0..=starts.len() {
                let _ = state_at(source, &starts, line);
            }
            let _ = highlight_lines(source, &starts, 0, usize::MAX);
        }
    }

    #[test]
    fn any_line_starts_are_safe(text in yamlish(), starts in proptest::collection::vec(0usize..80, 0..8), line in 0usize..10) {
        let _ = state_at(&text, &starts, line);
        for tokens in highlight_lines(&text, &starts, line, 3) {
            for t in tokens {
                prop_assert!(t.start < t.end);
            }
        }
        let _ = gradient_spec::highlight::state_before(&text, line * 7);
    }

    #[test]
    fn any_state_is_safe(line in yamlish(), parent in 0u32..20, depth in 0u32..3, double: bool) {
        for state in [
            LineState::Flow { depth },
            LineState::Quoted { double, depth },
            LineState::BlockScalar { parent },
        ] {
            let (tokens, _) = highlight_line(&line, state);
            assert_valid(&line, &tokens);
        }
    }
}
