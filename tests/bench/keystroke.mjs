// Keystroke cost: the time a keystroke costs the app beyond what a bare <textarea>
// holding the same text costs in the same page (design.md: the browser's own cost of
// editing a large textarea is large, and it is not the app's). The bare textarea
// gets the app textarea's size, position, font, padding and text attributes
// (spellcheck, wrap…), so the two differ only in what the app does.
//
// Each edit is a real key press (CDP key events: keydown, beforeinput, the browser's
// own insertion, input, keyup), one character inside a value, on lines spread
// through the document; edits alternate bare, app, bare, app… at the same places, so
// both hold the same text throughout (checked at the end, with the app's problems
// checked against a fresh validation). Before each edit, untimed: focus, caret,
// scroll the line to mid-view, and wait for the frame and for the app to be idle.
// Timed: from the keydown's timeStamp to the end of the next animation frame after
// the input event; for the app, then also every further frame until no element
// carries `data-busy` (the app's mark for deferred validation/form work). That
// figure is quantised to frames (~16.7 ms apart here): work done while waiting for
// the next frame costs nothing in it. So each edit also reports `work`, the main
// thread's own share: keydown to the end of the input handlers, plus the frame's
// rendering, plus any data-busy frames after it.
//
// Usage: node tests/bench/keystroke.mjs [lines...]   (default: 100 5000; EDITS=200)
import { pathToFileURL } from 'node:url';
import { serve } from '../e2e/support/harness.mjs';
import { browser, openApp, paste } from './page.mjs';
import { spec, HEAD_LINES } from './specs.mjs';
import { median, quantile, round } from './stats.mjs';

/** Where edit `i` goes: a line after the head, strided through the document, just inside its value. */
export function editPlace(text, i) {
  const starts = [0];
  for (let k = 0; k < text.length; k++) if (text[k] === '\n') starts.push(k + 1);
  const lines = starts.length - 1;
  const line = HEAD_LINES + ((i * 7919) % (lines - HEAD_LINES));
  const lineText = text.slice(starts[line], starts[line + 1] - 1);
  const colon = lineText.indexOf(': ');
  const column = colon >= 0 ? Math.min(colon + 3, lineText.length) : lineText.length;
  return { line, pos: starts[line] + column };
}

/** Page side: puts a bare textarea like the app's into the page. */
function addBare() {
  const app = document.querySelector('#spec-yaml');
  const bare = document.createElement('textarea');
  bare.id = 'bench-bare';
  for (const a of ['spellcheck', 'autocomplete', 'autocapitalize', 'wrap']) {
    if (app.hasAttribute(a)) bare.setAttribute(a, app.getAttribute(a));
  }
  const r = app.getBoundingClientRect();
  const cs = getComputedStyle(app);
  bare.style.cssText = [
    'position:fixed', `left:${r.left}px`, `top:${r.top}px`, `width:${r.width}px`, `height:${r.height}px`,
    'box-sizing:border-box', `padding:${cs.padding}`, `border:${cs.border}`, `font:${cs.font}`,
    `line-height:${cs.lineHeight}`, `white-space:${cs.whiteSpace}`, `tab-size:${cs.tabSize}`,
    'margin:0', 'resize:none', 'opacity:0.01', 'z-index:2147483647', 'pointer-events:none',
  ].join(';');
  bare.value = app.value;
  document.body.appendChild(bare);
}

