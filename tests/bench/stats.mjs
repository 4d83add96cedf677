// Order statistics for the benchmarks: medians and nearest-rank quantiles, so a
// figure is always one that was actually measured (or the mean of the middle two).

/** The median; the mean of the two middle values for an even count. */
export function median(xs) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

/** The nearest-rank quantile: the smallest value with at least q of the samples at or below it. */
export function quantile(xs, q) {
  if (xs.length === 0) return null;
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.min(s.length - 1, Math.max(0, Math.ceil(q * s.length) - 1))];
}

/** Rounds to `digits` decimals (the raw figures keep a tenth of a microsecond at most). */
export const round = (x, digits = 3) => (x == null ? x : Math.round(x * 10 ** digits) / 10 ** digits);
