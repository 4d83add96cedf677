// The editor pane in a real browser: located problems, caret moves, quick fixes with
// undo, keys, import (open, drop, paste), export, autosave, templates, and text that
// looks like HTML staying text.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { writeFileSync, readFileSync, mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { serve, launch, openFresh, editorOf, RELATIVE_MOUNT } from './support/harness.mjs';

let server, context;
before(async () => { server = await serve(); context = await launch(); });
after(async () => { await context?.close(); server?.close(); });

const problemsOf = (page) => page.getByRole('list', { name: 'Problems' }).getByRole('listitem');
const statusOf = (page) => page.locator('[role=status].status');

/** A fresh page with `text` in the editor (typed as one fill). */
const pageWith = (text) => openFresh(context, server.url, text);


test('a broken spec shows the right problems at the right line:column', async () => {
  const { page, problems } = await pageWith(RELATIVE_MOUNT);
  await problemsOf(page).filter({ hasText: /^5:14 error mount-path / }).waitFor();
  await statusOf(page).filter({ hasText: '1 error, 1 warning' }).waitFor();
  assert.deepEqual(problems, []);
});

test('activating a problem puts the caret at its place and focuses the editor', async () => {
  const { page, editor } = await pageWith(RELATIVE_MOUNT);
  await problemsOf(page).filter({ hasText: /^5:14 error mount-path / }).getByRole('button').first().click();
  assert.equal(await editor.evaluate((el) => document.activeElement === el), true);
  const start = await editor.evaluate((el) => el.selectionStart);
  assert.equal(start, RELATIVE_MOUNT.indexOf('opt/repos'));
});

test('a quick fix applies as one step and Undo restores the text byte for byte', async () => {
  const { page, editor } = await pageWith(RELATIVE_MOUNT);
  const item = problemsOf(page).filter({ hasText: /^5:14 error mount-path / });
  await item.getByRole('button', { name: /^Make it absolute/ }).click();
  await statusOf(page).filter({ hasText: /^0 errors/ }).waitFor();
  assert.match(await editor.inputValue(), /mountPath: \/opt\/repos\n/);
  await page.getByRole('button', { name: 'Undo' }).click();
  await statusOf(page).filter({ hasText: /^1 error/ }).waitFor();
  assert.equal(await editor.inputValue(), RELATIVE_MOUNT);
  await page.getByRole('button', { name: 'Redo' }).click();
  assert.match(await editor.inputValue(), /mountPath: \/opt\/repos\n/);
});

test('Tab indents, Shift+Tab outdents, Enter keeps indentation, Ctrl+Z undoes', async () => {
  const { page, editor } = await pageWith('resources:\n  replicas: 1');
  await editor.press('End');
  await editor.evaluate((el) => el.setSelectionRange(el.value.length, el.value.length));
  await editor.press('Enter');
  await editor.pressSequentially('instanceType: C4');
  assert.equal(await editor.inputValue(), 'resources:\n  replicas: 1\n  instanceType: C4');
  await editor.press('Tab');
  assert.equal(await editor.inputValue(), 'resources:\n  replicas: 1\n  instanceType: C4  ');
  await editor.press('Control+z');
  assert.equal(await editor.inputValue(), 'resources:\n  replicas: 1\n  instanceType: C4');
  await editor.evaluate((el) => el.setSelectionRange(0, el.value.length));
  await editor.press('Tab');
  assert.equal(await editor.inputValue(), '  resources:\n    replicas: 1\n    instanceType: C4');
  await editor.press('Shift+Tab');
  assert.equal(await editor.inputValue(), 'resources:\n  replicas: 1\n  instanceType: C4');
});

test('Escape then Tab leaves the editor (no keyboard trap)', async () => {
  const { page, editor } = await pageWith('image: x\n');
  await editor.focus();
  await editor.press('Escape');
  await editor.press('Tab');
  assert.equal(await editor.evaluate((el) => document.activeElement === el), false);
  assert.equal(await editor.inputValue(), 'image: x\n');
});

test('Open file loads a YAML file and refuses a binary or oversized one', async () => {
  const dir = mkdtempSync(join(tmpdir(), 'gse-open-'));
  const good = join(dir, 'paperspace.yaml');
  writeFileSync(good, 'image: nginx # from a file\n');
  const { page, editor } = await pageWith('image: before\n');
  const chooser = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file' }).click();
  await (await chooser).setFiles(good);
  await page.waitForFunction(() => document.querySelector('#spec-yaml').value.includes('from a file'));
  assert.equal(await editor.inputValue(), 'image: nginx # from a file\n');
  await page.getByText('Deploy this spec').click();
  await page.getByText('pspace up --config paperspace.yaml').waitFor();

  const binary = join(dir, 'image.png');
  writeFileSync(binary, Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 1, 2, 3]));
  const chooser2 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file' }).click();
  await (await chooser2).setFiles(binary);
  await page.getByText(/not a text file/).waitFor();
  assert.equal(await editor.inputValue(), 'image: nginx # from a file\n');

  const huge = join(dir, 'huge.yaml');
  writeFileSync(huge, 'a: ' + 'x'.repeat(6 * 1024 * 1024) + '\n');
  const chooser3 = page.waitForEvent('filechooser');
  await page.getByRole('button', { name: 'Open file' }).click();
  await (await chooser3).setFiles(huge);
  await page.getByText(/over 5 MB are not opened/).waitFor();
  assert.equal(await editor.inputValue(), 'image: nginx # from a file\n');
});

