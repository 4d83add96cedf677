//! What a document means, without how it is written: the model an edit is checked
//! against. The expected meaning after an edit is the old meaning with the intended
//! change applied; the re-parsed text must mean exactly that.

use super::value::NewValue;
use crate::path::{PathSegment, SpecPath};
use crate::yaml::{Node, ScalarKind, Value};

#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Meaning {
    pub tag: Option<String>,
    pub anchor: Option<String>,
    pub v: MeaningValue,
}

#[derive(Debug, Clone, PartialEq)]
pub(crate) enum MeaningValue {
    Null,
    Bool(bool),
    Int(i64),
    /// The bits of the float (all NaNs alike), so equality is exact.
    Float(u64),
    Str(String),
    Alias(String),
    /// Entries as `(key text, key, value)`: lookups go by the key's text, as paths do.
    Map(Vec<(Option<String>, Meaning, Meaning)>),
    Seq(Vec<Meaning>),
}

fn plain(v: MeaningValue) -> Meaning {
    Meaning {
        tag: None,
        anchor: None,
        v,
    }
}

fn float_bits(f: f64) -> u64 {
    if f.is_nan() {
        f64::NAN.to_bits()
    } else {
        f.to_bits()
    }
}

impl Meaning {
    /// The meaning of a parsed document's root (`Null` when it has no content).
    pub(super) fn of_root(root: Option<&Node>) -> Meaning {
        root.map_or(plain(MeaningValue::Null), Meaning::of)
    }

    pub(super) fn of(node: &Node) -> Meaning {
        let v = match &node.value {
            Value::Mapping(m) => MeaningValue::Map(
                m.entries
                    .iter()
                    .map(|e| {
                        (
                            e.key.scalar_text().map(str::to_string),
                            Meaning::of(&e.key),
                            Meaning::of(&e.value),
                        )
                    })
                    .collect(),
            ),
            Value::Sequence(s) => MeaningValue::Seq(s.items.iter().map(Meaning::of).collect()),
            Value::Alias(a) => MeaningValue::Alias(a.clone()),
            Value::Scalar(s) => match s.kind {
                ScalarKind::Null => MeaningValue::Null,
                ScalarKind::Bool(b) => MeaningValue::Bool(b),
                ScalarKind::Int(i) => MeaningValue::Int(i),
                ScalarKind::Float(f) => MeaningValue::Float(float_bits(f)),
                ScalarKind::String => MeaningValue::Str(s.text.clone()),
            },
        };
        Meaning {
            tag: node.tag.clone(),
            anchor: node.anchor.clone(),
            v,
        }
    }

    pub(super) fn of_new(value: &NewValue) -> Meaning {
        plain(match value {
            NewValue::Null => MeaningValue::Null,
            NewValue::Bool(b) => MeaningValue::Bool(*b),
            NewValue::Int(i) => MeaningValue::Int(*i),
            NewValue::Float(f) => MeaningValue::Float(float_bits(*f)),
            NewValue::Str(s) => MeaningValue::Str(s.clone()),
            NewValue::Map(m) => MeaningValue::Map(
                m.iter()
                    .map(|(k, v)| {
                        (
                            Some(k.clone()),
                            plain(MeaningValue::Str(k.clone())),
                            Meaning::of_new(v),
                        )
                    })
                    .collect(),
            ),
            NewValue::Seq(s) => MeaningValue::Seq(s.iter().map(Meaning::of_new).collect()),
        })
    }

    fn child_mut(&mut self, seg: &PathSegment) -> Option<&mut Meaning> {
        match (seg, &mut self.v) {
            (PathSegment::Key(k), MeaningValue::Map(m)) => m
                .iter_mut()
                .find(|(t, _, _)| t.as_deref() == Some(k.as_str()))
                .map(|(_, _, v)| v),
            (PathSegment::Index(i), MeaningValue::Seq(s)) => s.get_mut(*i),
            _ => None,
        }
    }

    pub(super) fn get_mut(&mut self, path: &[PathSegment]) -> Option<&mut Meaning> {
        let mut cur = self;
        for seg in path {
            cur = cur.child_mut(seg)?;
        }
        Some(cur)
    }

