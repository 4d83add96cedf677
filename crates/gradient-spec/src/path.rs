//! Spec paths: `repositories.repositories[1].password`. A typed path goes from the
//! form to the edit unchanged; its text (one [`fmt::Display`]) is what people and
//! the DOM see, and what diagnostics carry.

use std::fmt;

/// One step of a [`SpecPath`]: a mapping key or a list index.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
pub enum PathSegment {
    Key(String),
    Index(usize),
}

/// A path from the document root to a value.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Default)]
pub struct SpecPath(pub Vec<PathSegment>);

impl SpecPath {
    pub fn root() -> Self {
        SpecPath(Vec::new())
    }
    pub fn key(&self, key: &str) -> Self {
        let mut p = self.clone();
        p.0.push(PathSegment::Key(key.to_string()));
        p
    }
    pub fn index(&self, i: usize) -> Self {
        let mut p = self.clone();
        p.0.push(PathSegment::Index(i));
        p
    }

    /// True when the path names a list item (it ends in an index).
    pub fn is_item(&self) -> bool {
        matches!(self.0.last(), Some(PathSegment::Index(_)))
    }

    /// The path of what holds this value (`None` at the root).
    pub fn parent(&self) -> Option<SpecPath> {
        let (_, parent) = self.0.split_last()?;
        Some(SpecPath(parent.to_vec()))
    }

    /// The path of the mapping holding this key and the key, when the path ends in
    /// a key (`repositories.dataset` → `repositories`, `dataset`).
    pub fn split_key(&self) -> Option<(SpecPath, &str)> {
        match self.0.split_last()? {
            (PathSegment::Key(k), parent) => Some((SpecPath(parent.to_vec()), k)),
            (PathSegment::Index(_), _) => None,
        }
    }

    /// True when `prefix` is this path or one of its ancestors, step by step
    /// (`env[0].name` starts with `env`, `env[0]` and itself; `envs` does not start
    /// with `env`). Every path starts with the root.
    pub fn starts_with(&self, prefix: &SpecPath) -> bool {
        self.0.starts_with(&prefix.0)
    }

    /// This path and each of its ancestors, deepest first, without the root
    /// (`a.b[1]`, then `a.b`, then `a`).
    pub fn self_and_ancestors(&self) -> impl Iterator<Item = SpecPath> + '_ {
        (1..=self.0.len())
            .rev()
            .map(|n| SpecPath(self.0[..n].to_vec()))
    }

    /// Parses `a.b[1].c`. Keys may not contain `.` or `[` (no spec key does).
    pub fn parse(s: &str) -> Option<Self> {
        match Self::parse_leading(s) {
            (path, true) => Some(path),
            (_, false) => None,
        }
    }

    /// The well-formed steps at the start of `s` and whether that is all of it: a
    /// diagnostic about a key holding `[` (`env[0].a[b`) still leads to where it
    /// is (`env[0].a`).
    pub fn parse_leading(s: &str) -> (Self, bool) {
        let mut segs = Vec::new();
        if s.is_empty() {
            return (SpecPath(segs), true);
        }
        for part in s.split('.') {
            let (key, mut rest) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if key.is_empty() && segs.is_empty() && rest.is_empty() {
                return (SpecPath(segs), false);
            }
            if !key.is_empty() {
                segs.push(PathSegment::Key(key.to_string()));
            }
            while let Some(r) = rest.strip_prefix('[') {
                let index = r
                    .find(']')
                    .and_then(|end| Some((r[..end].parse().ok()?, end)));
                let Some((n, end)) = index else {
                    return (SpecPath(segs), false);
                };
                segs.push(PathSegment::Index(n));
                rest = &r[end + 1..];
            }
            if !rest.is_empty() {
                return (SpecPath(segs), false);
            }
        }
        (SpecPath(segs), true)
    }
}

impl fmt::Display for SpecPath {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        for (i, seg) in self.0.iter().enumerate() {
            match seg {
                PathSegment::Key(k) if i == 0 => write!(f, "{k}")?,
                PathSegment::Key(k) => write!(f, ".{k}")?,
                PathSegment::Index(n) => write!(f, "[{n}]")?,
            }
        }
        Ok(())
    }
}

#[cfg(test)]
#[path = "path_tests.rs"]
mod tests;
