// The table `make bench` prints: one row per figure, with its budget from
// docs/design.md and whether it is met. Rows without a budget are context
// (per-file sizes, raw medians); "(yes)"/"(NO)" compares a secondary figure with
// the budget of the row above it, for information only.

const KB = (b) => `${(b / 1000).toFixed(1)} KB`;
const ms = (x, d = 1) => (x == null ? 'n/a' : `${x.toFixed(d)} ms`);
const yes = (ok) => (ok == null ? '—' : ok ? 'yes' : 'NO');
const info = (ok) => (ok ? '(yes)' : '(NO)');

/** Budgets: what docs/design.md requires now (its goals are tighter: 150 KB, 100 ms,
 *  p95 2 and 8 ms, 1×), in bytes and milliseconds. */
export const BUDGETS = {
  hosted_brotli_bytes: 300_000,
  load_ms: 200,
  keystroke: { 100: { median: 2, p95: 4 }, 5000: { p95: 16 } },
  parse_ratio: 2.0,
};

export function rows(r) {
  const out = [];
  const row = (metric, value, budget = '—', met = '—') => out.push({ metric, value, budget, met });
  if (r.sizes) {
    const { total, hosted, single_file: single } = r.sizes;
    row('hosted page, all files, brotli (gzip / raw)', `${KB(total.brotli)} (${KB(total.gzip)} / ${KB(total.raw)})`,
      `≤ ${BUDGETS.hosted_brotli_bytes / 1000} KB`, yes(total.brotli <= BUDGETS.hosted_brotli_bytes));
    for (const f of hosted) row(`  ${f.file}`, `${KB(f.brotli)} (${KB(f.gzip)} / ${KB(f.raw)})`);
    if (single) row(`single file ${single.file}, brotli (gzip / raw)`, `${KB(single.brotli)} (${KB(single.gzip)} / ${KB(single.raw)})`);
  }
  if (r.load) {
    const l = r.load;
    const ok = l.unmatched_loads === 0;
    row(`load to first diagnostics in the DOM, median of ${l.loads}`, `${ms(l.median_ms)} (${ms(l.min_ms)}–${ms(l.max_ms)})`,
      `≤ ${BUDGETS.load_ms} ms`, ok ? yes(l.median_ms <= BUDGETS.load_ms) : 'UNVERIFIED');
    row('  the same, end of the frame that paints it', ms(l.median_painted_ms));
    row('  wasm downloaded / app started (medians)', `${ms(l.median_wasm_response_end_ms)} / ${ms(l.median_app_started_ms)}`);
  }
  for (const k of r.keystroke ?? []) {
    const b = BUDGETS.keystroke[k.lines] ?? {};
    const tag = k.verified ? '' : ' UNVERIFIED';
    const n = k.lines.toLocaleString('en');
    row(`keystroke, ${n} lines: app minus bare textarea, median`, ms(k.added_median_ms),
      b.median != null ? `≤ ${b.median} ms` : '—', b.median != null ? yes(k.added_median_ms <= b.median) + tag : '—');
    row(`keystroke, ${n} lines: app minus bare textarea, p95`, ms(k.added_p95_ms),
      b.p95 != null ? `≤ ${b.p95} ms` : '—', b.p95 != null ? yes(k.added_p95_ms <= b.p95) + tag : '—');
    row(`  main-thread work added, median / p95`, `${ms(k.added_work_median_ms)} / ${ms(k.added_work_p95_ms)}`, '(as above)',
      b.median != null || b.p95 != null
        ? [b.median != null && info(k.added_work_median_ms <= b.median), b.p95 != null && info(k.added_work_p95_ms <= b.p95)].filter(Boolean).join(' ')
        : '—');
    row(`  app / bare medians (${k.edits} edits each)`, `${ms(k.app_median_ms)} / ${ms(k.bare_median_ms)}`);
  }
  if (r.parse) {
    for (const d of r.parse.documents) {
      row(`parse + validate, ${d.name}: wasm / js-yaml+ajv`,
        `${ms(d.wasm_median_ms, 3)} / ${ms(d.js_median_ms, 3)} = ${d.ratio_wasm_over_js.toFixed(2)}×`,
        `≤ ${BUDGETS.parse_ratio.toFixed(1)}×`, yes(d.ratio_wasm_over_js <= BUDGETS.parse_ratio));
    }
    row('  js-yaml + ajv bundle, minified, brotli (raw)', `${KB(r.parse.peer_bundle.brotli)} (${KB(r.parse.peer_bundle.raw)})`);
  }
  if (r.native) {
    const n = r.native;
    row(`gradient-spec lint, 5,000-line spec (${KB(n.spec_5000_lines.bytes)}), median of ${n.runs}`, ms(n.spec_5000_lines.median_ms));
    row(`gradient-spec lint, 1,000 corpus files in one run, median of ${n.runs}`, ms(n.files_1000.median_ms));
  }
  return out;
}

export function table(rs) {
  const head = { metric: 'metric', value: 'value', budget: 'budget', met: 'met?' };
  const cols = Object.keys(head);
  const w = Object.fromEntries(cols.map((c) => [c, Math.max(...[head, ...rs].map((x) => String(x[c]).length))]));
  const line = (x) => cols.map((c) => String(x[c]).padEnd(w[c])).join('  ').trimEnd();
  return [line(head), cols.map((c) => '-'.repeat(w[c])).join('  '), ...rs.map(line)].join('\n');
}
