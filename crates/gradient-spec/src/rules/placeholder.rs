//! Placeholder values people leave in copied examples (`your-dataset-id`,
//! `dataset-ref`, `model-handle`, `...`, `<image-name>`): worth an `info`, since the
//! deployment cannot work until they are replaced, yet the file is otherwise fine.
//! A value in angle brackets in a field the deploy needs (`image`, `dataset`, a clone
//! `url`) is an error instead: no real value of those fields holds `<`.

/// The part of `s` in angle brackets (`<image-name>`, `https://host/<owner>/x`), when
/// `s` holds a non-empty one: a placeholder copied from an example. In an image, a
/// clone URL or a dataset id no real value has `<`, so this is an error there.
pub(crate) fn in_brackets(s: &str) -> Option<&str> {
    let open = s.find('<')?;
    let close = open + s[open..].find('>')?;
    (close > open + 1).then(|| &s[open..=close])
}

/// Whether the whole of `value` is in angle brackets (`<HuggingFace read access
/// token>`): where other values may hold `<` and `>` (env values), only this form
/// counts as a placeholder.
pub(crate) fn is_bracketed(value: &str) -> bool {
    // A byte search first: the Unicode-aware trim is costly, and this runs for every
    // env value on every keystroke.
    if !value.contains('<') {
        return false;
    }
    let v = value.trim();
    v.len() > 2 && v.starts_with('<') && v.ends_with('>')
}

/// Whether `value` is a placeholder rather than a real id or name.
pub(crate) fn is_placeholder(value: &str) -> bool {
    const EXACT: &[&str] = &[
        "...",
        "…",
        "dataset-ref",
        "dataset-id",
        "dataset-name",
        "model-handle",
        "model-id",
        "changeme",
        "change-me",
        "placeholder",
        "todo",
        "tbd",
        "xxx",
        "xxxx",
    ];
    let v = value.trim();
    let lower = v.to_ascii_lowercase();
    EXACT.contains(&lower.as_str())
        || is_bracketed(v)
        || lower.starts_with("your-")
        || lower.starts_with("your_")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn recognises_example_values_only() {
        for p in [
            "your-dataset-id",
            "dataset-ref",
            "model-handle",
            "...",
            "<image-name>",
            "YOUR_MODEL",
        ] {
            assert!(is_placeholder(p), "{p}");
        }
        for real in [
            "dstflhstfexl6w3",
            "mo6sz1arw1oyp3",
            "my-dataset",
            "<",
            "yours",
        ] {
            assert!(!is_placeholder(real), "{real}");
        }
    }

    #[test]
    fn angle_brackets() {
        assert_eq!(in_brackets("<image-name>"), Some("<image-name>"));
        assert_eq!(
            in_brackets("https://github.com/<owner>/x.git"),
            Some("<owner>")
        );
        assert_eq!(in_brackets("a<>b"), None);
        assert_eq!(in_brackets("a>b<"), None);
        assert!(is_bracketed(" <HuggingFace read access token> "));
        assert!(!is_bracketed("<b>bold</b> text"));
        assert!(!is_bracketed("<>"));
    }
}
