//! The edits that turn one text into another, line by line: what an upgrade changes,
//! as hunks a preview can show and an editor can apply as one step.

use crate::diag::{Span, TextEdit};

/// Above this many cells the line-by-line comparison is skipped for one edit over
/// the changed region (a spec is a few hundred lines; this is ~2,000 × 2,000).
const MAX_CELLS: usize = 4_000_000;

/// Non-overlapping edits, in order, turning `old` into `new`: whole lines, unchanged
/// lines left out (a longest-common-subsequence of lines between the common prefix and
/// suffix). Empty when the texts are equal.
pub(crate) fn line_edits(old: &str, new: &str) -> Vec<TextEdit> {
    if old == new {
        return Vec::new();
    }
    let a: Vec<&str> = old.split_inclusive('\n').collect();
    let b: Vec<&str> = new.split_inclusive('\n').collect();
    let pre = a.iter().zip(&b).take_while(|(x, y)| x == y).count();
    let max_suf = a.len().min(b.len()) - pre;
    let suf = a
        .iter()
        .rev()
        .zip(b.iter().rev())
        .take(max_suf)
        .take_while(|(x, y)| x == y)
        .count();
    let (a_mid, b_mid) = (&a[pre..a.len() - suf], &b[pre..b.len() - suf]);
    let offset: usize = a[..pre].iter().map(|l| l.len()).sum();
    let (n, m) = (a_mid.len(), b_mid.len());
    if n.saturating_mul(m) > MAX_CELLS || n == 0 || m == 0 {
        let len: usize = a_mid.iter().map(|l| l.len()).sum();
        return vec![TextEdit::replace(
            Span::new(offset, offset + len),
            b_mid.concat(),
        )];
    }
    // lcs[i][j]: the longest common subsequence of a_mid[i..] and b_mid[j..].
    let w = m + 1;
    let mut lcs = vec![0u32; (n + 1) * w];
    for i in (0..n).rev() {
        for j in (0..m).rev() {
            lcs[i * w + j] = if a_mid[i] == b_mid[j] {
                lcs[(i + 1) * w + j + 1] + 1
            } else {
                lcs[(i + 1) * w + j].max(lcs[i * w + j + 1])
            };
        }
    }
    let mut edits = Vec::new();
    let (mut i, mut j, mut pos) = (0, 0, offset);
    let mut hunk: Option<(usize, String)> = None;
    let mut flush = |hunk: &mut Option<(usize, String)>, end: usize| {
        if let Some((start, insert)) = hunk.take() {
            edits.push(TextEdit::replace(Span::new(start, end), insert));
        }
    };
    while i < n || j < m {
        if i < n && j < m && a_mid[i] == b_mid[j] {
            flush(&mut hunk, pos);
            pos += a_mid[i].len();
            i += 1;
            j += 1;
        } else if j < m && (i == n || lcs[i * w + j + 1] >= lcs[(i + 1) * w + j]) {
            hunk.get_or_insert_with(|| (pos, String::new()))
                .1
                .push_str(b_mid[j]);
            j += 1;
        } else {
            hunk.get_or_insert_with(|| (pos, String::new()));
            pos += a_mid[i].len();
            i += 1;
        }
    }
    flush(&mut hunk, pos);
    edits
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::diag::apply_edits;

    fn check(old: &str, new: &str) -> Vec<TextEdit> {
        let edits = line_edits(old, new);
        assert_eq!(apply_edits(old, &edits).as_deref(), Some(new), "{edits:?}");
        edits
    }

    #[test]
    fn hunks_leave_unchanged_lines_alone() {
        assert!(check("a\nb\n", "a\nb\n").is_empty());
        let e = check("a\nb\nc\nd\n", "x\na\nc\nd\ny\n");
        assert_eq!(e.len(), 3, "{e:?}");
        assert_eq!(e[0], TextEdit::insert(0, "x\n"));
        assert_eq!(e[1], TextEdit::delete(Span::new(2, 4)));
        assert_eq!(e[2], TextEdit::insert(8, "y\n"));
        check("a", "b");
        check("", "a: 1\n");
        check("a\r\nb\r\n", "a\r\nc\r\nb\r\n");
        check("a\nb", "a\nb\n");
    }
}
