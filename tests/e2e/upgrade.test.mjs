// Upgrade to v1 in the page: offered for a legacy spec only, a preview with the changed
// lines and the notes on what is not carried over, applied as one undoable step (Undo
// restores the legacy spec byte for byte), the notes still in view after it.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync, mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openFresh, repoRoot, screenshotDir as shots } from './support/harness.mjs';

let server, context;
before(async () => { server = await serve(); context = await launch(); });
after(async () => { await context?.close(); server?.close(); });

const corpus = (name) => readFileSync(join(repoRoot, 'tests', 'data', 'corpus', name), 'utf8');

test('a legacy spec with repositories upgrades in one step, with its notes; Undo restores it', async () => {
  const original = corpus('e02-legacy-gitbook-repositories.yaml');
  const { page, editor } = await openFresh(context, server.url, original);
  await page.getByRole('button', { name: 'Preview upgrade to v1' }).click();
  const preview = page.getByRole('dialog', { name: 'Upgrade to v1: preview' });
  await preview.waitFor();
  const notes = preview.getByRole('list', { name: 'Upgrade notes' }).getByRole('listitem');
  const noteCount = await notes.count();
  assert.ok(noteCount >= 1, 'the notes say what is not carried over');
  assert.match(await notes.allInnerTexts().then((t) => t.join('\n')), /dataset|password|credential|private/i);
  assert.equal(await editor.inputValue(), original, 'the preview changes nothing');
  assert.ok(await preview.getByRole('button', { name: 'Apply upgrade' }).evaluate((b) => b === document.activeElement), 'focus is in the dialog');
  mkdirSync(shots, { recursive: true });
  await page.screenshot({ path: join(shots, 'upgrade-preview.png') });

  await preview.getByRole('button', { name: 'Apply upgrade' }).click();
  await page.waitForFunction(() => document.querySelector('#spec-yaml').value.includes('apiVersion: v1'));
  const upgraded = await editor.inputValue();
  assert.doesNotMatch(upgraded, /^repositories:/m);
  assert.doesNotMatch(upgraded, /^port:/m);
  assert.match(upgraded, /machineType:/);
  const kept = page.getByRole('region', { name: 'Not carried over by the upgrade' });
  await kept.waitFor();
  assert.equal(await kept.getByRole('listitem').count(), noteCount);
  assert.equal(await page.getByRole('button', { name: 'Preview upgrade to v1' }).count(), 0, 'no offer for a v1 spec');

  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((t) => document.querySelector('#spec-yaml').value === t, original);
  await page.getByRole('button', { name: 'Preview upgrade to v1' }).waitFor();
});

test('a v1 spec is not offered the upgrade; Esc closes the preview of a legacy one', async () => {
  const { page } = await openFresh(context, server.url, corpus('e10-v1-fastapi-hf-template.yaml'));
  assert.equal(await page.getByRole('button', { name: 'Preview upgrade to v1' }).count(), 0);

  const { page: legacy, editor } = await openFresh(context, server.url, corpus('e04-legacy-resnet-fastapi.yaml'));
  await legacy.getByRole('button', { name: 'Preview upgrade to v1' }).click();
  const apply = legacy.getByRole('button', { name: 'Apply upgrade' });
  await apply.waitFor();
  await apply.press('Escape');
  await legacy.getByRole('button', { name: 'Preview upgrade to v1' }).waitFor();
  assert.equal(await legacy.getByRole('dialog').count(), 0, 'Esc closed the dialog');
  assert.doesNotMatch(await editor.inputValue(), /apiVersion: v1/);
});
