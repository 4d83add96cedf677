//! Spec paths: `repositories.repositories[1].password`, the names form inputs carry.

use std::fmt;

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
    /// Parses `a.b[1].c`. Keys may not contain `.` or `[` (no spec key does).
    pub fn parse(s: &str) -> Option<Self> {
        let mut segs = Vec::new();
        if s.is_empty() {
            return Some(SpecPath(segs));
        }
        for part in s.split('.') {
            let (key, mut rest) = match part.find('[') {
                Some(i) => (&part[..i], &part[i..]),
                None => (part, ""),
            };
            if key.is_empty() && segs.is_empty() && rest.is_empty() {
                return None;
            }
            if !key.is_empty() {
                segs.push(PathSegment::Key(key.to_string()));
            }
            while let Some(r) = rest.strip_prefix('[') {
                let end = r.find(']')?;
                segs.push(PathSegment::Index(r[..end].parse().ok()?));
                rest = &r[end + 1..];
            }
            if !rest.is_empty() {
                return None;
            }
        }
        Some(SpecPath(segs))
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
mod tests {
    use super::*;

    #[test]
    fn round_trips_through_text() {
        for s in [
            "image",
            "resources.instanceType",
            "repositories.repositories[1].password",
            "env[0].value",
            "a[0][2].b",
            "",
        ] {
            assert_eq!(SpecPath::parse(s).unwrap().to_string(), s);
        }
        assert_eq!(SpecPath::parse("a[x]"), None);
        assert_eq!(SpecPath::parse("a[1"), None);
    }
}
