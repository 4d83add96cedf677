// The core flows in all three engines (Chromium, Firefox ESR, WebKitGTK), over W3C
// WebDriver: load, type (with the editor's own keys), problems, a form change that
// keeps the line's comment, Undo, and Download YAML (the blob the page hands to the
// browser, read in the page). An engine whose driver is missing fails: `make tools`
// installs them.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { By, Key, until } from 'selenium-webdriver';
import { serve } from './support/harness.mjs';
import { startEngine, available } from './support/engines.mjs';

let server;
before(async () => { server = await serve(); });
after(() => server?.close());

const valueOf = (d) => d.executeScript('return document.querySelector("#spec-yaml").value');
const waitFor = (d, fn, arg, what) => d.wait(async () => d.executeScript(fn, arg), 15000, what);
/** Waits for the editor to hold `want`; on timeout, fails showing what it holds. */
async function waitForText(d, want, what) {
  try {
    await waitFor(d, 'return document.querySelector("#spec-yaml").value === arguments[0]', want, what);
  } catch {
    assert.equal(await valueOf(d), want, what);
  }
}

for (const name of ['chromium', 'firefox', 'webkit']) {
  test(`core flows in ${name}`, { timeout: 180000 }, async () => {
    assert.ok(available(name), `${name}'s WebDriver is not installed: run make tools`);
    const { driver: d, quit } = await startEngine(name);
    try {
      await d.get(server.url);
      const editor = await d.wait(until.elementLocated(By.id('spec-yaml')), 20000);
      await d.executeScript('localStorage.clear()');
      await d.navigate().refresh();
      await waitFor(d, 'return /\\d+ errors?, \\d+ warnings?/.test(document.querySelector("[role=status]")?.textContent ?? "")', null, 'loaded and checked');
      assert.match(await valueOf(d), /^# /, 'the default template');

      // Type, with Enter keeping the indentation.
      const area = await d.findElement(By.id('spec-yaml'));
      await area.click();
      await d.executeScript('const a = document.querySelector("#spec-yaml"); a.setSelectionRange(0, a.value.length)');
      await area.sendKeys('image: nginx', Key.ENTER, 'port: 99999', Key.ENTER, 'resources:', Key.ENTER, 'instanceType: C4 # machine');
      const typed = 'image: nginx\nport: 99999\nresources:\n  instanceType: C4 # machine';
      await waitForText(d, typed, 'typed text');
      void editor;

      // Problems: the port out of range, located.
      await waitFor(d, 'return [...document.querySelectorAll(".problem-link")].some((b) => b.textContent.startsWith("2:7 error port-range"))', null, 'port-range problem');

      // A form change edits only the value; the comment stays.
      const field = await d.findElement(By.css('input[name="resources.instanceType"]'));
      await d.executeScript('arguments[0].scrollIntoView({ block: "center" })', field);
      await field.click();
      await d.executeScript('arguments[0].select()', field);
      await field.sendKeys('A100');
      await waitForText(d, typed.replace('C4 #', 'A100 #'), 'form change');

      // Undo restores the text.
      await d.findElement(By.xpath('//button[normalize-space()="Undo"]')).click();
      await waitForText(d, typed, 'undo');

      // Download YAML hands the exact text to the browser.
      await d.executeScript(`
        window.__saved = null;
        const make = URL.createObjectURL;
        URL.createObjectURL = (blob) => { window.__blob = blob; return make.call(URL, blob); };
        HTMLAnchorElement.prototype.click = function () { window.__saved = this.download; };`);
      await d.findElement(By.xpath('//button[normalize-space()="Download YAML"]')).click();
      const saved = await d.executeAsyncScript('const done = arguments[0]; window.__blob.text().then((t) => done([window.__saved, t]))');
      assert.deepEqual(saved, ['spec.yaml', `${typed}`]);
      const logs = await d.executeScript('return window.__panicked ?? null');
      assert.equal(logs, null);
    } finally {
      await quit();
    }
  });
}
