// `?readonly` means read-only everywhere a person could change the text: every form
// control is disabled or readonly (and announced so), Format and the other changing
// buttons are disabled, and nothing typed, ticked or clicked changes the text: in the
// hosted page, the embed and the offline single file.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { serve, launch, openPage, editorOf, distDir } from './support/harness.mjs';

let server, context;
before(async () => { server = await serve(); context = await launch(); });
after(async () => { await context?.close(); server?.close(); });

async function checkReadOnly(page) {
  const editor = editorOf(page);
  await editor.waitFor();
  const before = await editor.inputValue();
  assert.ok(before.length > 0);
  const form = page.getByRole('region', { name: 'Form' });
  await form.locator('input, select').first().waitFor();
  // Every control of the form: disabled, or a readonly text input.
  const open = await form.evaluate((f) => [...f.querySelectorAll('input, select, textarea, button')]
    .filter((el) => !el.disabled && !(el.readOnly && /^(text|password)$/.test(el.type)) && !el.closest('[hidden]'))
    .map((el) => el.outerHTML.slice(0, 120)));
  assert.deepEqual(open, []);
  for (const name of ['Format', 'Undo', 'Redo', 'Open file', 'Load template']) {
    assert.equal(await page.getByRole('button', { name, exact: true }).isDisabled(), true, name);
  }
  await page.getByText('Read-only', { exact: true }).waitFor();
  // Nothing a person does changes the text.
  const image = form.locator('input[name="image"]');
  await image.click();
  await page.keyboard.type('typed');
  assert.equal(await image.inputValue(), before.match(/^image: (.*)$/m)[1]);
  await page.getByRole('button', { name: 'Format', exact: true }).click({ force: true });
  await page.waitForTimeout(100);
  assert.equal(await editor.inputValue(), before);
}

test('?readonly in the hosted page', async () => {
  const { page, problems } = await openPage(context, `${server.url}?readonly`);
  await checkReadOnly(page);
  assert.deepEqual(problems, []);
});

test('?embed&readonly', async () => {
  const { page, problems } = await openPage(context, `${server.url}?embed&readonly`);
  await checkReadOnly(page);
  assert.deepEqual(problems, []);
});

test('?readonly in the offline single file', async (t) => {
  const file = join(distDir, 'gradient-spec-editor.html');
  if (!existsSync(file)) return t.skip('no single file in dist/ (make dist writes it)');
  const { page, problems } = await openPage(context, `${pathToFileURL(file).href}?readonly`);
  await checkReadOnly(page);
  assert.deepEqual(problems, []);
});
