// Benchmark (not a test): the time a keystroke costs the app beyond what a bare
// <textarea> of the same text costs, in headless Chromium against a build in dist/.
// Edits alternate between the app's editor and a bare textarea added to the same
// page; each is timed from the input to the next frame after the app's update.
// Usage: node tests/bench/keystroke.mjs [lines...]   (default: 100 5000)
import { serve, launch, openPage } from '../e2e/support/harness.mjs';

const sizes = process.argv.slice(2).map(Number).filter(Boolean);
const EDITS = Number(process.env.EDITS ?? 200);

function spec(lines) {
  const head = ['apiVersion: v1', 'name: bench', 'enabled: true', 'image: nginx:1.27 # the image', 'resources:', '  machineType: C4', '  ports: [8000]', 'env:'];
  const out = [...head];
  for (let i = 0; out.length < lines; i++) out.push(`  - name: VAR_${i} # variable ${i}`, `    value: "v${i}"`);
  return out.slice(0, lines).join('\n') + '\n';
}

const quantile = (xs, q) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(q * s.length))]; };

const server = await serve();
const context = await launch();
const results = {};
for (const lines of sizes.length ? sizes : [100, 5000]) {
  const { page } = await openPage(context, server.url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  const text = spec(lines);
  // As a paste does (Playwright's fill is slow on a 150 KB text).
  await page.getByRole('textbox', { name: 'Spec YAML' }).waitFor();
  await page.evaluate((t) => {
    const el = document.querySelector('#spec-yaml');
    el.value = t;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  await page.waitForTimeout(1000);
  const timings = await page.evaluate(async ({ text, edits }) => {
    const app = document.querySelector('#spec-yaml');
    const bare = document.createElement('textarea');
    bare.value = text;
    bare.style.cssText = 'position:fixed;left:0;top:0;width:600px;height:400px;opacity:0.01';
    document.body.appendChild(bare);
    const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    const lineStarts = [0];
    for (let i = 0; i < text.length; i++) if (text[i] === '\n') lineStarts.push(i + 1);
    const one = async (el, pos) => {
      el.focus();
      el.setSelectionRange(pos, pos);
      const t0 = performance.now();
      el.setRangeText('x', pos, pos, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertText', data: 'x' }));
      await frame();
      return performance.now() - t0;
    };
    const app_ms = [], bare_ms = [];
    for (let i = 0; i < edits; i++) {
      // Spread the edits through the document: the end of a value line.
      const line = 3 + Math.floor((i * 7919) % (lineStarts.length - 4));
      const pos = lineStarts[line + 1] - 1;
      bare_ms.push(await one(bare, pos));
      app_ms.push(await one(app, pos));
    }
    return { app_ms, bare_ms };
  }, { text, edits: EDITS });
  const added = timings.app_ms.map((a, i) => a - timings.bare_ms[i]);
  results[lines] = {
    app_median: quantile(timings.app_ms, 0.5), bare_median: quantile(timings.bare_ms, 0.5),
    added_median: quantile(added, 0.5), added_p95: quantile(added, 0.95),
  };
  await page.close();
}
await context.close();
server.close();
console.log('lines  app-median  bare-median  added-median  added-p95   (ms, ' + EDITS + ' edits each)');
for (const [lines, r] of Object.entries(results)) {
  console.log(`${String(lines).padStart(5)}  ${r.app_median.toFixed(1).padStart(10)}  ${r.bare_median.toFixed(1).padStart(11)}  ${r.added_median.toFixed(1).padStart(12)}  ${r.added_p95.toFixed(1).padStart(9)}`);
}
