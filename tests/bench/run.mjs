// `make bench`: measures the build in dist/ (or DIST_DIR) against the budgets of
// docs/design.md, prints one table and writes every raw figure, with the
// machine, to target/bench/results.json. A benchmark, not a test: nothing here
// fails on a time; it fails only when a measurement could not be made.
//
// Usage: node tests/bench/run.mjs [sizes] [native] [load] [parse] [keystroke]   (default: all)
// Environment: DIST_DIR, GRADIENT_SPEC_BIN (the release CLI), BENCH_OUT, LOADS (10),
// EDITS (200), KEYSTROKE_LINES (100,5000), PARSE_MS (per document and stack, 3000),
// LINT_RUNS (5).
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import { join } from 'node:path';
import { repoRoot, distDir, serve } from '../e2e/support/harness.mjs';
import { machine } from './machine.mjs';
import { browser } from './page.mjs';
import { measureSizes } from './sizes.mjs';
import { measureNative } from './native.mjs';
import { measureLoad } from './load.mjs';
import { measureParse } from './parse.mjs';
import { measureKeystrokes } from './keystroke.mjs';
import { spec, largestCorpusFile } from './specs.mjs';
import { rows, table } from './report.mjs';

const ALL = ['sizes', 'native', 'load', 'parse', 'keystroke'];
const asked = process.argv.slice(2);
for (const a of asked) if (!ALL.includes(a)) throw new Error(`unknown part ${a}; parts: ${ALL.join(' ')}`);
const parts = new Set(asked.length ? asked : ALL);
const env = (k, d) => process.env[k] ?? d;
const out = env('BENCH_OUT', join(repoRoot, 'target', 'bench'));
const cli = env('GRADIENT_SPEC_BIN', join(env('CARGO_TARGET_DIR', join(repoRoot, 'target')), 'release', 'gradient-spec'));
const started = Date.now();
const say = (msg) => console.error(`[bench ${((Date.now() - started) / 1000).toFixed(0).padStart(4)} s] ${msg}`);

if (!existsSync(join(distDir, 'index.html'))) throw new Error(`no build in ${distDir}: run make dist (or set DIST_DIR)`);
if ((parts.has('native') || parts.has('parse')) && !existsSync(cli)) {
  throw new Error(`no release CLI at ${cli}: cargo build --release -p gradient-spec (or set GRADIENT_SPEC_BIN)`);
}

const results = { machine: machine(), dist: distDir, cli, parts: [...parts] };
try {
  results.commit = execFileSync('git', ['-C', repoRoot, 'describe', '--always', '--dirty'], { encoding: 'utf8' }).trim();
} catch { /* not a git checkout */ }

if (parts.has('sizes')) {
  say('sizes of dist/');
  results.sizes = measureSizes(distDir);
}
if (parts.has('native')) {
  say('native linter');
  results.native = measureNative(cli, Number(env('LINT_RUNS', 5)));
}
if (parts.has('load') || parts.has('parse') || parts.has('keystroke')) {
  const server = await serve();
  const { context, version } = await browser();
  results.machine.chromium = version;
  try {
    if (parts.has('load')) {
      say(`load: ${env('LOADS', 10)} fresh loads`);
      results.load = await measureLoad(context, server.url, Number(env('LOADS', 10)));
    }
    if (parts.has('parse')) {
      say('parse + validate: wasm vs js-yaml + ajv');
      const c = largestCorpusFile();
      const docs = [{ name: '100-line spec', text: spec(100) }, { name: '5,000-line spec', text: spec(5000) }, { name: `corpus ${c.name}`, text: c.text }];
      results.parse = await measureParse(context, server.url, docs, cli, Number(env('PARSE_MS', 3000)));
    }
    if (parts.has('keystroke')) {
      results.keystroke = [];
      for (const lines of env('KEYSTROKE_LINES', '100,5000').split(',').map(Number).filter(Boolean)) {
        say(`keystroke: ${env('EDITS', 200)} edits on a ${lines}-line spec`);
        results.keystroke.push(await measureKeystrokes(context, server.url, lines, Number(env('EDITS', 200))));
      }
    }
  } finally {
    await context.close();
    server.close();
  }
}

results.machine.loadavg_at_end = os.loadavg().map((x) => Math.round(x * 100) / 100);
results.seconds = Math.round((Date.now() - started) / 1000);
results.table = rows(results);
mkdirSync(out, { recursive: true });
writeFileSync(join(out, 'results.json'), JSON.stringify(results, null, 2) + '\n');
const m = results.machine;
console.log(`\nBenchmarks (${m.date.slice(0, 10)}; ${m.cpu}, ${m.cores} cores, load average ${m.loadavg_at_start.join(' ')}; ${m.chromium ? `headless Chromium ${m.chromium}; ` : ''}build ${distDir}; KB = 1,000 bytes)\n`);
console.log(table(results.table));
console.log(`\nRaw figures: ${join(out, 'results.json')} (${results.seconds} s)`);
