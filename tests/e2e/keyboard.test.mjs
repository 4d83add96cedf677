// The keyboard and where focus lands: Esc then Tab / Shift+Tab leave the editor with
// the text unchanged; after a fix, Add, Remove, Move or Share link focus is on the
// place the action made or changed (never <body>, never a second Remove); Ctrl+.
// lists the fixes at the caret; the Template select loads only with its button; the
// rule help is a disclosure that Esc closes; in Form view a problem leads to its field.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openFresh, openPage, RELATIVE_MOUNT } from './support/harness.mjs';

let server, context;
before(async () => { server = await serve(); context = await launch(); });
after(async () => { await context?.close(); server?.close(); });

const active = (page) => page.evaluate(() => {
  const el = document.activeElement;
  return { tag: el.tagName, id: el.id, name: el.getAttribute('name'), label: el.getAttribute('aria-label'), text: el.textContent.trim().slice(0, 40) };
});
const text = (page) => page.locator('#spec-yaml').inputValue();
const waitText = (page, pred) => page.waitForFunction(pred, null, { polling: 20 });

test('Esc then Tab and Esc then Shift+Tab leave the editor without changing the text', async () => {
  const { page, editor } = await openFresh(context, server.url, RELATIVE_MOUNT);
  for (const key of ['Tab', 'Shift+Tab']) {
    await editor.focus();
    await editor.evaluate((el) => el.setSelectionRange(el.value.indexOf('dataset'), el.value.indexOf('dataset')));
    await page.keyboard.press('Escape');
    await page.keyboard.press(key);
    assert.notEqual((await active(page)).id, 'spec-yaml', `${key} left the editor`);
    assert.equal(await text(page), RELATIVE_MOUNT, `${key} changed nothing`);
  }
  // Without Escape, Shift+Tab still outdents.
  await editor.focus();
  await editor.evaluate((el) => el.setSelectionRange(el.value.indexOf('dataset'), el.value.indexOf('dataset')));
  await page.keyboard.press('Shift+Tab');
  assert.match(await text(page), /\ndataset: ds123\n/);
});

