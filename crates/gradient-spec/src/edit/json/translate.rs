//! Applying a rule's fix to a JSON(C) document. The rules write fixes as YAML text
//! (JSON objects are YAML flow mappings to them, so a fix inserts `key: value`); the
//! fix's effect is read by parsing the fixed text as YAML (comments blanked), and the
//! difference in meaning is made again with the JSON operations: keys renamed in
//! place, values replaced, keys removed or added, items appended. The result is JSON
//! in the file's own layout, or nothing when the fix cannot be carried over.

use super::super::meaning::{Meaning, MeaningValue};
use super::super::value::NewValue;
use super::ops::{remove, rename_key, set_value, wrap_in_list};
use super::JsonText;
use crate::diag::{apply_edits, TextEdit};
use crate::path::SpecPath;
use crate::yaml;

/// One change of meaning, in the order it must be made.
enum Op {
    Rename(SpecPath, String),
    Set(SpecPath, NewValue),
    Remove(SpecPath),
    Wrap(SpecPath),
    Insert(SpecPath, NewValue),
}

/// The text after applying the YAML `edits` of a fix to the JSON(C) `text`, made with
/// JSON edits; `None` when it cannot be.
pub(crate) fn fix_text(text: &str, jsonc: bool, edits: &[TextEdit]) -> Option<String> {
    let ctx = JsonText::new(text, jsonc).ok()?;
    let fixed = apply_edits(text, edits)?;
    let target = yaml_meaning(&fixed)?;
    let mut ops = Vec::new();
    diff(
        &Meaning::of_root(ctx.root()),
        &target,
        &SpecPath::root(),
        &mut ops,
    )?;
    let mut cur = text.to_string();
    for op in ops {
        let ctx = JsonText::new(&cur, jsonc).ok()?;
        let edits = match &op {
            Op::Rename(p, to) => rename_key(&ctx, p, to),
            Op::Set(p, v) => set_value(&ctx, p, v, false),
            Op::Remove(p) => remove(&ctx, p),
            Op::Wrap(p) => wrap_in_list(&ctx, p),
            Op::Insert(p, v) => set_value(&ctx, p, v, true),
        }
        .ok()?;
        cur = apply_edits(&cur, &edits)?;
    }
    let ctx = JsonText::new(&cur, jsonc).ok()?;
    (same_ignoring_key_order(&Meaning::of_root(ctx.root()), &target)).then_some(cur)
}

/// What `text` (JSON with a YAML fix in it) means, read as YAML with its `//` and
/// `/* */` comments blanked out; `None` when it does not parse cleanly.
fn yaml_meaning(text: &str) -> Option<Meaning> {
    let mut bytes = text.as_bytes().to_vec();
    for t in crate::json::lex_tokens(text) {
        if t.is_comment() {
            for b in &mut bytes[t.span.start..t.span.end] {
                if !matches!(*b, b'\n' | b'\r') {
                    *b = b' ';
                }
            }
        }
    }
    let blanked = String::from_utf8(bytes).ok()?;
    let doc = yaml::parse(&blanked);
    doc.syntax_diagnostics
        .is_empty()
        .then(|| Meaning::of_root(doc.root.as_ref()))
}

fn to_new(s: &Meaning) -> Option<NewValue> {
    Some(match &s.v {
        MeaningValue::Null => NewValue::Null,
        MeaningValue::Bool(b) => NewValue::Bool(*b),
        MeaningValue::Int(i) => NewValue::Int(*i),
        MeaningValue::Float(bits) => NewValue::Float(f64::from_bits(*bits)),
        MeaningValue::Str(t) => NewValue::Str(t.clone()),
        MeaningValue::Alias(_) => return None,
        MeaningValue::Map(m) => NewValue::Map(
            m.iter()
                .map(|(k, _, v)| Some((k.clone()?, to_new(v)?)))
                .collect::<Option<_>>()?,
        ),
        MeaningValue::Seq(items) => NewValue::Seq(items.iter().map(to_new).collect::<Option<_>>()?),
    })
}

/// The operations turning `old` into `new` at `at`.
fn diff(old: &Meaning, new: &Meaning, at: &SpecPath, ops: &mut Vec<Op>) -> Option<()> {
    if old.v == new.v {
        return Some(());
    }
    match (&old.v, &new.v) {
        (MeaningValue::Map(a), MeaningValue::Map(b)) => {
            let keys = |m: &Vec<(Option<String>, Meaning, Meaning)>| {
                m.iter()
                    .map(|(k, _, _)| k.clone())
                    .collect::<Option<Vec<_>>>()
            };
            let (ka, kb) = (keys(a)?, keys(b)?);
            // Same places, some keys renamed with their values unchanged.
            if ka.len() == kb.len()
                && ka != kb
                && ka
                    .iter()
                    .zip(&kb)
                    .enumerate()
                    .all(|(i, (x, y))| x == y || a[i].2 == b[i].2)
                && kb
                    .iter()
                    .all(|k| ka.iter().filter(|x| *x == k).count() <= 1 || ka.contains(k))
            {
                for (x, y) in ka.iter().zip(&kb) {
                    if x != y {
                        ops.push(Op::Rename(at.key(x), y.clone()));
                    }
                }
                for (i, y) in kb.iter().enumerate() {
                    diff(&a[i].2, &b[i].2, &at.key(y), ops)?;
                }
                return Some(());
            }
            for (i, k) in ka.iter().enumerate() {
                match kb.iter().position(|y| y == k) {
                    Some(j) => diff(&a[i].2, &b[j].2, &at.key(k), ops)?,
                    None => ops.push(Op::Remove(at.key(k))),
                }
            }
            for (j, k) in kb.iter().enumerate() {
                if !ka.contains(k) {
                    ops.push(Op::Insert(at.key(k), to_new(&b[j].2)?));
                }
            }
            Some(())
        }
        (MeaningValue::Seq(a), MeaningValue::Seq(b)) if a.len() == b.len() => {
            for (i, (x, y)) in a.iter().zip(b).enumerate() {
                diff(x, y, &at.index(i), ops)?;
            }
            Some(())
        }
        (MeaningValue::Seq(a), MeaningValue::Seq(b))
            if b.len() > a.len() && b[..a.len()] == a[..] =>
        {
            for (i, y) in b.iter().enumerate().skip(a.len()) {
                ops.push(Op::Insert(at.index(i), to_new(y)?));
            }
            Some(())
        }
        _ if at.0.is_empty() => None,
        (_, MeaningValue::Seq(b)) if b.len() == 1 && b[0] == *old => {
            ops.push(Op::Wrap(at.clone()));
            Some(())
        }
        _ => {
            ops.push(Op::Set(at.clone(), to_new(new)?));
            Some(())
        }
    }
}

/// Equal meanings, objects compared as sets of keys (a fix may put a key first; the
/// JSON edit puts it last).
fn same_ignoring_key_order(a: &Meaning, b: &Meaning) -> bool {
    match (&a.v, &b.v) {
        (MeaningValue::Map(x), MeaningValue::Map(y)) => {
            x.len() == y.len()
                && x.iter().all(|(k, _, v)| {
                    y.iter()
                        .find(|(k2, _, _)| k2 == k)
                        .is_some_and(|(_, _, v2)| same_ignoring_key_order(v, v2))
                })
        }
        (MeaningValue::Seq(x), MeaningValue::Seq(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_ignoring_key_order(p, q))
        }
        _ => a.v == b.v,
    }
}
