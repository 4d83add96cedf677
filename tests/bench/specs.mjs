// The documents every benchmark uses, made here so each part measures the same text:
// a valid v1 spec of any number of lines (a long env list, a comment on every name
// line), and the real specs of tests/data/corpus/.
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { repoRoot } from '../e2e/support/harness.mjs';

export const corpusDir = process.env.CORPUS_DIR ?? join(repoRoot, 'tests', 'data', 'corpus');

/** Lines before the env list: the edits of the keystroke benchmark fall after them. */
export const HEAD_LINES = 8;

/** A valid v1 spec of exactly `lines` lines (no problem but infos the rules call for). */
export function spec(lines) {
  const out = [
    'apiVersion: v1', 'name: bench', 'enabled: true', 'image: nginx:1.27 # the image',
    'resources:', '  machineType: C4', '  ports: [8000]', 'env:',
  ];
  for (let i = 0; out.length < lines; i++) out.push(`  - name: VAR_${i} # variable ${i}`, `    value: "v${i}"`);
  return out.slice(0, lines).join('\n') + '\n';
}

/** The corpus files, sorted by name: [{ name, text }]. */
export function corpus() {
  return readdirSync(corpusDir)
    .filter((f) => f.endsWith('.yaml'))
    .sort()
    .map((name) => ({ name, text: readFileSync(join(corpusDir, name), 'utf8') }));
}

/** The corpus file the parse benchmark adds to the generated specs: the largest one. */
export function largestCorpusFile() {
  return corpus().reduce((a, b) => (b.text.length > a.text.length ? b : a));
}