/** Page side: readies `which` textarea for an edit at `pos`, then arms the timer. */
export async function arm({ which, pos, line }) {
  const b = window.__bench;
  const el = document.querySelector(which === 'app' ? '#spec-yaml' : '#bench-bare');
  el.focus();
  el.setSelectionRange(pos, pos);
  const lineHeight = parseFloat(getComputedStyle(el).lineHeight) || 20;
  el.scrollTop = Math.max(0, line * lineHeight - el.clientHeight / 2);
  await b.frame();
  await b.idle();
  window.__edit = new Promise((resolve, reject) => {
    let t0 = null, handled = null;
    addEventListener('keydown', (e) => { t0 = e.timeStamp; }, { capture: true, once: true });
    // Bubble phase on window: after the app's own (possibly delegated) input handlers.
    addEventListener('input', () => { handled = performance.now(); }, { once: true });
    el.addEventListener('input', async () => {
      try {
        let rafAt = null;
        await new Promise((r) => requestAnimationFrame(() => { rafAt = performance.now(); setTimeout(r, 0); }));
        const frameEnd = performance.now();
        if (which === 'app') while (b.busy()) await b.frame();
        const end = performance.now();
        // `work`: the main thread's share without the wait for the frame to start
        // (the frame-bounded figure is quantised to frames, ~16.7 ms here).
        resolve({ ms: end - t0, work: (handled - t0) + (frameEnd - rafAt) + (end - frameEnd) });
      } catch (err) { reject(err); }
    }, { once: true });
  });
}

/** Measures `edits` interleaved edits on a `lines`-line spec in a fresh page of the app at `url`. */
export async function measureKeystrokes(context, url, lines, edits = 200) {
  const { page, errors } = await openApp(context, url);
  let text = spec(lines);
  const settledBefore = await paste(page, text);
  await page.evaluate(addBare);
  const app_ms = [], bare_ms = [], app_work = [], bare_work = [];
  for (let i = 0; i < edits; i++) {
    const { line, pos } = editPlace(text, i);
    for (const which of ['bare', 'app']) {
      await page.evaluate(arm, { which, pos, line });
      await page.keyboard.type('x');
      const { ms, work } = await page.evaluate(() => window.__edit);
      (which === 'app' ? app_ms : bare_ms).push(ms);
      (which === 'app' ? app_work : bare_work).push(work);
    }
    text = text.slice(0, pos) + 'x' + text.slice(pos);
  }
  // The edits really happened, the same in both, and the app shows their problems.
  const after = await page.evaluate(() => window.__bench.settled());
  const same = await page.evaluate((t) => {
    const app = document.querySelector('#spec-yaml').value;
    return { app: app === t, bare: document.querySelector('#bench-bare').value === t };
  }, text);
  await page.close();
  const added = app_ms.map((a, i) => a - bare_ms[i]);
  const addedWork = app_work.map((a, i) => a - bare_work[i]);
  return {
    lines,
    bytes: Buffer.byteLength(text),
    edits,
    added_median_ms: round(median(added)),
    added_p95_ms: round(quantile(added, 0.95)),
    app_median_ms: round(median(app_ms)),
    app_p95_ms: round(quantile(app_ms, 0.95)),
    bare_median_ms: round(median(bare_ms)),
    bare_p95_ms: round(quantile(bare_ms, 0.95)),
    added_work_median_ms: round(median(addedWork)),
    added_work_p95_ms: round(quantile(addedWork, 0.95)),
    verified: same.app && same.bare,
    text_matches: same,
    status_before: settledBefore.status,
    status_after: after.status,
    app_ms: app_ms.map((x) => round(x, 1)),
    bare_ms: bare_ms.map((x) => round(x, 1)),
    app_work_ms: app_work.map((x) => round(x, 1)),
    bare_work_ms: bare_work.map((x) => round(x, 1)),
    errors,
  };
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) {
  const sizes = process.argv.slice(2).map(Number).filter(Boolean);
  const EDITS = Number(process.env.EDITS ?? 200);
  const server = await serve();
  const { context } = await browser();
  console.log(`lines  app-median  bare-median  added-median  added-p95  added-work-median  added-work-p95  verified   (ms, ${EDITS} edits each)`);
  try {
    for (const lines of sizes.length ? sizes : [100, 5000]) {
      const r = await measureKeystrokes(context, server.url, lines, EDITS);
      const f = (x, w) => x.toFixed(1).padStart(w);
      console.log(`${String(lines).padStart(5)}  ${f(r.app_median_ms, 10)}  ${f(r.bare_median_ms, 11)}  ${f(r.added_median_ms, 12)}  ${f(r.added_p95_ms, 9)}  ${f(r.added_work_median_ms, 17)}  ${f(r.added_work_p95_ms, 14)}  ${r.verified}`);
    }
  } finally {
    await context.close();
    server.close();
  }
}
