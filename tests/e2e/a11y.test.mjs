// Accessibility: axe-core (wcag2a, wcag2aa, wcag21aa, best-practice) finds nothing in
// every mode of the page (default, Form view, read-only, embed, dark theme, a spec full
// of problems with the rule help open), and the editor's syntax colours reach 4.5:1 in
// both themes (axe cannot see them: they are drawn behind a transparent textarea).
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { serve, launch, openFresh, openPage, editorOf } from './support/harness.mjs';
import { axeViolations, tokenContrasts } from './support/axe.mjs';

let server, context;
before(async () => { server = await serve(); context = await launch(); });
after(async () => { await context?.close(); server?.close(); });

/** Every token kind, a comment and punctuation, and several problems. */
export const FULL_OF_PROBLEMS = [
  '# comment: every token kind',
  'apiVersion: latest',
  'image: Nginx:<tag>',
  'port: "7860"',
  'enabled: "yes"',
  'base: &b {x: 1}',
  'models: *b',
  'repositories:',
  '  mountPath: opt/repos',
  '  repositories:',
  '    - url: github.com/a/b',
  '      name: a/b',
  '      password: hunter2',
  'resources:',
  '  instanceType: Free-GPU',
  '  replicas: -1 # stops nothing',
  'env:',
  '  - name: HF_TOKEN',
  '    value: hf_abcdefghijklmnop',
  '',
].join('\n');

async function setTheme(page, theme) {
  await page.evaluate((t) => localStorage.setItem('gradient-spec-editor:theme', t), theme);
  await page.reload();
  await editorOf(page).waitFor();
  await page.waitForFunction((t) => document.documentElement.dataset.theme === t, theme);
}

async function assertClean(page, what) {
  await page.locator('.problems').waitFor();
  await page.waitForTimeout(100);
  const found = await axeViolations(page);
  assert.deepEqual(found, [], `${what}:\n${found.join('\n')}`);
}

for (const [what, query] of [
  ['the default page', ''],
  ['?view=form', '?view=form'],
  ['?view=yaml', '?view=yaml'],
  ['?readonly', '?readonly'],
  ['?embed', '?embed'],
  ['?embed&readonly', '?embed&readonly'],
]) {
  test(`axe: no violation in ${what}`, async () => {
    const { page, problems } = await openPage(context, server.url + query);
    await page.evaluate(() => localStorage.clear());
    await page.reload();
    await page.locator('#spec-yaml').waitFor({ state: 'attached' });
    await assertClean(page, what);
    assert.deepEqual(problems, []);
  });
}

for (const theme of ['light', 'dark']) {
  test(`axe: no violation in the ${theme} theme with a spec full of problems, the rule help and the deploy panel open`, async () => {
    const { page } = await openFresh(context, server.url);
    await setTheme(page, theme);
    await editorOf(page).fill(FULL_OF_PROBLEMS);
    await page.getByRole('status').filter({ hasText: /[1-9]\d* errors/ }).waitFor();
    await page.getByRole('button', { name: /^Explain rule / }).first().click();
    await page.locator('#rule-help:not([hidden])').waitFor();
    await page.getByText('Deploy this spec').click();
    await assertClean(page, `${theme} theme`);
    await page.getByRole('button', { name: 'Form', exact: true }).click();
    await assertClean(page, `${theme} theme, Form view`);
  });

  test(`every syntax colour of the editor reaches 4.5:1 in the ${theme} theme`, async () => {
    const { page } = await openFresh(context, server.url);
    await setTheme(page, theme);
    await editorOf(page).fill(FULL_OF_PROBLEMS);
    await page.locator('.code-line .tok-anchor').first().waitFor({ state: 'attached' });
    const pairs = await tokenContrasts(page);
    for (const cls of ['tok-key', 'tok-comment', 'tok-punct', 'tok-string', 'tok-number', 'tok-anchor', 'gutter-line']) {
      assert.ok(pairs.some((p) => p.cls.split(' ').includes(cls)), `${cls} drawn: ${JSON.stringify(pairs)}`);
    }
    const low = pairs.filter((p) => p.ratio < 4.5);
    assert.deepEqual(low, [], JSON.stringify(pairs));
  });
}

test('required inputs are announced as required, and every target is at least 24 × 24 px', async () => {
  const { page } = await openFresh(context, server.url);
  await editorOf(page).fill(FULL_OF_PROBLEMS);
  await page.getByRole('status').filter({ hasText: /[1-9]\d* errors/ }).waitFor();
  const form = page.getByRole('region', { name: 'Form' });
  assert.equal(await form.locator('input[name="image"]').getAttribute('aria-required'), 'true');
  assert.equal(await form.locator('input[name="repositories.dataset"]').getAttribute('aria-required'), 'true');
  assert.equal(await form.locator('input[name="name"]').getAttribute('aria-required'), null);
  const small = await page.evaluate(() => [...document.querySelectorAll('button, select, input[type=checkbox]')]
    .map((el) => [el, el.getBoundingClientRect()])
    .filter(([, r]) => r.width > 0 && r.height > 0 && (r.width < 24 || r.height < 24))
    .map(([el, r]) => `${el.getAttribute('aria-label') ?? el.textContent.trim().slice(0, 30)} ${Math.round(r.width)}×${Math.round(r.height)}`));
  assert.deepEqual(small, []);
});
