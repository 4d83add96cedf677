// The soak test's own model of the editor, kept in node and independent of the app:
// a seeded random source, the undo history's rules (a mirror of src/state/history.rs
// and src/state/change.rs, so the test knows which edits share one undo step), a line
// diff, and a small reader of one YAML scalar on one line (to read a form change back
// from the text without trusting the app's parser).

/** A small, fast, seeded PRNG (mulberry32): the same seed gives the same edits. */
export class Rng {
  constructor(seed) { this.state = seed >>> 0; }
  /** A float in [0, 1). */
  next() {
    let t = (this.state = (this.state + 0x6d2b79f5) >>> 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  }
  /** An integer in [0, n). */
  int(n) { return Math.floor(this.next() * n); }
  chance(p) { return this.next() < p; }
  pick(items) { return items[this.int(items.length)]; }
  /** A key of `table` ({name: weight}) chosen in proportion to its weight. */
  weighted(table) {
    const entries = Object.entries(table).filter(([, w]) => w > 0);
    let r = this.next() * entries.reduce((s, [, w]) => s + w, 0);
    for (const [name, w] of entries) if ((r -= w) < 0) return name;
    return entries[entries.length - 1][0];
  }
}

// --- Changes, as the app's history records them ------------------------------------
//
// The app keeps one `Change {at, removed, inserted}` per undo step, computed from the
// whole text before and after (common prefix and suffix). It counts in UTF-8 bytes on
// character boundaries; counting in code points gives the same prefix, suffix and
// adjacency (both measures are monotone on the same characters), so the model works on
// arrays of code points.

const cps = (s) => Array.from(s);

/** The smallest single replacement that turns `old` into `neu`; null when equal. */
export function between(old, neu) {
  if (old === neu) return null;
  const a = cps(old), b = cps(neu);
  let prefix = 0;
  while (prefix < a.length && prefix < b.length && a[prefix] === b[prefix]) prefix++;
  const maxSuffix = Math.min(a.length, b.length) - prefix;
  let suffix = 0;
  while (suffix < maxSuffix && a[a.length - 1 - suffix] === b[b.length - 1 - suffix]) suffix++;
  return {
    at: prefix,
    removed: a.slice(prefix, a.length - suffix).join(''),
    inserted: b.slice(prefix, b.length - suffix).join(''),
  };
}

/** `Change::merge`: `next` (applied right after `prev`) folded into one change, or null. */
export function merge(prev, next) {
  const ins = cps(prev.inserted);
  const end = prev.at + ins.length;
  const nextRemoved = cps(next.removed).length;
  if (next.at === end && next.removed === '') {
    return { at: prev.at, removed: prev.removed, inserted: prev.inserted + next.inserted };
  }
  if (next.inserted === '' && next.at + nextRemoved === end && next.at >= prev.at) {
    return { at: prev.at, removed: prev.removed, inserted: ins.slice(0, next.at - prev.at).join('') };
  }
  if (prev.inserted === '' && next.inserted === '' && next.at + nextRemoved === prev.at) {
    return { at: next.at, removed: next.removed + prev.removed, inserted: '' };
  }
  return null;
}

/** Applies `change` to `text` (code-point offsets). */
export function applyChange(text, change) {
  const t = cps(text);
  return [...t.slice(0, change.at), change.inserted, ...t.slice(change.at + cps(change.removed).length)].join('');
}

// --- The undo history --------------------------------------------------------------

/** `COALESCE_MS` and `MAX_STEPS` of src/state/history.rs. */
export const COALESCE_MS = 1000;
export const MAX_STEPS = 500;

/**
 * The history as the app should hold it. Each step keeps the whole text before and
 * after it, so undo and redo are checked against snapshots the model took itself
 * (not against the app's stored changes), and its change, to decide coalescing the
 * app's way: typing without a line break merges into the previous typing step, and a
 * form field's text edits merge into that field's previous step, when they continue
 * it (see `merge`) within 1 s. Every other step (fix, checkbox, list buttons) first
 * seals the previous one. Times are the page's `performance.now()`, known only to lie
 * between two readings taken around the event (`lo`..`hi`).
 */
export class HistoryModel {
  constructor() { this.undo = []; this.redo = []; }
  get canUndo() { return this.undo.length > 0; }
  get canRedo() { return this.redo.length > 0; }
  get last() { return this.undo[this.undo.length - 1]; }

