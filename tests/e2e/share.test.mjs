// Share links: the spec rides in the URL fragment (deflate-raw, base64url), opens
// byte for byte as one undoable step over the autosaved text, and damaged links,
// plaintext credentials and over-long links are each met with a clear word.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { serve, launch, openPage, openFresh, editorOf } from './support/harness.mjs';

let server, context;
before(async () => {
  server = await serve();
  context = await launch();
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
});
after(async () => { await context?.close(); server?.close(); });

const noticeOf = (page) => page.locator('.toolbar .notice');

/** A fresh page (no autosave) whose editor holds `text`. */
const pageWith = (text) => openFresh(context, server.url, text);

/** Clicks Share link and returns the link it copied. */
async function share(page) {
  await page.evaluate(() => navigator.clipboard.writeText(''));
  await page.getByRole('button', { name: 'Share link' }).click();
  await noticeOf(page).filter({ hasText: 'Copied the share link to the clipboard.' }).waitFor();
  const link = await page.evaluate(() => navigator.clipboard.readText());
  assert.equal(await page.getByRole('textbox', { name: 'Share link URL' }).inputValue(), link);
  return link;
}

const SPEC = [
  '# Shared spec — comments, blank lines and trailing spaces stay   ',
  'image: "ghcr.io/例え/モデル:1.0"   # 日本語のコメント 😀',
  '',
  '',
  'env:',
  '  - name: GREETING',
  '    value: "Grüße, привет, مرحبا, 👩‍👩‍👧‍👦, e\u0301, \u00a0nbsp"',
  'resources:',
  '  instanceType: C4 # no newline at the end',
].join('\n');

test('a share link round-trips a spec with comments and Unicode byte for byte, over the autosaved text', async () => {
  const { page, problems } = await pageWith(SPEC);
  const link = await share(page);
  const origin = new URL(server.url).origin;
  assert.match(link, new RegExp(`^${origin}/#spec=z\\.[A-Za-z0-9_-]+$`));
  assert.ok(!link.includes('?'), 'nothing in the query string');
  const payload = link.split('#spec=z.')[1];
  const uncompressed = Buffer.from(SPEC).toString('base64url');
  assert.ok(payload.length < uncompressed.length, `compressed: ${payload.length} < ${uncompressed.length}`);

  // Autosave now holds other text; the link opens over it, and Undo brings it back.
  const mine = 'image: my-own-work # autosaved\n';
  await editorOf(page).fill(mine);
  // Autosave writes after half a second of quiet (or when the page is left).
  await page.waitForFunction((t) => localStorage.getItem('gradient-spec-editor:text') === t, mine);
  const other = await openPage(context, link);
  await other.page.waitForFunction((t) => document.querySelector('#spec-yaml')?.value === t, SPEC);
  assert.equal(Buffer.from(await editorOf(other.page).inputValue()).equals(Buffer.from(SPEC)), true);
  await noticeOf(other.page).filter({ hasText: 'Undo brings back the text you had' }).waitFor();
  assert.equal(new URL(other.page.url()).hash, '', 'the fragment leaves the address bar once read');
  await other.page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await editorOf(other.page).inputValue(), mine);
  await other.page.getByRole('button', { name: 'Redo' }).click();
  assert.equal(await editorOf(other.page).inputValue(), SPEC);
  assert.deepEqual([...problems, ...other.problems], []);
});

test('a link pasted into the address bar of an open editor opens too', async () => {
  const { page, problems } = await pageWith('image: first\n');
  const link = await share(page);
  await editorOf(page).fill('image: changed\n');
  await page.evaluate((hash) => { location.hash = hash; }, new URL(link).hash);
  await page.waitForFunction(() => document.querySelector('#spec-yaml').value === 'image: first\n');
  assert.deepEqual(problems, []);
});

test('a damaged or unknown link says so and keeps the text', async () => {
  const { page, problems } = await pageWith('image: kept\n');
  for (const [hash, said] of [
    ['#spec=z.AAAAAAAA', /damaged: its spec could not be unpacked/],
    ['#spec=z.%%%', /damaged: part of it was cut or changed/],
    ['#spec=z.A', /damaged: part of it was cut or changed/],
    ['#spec=v9.abc', /format this editor does not know/],
    ['#spec=t._w', /does not hold a text spec/],
  ]) {
    await page.goto(`${server.url}${hash}`);
    await editorOf(page).waitFor();
    await noticeOf(page).filter({ hasText: said }).waitFor();
    assert.equal(await editorOf(page).inputValue(), 'image: kept\n', hash);
  }
  await page.goto(`${server.url}#top`);
  await editorOf(page).waitFor();
  assert.equal(await editorOf(page).inputValue(), 'image: kept\n');
  assert.equal(new URL(page.url()).hash, '#top', 'an ordinary anchor is left alone');
  assert.deepEqual(problems, []);
});

test('a spec with a plaintext credential asks before sharing', async () => {
  const spec = 'repositories:\n  dataset: ds\n  repositories:\n    - url: https://gitlab.com/a/b.git\n      name: b\n      username: me\n      password: hunter2\n';
  const { page, problems } = await pageWith(spec);
  await page.getByRole('list', { name: 'Problems' }).getByRole('listitem').filter({ hasText: /plaintext-secret/ }).first().waitFor();
  const asked = [];
  page.once('dialog', (d) => { asked.push(d.message()); d.dismiss(); });
  await page.getByRole('button', { name: 'Share link' }).click();
  await noticeOf(page).filter({ hasText: 'Not shared: the spec holds a plaintext credential.' }).waitFor();
  assert.match(asked[0], /plaintext credential \(line 7\)/);
  assert.doesNotMatch(asked[0], /hunter2/);
  assert.equal(await page.getByRole('textbox', { name: 'Share link URL' }).count(), 0);
  page.once('dialog', (d) => d.accept());
  await page.getByRole('button', { name: 'Share link' }).click();
  await noticeOf(page).filter({ hasText: 'Copied the share link' }).waitFor();
  assert.deepEqual(problems, []);
});

test('a link over 8 KB is not made; the file download is offered instead', async () => {
  // Text that does not compress well: 12 KB of pseudo-random comment lines.
  let seed = 7;
  const noise = () => { seed = (seed * 1103515245 + 12345) % 2 ** 31; return seed.toString(36); };
  const lines = ['image: nginx'];
  while (lines.join('\n').length < 12_000) lines.push(`# ${noise()}${noise()}${noise()}`);
  const spec = lines.join('\n') + '\n';
  const { page, problems } = await pageWith(spec);
  let asked = '';
  page.once('dialog', (d) => { asked = d.message(); d.accept(); });
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Share link' }).click();
  const download = await dl;
  assert.match(asked, /The link would be \d+ KB; links over 8 KB/);
  assert.equal(readFileSync(await download.path(), 'utf8'), spec);
  await noticeOf(page).filter({ hasText: 'share the file instead' }).waitFor();
  assert.equal(await page.getByRole('textbox', { name: 'Share link URL' }).count(), 0);
  assert.deepEqual(problems, []);
});
