// The editor embedded in another page: `?embed` hides the site chrome, `?readonly`
// refuses edits, `?template=` picks the start, autosave never mixes two editors, and a
// host page (served from another origin) drives it through the postMessage API.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { createHash } from 'node:crypto';
import { join, dirname } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve, launch, openPage, repoRoot, screenshotDir, distDir, RELATIVE_MOUNT as ONE_ERROR_ONE_WARNING } from './support/harness.mjs';
import { serveWithHeaders } from './support/static-server.mjs';

const fixtures = join(dirname(fileURLToPath(import.meta.url)), 'fixtures');
let editorServer, hostServer, context;
before(async () => {
  editorServer = await serve();
  hostServer = await serve(fixtures); // another port: another origin
  context = await launch();
});
after(async () => { await context?.close(); editorServer?.close(); hostServer?.close(); });

const RELATIVE_MOUNT = `# one error, one warning\n${ONE_ERROR_ONE_WARNING}`;

/** The host page, with nothing embedded yet. */
async function host() {
  return openPage(context, `${hostServer.url}embed-host.html`);
}

/** Messages frame `id` posted so far, of `type`. */
const messages = (page, id, type) =>
  page.evaluate(([id, type]) => window.received.filter((m) => m.frame === id && m.data?.type === type).map((m) => m.data), [id, type]);

/** Waits for a message of `type` from frame `id` whose data has the fields of `match`. */
async function waitForMessage(page, id, type, match = {}) {
  const handle = await page.waitForFunction(([id, type, match]) => window.received.find((m) =>
    m.frame === id && m.data?.type === type &&
    Object.entries(match).every(([k, v]) => JSON.stringify(m.data[k]) === JSON.stringify(v)))?.data,
  [id, type, match]);
  return handle.jsonValue();
}

/** Embeds the editor with `query` as frame `id`, waits for `ready`; returns the frame. */
async function embed(page, id, query) {
  await page.evaluate(([id, src]) => window.addEditor(id, src), [id, `${editorServer.url}${query}`]);
  await waitForMessage(page, id, 'gradient-spec:ready');
  const frame = await (await page.locator(`#${id}`).elementHandle()).contentFrame();
  await frame.getByRole('textbox', { name: 'Spec YAML' }).waitFor();
  return frame;
}

const send = (page, id, message) => page.evaluate(([id, m]) => window.send(id, m), [id, message]);
const textOf = (frame) => frame.getByRole('textbox', { name: 'Spec YAML' }).inputValue();

test('?embed shows the editor and problems without the site chrome, and posts ready then resize', async () => {
  const { page, problems } = await host();
  const frame = await embed(page, 'a', '?embed');
  const ready = await waitForMessage(page, 'a', 'gradient-spec:ready');
  assert.deepEqual(ready, { type: 'gradient-spec:ready', version: 1 });
  assert.equal(await frame.getByRole('textbox', { name: 'Spec YAML' }).isVisible(), true);
  assert.equal(await frame.getByRole('list', { name: 'Problems' }).isVisible(), true);
  // The page's h1 stays for screen readers (every page needs one) but takes no room.
  const h1 = await frame.getByRole('heading', { name: 'Gradient spec editor', level: 1 }).boundingBox();
  assert.ok(h1.width <= 1 && h1.height <= 1, JSON.stringify(h1));
  assert.equal(await frame.getByRole('heading', { name: 'Deploy' }).isVisible(), false);
  assert.equal(await frame.getByRole('link', { name: 'Download for offline use' }).isVisible(), false);
  // The layout toggle stays, and the form shows beside the editor by default.
  assert.equal(await frame.getByRole('group', { name: 'Layout' }).isVisible(), true);
  assert.equal(await frame.getByRole('region', { name: 'Form' }).isVisible(), true);
  const resize = await waitForMessage(page, 'a', 'gradient-spec:resize');
  assert.ok(resize.height > 200, `height ${resize.height}`);
  await page.waitForFunction((h) => document.getElementById('a').getBoundingClientRect().height >= h, resize.height);
  await page.screenshot({ path: join(screenshotDir, 'embed.png'), fullPage: true });
  assert.deepEqual(problems, []);
});

test('?template=NAME starts from that template; an unknown name says so and keeps the default', async () => {
  const { page, problems } = await host();
  const minimal = readFileSync(join(repoRoot, 'src/examples/minimal.yaml'), 'utf8');
  const frame = await embed(page, 'a', '?embed&template=minimal');
  assert.equal(await textOf(frame), minimal);
  const other = await embed(page, 'b', '?embed&template=nope');
  await other.getByText(/There is no template “nope”/).waitFor();
  const example = readFileSync(join(repoRoot, 'src/examples/legacy-repositories.yaml'), 'utf8');
  assert.equal(await textOf(other), example);
  assert.deepEqual(problems, []);
});

