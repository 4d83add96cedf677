//! "Did you mean …?": the closest known name within a small edit distance.

/// The candidate closest to `input` (Damerau–Levenshtein, ignoring ASCII case: the
/// names are ASCII, and Unicode's case tables cost the page 10.7 KB brotli), when it is
/// close enough to be a typo: one edit for short names, two or three for longer
/// ones. Ties go to the earlier candidate.
pub fn suggest<'a>(input: &str, candidates: impl IntoIterator<Item = &'a str>) -> Option<&'a str> {
    let lower = input.to_ascii_lowercase();
    let limit = match lower.chars().count() {
        0 => return None,
        1..=3 => 1,
        4..=7 => 2,
        _ => 3,
    };
    let mut best: Option<(usize, &'a str)> = None;
    for c in candidates {
        if c == input {
            continue;
        }
        let d = strsim::damerau_levenshtein(&lower, &c.to_ascii_lowercase());
        if d <= limit && best.is_none_or(|(bd, _)| d < bd) {
            best = Some((d, c));
        }
    }
    best.map(|(_, c)| c)
}

#[cfg(test)]
mod tests {
    use super::suggest;

    #[test]
    fn close_names_only() {
        let keys = ["instanceType", "machineType", "replicas", "ports"];
        assert_eq!(suggest("instancetype", keys), Some("instanceType"));
        assert_eq!(suggest("replicsa", keys), Some("replicas"));
        assert_eq!(suggest("port", keys), Some("ports"));
        assert_eq!(suggest("volumes", keys), None);
        assert_eq!(suggest("", keys), None);
        assert_eq!(suggest("a4000", ["A4000", "A5000"]), Some("A4000"));
        // Other letters count as themselves (one edit each); the ASCII ones still fold.
        assert_eq!(suggest("ïmage", ["image"]), Some("image"));
        assert_eq!(suggest("ÏMAGE", ["image"]), Some("image"));
        assert_eq!(suggest("ÏMÄGË", ["image"]), None);
    }
}
