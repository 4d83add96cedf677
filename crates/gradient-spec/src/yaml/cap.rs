//! Keeps the syntax problems readable: one per place, and at most
//! [`MAX_SYNTAX_ERRORS`] of them (20,000 stray brackets would otherwise give 20,000
//! lines), the last saying how many more there were.

use super::MAX_SYNTAX_ERRORS;
use crate::diag::Diagnostic;

/// The rules capped together; `multiple-documents` and `limit` come at most once.
fn capped(rule: crate::RuleId) -> bool {
    matches!(
        rule,
        crate::RuleId::YamlSyntax | crate::RuleId::DuplicateKey
    )
}

/// Sorts `diags` by position, drops a problem reported twice at the same place under
/// the same rule (the first reported stays), and caps the rest.
pub(crate) fn dedupe_and_cap(diags: &mut Vec<Diagnostic>) {
    crate::diag::sort(diags);
    diags.dedup_by(|later, first| later.rule == first.rule && later.span == first.span);
    let total = diags.iter().filter(|d| capped(d.rule)).count();
    if total <= MAX_SYNTAX_ERRORS {
        return;
    }
    let mut kept = 0;
    diags.retain(|d| {
        if !capped(d.rule) {
            return true;
        }
        kept += 1;
        kept <= MAX_SYNTAX_ERRORS
    });
    let hidden = total - MAX_SYNTAX_ERRORS;
    if let Some(last) = diags.iter_mut().rfind(|d| capped(d.rule)) {
        last.message = format!(
            "{} (and {hidden} more syntax problems not shown)",
            last.message
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::{Severity, Span};

    fn d(rule: crate::RuleId, at: usize, msg: &str) -> Diagnostic {
        Diagnostic::new(rule, Severity::Error, Span::new(at, at + 1), "", msg)
    }

    #[test]
    fn same_place_same_rule_is_reported_once() {
        let mut v = vec![
            d(crate::RuleId::YamlSyntax, 3, "first"),
            d(crate::RuleId::YamlSyntax, 3, "second"),
            d(crate::RuleId::DuplicateKey, 3, "dup"),
        ];
        dedupe_and_cap(&mut v);
        let msgs: Vec<&str> = v.iter().map(|x| x.message.as_str()).collect();
        assert_eq!(msgs, ["dup", "first"]);
    }

    #[test]
    fn many_problems_are_capped_with_a_count() {
        let mut v: Vec<Diagnostic> = (0..1000)
            .map(|i| d(crate::RuleId::YamlSyntax, i, "bad"))
            .collect();
        v.push(d(crate::RuleId::Limit, 5000, "limit"));
        dedupe_and_cap(&mut v);
        assert_eq!(v.len(), MAX_SYNTAX_ERRORS + 1);
        assert!(v[MAX_SYNTAX_ERRORS - 1]
            .message
            .ends_with("(and 950 more syntax problems not shown)"));
        assert_eq!(v[MAX_SYNTAX_ERRORS].rule, "limit");
    }
}
