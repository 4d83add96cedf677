// Load to first diagnostics on screen: from navigation start (performance.timeOrigin,
// so performance.now() is the time since it) to the first moment the DOM holds the
// status line and Problems list of the loaded spec, with nothing `data-busy`. Each
// load is a first visit: a new page, the HTTP cache (and with it V8's wasm code cache)
// and the origin's storage cleared, so the default example spec loads. A
// MutationObserver installed before any script records what the page shows after
// every batch of DOM changes; afterwards the first record that matches a fresh check
// of the text is the figure (a placeholder or stale status would not match).
import { BENCH_HELPERS } from './page.mjs';
import { median, round } from './stats.mjs';

/** Runs in the page, at document creation. */
function loadProbe() {
  const STATUS = /^\d+ errors?, \d+ warnings?$/;
  const probe = { records: [], started: null, storageAtStart: localStorage.length };
  window.__loadProbe = probe;
  addEventListener('TrunkApplicationStarted', () => { probe.started = performance.now(); });
  const look = () => {
    const s = [...document.querySelectorAll('[role="status"]')].find((e) => STATUS.test(e.textContent.trim()));
    if (!s) return;
    const rec = {
      t: performance.now(),
      status: s.textContent.trim(),
      count: document.querySelectorAll('ul[aria-label="Problems"] > li').length,
      busy: document.querySelector('[data-busy]') !== null,
      painted: null,
    };
    const last = probe.records[probe.records.length - 1];
    if (last && last.status === rec.status && last.count === rec.count && last.busy === rec.busy) return;
    probe.records.push(rec);
    // The end of the frame that shows it (rAF runs before that frame's rendering).
    requestAnimationFrame(() => setTimeout(() => { rec.painted = performance.now(); }, 0));
  };
  new MutationObserver(look).observe(document, { subtree: true, childList: true, characterData: true, attributes: true });
}

async function oneLoad(context, url) {
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') errors.push(m.text()); });
  const cdp = await context.newCDPSession(page);
  await cdp.send('Network.clearBrowserCache');
  await cdp.send('Storage.clearDataForOrigin', { origin: new URL(url).origin, storageTypes: 'all' });
  await page.addInitScript(BENCH_HELPERS);
  await page.addInitScript(`(${loadProbe})();`);
  await page.goto(url);
  const want = await page.evaluate(() => window.__bench.settled());
  await page.evaluate(() => window.__bench.frame());
  const r = await page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0];
    const wasm = performance.getEntriesByType('resource').find((e) => e.name.endsWith('.wasm'));
    const fcp = performance.getEntriesByName('first-contentful-paint')[0];
    return {
      probe: window.__loadProbe,
      html_response_end: nav?.responseEnd,
      dom_content_loaded: nav?.domContentLoadedEventEnd,
      wasm_response_end: wasm?.responseEnd,
      first_contentful_paint: fcp?.startTime ?? null,
      resources: performance.getEntriesByType('resource').map((e) => e.name.replace(location.origin, '')),
    };
  });
  await cdp.detach();
  await page.close();
  const first = r.probe.records.find((x) => !x.busy && x.status === want.status && x.count === want.count);
  return {
    first_diagnostics_ms: first ? round(first.t, 1) : null,
    first_diagnostics_painted_ms: first?.painted != null ? round(first.painted, 1) : null,
    app_started_ms: round(r.probe.started, 1),
    html_response_end_ms: round(r.html_response_end, 1),
    dom_content_loaded_ms: round(r.dom_content_loaded, 1),
    wasm_response_end_ms: round(r.wasm_response_end, 1),
    first_contentful_paint_ms: round(r.first_contentful_paint, 1),
    status: want.status,
    problems: want.count,
    storage_empty_at_start: r.probe.storageAtStart === 0,
    records_before_match: first ? r.probe.records.indexOf(first) : r.probe.records.length,
    resources: r.resources,
    errors,
  };
}

/** `loads` measured first visits after one unmeasured warm-up (it warms the server and the disk cache). */
export async function measureLoad(context, url, loads = 10) {
  const warmup = await oneLoad(context, url);
  const samples = [];
  for (let i = 0; i < loads; i++) samples.push(await oneLoad(context, url));
  const ms = samples.map((s) => s.first_diagnostics_ms).filter((x) => x != null);
  const med = (k) => round(median(samples.map((s) => s[k]).filter((x) => x != null)), 1);
  return {
    loads,
    median_ms: round(median(ms), 1),
    min_ms: Math.min(...ms),
    max_ms: Math.max(...ms),
    samples_ms: samples.map((s) => s.first_diagnostics_ms),
    median_painted_ms: med('first_diagnostics_painted_ms'),
    median_wasm_response_end_ms: med('wasm_response_end_ms'),
    median_app_started_ms: med('app_started_ms'),
    median_first_contentful_paint_ms: med('first_contentful_paint_ms'),
    unmatched_loads: samples.filter((s) => s.first_diagnostics_ms == null).length,
    samples,
    warmup,
  };
}
