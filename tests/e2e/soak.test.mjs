// Soak test (issue 7): thousands of random edits in headless Chromium, mixing typing
// in the YAML editor, form changes, undo/redo (buttons and keys) and quick fixes, with
// three invariants checked after every single edit:
//
//  1. the text is what the sequence of edits implies: the test keeps its own model of
//     the text and of the undo history (support/soak-model.mjs mirrors the history's
//     coalescing rules), so typing is an exact splice, undo/redo give back the model's
//     own snapshots, a form change reads back from the text on the lines it changed and
//     nothing else changed, and a fix removes its problem and undoes byte for byte;
//  2. the Problems list and status line equal a fresh validation of the current text
//     (`window.wasmBindings.checkSpec`), and the Undo/Redo buttons are enabled exactly
//     when the model has something to undo/redo;
//  3. memory stays flat: JS heap, wasm linear memory, DOM nodes and listeners, sampled
//     on the same text after a warm-up and at the end (bounded by what the capped
//     history may hold), and before and after 100 undo/redo pairs (which may hold
//     nothing new, so a small leak per re-render shows even in the short run).
//
//   SOAK_EDITS=N   number of edits (default 300: 30–80 s on 2 busy cores; `make soak` runs 10,000)
//   SOAK_SEED=S    replays a run (the seed is printed at the start and on any failure)
//   SOAK_VERBOSE=1 prints every edit
//   SOAK_WITHOUT=fix,form  leaves those kinds of edit out (to look past a known bug)
//
// A failure prints the seed, the edit number, the last edits and a diff.
import { test, before, after } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { randomInt } from 'node:crypto';
import { serve, launch, openFresh, repoRoot, RELATIVE_MOUNT } from './support/harness.mjs';
import {
  Rng, HistoryModel, between, lineDiff, showDiff,
  plainIsNotString, keyLines, valueOfKeyLine, itemScalars,
} from './support/soak-model.mjs';
import { KEYS, VALUES, token, line, formValue } from './support/soak-input.mjs';
import { installHelpers } from './support/soak-page.mjs';
import { sampleMemory, overgrown, nativeUndoNodes, fmtMemory } from './support/soak-memory.mjs';

const EDITS = Number(process.env.SOAK_EDITS ?? 300);
const VERBOSE = Boolean(process.env.SOAK_VERBOSE);
/** Kinds of edit to leave out (`SOAK_WITHOUT=fix,form`), to look past a known bug. */
const WITHOUT = new Set((process.env.SOAK_WITHOUT ?? '').split(',').filter(Boolean));
const SEED = process.env.SOAK_SEED ? Number(process.env.SOAK_SEED) >>> 0 : randomInt(2 ** 32);
/** Memory is sampled after this many edits (warm-up: caches, JIT, first form layouts)… */
const WARM_UP = Math.min(EDITS, Math.max(100, Math.round(EDITS / 10)));
/** …and the text is kept under this size, so the history's steps stay small (see `GROWTH`). */
const MAX_TEXT = 4000;
/** Long runs also print memory every so many edits, to show the plateau. */
const SAMPLE_EVERY = Number(process.env.SOAK_SAMPLE_EVERY ?? (EDITS >= 2000 ? 1000 : Infinity));

/**
 * How much memory may grow from the warm-up sample to the end, measured on the same
 * text. The one thing that legitimately grows is the undo history, capped at 500 steps
 * (src/state/history.rs): each step is one change, at most two whole texts (a paste
 * over everything) of ≤ 4 KB here, so ≤ 4 MB even in the worst case, and it lives in
 * wasm memory, not in the JS heap. A leak of a few hundred bytes per edit passes this
 * in a short run but not in 10,000 edits; `CHURN` catches it in a short run too.
 */
