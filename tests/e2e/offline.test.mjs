// The single-file build (dist/gradient-spec-editor.html, written by `make dist`)
// opened from disk over file://: it validates, imports, exports, autosaves and makes
// share links with no server, and asks for nothing beyond file: and data: URLs.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, writeFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { launch, openPage, openFresh, editorOf, distDir, screenshotDir } from './support/harness.mjs';

const file = join(distDir, 'gradient-spec-editor.html');
const url = pathToFileURL(file).href;
let context;
before(async () => {
  assert.ok(existsSync(file), `${file} is missing: run \`make dist\` (or node .ci/single-file.mjs DIST)`);
  context = await launch();
});
after(async () => { await context?.close(); });

const statusOf = (page) => page.locator('[role=status].status');

const fresh = () => openFresh(context, url);

test('the single file is one self-contained page', () => {
  const html = readFileSync(file, 'utf8');
  assert.match(html, /<html data-build="single-file"/);
  assert.doesNotMatch(html, /<link[^>]+rel="(modulepreload|preload|stylesheet)"/);
  assert.doesNotMatch(html, /<script[^>]+src=/);
  assert.doesNotMatch(html, /\bimport\s+[^(]*\sfrom\s/);
});

test('from file:// it validates a broken spec, located, with no request leaving the file', async () => {
  const { page, problems, requests } = await fresh();
  await editorOf(page).fill('image: nginx\nport: eighty\nresources:\n  instanceType: [C4\n');
  const list = page.getByRole('list', { name: 'Problems' }).getByRole('listitem');
  await list.filter({ hasText: /^\d+:\d+ error yaml-syntax / }).first().waitFor();
  await statusOf(page).filter({ hasText: /^[1-9]\d* errors?, / }).waitFor();
  await editorOf(page).fill('image: nginx\nport: eighty\nresources:\n  instanceType: C4\n');
  await list.filter({ hasText: /^2:7 error / }).first().waitFor();
  await page.screenshot({ path: join(screenshotDir, 'offline.png') });
  assert.equal(await page.getByRole('link', { name: 'Download for offline use' }).isVisible(), false);
  assert.deepEqual(problems, []);
  const foreign = requests.filter((u) => !/^(file|data|blob):/.test(u));
  assert.deepEqual(foreign, []);
});

test('from file:// Download YAML saves the exact text and Download JSON converts it', async () => {
  const { page, problems } = await fresh();
  const text = '# offline\nimage: "日本 😀"   # kept\nresources:\n  instanceType: C4\n';
  await editorOf(page).fill(text);
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download YAML' }).click();
  const download = await dl;
  assert.equal(download.suggestedFilename(), 'spec.yaml');
  assert.equal(readFileSync(await download.path(), 'utf8'), text);
  const dl2 = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  const json = JSON.parse(readFileSync(await (await dl2).path(), 'utf8'));
  assert.deepEqual(json, { image: '日本 😀', resources: { instanceType: 'C4' } });
  assert.deepEqual(problems, []);
});

test('from file:// Open file imports a spec and autosave restores it after a reload', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gse-offline-'));
  const spec = join(dir, 'paperspace.yaml');
  writeFileSync(spec, 'image: nginx # opened offline\n');
  const { page, problems } = await fresh();
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file' }).click();
  await (await chooser).setFiles(spec);
  await page.waitForFunction(() => document.querySelector('#spec-yaml').value.includes('opened offline'));
  await page.reload();
  await editorOf(page).waitFor();
  await page.waitForFunction(() => document.querySelector('#spec-yaml').value === 'image: nginx # opened offline\n');
  assert.deepEqual(problems, []);
});

test('from file:// a share link points at the file and opens there', async () => {
  const { page, problems } = await fresh();
  const text = '# shared offline\nimage: "ß→日本"\n';
  await editorOf(page).fill(text);
  await page.getByRole('button', { name: 'Share link' }).click();
  const field = page.getByRole('textbox', { name: 'Share link URL' });
  await field.waitFor();
  const link = await field.inputValue();
  assert.ok(link.startsWith(`${url}#spec=z.`), link);
  const other = await openPage(context, link);
  await other.page.waitForFunction((t) => document.querySelector('#spec-yaml')?.value === t, text);
  assert.deepEqual([...problems, ...other.problems], []);
});
