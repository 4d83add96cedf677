// JSON and JSONC specs stay in their own format in the page (issue 13): opened as
// files, a form change, a quick fix and Format each leave a text that JSON.parse
// (JSON) or a JSONC parser (JSONC, Microsoft's `jsonc-parser`) accepts, with comments
// and key order kept; Undo restores the bytes; downloads give the text byte for byte
// and converted to YAML or JSON.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse as parseJsonc, printParseErrorCode } from 'jsonc-parser';
import { load as loadYaml } from 'js-yaml';
import { serve, launch, openFresh, repoRoot } from './support/harness.mjs';

let server, context;
before(async () => { server = await serve(); context = await launch(); });
after(async () => { await context?.close(); server?.close(); });

const corpus = (name) => readFileSync(join(repoRoot, 'tests', 'data', 'corpus', name), 'utf8');
const formOf = (page) => page.getByRole('region', { name: 'Form' });
const problemsOf = (page) => page.getByRole('list', { name: 'Problems' }).getByRole('listitem');
const statusOf = (page) => page.locator('[role=status].status');

/** Opens `text` as the file `name`, through Open file (the file name decides the format). */
async function opened(name, text) {
  const o = await openFresh(context, server.url);
  await o.page.locator('input[type=file]').setInputFiles({
    name, mimeType: 'application/json', buffer: Buffer.from(text),
  });
  await o.page.getByText(`Opened ${name}.`).waitFor();
  assert.equal(await o.editor.inputValue(), text);
  return { ...o, form: formOf(o.page) };
}

/** The value of a JSONC text; fails on any parse error (trailing commas allowed). */
function jsonc(text) {
  const errors = [];
  const value = parseJsonc(text, errors, { allowTrailingComma: true, disallowComments: false });
  assert.deepEqual(errors.map((e) => `${printParseErrorCode(e.error)} at ${e.offset}`), [], text);
  return value;
}

const comments = (text) => text.split('\n').map((l) => l.trim()).filter((l) => l.startsWith('//'));

/** Waits until the editor's text differs from `before`, and returns it. */
async function changed(page, before) {
  await page.waitForFunction((t) => document.querySelector('#spec-yaml').value !== t, before);
  return page.locator('#spec-yaml').inputValue();
}

async function undoTo(page, editor, text) {
  await page.getByRole('button', { name: 'Undo' }).click();
  await page.waitForFunction((t) => document.querySelector('#spec-yaml').value === t, text);
  assert.equal(await editor.inputValue(), text);
}

test('paperspace.json: a form change, a fix and Format each leave JSON; Undo restores the bytes', async () => {
  // A real spec (j03) with one mistake a fix knows: `ports` is not a list.
  const original = corpus('j03-v1-ollama-disabled.json').replace('"ports": [\n      11434\n    ]', '"ports": 11434');
  const { page, editor, form, problems } = await opened('paperspace.json', original);
  const keys = Object.keys(JSON.parse(original));

  // The case: adding an env variable through the form.
  await form.getByRole('button', { name: /^Add (environment )?variable|^Add env/i }).click();
  const added = await changed(page, original);
  const value = JSON.parse(added);
  assert.deepEqual(Object.keys(value).slice(0, keys.length), keys, 'key order kept');
  assert.equal(value.env.length, 1);
  assert.ok(added.includes('\n  "env": [\n    {\n      "name": '), added);
  await form.locator('input[name="env[0].name"]').fill('HF_HOME');
  await page.waitForFunction(() => document.querySelector('#spec-yaml').value.includes('"name": "HF_HOME"'));
  const named = await editor.inputValue();
  assert.equal(JSON.parse(named).env[0].name, 'HF_HOME');
  await undoTo(page, editor, added);
  await undoTo(page, editor, original);

  // A quick fix, written as JSON.
  const item = problemsOf(page).filter({ hasText: /error wrong-type/ });
  await item.getByRole('button', { name: /^Wrap in a list/ }).click();
  const fixed = await changed(page, original);
  assert.deepEqual(JSON.parse(fixed).resources.ports, [11434]);
  assert.equal(fixed, original.replace('"ports": 11434', '"ports": [11434]'));
  await undoTo(page, editor, original);

  // Format: canonical JSON in the file's indentation.
  const messy = original.replace('{\n  "apiVersion": "v1",', '{"apiVersion":"v1",');
  await editor.fill(messy);
  await page.getByRole('button', { name: 'Format' }).click();
  const formatted = await changed(page, messy);
  assert.equal(formatted, JSON.stringify(JSON.parse(messy), null, 2) + '\n');
  await undoTo(page, editor, messy);
  assert.deepEqual(problems, []);
});

