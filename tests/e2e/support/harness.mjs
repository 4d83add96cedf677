// Shared set-up for the browser tests: serve the release build on 127.0.0.1, launch
// Debian's Chromium (never a downloaded browser) with the network kept off, and
// collect console errors and page errors, which is how a broken wasm shows.
import { spawn } from 'node:child_process';
import { mkdtempSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import net from 'node:net';
import { chromium } from 'playwright-core';

export const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', '..');
export const distDir = process.env.DIST_DIR ?? join(repoRoot, 'dist');
export const screenshotDir = join(repoRoot, 'target', 'e2e');
mkdirSync(screenshotDir, { recursive: true });

const CHROMIUM_ARGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
];

/** A port on 127.0.0.1 that nothing listens on now. */
export function freePort() {
  return new Promise((ok, fail) => {
    const srv = net.createServer();
    srv.listen(0, '127.0.0.1', () => { const { port } = srv.address(); srv.close(() => ok(port)); });
    srv.on('error', fail);
  });
}

/** Resolves once something listens on `port` (`what` names it in the error). */
export async function waitForPort(port, ms = 10000, what = 'static server') {
  const until = Date.now() + ms;
  while (Date.now() < until) {
    const up = await new Promise((ok) => {
      const s = net.connect(port, '127.0.0.1', () => { s.end(); ok(true); });
      s.on('error', () => ok(false));
    });
    if (up) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`${what} on port ${port} did not start`);
}

/** Serves `dir` over HTTP on a free loopback port; returns { url, close }. */
export async function serve(dir = distDir) {
  const port = await freePort();
  const proc = spawn('python3', ['-m', 'http.server', String(port), '--bind', '127.0.0.1', '-d', dir], {
    stdio: 'ignore',
  });
  await waitForPort(port);
  return { url: `http://127.0.0.1:${port}/`, close: () => proc.kill() };
}

/** Launches headless Chromium with a fresh profile. */
export async function launch() {
  const userDataDir = mkdtempSync(join(tmpdir(), 'gse-chromium-'));
  return chromium.launchPersistentContext(userDataDir, {
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
    viewport: { width: 1280, height: 800 },
  });
}

/** Opens a page that records console errors, page errors and every request URL. */
export async function openPage(context, url) {
  const page = await context.newPage();
  const problems = [];
  const requests = [];
  page.on('console', (m) => { if (m.type() === 'error') problems.push(`console: ${m.text()}`); });
  page.on('pageerror', (e) => problems.push(`pageerror: ${e.message}`));
  page.on('request', (r) => requests.push(r.url()));
  await page.goto(url);
  return { page, problems, requests };
}

/** The editor's textarea. */
export const editorOf = (page) => page.getByRole('textbox', { name: 'Spec YAML' });

/**
 * Opens the editor with no autosaved text or file name from an earlier test (the
 * storage is cleared, then the page reloaded) and, when `text` is given, types it in.
 */
export async function openFresh(context, url, text) {
  // Earlier tests' pages share this origin's storage, and one with an autosave still
  // pending (or one flushing as it is hidden) would write its text and file name
  // between this page's clear and its reload: close them first.
  for (const other of context.pages()) await other.close();
  const opened = await openPage(context, url);
  await opened.page.evaluate(() => localStorage.clear());
  await opened.page.reload();
  const editor = editorOf(opened.page);
  await editor.waitFor();
  if (text !== undefined) await editor.fill(text);
  return { ...opened, editor };
}

/** A legacy spec with one error (a relative `mountPath` on line 5) and one warning. */
export const RELATIVE_MOUNT = [
  'image: nvcr.io/nvidia/pytorch:21.10-py3',
  'port: 8000',
  'repositories:',
  '  dataset: ds123',
  '  mountPath: opt/repos',
  '  repositories:',
  '    - url: https://github.com/gradient-ai/x',
  '      name: x',
  'resources:',
  '  instanceType: C5',
  '',
].join('\n');