  /**
   * Would a step of `kind`/`group` with `change` at time `lo..hi` merge into the last
   * one? 'yes', 'no', or 'unknown' when the two time ranges straddle the 1 s limit.
   */
  wouldMerge({ kind, group = null, change, lo, hi }) {
    const coalesces = kind === 'typing' ? !change.inserted.includes('\n') : kind === 'form' && group !== null;
    const last = this.last;
    if (!coalesces || !last || last.kind !== kind || last.group !== group) return 'no';
    if (!merge(last.change, change)) return 'no';
    if (hi - last.lo <= COALESCE_MS - 0.5) return 'yes';
    if (lo - last.hi > COALESCE_MS + 0.5) return 'no';
    return 'unknown';
  }

  /** Records a step (`merged`: the answer of `wouldMerge`, settled). */
  record({ kind, group = null, change, lo, hi, before, after }, merged) {
    this.redo = [];
    if (merged) {
      const last = this.last;
      last.change = merge(last.change, change);
      Object.assign(last, { after, lo, hi });
      return;
    }
    this.undo.push({ kind, group, change, lo, hi, before, after });
    if (this.undo.length > MAX_STEPS) this.undo.shift();
  }

  /** What `seal_typing` does before a fix, a checkbox or a list button. */
  seal() { const last = this.last; if (last) { last.lo = -Infinity; last.hi = -Infinity; } }

  /** Undo: the text the app must show next (null when there is nothing to undo). */
  takeUndo() {
    const step = this.undo.pop();
    if (!step) return null;
    this.redo.push(step);
    return step.before;
  }

