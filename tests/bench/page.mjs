// The page side shared by the browser benchmarks. Installed as an init script, so it
// is there before the app starts. "Settled" means what a person would take as done:
// no element carries `data-busy` (the app marks deferred validation/form work with
// it) and the status line and Problems list show what a fresh check of the
// textarea's text gives (`window.wasmBindings.checkSpec`), so stale problems never
// pass for current ones.
import { launch } from '../e2e/support/harness.mjs';

/** Runs in the page (serialised: it may use nothing from this module). */
function benchHelpers() {
  const STATUS = /^\d+ errors?, \d+ warnings?$/;
  /** The next animation frame, and the task after it: the frame has been rendered. */
  const frame = () => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
  const busy = () => document.querySelector('[data-busy]') !== null;
  const status = () => [...document.querySelectorAll('[role="status"]')].find((e) => STATUS.test(e.textContent.trim()));
  const problemItems = () => document.querySelectorAll('ul[aria-label="Problems"] > li').length;
  /** Frames until no element is `data-busy` (at least one frame). */
  async function idle(timeoutMs = 120000) {
    const until = performance.now() + timeoutMs;
    do {
      await frame();
      if (performance.now() > until) throw new Error('an element stayed [data-busy]');
    } while (busy());
  }
  /** The status line and problem count a fresh check of `text` gives. */
  function expected(text) {
    const problems = JSON.parse(window.wasmBindings.checkSpec(text));
    const n = (sev) => problems.filter((p) => p.severity === sev).length;
    const plural = (k, word) => (k === 1 ? `1 ${word}` : `${k} ${word}s`);
    return { status: `${plural(n('error'), 'error')}, ${plural(n('warning'), 'warning')}`, count: problems.length };
  }
  /** What the page shows now. */
  const shown = () => ({ status: status()?.textContent.trim() ?? null, count: problemItems(), busy: busy() });
  /** Waits until the page shows the problems of the editor's current text. */
  async function settled(timeoutMs = 120000) {
    const until = performance.now() + timeoutMs;
    while (!window.wasmBindings || !document.querySelector('#spec-yaml')) {
      if (performance.now() > until) throw new Error('the app did not start');
      await frame();
    }
    const want = expected(document.querySelector('#spec-yaml').value);
    for (;;) {
      await idle(timeoutMs);
      const now = shown();
      if (now.status === want.status && now.count === want.count) return want;
      if (performance.now() > until) throw new Error(`page shows ${JSON.stringify(now)}, a fresh check gives ${JSON.stringify(want)}`);
    }
  }
  window.__bench = { STATUS, frame, busy, idle, expected, shown, status, problemItems, settled };
}

export const BENCH_HELPERS = `(${benchHelpers})();`;

/** Headless Chromium as the browser tests launch it, and its version. */
export async function browser() {
  const context = await launch();
  const version = context.browser()?.version()
    ?? (await (await context.newPage()).evaluate(() => navigator.userAgent));
  return { context, version };
}

/**
 * A new page of the app with the helpers installed, opened with empty storage (so
 * the default example spec loads) and settled.
 */
export async function openApp(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  await page.addInitScript(BENCH_HELPERS);
  await page.goto(url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.evaluate(() => window.__bench.settled());
  return { page, errors };
}

/** Replaces the editor's text as a paste does (Playwright's fill is slow on 150 KB), then settles. */
export async function paste(page, text) {
  await page.evaluate((t) => {
    const el = document.querySelector('#spec-yaml');
    el.focus();
    el.value = t;
    el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
  }, text);
  return page.evaluate(() => window.__bench.settled());
}
