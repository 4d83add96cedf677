//! Placeholder values people leave in copied examples (`your-dataset-id`,
//! `dataset-ref`, `model-handle`, `...`, `<image-name>`): worth an `info`, since the
//! deployment cannot work until they are replaced, yet the file is otherwise fine.

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
        || (v.len() > 2 && v.starts_with('<') && v.ends_with('>'))
        || lower.starts_with("your-")
        || lower.starts_with("your_")
}

#[cfg(test)]
mod tests {
    use super::is_placeholder;

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
}
