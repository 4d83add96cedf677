//! Where a new key goes among its siblings: at its place in the reference's order (the
//! field table's order), so a key added by the form or a fix reads where
//! `docs/spec-reference.md` documents it rather than at the end of its mapping.

use super::keys::canonical_key;
use super::lookup::{fields_under, pattern};
use crate::path::SpecPath;

/// The position among the keys documented under the mapping at `parent`, in the
/// reference's order; `None` for a key the catalogue does not document there.
fn rank(parent_pattern: &str, key: &str) -> Option<usize> {
    let key = canonical_key(parent_pattern, key);
    let mut seen: Vec<&str> = Vec::new();
    for f in fields_under(parent_pattern) {
        let k = f.key();
        if k == key {
            return Some(seen.len());
        }
        if !seen.contains(&k) {
            seen.push(k);
        }
    }
    None
}

/// The index a new `key` takes in the mapping at `parent` whose keys are `existing`
/// (in document order): before the first existing sibling that the reference lists
/// after it. `None` (append at the end) when the key is not documented there or no
/// documented sibling comes after it; keys the catalogue does not know are passed
/// over, never used as a landmark.
pub fn catalogue_index(parent: &SpecPath, existing: &[&str], key: &str) -> Option<usize> {
    let parent_pattern = pattern(parent);
    let mine = rank(&parent_pattern, key)?;
    existing
        .iter()
        .position(|k| rank(&parent_pattern, k).is_some_and(|r| r > mine))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(s: &str) -> SpecPath {
        SpecPath::parse(s).unwrap()
    }

    #[test]
    fn new_keys_go_before_the_first_sibling_documented_after_them() {
        // `mountPath` comes before the `repositories` list in the reference.
        assert_eq!(
            catalogue_index(
                &p("repositories"),
                &["dataset", "repositories"],
                "mountPath"
            ),
            Some(1)
        );
        // Nothing documented after it: appended.
        assert_eq!(
            catalogue_index(&p("repositories"), &["dataset"], "mountPath"),
            None
        );
        // Unknown keys are passed over; an unknown new key is appended.
        assert_eq!(
            catalogue_index(&p("repositories"), &["x-note", "repositories"], "dataset"),
            Some(1)
        );
        assert_eq!(
            catalogue_index(&p("repositories"), &["repositories"], "x-note"),
            None
        );
        // Top level and list items.
        assert_eq!(
            catalogue_index(&p(""), &["name", "resources"], "image"),
            Some(1)
        );
        assert_eq!(catalogue_index(&p("env[0]"), &["value"], "name"), Some(0));
    }
}
