//! Recognising a plaintext credential by the prefixes token issuers use, so
//! `plaintext-secret` can warn about one pasted into an env value or a URL. Only the
//! kind is ever named: the value itself is never echoed.

/// Token formats: prefix, what it is, and the least number of token characters
/// after the prefix (short values such as `sk-learn` are not tokens).
const PREFIXES: &[(&str, &str, usize)] = &[
    ("github_pat_", "a GitHub fine-grained token", 20),
    ("ghp_", "a GitHub personal access token", 20),
    ("gho_", "a GitHub OAuth token", 20),
    ("ghs_", "a GitHub app token", 20),
    ("glpat-", "a GitLab personal access token", 16),
    ("hf_", "a Hugging Face token", 20),
    ("sk-", "an API secret key", 20),
    ("xoxb-", "a Slack token", 10),
    ("xoxp-", "a Slack token", 10),
    ("xoxa-", "a Slack token", 10),
    ("xoxr-", "a Slack token", 10),
    ("xoxs-", "a Slack token", 10),
];

/// What kind of credential `s` looks like, if any.
pub(crate) fn kind(s: &str) -> Option<&'static str> {
    let s = s.trim();
    if let Some(rest) = s.strip_prefix("AKIA") {
        let key_id = rest.len() == 16
            && rest
                .bytes()
                .all(|b| b.is_ascii_uppercase() || b.is_ascii_digit());
        return key_id.then_some("an AWS access key id");
    }
    PREFIXES.iter().find_map(|&(prefix, what, min)| {
        let body = s.strip_prefix(prefix)?;
        let tokenish = body.len() >= min
            && body
                .bytes()
                .all(|b| b.is_ascii_alphanumeric() || b == b'_' || b == b'-');
        tokenish.then_some(what)
    })
}

#[cfg(test)]
mod tests {
    use super::kind;

    #[test]
    fn tokens_and_near_misses() {
        assert!(kind("ghp_abcdefghijklmnopqrstuvwxyz0123456789").is_some());
        assert!(kind("hf_abcdefghijklmnopqrstuvwxyzABCDEFGH").is_some());
        assert!(kind("AKIAVWO7J5OJSCWRJ3HJ").is_some());
        assert!(kind("sk-proj-abcdefghijklmnopqrstuvwx").is_some());
        assert!(kind("xoxb-1234567890-abc").is_some());
        for no in [
            "sk-learn",
            "hf_home",
            "AKIA",
            "akiavwo7j5ojscwrj3hj",
            "resnet50",
            "hf_ abcdefghijklmnopqrstuvwxyz",
        ] {
            assert_eq!(kind(no), None, "{no}");
        }
    }
}