const GROWTH = {
  wasmBytes: 6 * 2 ** 20, // history ≤ 4 MB + allocator slack (linear memory grows in 64 KB pages)
  jsHeapBytes: 4 * 2 ** 20, // the JS side keeps nothing per edit; room for V8's own caches
  nodes: 300, // same text, same DOM: only transient bits (completion list, notices) differ; plus `nativeUndoNodes`
  detached: 50, // DOM nodes out of the page that script holds: none should pile up
  listeners: 60,
};

/**
 * Undo/redo between two different specs (a legacy and a v1 one, so the form and the
 * Problems list are rebuilt each time) `CHURN_PAIRS` times: this changes nothing that
 * should last (the history keeps its size, the text ends where it began), so memory
 * after must equal memory before up to allocator and GC noise: a few 64 KB pages of
 * wasm, some V8 bookkeeping. 200 rebuilds leaking 1 KB each already show.
 */
const CHURN_PAIRS = 100;
const CHURN = {
  wasmBytes: 256 * 2 ** 10,
  jsHeapBytes: 1 * 2 ** 20,
  nodes: 50,
  detached: 20,
  listeners: 10,
};

let server, context;
before(async () => { server = await serve(); context = await launch(); });
after(async () => { await context?.close(); server?.close(); });

const corpus = (name) => readFileSync(join(repoRoot, 'tests', 'data', 'corpus', name), 'utf8').replace(/\r\n?/g, '\n');

/** Starting texts (pasted over everything now and then, which also keeps the text sane). */
const SEEDS = [
  RELATIVE_MOUNT,
  corpus('e01-legacy-gitbook-reference.yaml'),
  corpus('e03-v1-digitalocean-reference.yaml'),
  corpus('e06-legacy-whisper-relative-mountpath.yaml'),
  corpus('e11-v1-stable-diffusion-webui.yaml'),
  corpus('e12-legacy-byte-barometer-secrets.yaml'),
  corpus('n02-v1-colby-mixed-shape.yaml'),
  // Non-ASCII text: columns count characters, the history counts bytes, the textarea UTF-16.
  'apiVersion: v1\nname: "日本語 😀 demo" # ünïcode\nimage: nginx\nenabled: yes\nresources:\n  machineType: C4\n  ports: [80, 8080]\nenv:\n  - name: GREETING\n    value: "héllo 👋"\n  - name: GREETING\n    value: x\n',
];
/** The text memory is measured on (pasted just before each sample), and the other text of the churn. */
const MEASURE_TEXT = SEEDS[1];
const CHURN_TEXT = SEEDS[2];

// --- The run -------------------------------------------------------------------------

/**
 * One soak run: the page, the model (text + history), the random source and the log
 * of recent edits. Each edit method does one thing a person does, updates the model
 * and returns a one-line description; `check` then compares page and model.
 */
class Soak {
  constructor(page, pageErrors, cdp, rng) {
    Object.assign(this, { page, pageErrors, cdp, rng });
    this.history = new HistoryModel();
    this.text = '';
    this.log = []; // recent edits, for failure reports (see `fail`)
    this.caret = null; // where the last typing left the caret (UTF-16), to type on from there
    this.lastForm = null; // the last form field changed, to type on in it
    this.broken = 0; // edits in a row with a YAML syntax error
    this.stats = {};
    this.n = 0; // edits made so far, the random ones and those made to measure
    this.nativeSteps = 0; // edits the browser made itself (real keys): see `nativeUndoNodes`
  }

  eval(fn, arg) { return this.page.evaluate(fn, arg); }

  /** Logs edit number `n` for failure reports (the last 50 are kept). */
  note(kind, desc) {
    this.log.push({ n: this.n, kind, desc });
    if (this.log.length > 50) this.log.shift();
  }