  takeRedo() {
    const step = this.redo.pop();
    if (!step) return null;
    this.undo.push(step);
    return step.after;
  }
}

// --- Text helpers ------------------------------------------------------------------

/** The changed lines between two texts: `{start, old: [...], neu: [...]}` (0-based). */
export function lineDiff(a, b) {
  const x = a.split('\n'), y = b.split('\n');
  let p = 0;
  while (p < x.length && p < y.length && x[p] === y[p]) p++;
  let s = 0;
  while (s < x.length - p && s < y.length - p && x[x.length - 1 - s] === y[y.length - 1 - s]) s++;
  return { start: p, old: x.slice(p, x.length - s), neu: y.slice(p, y.length - s) };
}

/** A short, readable diff of expected and actual text for failure messages. */
export function showDiff(expected, actual) {
  if (expected === actual) return '  (texts are equal)';
  const d = lineDiff(expected, actual);
  const out = [`  first difference at line ${d.start + 1}:`];
  const ctx = expected.split('\n').slice(Math.max(0, d.start - 2), d.start);
  for (const l of ctx) out.push(`    ${JSON.stringify(l)}`);
  for (const l of d.old.slice(0, 8)) out.push(`  - ${JSON.stringify(l)}`);
  if (d.old.length > 8) out.push(`  - … ${d.old.length - 8} more`);
  for (const l of d.neu.slice(0, 8)) out.push(`  + ${JSON.stringify(l)}`);
  if (d.neu.length > 8) out.push(`  + … ${d.neu.length - 8} more`);
  return out.join('\n');
}

// --- Reading one YAML scalar back --------------------------------------------------

const ESCAPES = { '0': '\0', a: '\x07', b: '\b', t: '\t', '\t': '\t', n: '\n', v: '\v', f: '\f', r: '\r', e: '\x1b', ' ': ' ', '"': '"', '/': '/', '\\': '\\', N: '\x85', _: '\xa0', L: '\u2028', P: '\u2029' };

/**
 * Reads one flow scalar at the start of `src` (plain, 'single' or "double" quoted),
 * as YAML does on one line. `inFlow`: plain scalars also end at `,` `]` `}`.
 * Returns {value, style, rest} or null when `src` holds no complete scalar.
 */
export function readScalar(src, inFlow = false) {
  const s = src.replace(/^[ \t]+/, '');
  if (s.startsWith('"')) {
    let out = '';
    for (let i = 1; i < s.length; i++) {
      const c = s[i];
      if (c === '"') return { value: out, style: 'double', rest: s.slice(i + 1) };
      if (c !== '\\') { out += c; continue; }
      const e = s[++i];
      const hex = { x: 2, u: 4, U: 8 }[e];
      if (hex) { out += String.fromCodePoint(parseInt(s.slice(i + 1, i + 1 + hex), 16)); i += hex; }
      else if (e in ESCAPES) out += ESCAPES[e];
      else return null;
    }
    return null;
  }
  if (s.startsWith("'")) {
    let out = '';
    for (let i = 1; i < s.length; i++) {
      if (s[i] !== "'") { out += s[i]; continue; }
      if (s[i + 1] === "'") { out += "'"; i++; continue; }
      return { value: out, style: 'single', rest: s.slice(i + 1) };
    }
    return null;
  }
  const stop = inFlow ? /\s#|[,\]}]|$/ : /\s#|$/;
  const end = s.search(stop);
  return { value: s.slice(0, end).trimEnd(), style: 'plain', rest: s.slice(end) };
}

/** True when a plain scalar would not load as a string (YAML 1.2 core or 1.1). */
export function plainIsNotString(text) {
  return /^(~|null|Null|NULL|true|True|TRUE|false|False|FALSE|yes|Yes|YES|no|No|NO|on|On|ON|off|Off|OFF|y|Y|n|N)$/.test(text)
    || /^[-+]?(\.[0-9]+|[0-9][0-9_]*(\.[0-9_]*)?)([eE][-+]?[0-9]+)?$/.test(text)
    || /^[-+]?\.(inf|Inf|INF)$|^\.(nan|NaN|NAN)$/.test(text)
    || /^0x[0-9a-fA-F_]+$|^0o?[0-7_]+$|^0b[01_]+$/.test(text)
    || /^\d{4}-\d\d?-\d\d?([Tt ]|$)/.test(text);
}

const escapeRe = (s) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** The lines of `lines` that hold the key `key` (block style, maybe after `- `). */
export function keyLines(lines, key) {
  const re = new RegExp(`^\\s*(?:-\\s+)*(?:${escapeRe(key)}|"${escapeRe(key)}"|'${escapeRe(key)}')\\s*:(?=\\s|$)`);
  return lines.filter((l) => re.test(l));
}

/** The scalar after `key:` on `line`, or null. */
export function valueOfKeyLine(line, key) {
  const m = line.match(new RegExp(`^\\s*(?:-\\s+)*(?:${escapeRe(key)}|"${escapeRe(key)}"|'${escapeRe(key)}')\\s*:(?=\\s|$)`));
  if (!m) return null;
  const r = readScalar(line.slice(m[0].length));
  return r && /^(\s+#.*)?\s*$/.test(r.rest) ? r : null;
}

/** The scalars of a block item line (`- x`) or a flow list on the line (`key: [a, b]`). */
export function itemScalars(line) {
  const block = line.match(/^\s*-\s+(?![-\s])/);
  if (block) {
    const r = readScalar(line.slice(block[0].length));
    return r && /^(\s+#.*)?\s*$/.test(r.rest) ? [r] : [];
  }
  const open = line.indexOf('[');
  if (open < 0) return [];
  const out = [];
  let rest = line.slice(open + 1);
  for (;;) {
    const r = readScalar(rest, true);
    if (!r) return out;
    out.push(r);
    rest = r.rest.replace(/^\s*/, '');
    if (!rest.startsWith(',')) return out;
    rest = rest.slice(1);
  }
}
