//! One stable sort for the program, for size. The standard library's sort is generic:
//! every call with its own element type or comparison instantiates all of it again
//! (3–4 KB of wasm each; eight of them were about 31 KB of the browser bundle). These
//! functions sort a list of positions through one non-generic comparison, so the
//! standard sort is instantiated once, then move the elements into that order. The
//! lists sorted here are short (diagnostics, edits, notes), where the indirect call
//! costs nothing measurable.

use std::cmp::Ordering;

/// Sorts `v` stably by `key`, as `slice::sort_by_key` does.
pub fn by_key<T, K: Ord>(v: &mut [T], key: impl Fn(&T) -> K) {
    by(v, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `v` stably by `cmp`, as `slice::sort_by` does.
pub fn by<T>(v: &mut [T], cmp: impl Fn(&T, &T) -> Ordering) {
    if v.len() < 2 {
        return;
    }
    let mut order: Vec<usize> = (0..v.len()).collect();
    positions(&mut order, &|a, b| cmp(&v[a], &v[b]));
    permute(v, &mut order);
}

/// Sorts `v` in its natural order (stable: equal elements keep their order).
pub fn natural<T: Ord>(v: &mut [T]) {
    by(v, T::cmp);
}

/// The one instantiation of the standard sort.
#[inline(never)]
fn positions(order: &mut [usize], cmp: &dyn Fn(usize, usize) -> Ordering) {
    order.sort_by(|&a, &b| cmp(a, b));
}

/// Puts the element now at `order[k]` at `k`, for every `k`, by following each cycle
/// of the permutation with swaps (`order` is used up: its entries are marked done).
fn permute<T>(v: &mut [T], order: &mut [usize]) {
    const DONE: usize = usize::MAX;
    for start in 0..order.len() {
        let mut k = start;
        while order[k] != DONE {
            let from = order[k];
            order[k] = DONE;
            if from == start {
                break;
            }
            v.swap(k, from);
            k = from;
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// A small deterministic generator, so the test needs no dependency.
    fn numbers(seed: u64, n: usize, range: u64) -> Vec<u64> {
        let mut x = seed | 1;
        (0..n)
            .map(|_| {
                x ^= x << 13;
                x ^= x >> 7;
                x ^= x << 17;
                x % range
            })
            .collect()
    }

    #[test]
    fn sorts_like_the_standard_stable_sort() {
        for seed in 1..200u64 {
            let n = (seed % 40) as usize;
            // Pairs of (key, original position): equal keys show stability.
            let mut ours: Vec<(u64, usize)> = numbers(seed, n, 1 + seed % 7)
                .into_iter()
                .enumerate()
                .map(|(i, k)| (k, i))
                .collect();
            let mut std = ours.clone();
            std.sort_by_key(|p| p.0);
            by_key(&mut ours, |p| p.0);
            assert_eq!(ours, std, "seed {seed}");
            by(&mut ours, |a, b| b.cmp(a));
            std.sort_by(|a, b| b.cmp(a));
            assert_eq!(ours, std, "seed {seed}, reversed");
        }
    }

    #[test]
    fn sorts_owned_values_without_losing_any() {
        let mut words: Vec<String> = ["pear", "fig", "apple", "fig", "kiwi", ""]
            .iter()
            .map(|s| s.to_string())
            .collect();
        natural(&mut words);
        assert_eq!(words, ["", "apple", "fig", "fig", "kiwi", "pear"]);
        let mut one = vec![3];
        natural(&mut one);
        assert_eq!(one, [3]);
        let mut none: Vec<u8> = Vec::new();
        natural(&mut none);
        assert!(none.is_empty());
    }
}
