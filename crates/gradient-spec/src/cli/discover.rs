//! Finding the spec with no FILE given, the way `pspace up` does: the first of
//! `paperspace.yaml`, `paperspace.yml`, `paperspace.json`, `paperspace.jsonc`,
//! `paperspace.toml`, then the same names under `.paperspace/app.*`, that exists in
//! the folder.

use gradient_spec::format::SPEC_FILE_NAMES;
use std::path::{Path, PathBuf};

/// The spec `pspace up` would deploy from `dir`, as a path under `dir`.
pub fn find(dir: &Path) -> Option<PathBuf> {
    SPEC_FILE_NAMES
        .iter()
        .map(|name| dir.join(name))
        .find(|p| p.is_file())
}

/// The names looked for, for the message when none exists.
pub fn looked_for() -> String {
    SPEC_FILE_NAMES.join(", ")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn order_is_pspace_up_s() {
        let dir = std::env::temp_dir().join(format!("gs-discover-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(dir.join(".paperspace")).unwrap();
        assert_eq!(find(&dir), None);
        let mut expect = Vec::new();
        for name in SPEC_FILE_NAMES.iter().rev() {
            std::fs::write(dir.join(name), "{}").unwrap();
            expect.push(dir.join(name));
            assert_eq!(find(&dir).as_ref(), expect.last(), "{name}");
        }
        let _ = std::fs::remove_dir_all(&dir);
    }
}
