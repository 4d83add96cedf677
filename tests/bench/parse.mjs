// Parse + validate in the browser: this project's wasm core, called directly
// (`window.wasmBindings.checkSpec`, src/js_api.rs), against the JavaScript stack
// behind monaco-yaml and rjsf: js-yaml's `load` and an ajv (draft 2020-12) validator
// compiled from the JSON Schema `gradient-spec schema` prints, with the options rjsf
// gives ajv (allErrors, verbose, strict off). Both run in the same page of the
// release build, on the same documents. The JS stack is bundled with esbuild (ajv is
// CommonJS) and minified as a site would ship it; ajv compiles once, untimed.
//
// Timing: performance.now() is coarse here (0.1 ms), so calls are timed in batches of
// at least ~20 ms; a round is one batch of each stack (the order alternating), and
// the figure is the median over rounds of the batch time per call.
import { execFileSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { join } from 'node:path';
import { repoRoot } from '../e2e/support/harness.mjs';
import { openApp } from './page.mjs';
import { compressed } from './sizes.mjs';
import { median, round } from './stats.mjs';

const e2eDir = join(repoRoot, 'tests', 'e2e');

/** js-yaml + ajv as one browser script defining `window.__peer = { load, Ajv2020, versions }`. */
export async function peerBundle() {
  const require = createRequire(join(e2eDir, 'package.json'));
  const esbuild = require('esbuild');
  const versions = Object.fromEntries(['js-yaml', 'ajv', 'esbuild'].map((p) => [p, require(`${p}/package.json`).version]));
  const out = await esbuild.build({
    stdin: {
      contents: "export { load } from 'js-yaml'; export { default as Ajv2020 } from 'ajv/dist/2020';",
      resolveDir: e2eDir,
      loader: 'js',
    },
    bundle: true, minify: true, format: 'iife', globalName: '__peer', platform: 'browser', target: 'es2020', write: false,
  });
  const code = out.outputFiles[0].text;
  return { code, versions, size: compressed(Buffer.from(code)) };
}

/** Page side: times both stacks on each document. */
async function compare({ docs, schema, minBatchMs, targetMs }) {
  const ajv = new window.__peer.Ajv2020({ allErrors: true, verbose: true, strict: false });
  let t = performance.now();
  const validate = ajv.compile(schema);
  const compileMs = performance.now() - t;
  const stacks = {
    wasm: (text) => window.wasmBindings.checkSpec(text).length,
    js: (text) => (validate(window.__peer.load(text)) ? 0 : validate.errors.length),
  };
  const sink = [];
  const batch = (fn, text, k) => {
    const t0 = performance.now();
    for (let i = 0; i < k; i++) sink.push(fn(text));
    return (performance.now() - t0) / k;
  };
  const results = [];
  for (const { name, text } of docs) {
    // Warm up (JIT, wasm tiers, ajv's first run), then size the batches.
    const per = {}, k = {};
    for (const [s, fn] of Object.entries(stacks)) {
      for (let i = 0; i < 3; i++) fn(text);
      per[s] = batch(fn, text, 3);
      k[s] = Math.max(1, Math.ceil(minBatchMs / Math.max(per[s], 0.001)));
    }
    const rounds = Math.min(200, Math.max(10, Math.ceil(targetMs / Math.max(per.wasm * k.wasm, per.js * k.js))));
    const times = { wasm: [], js: [] };
    for (let r = 0; r < rounds; r++) {
      const order = r % 2 ? ['js', 'wasm'] : ['wasm', 'js'];
      for (const s of order) times[s].push(batch(stacks[s], text, k[s]));
      await new Promise((res) => setTimeout(res, 0));
    }
    const wasmProblems = JSON.parse(window.wasmBindings.checkSpec(text));
    const jsOk = validate(window.__peer.load(text));
    results.push({
      name, rounds, batch: k, times,
      wasm_problems: wasmProblems.length,
      wasm_errors: wasmProblems.filter((p) => p.severity === 'error').length,
      js_valid: jsOk, js_errors: jsOk ? 0 : validate.errors.length,
    });
    sink.length = 0;
  }
  return { compileMs, results };
}

/** `docs`: [{ name, text }]. `cli`: the release `gradient-spec` binary (for the schema). */
export async function measureParse(context, url, docs, cli, targetMs = 3000) {
  const schema = JSON.parse(execFileSync(cli, ['schema'], { encoding: 'utf8' }));
  const peer = await peerBundle();
  const { page, errors } = await openApp(context, url);
  await page.addScriptTag({ content: peer.code });
  const r = await page.evaluate(compare, { docs, schema, minBatchMs: 20, targetMs });
  await page.close();
  return {
    peer_versions: peer.versions,
    peer_bundle: peer.size,
    ajv_options: { allErrors: true, verbose: true, strict: false },
    ajv_compile_ms: round(r.compileMs, 1),
    documents: r.results.map((d) => {
      const doc = docs.find((x) => x.name === d.name);
      const wasm = median(d.times.wasm), js = median(d.times.js);
      return {
        name: d.name,
        lines: doc.text.split('\n').length - (doc.text.endsWith('\n') ? 1 : 0),
        bytes: Buffer.byteLength(doc.text),
        wasm_median_ms: round(wasm, 4),
        js_median_ms: round(js, 4),
        ratio_wasm_over_js: round(wasm / js, 2),
        rounds: d.rounds,
        calls_per_batch: d.batch,
        wasm_problems: d.wasm_problems,
        wasm_errors: d.wasm_errors,
        js_valid: d.js_valid,
        js_errors: d.js_errors,
        wasm_ms_per_round: d.times.wasm.map((x) => round(x, 4)),
        js_ms_per_round: d.times.js.map((x) => round(x, 4)),
      };
    }),
    errors,
  };
}
