// The form's "Spec shape" select moves the whole spec to the chosen shape with the
// core's upgrade (legacy → v1) or downgrade (v1 → legacy) as one undoable step: no
// field of the other shape is left behind as a `mixed-shape` error, Undo restores the
// text byte for byte, and what could not be carried over is listed.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { serve, launch, openFresh, repoRoot } from './support/harness.mjs';

let server, context;
before(async () => { server = await serve(); context = await launch(); });
after(async () => { await context?.close(); server?.close(); });

const corpus = (name) => readFileSync(join(repoRoot, 'tests', 'data', 'corpus', name), 'utf8');
const minimal = readFileSync(join(repoRoot, 'src', 'examples', 'minimal.yaml'), 'utf8');
const shapeSelect = (page) => page.getByRole('region', { name: 'Form' }).locator('.shape-switch select');
const statusOf = (page) => page.locator('[role=status].status');
const waitText = (page, pred, arg) => page.waitForFunction(pred, arg);

test('the minimal template switched to Legacy in the form has no mixed-shape error; Undo restores it', async () => {
  const { page, editor, problems } = await openFresh(context, server.url, minimal);
  const select = shapeSelect(page);
  assert.equal(await select.inputValue(), 'v1');
  await select.selectOption('legacy');
  await waitText(page, () => document.querySelector('#spec-yaml').value.includes('apiVersion: v0alpha0'));
  const legacy = await editor.inputValue();
  assert.match(legacy, /^port: 80$/m);
  assert.match(legacy, /^ {2}instanceType: C4$/m);
  assert.doesNotMatch(legacy, /machineType|ports/);
  assert.match(legacy, /^# The smallest complete v1 deployment/, 'the comment stays');
  await statusOf(page).filter({ hasText: '0 errors' }).waitFor();
  assert.equal(await page.getByRole('button', { name: 'Explain rule mixed-shape' }).count(), 0);
  assert.equal(await select.inputValue(), 'legacy');

  await page.getByRole('button', { name: 'Undo' }).click();
  await waitText(page, (t) => document.querySelector('#spec-yaml').value === t, minimal);
  assert.equal(await select.inputValue(), 'v1');
  assert.deepEqual(problems, []);
});

test('switching a legacy spec to v1 in the form gives the upgrade’s text and its notes', async () => {
  const original = corpus('e02-legacy-gitbook-repositories.yaml');
  // The upgrade through its own panel, for the expected text.
  const viaPanel = await openFresh(context, server.url, original);
  await viaPanel.page.getByRole('button', { name: 'Preview upgrade to v1' }).click();
  await viaPanel.page.getByRole('button', { name: 'Apply upgrade' }).click();
  await waitText(viaPanel.page, () => document.querySelector('#spec-yaml').value.includes('apiVersion: v1'));
  const upgraded = await viaPanel.editor.inputValue();
  const panelNotes = await viaPanel.page.getByRole('region', { name: 'Not carried over by the upgrade' }).getByRole('listitem').count();
  await viaPanel.page.close();

  const { page, editor, problems } = await openFresh(context, server.url, original);
  await shapeSelect(page).selectOption('v1');
  await waitText(page, () => document.querySelector('#spec-yaml').value.includes('apiVersion: v1'));
  assert.equal(await editor.inputValue(), upgraded);
  const notes = page.getByRole('region', { name: 'Not carried over by the upgrade' }).getByRole('listitem');
  assert.equal(await notes.count(), panelNotes);
  assert.ok(panelNotes >= 1);
  assert.equal(await page.getByRole('button', { name: 'Explain rule mixed-shape' }).count(), 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await waitText(page, (t) => document.querySelector('#spec-yaml').value === t, original);
  assert.deepEqual(problems, []);
});

test('a v1 spec with integrations switched to Legacy lists what was not carried over', async () => {
  const original = corpus('e03-v1-digitalocean-reference.yaml');
  const { page, editor } = await openFresh(context, server.url, original);
  await shapeSelect(page).selectOption('legacy');
  await waitText(page, () => document.querySelector('#spec-yaml').value.includes('apiVersion: v0alpha0'));
  const text = await editor.inputValue();
  assert.doesNotMatch(text, /integrations:|basicAuthKey|machineType/);
  const notes = page.getByRole('region', { name: 'Not carried over to the legacy shape' }).getByRole('listitem');
  const all = (await notes.allInnerTexts()).join('\n');
  assert.match(all, /basicAuthKey/);
  assert.match(all, /s3/);
  assert.match(all, /dataset/);
  assert.equal(await page.getByRole('button', { name: 'Explain rule mixed-shape' }).count(), 0);
  await page.getByRole('button', { name: 'Undo' }).click();
  await waitText(page, (t) => document.querySelector('#spec-yaml').value === t, original);
});
