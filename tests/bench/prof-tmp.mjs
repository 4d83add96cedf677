// TEMPORARY (not committed): CPU profile of keystrokes at N lines.
import { serve } from '../e2e/support/harness.mjs';
import { browser, openApp, paste } from './page.mjs';
import { spec, HEAD_LINES } from './specs.mjs';
import { writeFileSync } from 'node:fs';
const lines = Number(process.argv[2] ?? 5000);
const server = await serve();
const { context } = await browser();
const { page } = await openApp(context, server.url);
const text = spec(lines);
await paste(page, text);
const cdp = await context.newCDPSession(page);
await cdp.send('Profiler.enable');
await cdp.send('Profiler.setSamplingInterval', { interval: 100 });
await cdp.send('Profiler.start');
for (let i = 0; i < 40; i++) {
  const line = HEAD_LINES + ((i * 7919) % (lines - HEAD_LINES));
  await page.evaluate((line) => {
    const el = document.querySelector('#spec-yaml');
    const starts = [0]; const t = el.value;
    for (let k = 0; k < t.length; k++) if (t[k] === '\n') starts.push(k + 1);
    const p = starts[line] + 10; el.focus(); el.setSelectionRange(p, p);
  }, line);
  await page.keyboard.type('x');
  await page.evaluate(() => new Promise((r) => setTimeout(r, 120)));
}
const { profile } = await cdp.send('Profiler.stop');
writeFileSync('/work/notes/keys.cpuprofile', JSON.stringify(profile));
const self = new Map(); const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const dt = profile.timeDeltas; const counts = new Map();
profile.samples.forEach((id, i) => counts.set(id, (counts.get(id) ?? 0) + (dt[i] ?? 0)));
// inclusive: walk parents
const parent = new Map(); for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const incl = new Map();
for (const [id, t] of counts) {
  const n = byId.get(id); const name = n.callFrame.functionName || '(anon)';
  self.set(name, (self.get(name) ?? 0) + t);
  const seen = new Set(); let cur = id;
  while (cur !== undefined) { const nm = byId.get(cur).callFrame.functionName || '(anon)'; if (!seen.has(nm)) { seen.add(nm); incl.set(nm, (incl.get(nm) ?? 0) + t); } cur = parent.get(cur); }
}
const top = (m) => [...m].sort((a, b) => b[1] - a[1]).slice(0, 45).map(([n, t]) => `${(t / 1000 / 40).toFixed(2).padStart(7)} ms/key  ${n.slice(0, 120)}`).join('\n');
console.log('SELF\n' + top(self)); console.log('INCLUSIVE\n' + top(incl));
await context.close(); server.close();