test('paperspace.jsonc: comments kept through a form change, a fix and Format', async () => {
  const original = corpus('c01-latest-stable-diffusion-app.jsonc');
  const { page, editor, form, problems } = await opened('paperspace.jsonc', original);
  // Read as JSONC: no YAML misreading of the `//` lines.
  await statusOf(page).filter({ hasText: /^0 errors/ }).waitFor();
  const keys = Object.keys(jsonc(original));

  const name = form.locator('input[name="name"]');
  assert.equal(await name.inputValue(), 'stable-diffusion-webui');
  await name.fill('sd-webui');
  await page.waitForFunction(() => document.querySelector('#spec-yaml').value.includes('"name": "sd-webui"'));
  const renamed = await editor.inputValue();
  assert.equal(jsonc(renamed).name, 'sd-webui');
  assert.deepEqual(comments(renamed), comments(original));
  assert.deepEqual(Object.keys(jsonc(renamed)), keys);
  await undoTo(page, editor, original);

  const item = problemsOf(page).filter({ hasText: /warning api-version/ });
  await item.getByRole('button', { name: /^Set/ }).click();
  const fixed = await changed(page, original);
  assert.equal(jsonc(fixed).apiVersion, 'v0alpha0');
  assert.equal(fixed, original.replace('"apiVersion": "latest"', '"apiVersion": "v0alpha0"'));
  await undoTo(page, editor, original);

  const messy = original.replace('  "port": 7860,', '"port"  :  7860 ,');
  await editor.fill(messy);
  await page.getByRole('button', { name: 'Format' }).click();
  const formatted = await changed(page, messy);
  assert.equal(formatted, original, 'Format gives the canonical layout back, comments kept');
  await undoTo(page, editor, messy);
  assert.deepEqual(problems, []);
});

test('downloads give the spec in its own format byte for byte, and converted', async () => {
  const original = corpus('c02-latest-app-template.jsonc');
  const { page } = await opened('paperspace.jsonc', original);
  const download = async (label) => {
    const dl = page.waitForEvent('download');
    await page.getByRole('button', { name: label, exact: true }).click();
    const d = await dl;
    return [d.suggestedFilename(), readFileSync(await d.path(), 'utf8')];
  };
  assert.deepEqual(await download('Download JSONC'), ['paperspace.jsonc', original]);
  const [jsonName, json] = await download('Download JSON');
  assert.equal(jsonName, 'paperspace.json');
  assert.deepEqual(JSON.parse(json), jsonc(original));
  const [yamlName, text] = await download('Download YAML');
  assert.equal(yamlName, 'paperspace.yaml');
  assert.deepEqual(loadYaml(text), jsonc(original));
});

test('a template loaded over a JSON spec comes in as JSON', async () => {
  const { page, editor } = await opened('paperspace.json', corpus('j01-v0alpha0-app-template.json'));
  await page.getByLabel('Template').selectOption({ index: 1 });
  await page.getByRole('button', { name: 'Load template' }).click();
  await page.getByText(/^Loaded the template/).waitFor();
  const text = await editor.inputValue();
  assert.equal(typeof JSON.parse(text), 'object', text);
});
