// Small and large screens: no sideways scroll from 320 px up, whatever is open (the
// deploy panel, the rule help, the share link, each layout), and an embed keeps
// Problems in view at 1400 px (the editor's height is bounded; it scrolls inside).
// Screenshots at 390 and 1400 px of the page and the embed land in target/e2e/.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { join } from 'node:path';
import { serve, launch, openFresh, screenshotDir, RELATIVE_MOUNT } from './support/harness.mjs';

let server, context;
before(async () => { server = await serve(); context = await launch(); });
after(async () => { await context?.close(); server?.close(); });

const overflow = (page) => page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

for (const width of [320, 390]) {
  test(`no sideways scroll at ${width} px, whatever is open`, async () => {
    const { page } = await openFresh(context, server.url, RELATIVE_MOUNT);
    await page.setViewportSize({ width, height: 800 });
    assert.equal(await overflow(page), 0, 'as loaded');
    await page.getByText('Deploy this spec').click();
    await page.getByRole('button', { name: 'Explain rule mount-path' }).click();
    await page.getByRole('button', { name: 'Share link' }).click();
    await page.locator('#share-url').waitFor();
    assert.equal(await overflow(page), 0, 'deploy, rule help and share link open');
    for (const layout of ['Form', 'YAML', 'Split']) {
      await page.getByRole('button', { name: layout, exact: true }).click();
      assert.equal(await overflow(page), 0, `${layout} layout`);
    }
    if (width === 390) { await page.evaluate(() => scrollTo(0, 0)); await page.screenshot({ path: join(screenshotDir, 'page-390.png') }); }
  });
}

test('an embed keeps Problems in view at 1400 px; screenshots of the page and the embed', async () => {
  const { page } = await openFresh(context, server.url);
  await page.setViewportSize({ width: 1400, height: 900 });
  await page.screenshot({ path: join(screenshotDir, 'page-1400.png') });
  for (const [width, height] of [[1400, 900], [390, 900]]) {
    await page.setViewportSize({ width, height });
    await page.goto(`${server.url}?embed`);
    const problems = page.getByRole('heading', { name: 'Problems' });
    await problems.waitFor();
    const editorBox = await page.locator('.editor-pane').boundingBox();
    const problemsBox = await problems.boundingBox();
    assert.ok(editorBox.height <= 0.75 * height, `editor height ${editorBox.height} at ${width} px`);
    if (width === 1400) assert.ok(problemsBox.y + problemsBox.height <= height, `Problems at ${problemsBox.y} in a ${height} px frame`);
    assert.equal(await overflow(page), 0);
    await page.screenshot({ path: join(screenshotDir, `embed-${width}.png`) });
  }
});
