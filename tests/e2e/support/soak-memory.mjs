// Memory samples for the soak test: what the page holds after forced garbage
// collection, how two samples compare against bounds, and how a sample reads.

/**
 * Memory of the page after two forced GCs: JS heap (and the DOM's share), wasm linear
 * memory, live DOM nodes, nodes script holds out of the document, elements in the
 * document, event listeners. The page must expose `window.wasmBindings`.
 */
export async function sampleMemory(page, cdp) {
  await cdp.send('HeapProfiler.collectGarbage');
  await page.waitForTimeout(100);
  await cdp.send('HeapProfiler.collectGarbage');
  const heap = await cdp.send('Runtime.getHeapUsage');
  const detached = await detachedNodes(cdp);
  const metrics = Object.fromEntries((await cdp.send('Performance.getMetrics')).metrics.map((m) => [m.name, m.value]));
  return {
    jsHeapBytes: heap.usedSize,
    embedderBytes: heap.embedderHeapUsedSize ?? 0,
    wasmBytes: await page.evaluate(() => window.wasmBindings.wasmMemoryBytes()),
    nodes: metrics.Nodes,
    detached,
    inDocument: await page.evaluate(() => document.getElementsByTagName('*').length),
    listeners: metrics.JSEventListeners,
  };
}

/**
 * DOM nodes out of the document that script still holds (a heap snapshot's
 * "detached" nodes: what DevTools lists as detached elements). Unlike the node count,
 * this excludes what the browser keeps for itself, such as its undo stack's nodes:
 * a node the app keeps per edit shows here however the edit was made.
 */
async function detachedNodes(cdp) {
  const chunks = [];
  const take = (e) => chunks.push(e.chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', take);
  try {
    await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  } finally {
    cdp.off('HeapProfiler.addHeapSnapshotChunk', take);
  }
  const { snapshot: { meta }, nodes } = JSON.parse(chunks.join(''));
  const width = meta.node_fields.length;
  const at = meta.node_fields.indexOf('detachedness');
  if (at < 0) throw new Error('this Chromium\'s heap snapshots do not mark detached nodes');
  let count = 0;
  for (let i = at; i < nodes.length; i += width) if (nodes[i] === 2) count += 1;
  return count;
}

/** The keys of `bounds` by which `to` grew from `from` more than allowed. */
export function overgrown(from, to, bounds) {
  return Object.entries(bounds)
    .filter(([key, bound]) => to[key] - from[key] > bound)
    .map(([key, bound]) => `${key} ${from[key]} → ${to[key]} (+${to[key] - from[key]}, bound ${bound})`);
}

/**
 * DOM nodes the browser itself may have come to hold between two samples that count
 * `nativeSteps`, the edits the browser made itself (real keys). Chromium records each
 * edit it makes in a textarea (a real key, not a script's setRangeText) on its own undo
 * stack, whose commands keep the text and `<br>` nodes they replaced: measured on a
 * bare textarea in this page's Chromium, one node per step, up to the stack's 1,000
 * steps, and neither `value =` nor setRangeText clears it. Not the app's (its own
 * history is in wasm), so the node bound grows by what that stack may add; `detached`
 * stays strict.
 */
const NATIVE_UNDO_STEPS = 1000;
export const nativeUndoNodes = (from, to) =>
  Math.min(NATIVE_UNDO_STEPS, to.nativeSteps) - Math.min(NATIVE_UNDO_STEPS, from.nativeSteps);

const mb = (b) => `${(b / 2 ** 20).toFixed(2)} MB`;

/** One sample on one line (with the soak's own `steps` and `nativeSteps`). */
export const fmtMemory = (m) => `JS heap ${mb(m.jsHeapBytes)} (+DOM ${mb(m.embedderBytes)}), wasm ${mb(m.wasmBytes)}, ${m.nodes} nodes (${m.inDocument} elements in the page, ${m.detached} detached, ${m.nativeSteps} browser edits), ${m.listeners} listeners, ${m.steps} history steps`;
