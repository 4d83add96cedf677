//! Recognising a plaintext credential by the prefixes token issuers use, or an env
//! variable whose name says it holds one, so `plaintext-secret` can warn about a
//! credential pasted into an env value or a URL. Only the kind (or the variable's
//! name) is ever named: the value itself is never echoed.

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

/// The shortest token [`kind`] recognises: a prefix and its least body (`xoxb-` and
/// 10 characters is 15; `hf_` and 20 is 23; `AKIA` and 16 is 20).
const SHORTEST_TOKEN: usize = 15;

/// What kind of credential `s` looks like, if any.
pub(crate) fn kind(s: &str) -> Option<&'static str> {
    // Most env values are short words and numbers: no token, and no trimming needed
    // to tell (this runs for every env value on every keystroke).
    if s.len() < SHORTEST_TOKEN {
        return None;
    }
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

/// Words in a variable name that say it holds a credential (matched in any case).
/// Each starts with `S`, `T`, `P` or `A` (`name_says_credential` relies on it).
/// The `_`/`-` spellings and the run-together one are all written out, so a match is
/// one substring test.
const NAME_MARKERS: &[&str] = &[
    "SECRET",
    "TOKEN",
    "PASSWORD",
    "PASSWD",
    "API_KEY",
    "API-KEY",
    "APIKEY",
    "ACCESS_KEY",
    "ACCESS-KEY",
    "ACCESSKEY",
    "PRIVATE_KEY",
    "PRIVATE-KEY",
    "PRIVATEKEY",
];

/// Whether an env variable's `name` says it holds a credential: one of
/// [`NAME_MARKERS`] anywhere in it, in any case (`SECRET_KEY`, `hf_token`,
/// `DB_PASSWORD`, `apiKey`), unless the word goes on in the same letter case
/// (`TOKENIZERS_PARALLELISM`, `MAX_TOKENS`, `secrets_dir`: words that merely start
/// with a marker and name no credential).
pub(crate) fn name_says_credential(name: &str) -> bool {
    // Byte by byte, ignoring ASCII case, with no upper-cased copy: this runs for
    // every env entry on every keystroke.
    let bytes = name.as_bytes();
    (0..bytes.len()).any(|at| {
        // Every marker starts with one of these letters: most positions end here.
        if !matches!(bytes[at].to_ascii_uppercase(), b'S' | b'T' | b'P' | b'A') {
            return false;
        }
        NAME_MARKERS.iter().any(|marker| {
            let end = at + marker.len();
            let found = bytes
                .get(at..end)
                .is_some_and(|b| b.eq_ignore_ascii_case(marker.as_bytes()));
            found
                && match bytes.get(end) {
                    Some(&next) if next.is_ascii_alphabetic() => {
                        // The word continues when the next letter has the marker's
                        // case (`TOKENS`, `tokenizer`); `hfTokenValue` starts a new word.
                        next.is_ascii_uppercase() != bytes[end - 1].is_ascii_uppercase()
                    }
                    _ => true,
                }
        })
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn no_token_is_shorter_than_the_quick_rejection() {
        let shortest = PREFIXES
            .iter()
            .map(|(p, _, min)| p.len() + min)
            .chain([4 + 16])
            .min();
        assert_eq!(shortest, Some(SHORTEST_TOKEN));
    }

    #[test]
    fn every_marker_starts_with_a_letter_the_search_looks_for() {
        for m in NAME_MARKERS {
            assert!(matches!(m.as_bytes()[0], b'S' | b'T' | b'P' | b'A'), "{m}");
        }
    }

    #[test]
    fn names_that_hold_credentials() {
        for yes in [
            "SECRET_KEY",
            "hf_token",
            "DB_PASSWORD",
            "MYSQL_PASSWD",
            "OPENAI_API_KEY",
            "AWS_SECRET_ACCESS_KEY",
            "AWS_ACCESS_KEY_ID",
            "SSH_PRIVATE_KEY",
            "apiKey",
            "hfTokenValue",
            "GITHUB_TOKEN",
            "Token",
            "secret",
            "TOKEN2",
        ] {
            assert!(name_says_credential(yes), "{yes}");
        }
        for no in [
            "TOKENIZERS_PARALLELISM",
            "MAX_TOKENS",
            "secrets_dir",
            "MODEL_DIR",
            "PORT",
            "KEY",
            "PASS",
            "",
        ] {
            assert!(!name_says_credential(no), "{no}");
        }
    }

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