test('dropping a file on the page opens it', async () => {
  const { page, editor } = await pageWith('');
  await page.evaluate(() => {
    const dt = new DataTransfer();
    dt.items.add(new File(['image: dropped\n'], 'dropped.yml', { type: 'application/yaml' }));
    window.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => document.querySelector('#spec-yaml').value === 'image: dropped\n');
  await page.getByText('Deploy this spec').click();
  await page.getByText('pspace up --config dropped.yml').waitFor();
  assert.equal(await editor.inputValue(), 'image: dropped\n');
});

test('Copy YAML puts the exact text on the clipboard, and pasting it back inserts it', async () => {
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: new URL(server.url).origin });
  const text = 'image: copied # with a comment\n';
  const { page, editor } = await pageWith(text);
  await page.getByRole('button', { name: 'Copy YAML' }).click();
  await page.getByText('Copied the YAML to the clipboard.').waitFor();
  assert.equal(await page.evaluate(() => navigator.clipboard.readText()), text);
  await editor.evaluate((el) => el.setSelectionRange(el.value.length, el.value.length));
  await editor.press('Control+v');
  await page.waitForFunction((t) => document.querySelector('#spec-yaml').value === t + t, text);
  await problemsOf(page).filter({ hasText: /^2:1 error duplicate-key / }).waitFor(); // the copy repeats `image`
});

test('Download YAML saves the exact editor text; Download JSON converts it', async () => {
  const text = '# keep me\nimage: "x"   # trailing spaces and quotes\nresources:\n  instanceType: C4\n';
  const { page } = await pageWith(text);
  const dl = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download YAML' }).click();
  const download = await dl;
  assert.equal(download.suggestedFilename(), 'spec.yaml');
  assert.equal(readFileSync(await download.path(), 'utf8'), text);
  const dl2 = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download JSON' }).click();
  const json = JSON.parse(readFileSync(await (await dl2).path(), 'utf8'));
  assert.deepEqual(json, { image: 'x', resources: { instanceType: 'C4' } });
});

test('reloading the page restores the text exactly', async () => {
  const text = 'image: "日本 😀"\n# comment\n\n\nresources: {}\n';
  const { page } = await pageWith(text);
  // Pages of earlier tests share this origin's storage, and one with an autosave still
  // pending would write its text between this page's save and its reload.
  for (const other of context.pages()) if (other !== page) await other.close();
  await page.reload();
  await editorOf(page).waitFor();
  await page.waitForFunction((t) => document.querySelector('#spec-yaml').value === t, text);
});

test('choosing a template asks first when the text has changed, and Undo brings the text back', async () => {
  const { page, editor } = await pageWith('image: mine\n');
  let asked = 0;
  page.on('dialog', (d) => { asked += 1; d.accept(); });
  await page.getByRole('combobox', { name: 'Template' }).selectOption('minimal');
  await page.getByRole('button', { name: 'Load template' }).click();
  await page.waitForFunction(() => document.querySelector('#spec-yaml').value.includes('nginx:1.27'));
  assert.equal(asked, 1);
  await statusOf(page).filter({ hasText: '0 errors, 0 warnings' }).waitFor();
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await editor.inputValue(), 'image: mine\n');
});

test('a value that looks like HTML is shown as text and never runs', async () => {
  const { page } = await pageWith('image: <img src=x onerror=alert(1)>\nname: "<script>alert(2)</script>"\n');
  let dialogs = 0;
  page.on('dialog', (d) => { dialogs += 1; d.dismiss(); });
  await page.waitForTimeout(300);
  assert.equal(await page.locator('.backdrop img, .backdrop script, .problems img').count(), 0);
  const drawn = await page.locator('.backdrop').innerText();
  assert.match(drawn, /<img src=x onerror=alert\(1\)>/);
  assert.equal(dialogs, 0);
});

test('typing a key offers the keys valid there; a value offers the allowed values', async () => {
  const { page, editor } = await pageWith('apiVersion: v1\nimage: x\nresources:\n  ports: [80]\n  ');
  await editor.evaluate((el) => el.setSelectionRange(el.value.length, el.value.length));
  await editor.pressSequentially('mach');
  const list = page.getByRole('listbox', { name: 'Completions' });
  await list.getByRole('option', { name: /^machineType/ }).waitFor();
  // (A textarea has no aria-expanded: the open list is named by aria-controls.)
  assert.equal(await editor.getAttribute('aria-controls'), 'completion');
  await editor.press('Enter');
  await page.waitForFunction(() => document.querySelector('#spec-yaml').value.endsWith('  machineType: '));
  await editor.pressSequentially('A10');
  await list.getByRole('option', { name: /^A100\b/ }).first().waitFor();
  await editor.press('ArrowDown');
  await editor.press('ArrowUp');
  await editor.press('Tab');
  await page.waitForFunction(() => /machineType: A100\S*$/.test(document.querySelector('#spec-yaml').value));
  assert.equal(await list.count(), 0, 'the list closes after accepting');
  // The help of the field under the caret is shown beside the editor.
  await page.locator('#caret-info').getByText('resources.machineType').waitFor();
  await editor.press('Escape');
});

test('on a narrow screen the panes stack without overlapping', async () => {
  const { page } = await pageWith('image: x\nport: 80\nresources:\n  instanceType: C4\n');
  await page.setViewportSize({ width: 420, height: 900 });
  await page.waitForTimeout(200);
  const box = async (sel) => page.locator(sel).first().boundingBox();
  const order = ['.editor-pane', '.problems-pane', '.form-pane'];
  const boxes = await Promise.all(order.map(box));
  for (let i = 1; i < boxes.length; i++) {
    assert.ok(boxes[i].y >= boxes[i - 1].y + boxes[i - 1].height - 1, `${order[i]} starts below ${order[i - 1]}`);
  }
  assert.ok(boxes[0].height >= 250, `the editor keeps a usable height (${boxes[0].height}px)`);
  assert.equal(await page.getByRole('group', { name: 'Layout' }).isVisible(), true);
});
