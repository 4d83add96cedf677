//! One text change as a single replacement, computed from the text before and after:
//! compact to keep in the history even for a 5,000-line document.

/// Replace `removed` at byte `at` by `inserted`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Change {
    pub at: usize,
    pub removed: String,
    pub inserted: String,
}

impl Change {
    /// The smallest single replacement that turns `old` into `new` (common prefix and
    /// suffix kept, on character boundaries). `None` when the texts are equal.
    pub fn between(old: &str, new: &str) -> Option<Change> {
        if old == new {
            return None;
        }
        let mut prefix = old
            .bytes()
            .zip(new.bytes())
            .take_while(|(a, b)| a == b)
            .count();
        while !old.is_char_boundary(prefix) || !new.is_char_boundary(prefix) {
            prefix -= 1;
        }
        let max_suffix = old.len().min(new.len()) - prefix;
        let mut suffix = old
            .bytes()
            .rev()
            .zip(new.bytes().rev())
            .take(max_suffix)
            .take_while(|(a, b)| a == b)
            .count();
        while !old.is_char_boundary(old.len() - suffix) || !new.is_char_boundary(new.len() - suffix)
        {
            suffix -= 1;
        }
        Some(Change {
            at: prefix,
            removed: old[prefix..old.len() - suffix].to_string(),
            inserted: new[prefix..new.len() - suffix].to_string(),
        })
    }

    /// Applies the change to `text` (which must be the text it was computed from).
    pub fn apply(&self, text: &mut String) {
        let end = (self.at + self.removed.len()).min(text.len());
        if text.is_char_boundary(self.at) && text.is_char_boundary(end) {
            text.replace_range(self.at..end, &self.inserted);
        }
    }

    /// The change that undoes this one.
    pub fn inverse(&self) -> Change {
        Change {
            at: self.at,
            removed: self.inserted.clone(),
            inserted: self.removed.clone(),
        }
    }

    /// Merges `next` (applied right after `self`) into one change when they touch
    /// adjacent text: how typing a word becomes one undo step.
    pub fn merge(&self, next: &Change) -> Option<Change> {
        let end = self.at + self.inserted.len();
        if next.at == end && next.removed.is_empty() {
            // Typing on: more text after what was inserted.
            return Some(Change {
                at: self.at,
                removed: self.removed.clone(),
                inserted: format!("{}{}", self.inserted, next.inserted),
            });
        }
        if next.inserted.is_empty() && next.at + next.removed.len() == end && next.at >= self.at {
            // Backspacing over what was just typed.
            let keep = next.at - self.at;
            return Some(Change {
                at: self.at,
                removed: self.removed.clone(),
                inserted: self.inserted[..keep].to_string(),
            });
        }
        if self.inserted.is_empty()
            && next.inserted.is_empty()
            && next.at + next.removed.len() == self.at
        {
            // Backspacing further left.
            return Some(Change {
                at: next.at,
                removed: format!("{}{}", next.removed, self.removed),
                inserted: String::new(),
            });
        }
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn round_trip(old: &str, new: &str) {
        let c = Change::between(old, new).unwrap();
        let mut t = old.to_string();
        c.apply(&mut t);
        assert_eq!(t, new);
        c.inverse().apply(&mut t);
        assert_eq!(t, old);
    }

    #[test]
    fn between_finds_the_minimal_replacement() {
        let c = Change::between("instanceType: C4 # cpu\n", "instanceType: A100 # cpu\n").unwrap();
        assert_eq!(
            (c.at, c.removed.as_str(), c.inserted.as_str()),
            (14, "C4", "A100")
        );
        round_trip("abc", "abXc");
        round_trip("aaa", "aa");
        round_trip("", "x: 1\n");
        round_trip("日本語", "日本人語");
        round_trip("é", "è");
        assert_eq!(Change::between("same", "same"), None);
    }

    #[test]
    fn typing_and_backspacing_merge() {
        let a = Change {
            at: 3,
            removed: String::new(),
            inserted: "ab".into(),
        };
        let b = Change {
            at: 5,
            removed: String::new(),
            inserted: "c".into(),
        };
        assert_eq!(a.merge(&b).unwrap().inserted, "abc");
        let back = Change {
            at: 4,
            removed: "b".into(),
            inserted: String::new(),
        };
        assert_eq!(a.merge(&back).unwrap().inserted, "a");
        let elsewhere = Change {
            at: 0,
            removed: String::new(),
            inserted: "x".into(),
        };
        assert_eq!(a.merge(&elsewhere), None);
        let del1 = Change {
            at: 5,
            removed: "x".into(),
            inserted: String::new(),
        };
        let del2 = Change {
            at: 4,
            removed: "y".into(),
            inserted: String::new(),
        };
        assert_eq!(
            del1.merge(&del2).unwrap(),
            Change {
                at: 4,
                removed: "yx".into(),
                inserted: String::new()
            }
        );
    }
}