test('set loads the text (undoably), change reports its counts, get returns it with diagnostics', async () => {
  const { page, problems } = await host();
  const frame = await embed(page, 'a', '?embed&template=minimal');
  const before = await textOf(frame);
  await send(page, 'a', { type: 'gradient-spec:set', yaml: RELATIVE_MOUNT });
  const change = await waitForMessage(page, 'a', 'gradient-spec:change', { yaml: RELATIVE_MOUNT });
  assert.deepEqual(change, { type: 'gradient-spec:change', yaml: RELATIVE_MOUNT, errors: 1, warnings: 1 });
  assert.equal(await textOf(frame), RELATIVE_MOUNT);
  await frame.getByRole('list', { name: 'Problems' }).getByRole('listitem')
    .filter({ hasText: /^6:14 error mount-path / }).waitFor();

  await send(page, 'a', { type: 'gradient-spec:get', id: 'q1' });
  const value = await waitForMessage(page, 'a', 'gradient-spec:value', { id: 'q1' });
  assert.equal(value.yaml, RELATIVE_MOUNT);
  const mount = value.diagnostics.find((d) => d.rule === 'mount-path');
  assert.deepEqual(Object.keys(mount).filter((k) => k !== 'fix').sort(),
    ['column', 'endColumn', 'endLine', 'line', 'message', 'path', 'rule', 'severity']);
  assert.deepEqual([mount.severity, mount.line, mount.column], ['error', 6, 14]);
  assert.equal(typeof mount.message, 'string');
  assert.equal(value.diagnostics.filter((d) => d.severity === 'error').length, 1);

  // Typing in the frame posts a change too; a set is one step that Undo takes back.
  const editor = frame.getByRole('textbox', { name: 'Spec YAML' });
  await editor.evaluate((el) => el.setSelectionRange(0, 0));
  await editor.press('#');
  await waitForMessage(page, 'a', 'gradient-spec:change', { yaml: `#${RELATIVE_MOUNT}` });
  await frame.getByRole('button', { name: 'Undo' }).click();
  await frame.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await textOf(frame), before);
  await waitForMessage(page, 'a', 'gradient-spec:change', { yaml: before });
  assert.deepEqual(problems, []);
});

test('messages from other windows than the parent, of unknown types or malformed, are ignored', async () => {
  const { page, problems } = await host();
  const frame = await embed(page, 'a', '?embed&template=minimal');
  const before = await textOf(frame);
  await page.evaluate(() => window.sendFromSibling('a', { type: 'gradient-spec:set', yaml: 'image: from-a-sibling\n' }));
  await page.evaluate(() => window.sendFromSibling('a', { type: 'gradient-spec:get', id: 'sibling' }));
  for (const m of ['gradient-spec:set', null, 42, [1], { type: 'gradient-spec:delete' }, { type: 'webpackOk' }, { yaml: 'x: 1' }]) {
    await send(page, 'a', m);
  }
  await page.evaluate(() => { const o = { type: 'gradient-spec:set' }; o.self = o; window.send('a', o); });
  // A known type with a bad field is answered with an error, and the person told.
  await send(page, 'a', { type: 'gradient-spec:set', yaml: 42 });
  const error = await waitForMessage(page, 'a', 'gradient-spec:error');
  assert.equal(error.about, 'gradient-spec:set');
  await frame.getByText(/sent a message it cannot use/).waitFor();
  // The editor still answers its parent, with the text it had.
  await send(page, 'a', { type: 'gradient-spec:get', id: 2 });
  const value = await waitForMessage(page, 'a', 'gradient-spec:value', { id: 2 });
  assert.equal(value.yaml, before);
  assert.equal(await textOf(frame), before);
  assert.deepEqual(await messages(page, 'a', 'gradient-spec:change'), []);
  assert.equal((await messages(page, 'a', 'gradient-spec:value')).length, 1, 'the sibling got no answer');
  assert.deepEqual(problems, []);
});

