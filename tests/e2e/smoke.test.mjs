// The release build loads in Chromium with no errors, shows the example spec, and
// lists its problems; a screenshot is left in target/e2e/ for people to look at.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openPage, repoRoot, screenshotDir } from './support/harness.mjs';

let server, context;
before(async () => { server = await serve(); context = await launch(); });
after(async () => { await context?.close(); server?.close(); });

test('the page loads the example spec with no console errors', async () => {
  const { page, problems, requests } = await openPage(context, server.url);
  const editor = page.getByRole('textbox', { name: 'Spec YAML' });
  await editor.waitFor();
  const example = readFileSync(join(repoRoot, 'src/examples/legacy-repositories.yaml'), 'utf8');
  assert.equal(await editor.inputValue(), example);
  await page.getByRole('status').filter({ hasText: /\d+ errors?, \d+ warnings?/ }).waitFor();
  await page.screenshot({ path: join(screenshotDir, 'smoke.png'), fullPage: true });
  assert.deepEqual(problems, []);
  const origin = new URL(server.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith('data:'));
  assert.deepEqual(foreign, [], 'no request leaves the page origin');
});

test('typing broken YAML shows a located yaml-syntax problem and the status counts it', async () => {
  const { page, problems } = await openPage(context, server.url);
  const editor = page.getByRole('textbox', { name: 'Spec YAML' });
  await editor.fill('image: x\ncommand: [python, app.py\n');
  const list = page.getByRole('list', { name: 'Problems' });
  await list.getByRole('listitem').filter({ hasText: /^\d+:\d+ error yaml-syntax / }).first().waitFor();
  await page.getByRole('status').filter({ hasText: /^[1-9]\d* errors?, / }).waitFor();
  assert.deepEqual(problems, []);
});
