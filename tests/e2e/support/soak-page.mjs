// The soak test's helpers inside the page (`window.__soak`), installed with
// `page.evaluate(installHelpers)`: the function is serialised into the page, so it uses
// nothing from this module.
/**
 * Installed once in the page (`window.__soak`). Each edit is dispatched like a person's
 * (focus, selection, then `setRangeText` + an `input` event, as tests/bench/keystroke.mjs
 * does; form fields get their own `input`/`change`), bracketed by `performance.now()`
 * readings: the history stamps each step with the page's clock during the event, and
 * typing merges into the previous step only within 1 s, so the model needs those times.
 */
export function installHelpers() {
  const area = () => document.querySelector('#spec-yaml');
  const sleep = (ms) => new Promise((r) => setTimeout(r, ms));
  const label = (m) => `${m.line}:${m.column} ${m.severity} ${m.rule} ${m.message.replaceAll('`', '')}`;
  const button = (name) => [...document.querySelectorAll('.toolbar button')].find((b) => b.textContent.trim() === name);
  const fieldByName = (name) => [...document.querySelectorAll('.spec-form [name]')].find((e) => e.name === name);

  /**
   * Waits so the next step is clearly within or clearly past 1 s of the last one
   * (`gap`: that step's time range): from 0.7 s on it waits until 1 s has surely
   * passed, so only a handler slower than 0.3 s can leave the model unsure (it then
   * asks the page: `Soak.probeMerge`).
   */
  async function clearOfLimit(gap) {
    if (!gap) return;
    const now = performance.now();
    if (now - gap.lo > 700 && now - gap.hi <= 1001) {
      while (performance.now() - gap.hi <= 1002) await sleep(5);
    }
  }

  window.__soak = {
    text: () => area().value,

    /** Replaces `start..end` (UTF-16) by `insert` as one input event. */
    async type({ start, end, insert, inputType, gap }) {
      const el = area();
      el.focus();
      el.setSelectionRange(start, end);
      await clearOfLimit(gap);
      const lo = performance.now();
      el.setRangeText(insert, start, end, 'end');
      el.dispatchEvent(new InputEvent('input', { bubbles: true, inputType, data: insert || null }));
      const hi = performance.now();
      return { lo, hi, text: el.value };
    },

    /** Puts the caret (or a selection) in the editor before real key input. */
    async select({ start, end, gap }) {
      const el = area();
      el.focus();
      el.setSelectionRange(start, end);
      await clearOfLimit(gap);
      return performance.now();
    },

    focusEditor: () => area().focus(),
    scrollTop() { area().scrollTop = 0; area().dispatchEvent(new Event('scroll')); },
    now: () => performance.now(),

    /** The form's editable fields that a person can see. */
    formFields() {
      return [...document.querySelectorAll('.spec-form input[name], .spec-form select[name]')]
        .filter((e) => !e.disabled && e.checkVisibility())
        .map((e) => ({
          name: e.name,
          kind: e.type === 'checkbox' ? 'checkbox' : e.tagName === 'SELECT' ? 'select'
            : e.inputMode === 'numeric' ? 'number' : e.inputMode === 'decimal' ? 'decimal' : 'text',
          value: e.value,
          checked: e.checked,
          options: e.tagName === 'SELECT' ? [...e.options].map((o) => o.value).filter(Boolean)
            : [...(e.list?.options ?? [])].map((o) => o.value),
        }));
    },

    /** Changes one form field as a person does (focus, new value, its event). */
    async formSet({ name, value, gap }) {
      const el = fieldByName(name);
      el.focus();
      await clearOfLimit(gap);
      const lo = performance.now();
      if (el.type === 'checkbox') el.click();
      else {
        el.value = value;
        el.dispatchEvent(new Event(el.tagName === 'SELECT' ? 'change' : 'input', { bubbles: true }));
      }
      return { lo, hi: performance.now() };
    },

    /** The problems that offer a fix button. */
    fixes() {
      return [...document.querySelectorAll('ul.problems > li')]
        .map((li, index) => ({ index, label: li.querySelector('.problem-link').textContent, fix: li.querySelector('button.fix') }))
        .filter((p) => p.fix && !p.fix.disabled)
        .map(({ index, label, fix }) => ({ index, label, title: fix.textContent }));
    },

    clickFix(index) {
      document.querySelectorAll('ul.problems > li')[index].querySelector('button.fix').click();
    },

    clickHistory(name) { button(name).click(); },

    /** Waits (up to `ms`) for the text to differ from `text`; returns the text. */
    async changedFrom(text, ms) {
      const until = performance.now() + ms;
      while (area().value === text && performance.now() < until) await sleep(5);
      return area().value;
    },

    notice: () => document.querySelector('.toolbar .notice')?.textContent ?? '',

    checkSpec: (text) => JSON.parse(window.wasmBindings.checkSpec(text)),

    /**
     * What the page shows now, and what a fresh validation of its text says. The
     * Problems list shows every problem (src/ui/problems.rs has no cap), so all are
     * compared; messages lose their backticks on screen (`with_code`).
     */
    snapshot() {
      const text = area().value;
      const fresh = JSON.parse(window.wasmBindings.checkSpec(text));
      const count = (s) => fresh.filter((p) => p.severity === s).length;
      const plural = (n, w) => `${n} ${w}${n === 1 ? '' : 's'}`;
      return {
        text,
        shown: [...document.querySelectorAll('ul.problems > li .problem-link')].map((b) => b.textContent),
        fresh: fresh.map(label),
        status: document.querySelector('[role=status].status')?.textContent ?? '',
        freshStatus: `${plural(count('error'), 'error')}, ${plural(count('warning'), 'warning')}`,
        canUndo: !button('Undo').disabled,
        canRedo: !button('Redo').disabled,
        crashed: document.getElementById('crash-notice')?.textContent ?? null, // src/ui/panic.rs
      };
    },

    /**
     * Polls (up to `ms`) until the page shows `want.text` with problems and status
     * matching a fresh validation and the history buttons as `want` says; returns the
     * last snapshot (the app renders asynchronously, a frame or so after the event).
     */
    async settled(want, ms) {
      await sleep(0);
      const until = performance.now() + ms;
      for (;;) {
        const s = window.__soak.snapshot();
        if (s.crashed) return { ...s, ok: false };
        const ok = s.text === want.text && s.status === s.freshStatus
          && s.shown.length === s.fresh.length && s.shown.every((l, i) => l === s.fresh[i])
          && s.canUndo === want.canUndo && s.canRedo === want.canRedo;
        if (ok || performance.now() > until) return { ...s, ok };
        await sleep(10);
      }
    },
  };
}