test('?readonly refuses edits but shows problems; the host can still set the text', async () => {
  const { page, problems } = await host();
  const frame = await embed(page, 'a', '?embed&readonly');
  await send(page, 'a', { type: 'gradient-spec:set', yaml: RELATIVE_MOUNT });
  await waitForMessage(page, 'a', 'gradient-spec:change', { yaml: RELATIVE_MOUNT });
  const editor = frame.getByRole('textbox', { name: 'Spec YAML' });
  assert.equal(await editor.getAttribute('readonly'), '');
  await editor.click();
  await page.keyboard.type('typed ');
  await page.keyboard.press('Enter');
  await page.keyboard.press('Backspace');
  await page.keyboard.press('Control+z');
  assert.equal(await textOf(frame), RELATIVE_MOUNT);
  await page.keyboard.press('Tab');
  assert.equal(await editor.evaluate((el) => el.ownerDocument.activeElement === el), false, 'Tab leaves');
  const item = frame.getByRole('list', { name: 'Problems' }).getByRole('listitem').filter({ hasText: /^6:14 error mount-path / });
  await item.waitFor();
  assert.equal(await item.getByRole('button', { name: /^Make it absolute/ }).isDisabled(), true);
  for (const name of ['Undo', 'Redo', 'Open file']) {
    assert.equal(await frame.getByRole('button', { name }).isDisabled(), true, name);
  }
  assert.equal(await frame.getByRole('combobox', { name: 'Template' }).isDisabled(), true);
  assert.equal(await textOf(frame), RELATIVE_MOUNT);
  assert.deepEqual((await messages(page, 'a', 'gradient-spec:change')).length, 1);
  assert.deepEqual(problems, []);
});

test('autosave: off in an embed unless asked, and then kept apart per embed id', async () => {
  const { page, problems } = await host();
  const plain = await embed(page, 'p', '?embed');
  await plain.evaluate(() => localStorage.clear());
  await send(page, 'p', { type: 'gradient-spec:set', yaml: 'image: not-saved\n' });
  await waitForMessage(page, 'p', 'gradient-spec:change', { yaml: 'image: not-saved\n' });
  const keys = await plain.evaluate(() => Object.keys(localStorage));
  assert.deepEqual(keys.filter((k) => !k.endsWith(':theme')), []);

  await embed(page, 'a', '?embed=first&autosave');
  await embed(page, 'b', '?embed=second&autosave');
  await send(page, 'a', { type: 'gradient-spec:set', yaml: 'image: first\n' });
  await send(page, 'b', { type: 'gradient-spec:set', yaml: 'image: second\n' });
  await waitForMessage(page, 'a', 'gradient-spec:change', { yaml: 'image: first\n' });
  await waitForMessage(page, 'b', 'gradient-spec:change', { yaml: 'image: second\n' });

  await page.reload();
  const a = await embed(page, 'a', '?embed=first&autosave');
  const b = await embed(page, 'b', '?embed=second&autosave');
  const p = await embed(page, 'p', '?embed');
  assert.equal(await textOf(a), 'image: first\n');
  assert.equal(await textOf(b), 'image: second\n');
  assert.notEqual(await textOf(p), 'image: not-saved\n');
  assert.deepEqual(problems, []);
});

test('?origin= limits the API to that host origin', async () => {
  const { page, problems } = await host();
  const origin = new URL(hostServer.url).origin;
  await embed(page, 'a', `?embed&origin=${encodeURIComponent(origin)}`);
  await send(page, 'a', { type: 'gradient-spec:get', id: 'ok' });
  await waitForMessage(page, 'a', 'gradient-spec:value', { id: 'ok' });

  await page.evaluate((src) => window.addEditor('b', src), `${editorServer.url}?embed&origin=https%3A%2F%2Fdocs.example.invalid`);
  const frame = await (await page.locator('#b').elementHandle()).contentFrame();
  await frame.getByRole('textbox', { name: 'Spec YAML' }).waitFor();
  const before = await textOf(frame);
  await send(page, 'b', { type: 'gradient-spec:set', yaml: 'image: wrong-origin\n' });
  await send(page, 'b', { type: 'gradient-spec:get', id: 'no' });
  await page.waitForTimeout(500);
  assert.equal(await textOf(frame), before);
  assert.deepEqual(await page.evaluate(() => window.received.filter((m) => m.frame === 'b')), []);
  assert.deepEqual(problems, []);
});

test('a standalone ?template= goes on top of the autosaved text, undoably, and leaves the address bar', async () => {
  const { page, problems } = await openPage(context, editorServer.url);
  await page.evaluate(() => localStorage.clear());
  await page.reload();
  await page.getByRole('textbox', { name: 'Spec YAML' }).fill('image: autosaved\n');
  await page.goto(`${editorServer.url}?template=minimal&lang=fr`);
  const minimal = readFileSync(join(repoRoot, 'src/examples/minimal.yaml'), 'utf8');
  await page.waitForFunction((t) => document.querySelector('#spec-yaml')?.value === t, minimal);
  assert.equal(new URL(page.url()).search, '?lang=fr');
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await textOf(page), 'image: autosaved\n');
  assert.deepEqual(problems, []);
});

test('the hosted page links to the single file for offline use', async () => {
  const { page, problems } = await openPage(context, editorServer.url);
  const link = page.getByRole('link', { name: 'Download for offline use' });
  assert.equal(await link.getAttribute('href'), 'gradient-spec-editor.html');
  const response = await page.request.get(new URL('gradient-spec-editor.html', editorServer.url).href);
  assert.equal(response.status(), 200);
  assert.match(await response.text(), /<html data-build="single-file"/);
  assert.deepEqual(problems, []);
});

