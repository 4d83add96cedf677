// Input that must never break the page: a panic shows a notice and keeps the text
// (saved first), hostile YAML gets a clear message, and autosave waits for a quiet
// moment but never loses a change when the page goes away.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openFresh, editorOf } from './support/harness.mjs';

let server, context;
before(async () => { server = await serve(); context = await launch(); });
after(async () => { await context?.close(); server?.close(); });

const TEXT_KEY = 'gradient-spec-editor:text';

test('a panic shows the crash notice, keeps the text and saves it first', async () => {
  const { page, editor } = await openFresh(context, server.url, 'image: kept-after-a-panic\n');
  // Typed just now: the debounced autosave has not written it yet.
  await page.evaluate(() => {
    try { window.wasmBindings.panicForTest(); } catch { /* the wasm traps after the hook */ }
  });
  const notice = page.getByRole('alert').filter({ hasText: 'The editor stopped after an internal error' });
  await notice.waitFor();
  assert.equal(await editor.inputValue(), 'image: kept-after-a-panic\n');
  assert.equal(await page.evaluate((k) => localStorage.getItem(k), TEXT_KEY), 'image: kept-after-a-panic\n');
  assert.ok(await page.getByRole('button', { name: 'Undo' }).isDisabled(), 'dead buttons are disabled');
  await notice.getByRole('link', { name: 'Reload the page' }).click();
  await editorOf(page).waitFor();
  assert.equal(await editorOf(page).inputValue(), 'image: kept-after-a-panic\n');
  await page.close();
});

test('autosave writes after a quiet moment, and at once when the page is left', async () => {
  const { page, editor } = await openFresh(context, server.url, 'image: first\n');
  await page.waitForFunction((k) => localStorage.getItem(k) === 'image: first\n', TEXT_KEY);
  await editor.press('End');
  await editor.type('x');
  // Reloading straight away: the page-hide flush must have it.
  await page.reload();
  await editorOf(page).waitFor();
  assert.equal(await editorOf(page).inputValue(), 'image: first\nx');
  await page.close();
});

test('hostile YAML gets a clear message and the page stays responsive', async () => {
  const { page, editor, problems } = await openFresh(context, server.url);
  const cases = [
    // An alias bomb: nine levels of ten aliases each.
    ['a0: &a0 [x, x, x, x, x, x, x, x, x, x]\n' +
      Array.from({ length: 8 }, (_, i) => `a${i + 1}: &a${i + 1} [${Array(10).fill(`*a${i}`).join(', ')}]`).join('\n') + '\n',
      /./],
    ['x: ' + '['.repeat(400) + ']'.repeat(400) + '\n', /nest more than 256 levels/],
    ['image: ' + 'x'.repeat(600 * 1024) + '\n', /documents over \d+ bytes are not checked/],
    ['\u0000\u0001binary\u0002', /./],
  ];
  for (const [text, message] of cases) {
    await page.evaluate((t) => {
      const el = document.querySelector('#spec-yaml');
      el.value = t;
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType: 'insertFromPaste' }));
    }, text);
    await page.getByRole('status').filter({ hasText: /\d+ errors?|No problems/ }).waitFor();
    const list = await page.locator('.problems').innerText();
    assert.match(list, message, `message for ${text.slice(0, 30)}…`);
    assert.equal((await editor.inputValue()).length, text.length, 'the text is kept');
  }
  // Still alive: a normal edit is checked.
  await editor.fill('image: nginx\n');
  await page.getByRole('status').filter({ hasText: /1 error|errors?/ }).waitFor();
  assert.deepEqual(problems, []);
  await page.close();
});