    /// Sets `path` to `value`, creating missing mappings (and one-item lists for `[0]`)
    /// and replacing a null on the way, as the text operations do. Keeps the tag and
    /// anchor of a replaced value (they are written outside the value's span).
    pub(super) fn put(&mut self, path: &SpecPath, value: Meaning) -> Option<()> {
        let segs = &path.0;
        let mut cur = self;
        for (i, seg) in segs.iter().enumerate() {
            let exists = cur.child_mut(seg).is_some();
            if !exists {
                let rest = wrap(&segs[i + 1..], value)?;
                return match (seg, &mut cur.v) {
                    (PathSegment::Key(k), MeaningValue::Map(m)) => {
                        m.push((Some(k.clone()), plain(MeaningValue::Str(k.clone())), rest));
                        Some(())
                    }
                    (PathSegment::Index(n), MeaningValue::Seq(s)) if *n == s.len() => {
                        s.push(rest);
                        Some(())
                    }
                    (_, MeaningValue::Null) => {
                        cur.v = wrap(std::slice::from_ref(seg), rest)?.v;
                        Some(())
                    }
                    _ => None,
                };
            }
            cur = cur.child_mut(seg)?;
        }
        cur.v = value.v;
        Some(())
    }

    pub(super) fn remove(&mut self, path: &SpecPath) -> Option<()> {
        let (last, parent) = path.0.split_last()?;
        let parent = self.get_mut(parent)?;
        match (last, &mut parent.v) {
            (PathSegment::Key(k), MeaningValue::Map(m)) => {
                let i = m
                    .iter()
                    .position(|(t, _, _)| t.as_deref() == Some(k.as_str()))?;
                m.remove(i);
            }
            (PathSegment::Index(i), MeaningValue::Seq(s)) if *i < s.len() => {
                s.remove(*i);
            }
            _ => return None,
        }
        Some(())
    }

    pub(super) fn move_item(&mut self, path: &SpecPath, from: usize, to: usize) -> Option<()> {
        match &mut self.get_mut(&path.0)?.v {
            MeaningValue::Seq(s) if from < s.len() && to < s.len() => {
                let item = s.remove(from);
                s.insert(to, item);
                Some(())
            }
            _ => None,
        }
    }
}

/// `value` nested under the remaining path segments: keys make mappings, `[0]` makes
/// a one-item list; any other index cannot be created.
pub(crate) fn wrap(rest: &[PathSegment], value: Meaning) -> Option<Meaning> {
    let mut v = value;
    for seg in rest.iter().rev() {
        v = match seg {
            PathSegment::Key(k) => plain(MeaningValue::Map(vec![(
                Some(k.clone()),
                plain(MeaningValue::Str(k.clone())),
                v,
            )])),
            PathSegment::Index(0) => plain(MeaningValue::Seq(vec![v])),
            PathSegment::Index(_) => return None,
        };
    }
    Some(v)
}

/// The first place two meanings differ, as a path, for messages.
pub(crate) fn first_difference(a: &Meaning, b: &Meaning) -> String {
    fn go(a: &Meaning, b: &Meaning, at: &mut SpecPath) -> bool {
        match (&a.v, &b.v) {
            (MeaningValue::Map(x), MeaningValue::Map(y))
                if x.len() == y.len() && a.tag == b.tag && a.anchor == b.anchor =>
            {
                for ((kx, _, vx), (ky, _, vy)) in x.iter().zip(y) {
                    if kx != ky {
                        return true;
                    }
                    at.0.push(PathSegment::Key(kx.clone().unwrap_or_default()));
                    if go(vx, vy, at) {
                        return true;
                    }
                    at.0.pop();
                }
                x != y
            }
            (MeaningValue::Seq(x), MeaningValue::Seq(y))
                if x.len() == y.len() && a.tag == b.tag && a.anchor == b.anchor =>
            {
                for (i, (vx, vy)) in x.iter().zip(y).enumerate() {
                    at.0.push(PathSegment::Index(i));
                    if go(vx, vy, at) {
                        return true;
                    }
                    at.0.pop();
                }
                false
            }
            _ => a != b,
        }
    }
    let mut at = SpecPath::root();
    go(a, b, &mut at);
    at.to_string()
}