/** The CSP the README documents for the editor's own pages, with Trunk's loader hash. */
function editorCsp(hostOrigin) {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
  const hash = createHash('sha256').update(loader).digest('base64');
  return `default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'; ` +
    `style-src 'self'; img-src 'self' data:; frame-ancestors 'self' ${hostOrigin}`;
}

test('the documented CSP is enough: the editor runs under it, framed by a host with frame-src', async () => {
  const hostCsp = { current: '' };
  const hostSite = await serveWithHeaders(fixtures, () => ({ 'content-security-policy': hostCsp.current }));
  const hostOrigin = new URL(hostSite.url).origin;
  const editorSite = await serveWithHeaders(distDir, (path) =>
    path.endsWith('/') || path.endsWith('.html') ? { 'content-security-policy': editorCsp(hostOrigin) } : {});
  hostCsp.current = `default-src 'self'; script-src 'self' 'unsafe-inline'; style-src 'unsafe-inline'; img-src data:; frame-src ${new URL(editorSite.url).origin}`;
  try {
    const { page, problems } = await openPage(context, `${hostSite.url}embed-host.html`);
    await page.evaluate((src) => window.addEditor('a', src), `${editorSite.url}?embed`);
    await waitForMessage(page, 'a', 'gradient-spec:ready');
    await send(page, 'a', { type: 'gradient-spec:set', yaml: RELATIVE_MOUNT });
    const change = await waitForMessage(page, 'a', 'gradient-spec:change', { yaml: RELATIVE_MOUNT });
    assert.equal(change.errors, 1);
    assert.deepEqual(problems, [], 'no CSP violation');
  } finally {
    hostSite.close();
    editorSite.close();
  }
});

test("without 'wasm-unsafe-eval' the editor cannot start (the directive is needed)", async () => {
  const editorSite = await serveWithHeaders(distDir, (path) =>
    path.endsWith('/') ? { 'content-security-policy': editorCsp('').replace(" 'wasm-unsafe-eval'", '') } : {});
  try {
    const { page, problems } = await openPage(context, editorSite.url);
    await page.waitForTimeout(1500);
    assert.equal(await page.getByRole('textbox', { name: 'Spec YAML' }).count(), 0);
    assert.ok(problems.some((p) => /WebAssembly|wasm-unsafe-eval|Content Security Policy/i.test(p)), problems.join('\n'));
  } finally {
    editorSite.close();
  }
});

test('docs/embed-example.html drives its two editors through the API', async () => {
  const docs = await serve(join(repoRoot, 'docs'));
  try {
    const { page, problems } = await openPage(context, `${docs.url}embed-example.html?editor=${encodeURIComponent(editorServer.url)}`);
    const status = page.locator('#exercise-status');
    await status.filter({ hasText: 'Ready.' }).waitFor();
    await page.getByRole('button', { name: 'Load the broken spec' }).click();
    await status.filter({ hasText: '1 error, 1 warning' }).waitFor();
    await page.getByRole('button', { name: 'Check my answer' }).click();
    await page.getByLabel('Check result').filter({ hasText: /^5:14 mount-path / }).waitFor();

    const exercise = await (await page.locator('#exercise').elementHandle()).contentFrame();
    const editor = exercise.getByRole('textbox', { name: 'Spec YAML' });
    await editor.fill((await editor.inputValue()).replace('opt/repos', '/opt/repos'));
    await status.filter({ hasText: /^No errors/ }).waitFor();

    const reference = await (await page.locator('#reference').elementHandle()).contentFrame();
    const autoscaling = readFileSync(join(repoRoot, 'src/examples/v1-autoscaling.yaml'), 'utf8');
    await reference.waitForFunction((t) => document.querySelector('#spec-yaml')?.value === t, autoscaling);
    await page.getByLabel('Example').selectOption('minimal');
    await reference.waitForFunction(() => document.querySelector('#spec-yaml').value.startsWith('apiVersion: v1\nimage: nginx'));
    await page.getByLabel('Example').selectOption('autoscaling');
    await reference.waitForFunction((t) => document.querySelector('#spec-yaml').value === t, autoscaling);
    assert.equal(await reference.getByRole('textbox', { name: 'Spec YAML' }).getAttribute('readonly'), '');
    await page.screenshot({ path: join(screenshotDir, 'embed-example.png') });
    await page.locator('#reference').screenshot({ path: join(screenshotDir, 'embed-example-reference.png') });
    assert.deepEqual(problems, []);
  } finally {
    docs.close();
  }
});