test('after a fix focus is at the fixed place in the editor', async () => {
  const { page } = await openFresh(context, server.url, RELATIVE_MOUNT);
  await page.getByRole('button', { name: /^Make it absolute/ }).click();
  await waitText(page, () => document.querySelector('#spec-yaml').value.includes('mountPath: /opt/repos'));
  await page.waitForFunction(() => document.activeElement?.id === 'spec-yaml');
  const selected = await page.locator('#spec-yaml').evaluate((el) => el.value.slice(el.selectionStart, el.selectionEnd + 8));
  assert.match(selected, /^\//, `the selection is at the fix: ${selected}`);
});

test('Ctrl+. at the caret lists the fixes there and Enter applies one', async () => {
  const { page, editor } = await openFresh(context, server.url, RELATIVE_MOUNT);
  await editor.evaluate((el) => { el.focus(); const i = el.value.indexOf('opt/repos') + 2; el.setSelectionRange(i, i); });
  await page.keyboard.press('Control+.');
  const list = page.getByRole('listbox', { name: 'Fixes at the caret' });
  await list.waitFor();
  assert.match(await list.innerText(), /absolute/);
  await page.keyboard.press('Enter');
  await waitText(page, () => document.querySelector('#spec-yaml').value.includes('mountPath: /opt/repos'));
  assert.equal((await active(page)).id, 'spec-yaml');
  assert.equal(await list.count(), 0);
});

test('Add repository focuses the new item, written empty; Remove focuses the neighbour; Move follows the item', async () => {
  const { page } = await openFresh(context, server.url, RELATIVE_MOUNT);
  const form = page.getByRole('region', { name: 'Form' });
  await form.getByRole('button', { name: 'Add repository' }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'repositories.repositories[1].url');
  const yaml = await text(page);
  assert.match(yaml, /- url: null\n {6}name: null\n/, 'no example written as a value');
  assert.ok(!yaml.includes('owner/repo'));
  await page.getByRole('status').filter({ hasText: /^[2-9] errors|^\d\d+ errors/ }).waitFor();
  // Typing into the empty field writes only what is typed.
  await page.keyboard.type('https://github.com/a/b.git');
  // (Quoted: while typing, `https:` alone would read as a key, and the core keeps a
  // value's quotes.)
  await waitText(page, () => /- url: "?https:\/\/github\.com\/a\/b\.git"?\n/.test(document.querySelector('#spec-yaml').value));
  // Move item 2 up: focus follows it (now item 1, whose Up is disabled: its Down).
  await form.getByRole('button', { name: 'Move Repository 2 up' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'field-repositories_repositories-0--down');
  // Remove item 1: focus goes to the item that took its place, not to its Remove.
  await form.getByRole('button', { name: 'Remove Repository 1' }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'repositories.repositories[0].url');
  await form.getByRole('button', { name: 'Remove Repository 1' }).click();
  await page.waitForFunction(() => document.activeElement?.textContent === 'Add repository');
});

test('Add autoscaling focuses its first field; Share link focuses the link', async () => {
  const { page } = await openFresh(context, server.url, 'apiVersion: v1\nimage: x\nresources:\n  machineType: C4\n  ports: [80]\n');
  const form = page.getByRole('region', { name: 'Form' });
  await form.getByRole('button', { name: 'Add autoscaling' }).click();
  await page.waitForFunction(() => (document.activeElement?.getAttribute('name') ?? '').startsWith('resources.autoscaling.'));
  assert.match(await text(page), /maxReplicas: null/);
  await page.getByRole('button', { name: 'Share link' }).click();
  await page.waitForFunction(() => document.activeElement?.id === 'share-url');
});

test('the Template select loads only with Load template', async () => {
  const { page } = await openFresh(context, server.url, 'image: mine\n');
  page.on('dialog', (d) => d.accept());
  const select = page.getByRole('combobox', { name: 'Template' });
  await select.focus();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('ArrowDown');
  await select.selectOption('minimal');
  await page.waitForTimeout(200);
  assert.equal(await text(page), 'image: mine\n');
  await page.getByRole('button', { name: 'Load template' }).click();
  await waitText(page, () => document.querySelector('#spec-yaml').value.includes('nginx:1.27'));
});

test('the rule help is a disclosure: expanded state, focus moves in, Esc closes and returns focus', async () => {
  const { page } = await openFresh(context, server.url, RELATIVE_MOUNT);
  const rule = page.getByRole('button', { name: 'Explain rule mount-path' });
  assert.equal(await rule.getAttribute('aria-expanded'), 'false');
  assert.equal(await rule.getAttribute('aria-controls'), 'rule-help');
  await rule.click();
  assert.equal(await rule.getAttribute('aria-expanded'), 'true');
  await page.waitForFunction(() => document.activeElement?.id === 'rule-help-title');
  await page.keyboard.press('Escape');
  await page.locator('#rule-help[hidden]').waitFor({ state: 'attached' });
  assert.equal(await rule.getAttribute('aria-expanded'), 'false');
  assert.equal((await active(page)).label, 'Explain rule mount-path');
});

test('in Form view a problem leads to its field', async () => {
  const { page } = await openPage(context, server.url + '?view=form');
  await page.evaluate((t) => { localStorage.setItem('gradient-spec-editor:text', t); }, RELATIVE_MOUNT);
  await page.reload();
  await page.getByRole('button', { name: /^5:14 error mount-path/ }).click();
  await page.waitForFunction(() => document.activeElement?.getAttribute('name') === 'repositories.mountPath');
  // A problem the form has no field for brings the editor back into view, selected.
  await page.locator('#spec-yaml').evaluate((el) => { el.value = '- a\n- b\n'; el.dispatchEvent(new Event('input', { bubbles: true })); });
  await page.getByRole('button', { name: /error wrong-type/ }).first().click();
  await page.waitForFunction(() => document.activeElement?.id === 'spec-yaml');
});