  /** A fresh validation of `text`, as the Problems list labels it. */
  async fresh(text) {
    const ps = await this.eval((t) => window.__soak.checkSpec(t), text);
    return ps.map((m) => `${m.line}:${m.column} ${m.severity} ${m.rule} ${m.message.replaceAll('`', '')}`);
  }

  /** The last step's times when the next step of `kind`/`group` could merge into it. */
  gapFor(kind, group = null) {
    const last = this.history.last;
    return last && last.kind === kind && last.group === group && Number.isFinite(last.lo) ? { lo: last.lo, hi: last.hi } : null;
  }

  /** Records a step of the history model, settling an unknown merge by looking. */
  async record(kind, group, before, afterText, lo, hi) {
    const change = between(before, afterText);
    if (!change) return;
    let merged = this.history.wouldMerge({ kind, group, change, lo, hi });
    if (merged === 'unknown') merged = await this.probeMerge(before, afterText);
    this.history.record({ kind, group, change, lo, hi, before, after: afterText }, merged === 'yes');
    this.text = afterText;
  }

  /**
   * The event fell so close to 1 s after the last step (a slow frame) that either
   * outcome is right: Undo tells which one the app chose, Redo puts it back.
   */
  async probeMerge(before, afterText) {
    this.stats.probes = (this.stats.probes ?? 0) + 1;
    const mergedBefore = this.history.last.before;
    await this.eval(() => window.__soak.clickHistory('Undo'));
    const undone = await this.eval(([t]) => window.__soak.changedFrom(t, 3000), [afterText]);
    await this.eval(() => window.__soak.clickHistory('Redo'));
    await this.eval(([t]) => window.__soak.changedFrom(t, 3000), [undone]);
    if (undone === mergedBefore) return 'yes';
    if (undone === before) return 'no';
    this.fail('Undo after an edit at the 1 s coalescing limit restored neither possible text', mergedBefore, undone);
  }

  /** A UTF-16 offset in the text that does not split a surrogate pair. */
  offset(at = this.rng.int(this.text.length + 1)) {
    const c = this.text.charCodeAt(at - 1);
    return c >= 0xd800 && c <= 0xdbff ? at - 1 : at;
  }

  /** The UTF-16 range of `n` characters before (or after) `at`, whole characters only. */
  charsAround(at, n, forward) {
    const surrogate = (i, lo) => { const c = this.text.charCodeAt(i); return c >= (lo ? 0xdc00 : 0xd800) && c <= (lo ? 0xdfff : 0xdbff); };
    let [start, end] = [at, at];
    for (let i = 0; i < n; i++) {
      if (forward && end < this.text.length) end += surrogate(end, false) ? 2 : 1;
      if (!forward && start > 0) start -= surrogate(start - 1, true) ? 2 : 1;
    }
    return [start, end];
  }

  /** Splices the editor's text as one input event; the model expects exactly that splice. */
  async splice(start, end, insert, inputType, what) {
    const before = this.text;
    const expected = before.slice(0, start) + insert + before.slice(end);
    const { lo, hi, text } = await this.eval((a) => window.__soak.type(a), { start, end, insert, inputType, gap: this.gapFor('typing') });
    if (text !== expected) this.fail(`the textarea did not take the splice (${what})`, expected, text);
    await this.record('typing', null, before, expected, lo, hi);
    this.caret = start + insert.length;
    return `${what} at ${start}${end > start ? `..${end}` : ''}: ${JSON.stringify(before.slice(start, end))} → ${JSON.stringify(insert)}`;
  }

  // -- The edits ---------------------------------------------------------------------

  /** Types a token: on from the last caret (one coalescing burst) or somewhere else. */
  async typeToken(continuing) {
    if (this.rng.chance(0.01)) { // a pause: the next keystroke starts a new undo step
      await this.page.waitForTimeout(1100);
      this.stats.pauses = (this.stats.pauses ?? 0) + 1;
    }
    let start = continuing && this.caret !== null && this.caret <= this.text.length ? this.caret : this.offset();
    let end = start;
    if (!continuing && this.rng.chance(0.1)) end = this.charsAround(start, 1 + this.rng.int(4), true)[1]; // type over a selection
    const t = token(this.rng);
    return this.splice(start, end, t, 'insertText', 'type');
  }

  /** Deletes a few characters (Backspace, Delete, or a word back), maybe continuing. */
  async deleteChars(continuing) {
    const at = continuing && this.caret !== null && this.caret <= this.text.length ? this.caret : this.offset();
    const how = this.rng.weighted({ back: 3, forward: 1, word: 1 });
    let [start, end] = this.charsAround(at, how === 'word' ? 0 : 1 + this.rng.int(2), how === 'forward');
    if (how === 'word') { // back to the start of the word, as Ctrl+Backspace does
      const from = Math.max(0, at - 2);
      start = Math.max(this.text.lastIndexOf(' ', from), this.text.lastIndexOf('\n', from)) + 1;
    }
    if (start === end) return this.typeToken(false);
    const inputType = { back: 'deleteContentBackward', forward: 'deleteContentForward', word: 'deleteWordBackward' }[how];
    const desc = await this.splice(start, end, '', inputType, `delete ${how}`);
    this.caret = start;
    return desc;
  }

  /** Real key input through the browser: a word with insertText, or Backspace. */
  async keyboard() {
    const at = this.caret !== null && this.caret <= this.text.length && this.rng.chance(0.6) ? this.caret : this.offset();
    const prev = this.text.charCodeAt(at - 1);
    const backspace = at > 0 && prev < 0x80 && this.rng.chance(0.4);
    const word = backspace ? '' : this.rng.pick([...KEYS, ...VALUES.filter((v) => /^[\x20-\x7e]+$/.test(v))]);
    const before = this.text;
    const lo = await this.eval((a) => window.__soak.select(a), { start: at, end: at, gap: this.gapFor('typing') });
    if (backspace) await this.page.keyboard.press('Backspace');
    else await this.page.keyboard.insertText(word);
    this.nativeSteps += 1;
    const hi = await this.eval(() => window.__soak.now());
    const start = backspace ? at - 1 : at;
    const expected = before.slice(0, start) + word + before.slice(at);
    const text = await this.eval(() => window.__soak.text());
    if (text !== expected) this.fail('real key input did not give the expected text', expected, text);
    await this.record('typing', null, before, expected, lo, hi);
    this.caret = start + word.length;
    return backspace ? `key Backspace at ${at}: removed ${JSON.stringify(before[at - 1])}` : `keys ${JSON.stringify(word)} at ${at}`;
  }

  /** Inserts a whole line at a line start (pasted: a line break, so a step of its own). */
  async insertLine() {
    const starts = [0, ...[...this.text.matchAll(/\n/g)].map((m) => m.index + 1)];
    const at = this.rng.pick(starts);
    return this.splice(at, at, line(this.rng), 'insertFromPaste', 'insert line');
  }

  /** Deletes one whole line with its line break (a cut). */
  async deleteLine() {
    const lines = this.text.split('\n');
    if (lines.length < 2) return this.insertLine();
    const i = this.rng.int(lines.length - 1);
    const start = lines.slice(0, i).reduce((n, l) => n + l.length + 1, 0);
    return this.splice(start, start + lines[i].length + 1, '', 'deleteByCut', `delete line ${i + 1}`);
  }

  /** Pastes a whole spec over everything (keeps the soak on realistic, mostly valid text). */
  async reset(text = this.rng.pick(SEEDS)) {
    this.broken = 0;
    return this.splice(0, this.text.length, text, 'insertFromPaste', 'paste a whole spec');
  }

  async undo() {
    const expected = this.history.takeUndo();
    const how = this.rng.pick(['button', 'Control+z']);
    await this.historyKey(how, 'Undo', expected !== null);
    if (expected !== null) this.text = expected;
    return expected === null ? `undo (${how}) with nothing to undo` : `undo (${how})`;
  }

  async redo() {
    const expected = this.history.takeRedo();
    const how = this.rng.pick(['button', 'Control+Shift+z', 'Control+y']);
    await this.historyKey(how, 'Redo', expected !== null);
    if (expected !== null) this.text = expected;
    return expected === null ? `redo (${how}) with nothing to redo` : `redo (${how})`;
  }

  /** Undo/Redo by its toolbar button (when enabled: `hadStep`) or its key in the editor. */
  async historyKey(how, name, hadStep) {
    this.caret = null;
    if (how === 'button' && hadStep) {
      await this.page.getByRole('button', { name, exact: true }).click({ timeout: 5000 });
    } else {
      await this.eval(() => window.__soak.focusEditor());
      await this.page.keyboard.press(how !== 'button' ? how : name === 'Undo' ? 'Control+z' : 'Control+Shift+z');
    }
  }

  /**
   * Changes a form field. Text and select fields are one step per field, merging with
   * that field's previous step within 1 s; a checkbox is a step of its own. Checked
   * strictly: the changed lines hold the key with the new value (read by the test's
   * own scalar reader), no other line changed, and no YAML syntax problem appeared.
   */
  async formChange() {
    const fields = await this.eval(() => window.__soak.formFields());
    if (!fields.length) return this.typeToken(false);
    let field = fields.find((f) => f.name === this.lastForm);
    let value;
    if (field && field.kind === 'text' && this.rng.chance(0.5)) {
      value = field.value + this.rng.pick('abcxyz019-_'.split('')); // typing on in the same field
    } else {
      field = this.rng.pick(fields);
      value = field.kind === 'checkbox' ? !field.checked : formValue(this.rng, field);
    }
    this.lastForm = field.name;
    this.caret = null;
    const before = this.text;
    const group = field.kind === 'checkbox' ? null : field.name;
    const { lo, hi } = await this.eval((a) => window.__soak.formSet(a), { name: field.name, value, gap: group && this.gapFor('form', group) });
    const wait = value === field.value ? 150 : 3000; // the app writes the text back a frame later
    const afterText = await this.eval(([t, ms]) => window.__soak.changedFrom(t, ms), [before, wait]);
    const desc = `form ${field.name} (${field.kind}) ${JSON.stringify(field.kind === 'checkbox' ? field.checked : field.value)} → ${JSON.stringify(value)}`;
    if (afterText === before) {
      await this.unchangedByForm(field, value, desc);
      return `${desc} (no change)`;
    }
    await this.checkFormEdit(field, value, before, afterText, desc);
    if (group === null) this.history.seal();
    await this.record('form', group, before, afterText, lo, hi);
    return desc;
  }

  /** A form change that left the text alone must have meant the value it had, or been refused with a notice. */
  async unchangedByForm(field, value, desc) {
    const same = value === field.value
      || ((field.kind === 'number' || field.kind === 'decimal') && value.trim() !== '' && Number(value) === Number(field.value));
    if (same) return;
    const notice = await this.eval(() => window.__soak.notice());
    if (/could not make that change/.test(notice)) {
      this.stats.formRefused = (this.stats.formRefused ?? 0) + 1;
      if (VERBOSE) console.log(`soak #${this.n}: refused: ${desc}: ${notice}`);
      return;
    }
    this.fail(`a form change did nothing and said nothing: ${desc}`, this.text, this.text);
  }

  /** The strict read-back of a form change (see `formChange`). */
  async checkFormEdit(field, value, before, afterText, desc) {
    const d = lineDiff(before, afterText);
    const last = field.name.match(/(?:^|\.)([^.[\]]+)$/)?.[1] ?? null; // a key, or null for a list item
    const bad = (why) => this.fail(`form change: ${why}: ${desc}`, before, afterText);
    const syntax = async (t) => (await this.fresh(t)).filter((l) => / error yaml-syntax /.test(l)).length;
    if (await syntax(afterText) > await syntax(before)) bad('the YAML no longer parses');
    if (value === '' && last !== null && field.kind !== 'checkbox') {
      // Emptying a field removes its key: one fewer line holds it, and only its lines went.
      if (keyLines(afterText.split('\n'), last).length !== keyLines(before.split('\n'), last).length - 1) bad('the key was not removed');
      if (d.neu.length > 1) bad(`removing a key rewrote ${d.neu.length} lines`);
      return;
    }
    // One old line at most, or a multi-line old value: its key line and deeper lines.
    // When only such deeper lines changed (`key: a` + continuation ` b` → `key: a`),
    // the unchanged line above them is the value's line.
    const indent = (l) => l.match(/^ */)[0].length;
    const deeper = (lines, than) => lines.every((l) => l.trim() === '' || indent(l) > indent(than));
    if (d.old.length > 1 && !deeper(d.old.slice(1), d.old[0])) {
      bad(`${d.old.length} lines were replaced (only the value's own lines may change)`);
    }
    const above = afterText.split('\n')[d.start - 1];
    const lines = d.start > 0 && d.old.length && deeper(d.old, above) ? [above, ...d.neu] : d.neu;
    const want = field.kind === 'checkbox' ? String(value) : value;
    const numeric = (field.kind === 'number' && /^\s*[-+]?\d+\s*$/.test(value)) || (field.kind === 'decimal' && value.trim() !== '' && Number.isFinite(Number(value)));
    const found = last === null
      ? lines.flatMap(itemScalars)
      : lines.map((l) => valueOfKeyLine(l, last)).filter(Boolean);
    const matches = found.filter((r) => numeric ? r.style === 'plain' && Number(r.value) === Number(value)
      : r.value === want && (field.kind === 'checkbox' ? r.style === 'plain' : !(r.style === 'plain' && plainIsNotString(r.value))));
    if (!matches.length) bad(`the changed lines do not hold ${last ?? 'the item'} = ${JSON.stringify(want)} (found ${JSON.stringify(found.map((r) => `${r.style}:${r.value}`))})`);
  }

  /** Applies a quick fix; it must remove its problem, and Undo must restore the text byte for byte. */
  async fix(fixes) {
    const { index, label, title } = this.rng.pick(fixes);
    const before = this.text;
    const problem = label.replace(/^\d+:\d+ /, ''); // severity rule message, without the place
    const count = (ps) => ps.filter((p) => p.replace(/^\d+:\d+ /, '') === problem).length;
    const problemsBefore = await this.fresh(before);
    await this.eval((i) => window.__soak.clickFix(i), index);
    const afterText = await this.eval(([t]) => window.__soak.changedFrom(t, 3000), [before]);
    const desc = `fix "${title}" of ${label}`;
    if (afterText === before) this.fail(`a fix changed nothing (notice: ${await this.eval(() => window.__soak.notice())}): ${desc}`, before, afterText);
    const problemsAfter = await this.fresh(afterText);
    if (count(problemsAfter) >= count(problemsBefore)) this.fail(`the fixed problem is still there: ${desc}`, before, afterText);
    this.history.seal();
    await this.record('fix', null, before, afterText, -Infinity, -Infinity);
    this.caret = null;
    // Undo restores the exact previous text; Redo the fixed one.
    this.note('fix', desc);
    this.text = this.history.takeUndo();
    await this.eval(() => window.__soak.clickHistory('Undo'));
    await this.check('undo right after the fix');
    this.text = this.history.takeRedo();
    await this.eval(() => window.__soak.clickHistory('Redo'));
    return `(then undo, redo) ${desc}`;
  }

  /** One random edit; returns its description. */
  async edit() {
    const prev = this.log[this.log.length - 1]?.kind;
    if (this.text.length > MAX_TEXT || this.broken > 25 || this.rng.chance(0.01)) return ['reset', await this.reset()];
    const fixes = await this.eval(() => window.__soak.fixes());
    const typing = prev === 'type' || prev === 'delete' || prev === 'keys';
    const undoing = prev === 'undo' || prev === 'redo'; // undo and redo come in runs
    const weights = {
      type: 22, delete: 9, keys: 8, line: 4, cut: 4, form: 20,
      undo: undoing ? 30 : 12, redo: this.history.canRedo ? (undoing ? 30 : 6) : 1, fix: fixes.length ? 8 : 0,
    };
    for (const k of WITHOUT) delete weights[k];
    const kind = this.rng.weighted(weights);
    switch (kind) {
      case 'type': return [kind, await this.typeToken(typing && this.rng.chance(0.7))];
      case 'delete': return [kind, await this.deleteChars(typing && this.rng.chance(0.7))];
      case 'keys': return [kind, await this.keyboard()];
      case 'line': return [kind, await this.insertLine()];
      case 'cut': return [kind, await this.deleteLine()];
      case 'form': return [kind, await this.formChange()];
      case 'undo': return [kind, await this.undo()];
      case 'redo': return [kind, await this.redo()];
      default: return [kind, await this.fix(fixes)];
    }
  }

  /** Invariants 1 and 2, after every edit (and page errors: a wasm panic shows as one). */
  async check(what) {
    const want = { text: this.text, canUndo: this.history.canUndo, canRedo: this.history.canRedo };
    const s = await this.eval(([w]) => window.__soak.settled(w, 3000), [want]);
    if (this.pageErrors.length || s.crashed) {
      this.fail(`the page reported errors: ${[...this.pageErrors, s.crashed].filter(Boolean).join(' | ')}`, this.text, s.text);
    }
    if (s.text !== want.text) this.fail(`the text is not what the edits imply (${what})`, want.text, s.text);
    if (s.ok) {
      this.broken = s.fresh.some((l) => / error yaml-syntax /.test(l)) ? this.broken + 1 : 0;
      return;
    }
    const rows = (ls) => ls.map((l, i) => `    ${i + 1}. ${l}`);
    this.fail([
      `the page does not match the model after "${what}":`,
      `  status shown "${s.status}", fresh validation "${s.freshStatus}"`,
      `  Undo enabled ${s.canUndo} (model ${want.canUndo}), Redo enabled ${s.canRedo} (model ${want.canRedo})`,
      `  problems shown (${s.shown.length}):`, ...rows(s.shown),
      `  problems of a fresh validation (${s.fresh.length}):`, ...rows(s.fresh),
    ].join('\n'), want.text, s.text, s.text);
  }

  /** Throws the failure report: seed, edit number, the last edits, a diff. */
  fail(why, expected, actual, text = actual) {
    const recent = this.log.slice(-12).map((e) => `  #${e.n} ${e.desc}`).join('\n');
    throw new Error([
      `SOAK FAILURE at edit ${this.n} of ${EDITS} — replay with SOAK_SEED=${SEED} SOAK_EDITS=${this.n}`,
      why,
      'last edits:', recent,
      'expected vs actual text:', showDiff(expected, actual),
      `text now (${text.length} chars): ${JSON.stringify(text.length > 1500 ? text.slice(0, 1500) + '…' : text)}`,
    ].join('\n'));
  }

  /** Invariant 3's sample: after two forced GCs, on the measurement text. */
  async memory() {
    // The editor draws only its visible lines: scroll to the top so samples compare.
    await this.eval(() => window.__soak.scrollTop());
    await this.page.waitForTimeout(50);
    return {
      ...(await sampleMemory(this.page, this.cdp)),
      steps: this.history.undo.length + this.history.redo.length,
      nativeSteps: this.nativeSteps,
    };
  }

  /** One more edit outside the random sequence (for measuring), checked like the others. */
  async extra(kind, edit) {
    this.n += 1;
    const desc = await edit();
    this.note(kind, desc);
    await this.check(desc);
  }

  /** Pastes the measurement text (one more edit), checks, and samples memory. */
  async measure(label) {
    await this.extra('reset', () => this.reset(MEASURE_TEXT));
    const m = await this.memory();
    console.log(`soak memory ${label} (edit ${this.n}): ${fmtMemory(m)}`);
    return m;
  }

  /** See `CHURN`: memory before and after undo/redo pairs between two specs. */
  async churn() {
    await this.extra('reset', () => this.reset(CHURN_TEXT));
    const before = await this.measure(`before ${CHURN_PAIRS} undo/redo pairs`);
    for (let i = 0; i < CHURN_PAIRS; i++) {
      await this.extra('undo', () => this.undo());
      await this.extra('redo', () => this.redo());
    }
    const after = await this.memory();
    console.log(`soak memory after ${CHURN_PAIRS} undo/redo pairs (edit ${this.n}): ${fmtMemory(after)}`);
    return { before, after };
  }
}

/** A fresh editor page with the helpers installed, and a soak run over it. */
async function openSoak() {
  const { page, problems } = await openFresh(context, server.url);
  await page.waitForFunction(() => window.wasmBindings?.checkSpec && document.querySelector('ul.problems'));
  await page.evaluate(installHelpers);
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const soak = new Soak(page, problems, cdp, new Rng(SEED));
  soak.text = await page.evaluate(() => window.__soak.text());
  return soak;
}

test(`soak: ${EDITS} random edits keep text, problems and memory right (SOAK_SEED=${SEED})`, { timeout: Math.max(600_000, EDITS * 2000) }, async () => {
  console.log(`soak: SOAK_SEED=${SEED} SOAK_EDITS=${EDITS}`);
  const started = Date.now();
  const soak = await openSoak();
  await soak.check('the page as opened');

  let warm;
  for (let i = 1; i <= EDITS; i++) {
    soak.n += 1;
    const [kind, desc] = await soak.edit();
    soak.note(kind, desc);
    soak.stats[kind] = (soak.stats[kind] ?? 0) + 1;
    if (VERBOSE) console.log(`soak #${soak.n} ${desc}`);
    await soak.check(desc);
    if (i === WARM_UP) warm = await soak.measure('after warm-up');
    else if (i % SAMPLE_EVERY === 0 && i < EDITS) {
      console.log(`soak: ${i} edits, ${((Date.now() - started) / 1000).toFixed(0)} s`);
      await soak.measure('on the way');
    }
  }
  const end = await soak.measure('at the end');
  console.log(`soak: ${EDITS} edits (+${soak.n - EDITS} to measure) in ${((Date.now() - started) / 1000).toFixed(1)} s; ${JSON.stringify(soak.stats)}`);

  const bounds = { ...GROWTH, nodes: GROWTH.nodes + nativeUndoNodes(warm, end) };
  const grown = overgrown(warm, end, bounds).map((g) => `from warm-up to end: ${g}`);
  assert.deepEqual(grown, [], [
    `memory did not stay flat (SOAK_SEED=${SEED}):`, ...grown,
    `  warm-up:      ${fmtMemory(warm)}`, `  end:          ${fmtMemory(end)}`,
  ].join('\n'));
});

// Every rebuild of the form's layout (a shape switch, Add/Remove of an item) left
// 10–22 KB of wasm memory behind until the fields' memos unsubscribed from the page-long
// form model on cleanup (src/ui/scoped.rs): 200 rebuilds grew wasm memory by 2–4 MB.
test(`soak: ${CHURN_PAIRS} undo/redo pairs between a legacy and a v1 spec leave no memory behind`, async () => {
  const soak = await openSoak();
  const churn = await soak.churn();
  const grown = overgrown(churn.before, churn.after, CHURN).map((g) => `over ${CHURN_PAIRS} undo/redo pairs: ${g}`);
  assert.deepEqual(grown, [], [
    'memory did not stay flat:', ...grown,
    `  churn before: ${fmtMemory(churn.before)}`, `  churn after:  ${fmtMemory(churn.after)}`,
  ].join('\n'));
});
