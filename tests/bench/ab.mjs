// A/B of the core's speed in two or more release builds (say, two opt-levels), for
// choosing a build setting on a busy machine: each build is open in its own page of
// one Chromium, and `checkSpec` is timed in short batches taking turns between the
// builds, so a load that comes and goes hits all of them alike. Prints the median and
// the fastest batch per call for each build and document. A development tool beside
// `make bench` (which measures one build against the budgets), not part of it.
//
// With KEYSTROKE_LINES (say 5000), then the app's main-thread work per keystroke
// (keystroke.mjs's `work`, without the bare textarea) on a spec of that many lines,
// EDITS keystrokes (default 100) taking turns between the builds the same way.
//
// Usage: node tests/bench/ab.mjs DIST_A DIST_B [...]   (ROUNDS, default 60)
import { serve } from '../e2e/support/harness.mjs';
import { arm, editPlace } from './keystroke.mjs';
import { browser, openApp, paste } from './page.mjs';
import { spec, largestCorpusFile } from './specs.mjs';
import { median, quantile } from './stats.mjs';

const dists = process.argv.slice(2);
if (dists.length < 2) throw new Error('usage: node tests/bench/ab.mjs DIST_A DIST_B [...]');
const rounds = Number(process.env.ROUNDS ?? 60);
const corpus = largestCorpusFile();
const docs = [
  { name: '100-line spec', text: spec(100) },
  { name: '5,000-line spec', text: spec(5000) },
  { name: `corpus ${corpus.name}`, text: corpus.text },
];

/** Page side: the time per call of a batch of `k` checks (k sized to ~20 ms). */
function batch({ text, k }) {
  const sink = [];
  const t0 = performance.now();
  for (let i = 0; i < k; i++) sink.push(window.wasmBindings.checkSpec(text).length);
  return (performance.now() - t0) / k;
}

const { context } = await browser();
const servers = [];
try {
  const pages = [];
  for (const dir of dists) {
    const server = await serve(dir);
    servers.push(server);
    pages.push((await openApp(context, server.url)).page);
  }
  for (const doc of docs) {
    // Warm up every build and size the batch on the first.
    const per = [];
    for (const page of pages) {
      await page.evaluate(batch, { text: doc.text, k: 3 });
      per.push(await page.evaluate(batch, { text: doc.text, k: 3 }));
    }
    const k = Math.max(1, Math.ceil(20 / Math.max(Math.min(...per), 0.001)));
    const times = dists.map(() => []);
    for (let r = 0; r < rounds; r++) {
      for (let j = 0; j < pages.length; j++) {
        const i = (j + r) % pages.length;
        times[i].push(await pages[i].evaluate(batch, { text: doc.text, k }));
      }
    }
    console.log(`${doc.name} (${rounds} rounds of ${k} calls):`);
    dists.forEach((d, i) => {
      const m = median(times[i]);
      const base = median(times[0]);
      console.log(`  ${d}: median ${m.toFixed(3)} ms, fastest ${Math.min(...times[i]).toFixed(3)} ms, ${(m / base).toFixed(2)}× the first`);
    });
  }
  for (const lines of (process.env.KEYSTROKE_LINES ?? '').split(',').map(Number).filter(Boolean)) {
    const edits = Number(process.env.EDITS ?? 100);
    let text = spec(lines);
    for (const page of pages) await paste(page, text);
    const work = dists.map(() => []);
    for (let e = 0; e < edits; e++) {
      const { line, pos } = editPlace(text, e);
      for (let j = 0; j < pages.length; j++) {
        const i = (j + e) % pages.length;
        // Only the page in front renders at full priority: without this, the build
        // opened last won every comparison (two copies of one build differed 1.7×).
        await pages[i].bringToFront();
        await pages[i].evaluate(arm, { which: 'app', pos, line });
        await pages[i].keyboard.type('x');
        work[i].push((await pages[i].evaluate(() => window.__edit)).work);
      }
      text = text.slice(0, pos) + 'x' + text.slice(pos);
    }
    console.log(`keystroke work, ${lines}-line spec (${edits} edits each):`);
    dists.forEach((d, i) => {
      const f = (x) => x.toFixed(1);
      console.log(`  ${d}: median ${f(median(work[i]))} ms, p95 ${f(quantile(work[i], 0.95))} ms, fastest ${f(Math.min(...work[i]))} ms`);
    });
  }
} finally {
  await context.close();
  for (const s of servers) s.close();
}
