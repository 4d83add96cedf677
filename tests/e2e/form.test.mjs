// The form and the editor are two views of one text: a form change edits only the
// bytes it changes (comments kept), Undo restores the text byte for byte, adding a
// list item gives a correctly indented item, and the form follows typing.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openFresh, editorOf, repoRoot } from './support/harness.mjs';

let server, context;
before(async () => { server = await serve(); context = await launch(); });
after(async () => { await context?.close(); server?.close(); });

const corpus = (name) => readFileSync(join(repoRoot, 'tests', 'data', 'corpus', name), 'utf8');
const formOf = (page) => page.getByRole('region', { name: 'Form' });

async function pageWith(text) {
  const opened = await openFresh(context, server.url, text);
  return { ...opened, form: formOf(opened.page) };
}

const changedLines = (a, b) => {
  const x = a.split('\n'), y = b.split('\n');
  assert.equal(x.length, y.length, 'same number of lines');
  return x.map((l, i) => [i + 1, l, y[i]]).filter(([, l, m]) => l !== m);
};

test('changing instanceType in the form edits that one line and keeps its comment; Undo restores it', async () => {
  const original = corpus('e01-legacy-gitbook-reference.yaml');
  const { page, editor, form, problems } = await pageWith(original);
  const field = form.locator('input[name="resources.instanceType"]');
  assert.equal(await field.inputValue(), 'C4');
  await field.fill('A100');
  await page.waitForFunction(() => document.querySelector('#spec-yaml').value.includes('instanceType: A100'));
  const after = await editor.inputValue();
  assert.deepEqual(changedLines(original, after), [
    [24, '  instanceType: C4 # instance type that your deployment will run on', '  instanceType: A100 # instance type that your deployment will run on'],
  ]);
  await page.getByRole('button', { name: 'Undo' }).click();
  assert.equal(await editor.inputValue(), original);
  await page.getByRole('button', { name: 'Redo' }).click();
  assert.equal(await editor.inputValue(), after);
  assert.deepEqual(problems, []);
});

test('adding a repository through the form appends a correctly indented item', async () => {
  const original = corpus('e02-legacy-gitbook-repositories.yaml');
  const { page, editor, form } = await pageWith(original);
  await form.getByRole('button', { name: 'Add repository' }).click();
  await page.waitForFunction((n) => document.querySelector('#spec-yaml').value.length > n, original.length);
  const text = await editor.inputValue();
  assert.ok(text.startsWith(original), 'everything before stays byte-identical');
  assert.match(text.slice(original.length), /^ {4}- url: \S+\n {6}name: \S+\n$/);
  const url = form.locator('input[name="repositories.repositories[2].url"]');
  await url.fill('https://github.com/gradient-ai/new.git');
  await page.waitForFunction(() => document.querySelector('#spec-yaml').value.includes('- url: https://github.com/gradient-ai/new.git'));
  await form.getByRole('button', { name: 'Remove Repository 3' }).click();
  await page.waitForFunction((t) => document.querySelector('#spec-yaml').value === t, original);
});

test('the form follows typing in the editor, and a field shows its problems', async () => {
  const { page, editor, form } = await pageWith('image: nginx\nport: 80\nresources:\n  instanceType: C4\n');
  await editor.evaluate((el) => el.setSelectionRange(el.value.indexOf('80') + 2, el.value.indexOf('80') + 2));
  await editor.press('Backspace');
  await editor.press('Backspace');
  await editor.pressSequentially('99999');
  const port = form.locator('input[name="port"]');
  await page.waitForFunction(() => document.querySelector('input[name="port"]').value === '99999');
  assert.equal(await port.getAttribute('aria-invalid'), 'true');
  const described = (await port.getAttribute('aria-describedby')).split(' ');
  const texts = await Promise.all(described.map((id) => page.locator(`#${id}`).innerText()));
  assert.ok(texts.some((t) => /port-range/.test(t)), texts.join(' | '));
});

test('moving the caret by any means (here a script, as touch handles do) marks the field under it', async () => {
  const { page, editor, form } = await pageWith('image: nginx\nport: 80\nresources:\n  instanceType: C4\n');
  await editor.focus();
  for (const [value, name] of [['C4', 'resources.instanceType'], ['nginx', 'image']]) {
    // No key, click or focus event: only the selection changes.
    await editor.evaluate((el, v) => el.setSelectionRange(el.value.indexOf(v) + 1, el.value.indexOf(v) + 1), value);
    await page.waitForFunction((n) => document.querySelector(`[name="${n}"]`)?.closest('.field')?.classList.contains('current'), name);
    assert.equal(await form.locator('.field.current').count(), 1);
    await page.locator('#caret-info').getByText(name, { exact: true }).first().waitFor();
  }
});

test('a field of a section that does not parse keeps its last value and is marked stale', async () => {
  const { page, editor, form } = await pageWith('image: nginx\nport: 80\nresources:\n  instanceType: C4\n');
  await editor.fill('image: nginx\nport: 80\nresources:\n  instanceType: [C4\n');
  const field = form.locator('input[name="resources.instanceType"]');
  await page.waitForFunction(() => document.querySelector('input[name="resources.instanceType"]').disabled);
  assert.equal(await field.inputValue(), 'C4');
  assert.equal(await form.locator('input[name="image"]').isDisabled(), false);
  // The section itself is marked too, though the form's layout did not change.
  await page.waitForFunction(() => document.querySelector('#field-resources')?.classList.contains('stale'));
  const staleSections = await page.evaluate(() => [...document.querySelectorAll('fieldset.stale')].map((f) => f.id));
  assert.ok(staleSections.every((id) => id.startsWith('field-resources')), staleSections.join(' '));
});

test('switching the layout shows the form alone or the YAML alone', async () => {
  const { page, form } = await pageWith('image: x\n');
  await page.getByRole('button', { name: 'Form', exact: true }).click();
  assert.equal(await editorOf(page).isVisible(), false);
  assert.equal(await form.isVisible(), true);
  await page.getByRole('button', { name: 'YAML', exact: true }).click();
  assert.equal(await form.isVisible(), false);
  assert.equal(await editorOf(page).isVisible(), true);
});

test('a key added through the form goes where the reference documents it', async () => {
  const original = 'image: x\nport: 80\nresources:\n  instanceType: C4\n';
  const { page, editor, form } = await pageWith(original);
  await form.getByRole('button', { name: 'Add repositories' }).click();
  await page.waitForFunction(() => document.querySelector('#spec-yaml').value.includes('dataset:'));
  await form.locator('input[name="repositories.mountPath"]').fill('/opt/repos');
  await page.waitForFunction(() => document.querySelector('#spec-yaml').value.includes('mountPath: /opt/repos'));
  const text = await editor.inputValue();
  // `mountPath` between `dataset` and the `repositories` list, not after the list.
  assert.match(text, /\nrepositories:\n {2}dataset: null\n {2}mountPath: \/opt\/repos\n {2}repositories:\n/);
});
