//! YAML indents block collections with spaces only (`s-indent`): a tab may separate a
//! scalar from its indicator (`-\tx`, `key:\tx`), but never stand in the indentation
//! of a block list item or mapping entry, nor between a `-`, `?` or `:` and a list or
//! mapping that starts on its line (`-\tkey: v`). saphyr-parser refuses some of these
//! and lets others through (`\t- a` at the top, a tab after spaces before a key, found
//! by the differential fuzz target); the layer reports each it let through at the tab,
//! with the message saphyr-parser's own refusals get.

use super::messages;
use crate::diag::{Diagnostic, Severity, Span};
use crate::yaml::{Node, Value};
use crate::RuleId;

/// One `yaml-syntax` problem per tab that indents a block list item or mapping entry
/// in `node`, or stands before a list or mapping that starts after an indicator.
pub(crate) fn check(node: &Node, text: &str, diags: &mut Vec<Diagnostic>) {
    let b = text.as_bytes();
    let block = match &node.value {
        Value::Mapping(m) => !m.flow,
        Value::Sequence(q) => !q.flow,
        _ => false,
    };
    if block {
        report(b, tab_before_collection(b, node.span.start), diags);
    }
    match &node.value {
        Value::Mapping(m) => {
            for e in &m.entries {
                if !m.flow {
                    report(b, tab_indenting(b, e.span.start), diags);
                }
                check(&e.key, text, diags);
                check(&e.value, text, diags);
            }
        }
        Value::Sequence(q) => {
            for item in &q.items {
                if !q.flow {
                    if let Some(dash) = dash_before(b, item.span.start) {
                        report(b, tab_indenting(b, dash), diags);
                    }
                }
                check(item, text, diags);
            }
        }
        _ => {}
    }
}

fn report(b: &[u8], tab: Option<usize>, diags: &mut Vec<Diagnostic>) {
    let Some(at) = tab else { return };
    let span = Span::new(at, at + 1);
    // Once per tab: a collection's first entry starts where the collection does.
    if diags
        .iter()
        .any(|d| d.span == span && d.rule == RuleId::YamlSyntax)
    {
        return;
    }
    debug_assert_eq!(b.get(at), Some(&b'\t'));
    diags.push(Diagnostic::new(
        RuleId::YamlSyntax,
        Severity::Error,
        span,
        "",
        messages::TAB_INDENT,
    ));
}

/// The first tab in the indentation before `at`, when only spaces and tabs stand
/// before it on its line.
fn tab_indenting(b: &[u8], at: usize) -> Option<usize> {
    let line = b[..at]
        .iter()
        .rposition(|&c| c == b'\n' || c == b'\r')
        .map_or(0, |i| i + 1);
    let indent = &b[line..at];
    if indent.iter().all(|&c| c == b' ' || c == b'\t') {
        indent.iter().position(|&c| c == b'\t').map(|i| line + i)
    } else {
        None
    }
}

/// A tab between a collection starting at `at` and the indicator before it on its
/// line (`-\tkey: v`), or in the indentation when it starts its line.
fn tab_before_collection(b: &[u8], at: usize) -> Option<usize> {
    let mut i = at;
    while i > 0 && (b[i - 1] == b' ' || b[i - 1] == b'\t') {
        i -= 1;
    }
    let indicator = i > 0 && matches!(b[i - 1], b'-' | b'?' | b':');
    if indicator {
        b[i..at].iter().position(|&c| c == b'\t').map(|p| i + p)
    } else {
        tab_indenting(b, at)
    }
}

/// The `-` of the block list item starting at `at`, when it stands on the item's line
/// (an item on the lines after its `-` is a flow node, for which a tab is separation).
fn dash_before(b: &[u8], at: usize) -> Option<usize> {
    let mut i = at;
    if b.get(i) == Some(&b'-') && b.get(i + 1).is_none_or(|c| c.is_ascii_whitespace()) {
        // An empty item's node sits at its `-`.
        return Some(i);
    }
    while i > 0 && (b[i - 1] == b' ' || b[i - 1] == b'\t') {
        i -= 1;
    }
    (i > 0 && b[i - 1] == b'-').then(|| i - 1)
}

#[cfg(test)]
mod tests {
    use crate::yaml::events::parse;

    fn tabs_reported(text: &str) -> Vec<usize> {
        parse(text)
            .syntax_diagnostics
            .iter()
            .filter(|d| d.message.starts_with("a tab indents this line"))
            .map(|d| d.span.start)
            .collect()
    }

    #[test]
    fn a_tab_in_a_block_collections_indentation_is_reported_at_the_tab() {
        for (text, at) in [
            ("\t\t-", 0),
            ("repositories:\n  \tname: x\n", 16),
            ("-\t_: v\n", 1),
            ("- a\n\t- b\n", 4),
        ] {
            assert!(
                tabs_reported(text).contains(&at),
                "{text:?}: {:?}",
                parse(text).syntax_diagnostics
            );
        }
    }

    #[test]
    fn a_tab_that_separates_a_scalar_is_yamls_own() {
        // Suite cases 6BCT, A2M4, DC7X and the like: a tab after an indicator before a
        // scalar, or after the content.
        for text in [
            "- foo:\t bar\n- - baz\n  -\tbaz\n",
            "? a\n: -\tb\n  -  -\tc\n     - d\n",
            "a: b\t\nseq:\t\n - a\t\n",
            "key:\tvalue\n",
            "- [a,\tb]\n",
        ] {
            assert_eq!(tabs_reported(text), Vec::<usize>::new(), "{text:?}");
        }
    }
}
