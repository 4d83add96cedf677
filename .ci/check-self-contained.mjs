#!/usr/bin/env node
// Fails when a tracked file names a path outside the repository: a person who clones
// the project has nothing beside it, so every test, benchmark, script and document
// must find what it needs inside. Plain node, no packages; `make test` runs it.
//
// What counts as naming an outside path:
// - a relative path that climbs (`../x`, or `'..', 'x'` in a path join) and, resolved
//   from the file's own folder or from any folder above it up to the root (code
//   resolves from its crate or from the root as often as from itself), never lands on
//   something in the repository;
// - an absolute path into the machine's work folders (`/work/…`).
// Test inputs that are data, not references (fuzz inputs, YAML Test Suite cases), are
// not read. `node .ci/check-self-contained.mjs --self-test` shows the check can fail.

import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, normalize, sep } from 'node:path';

const root = execFileSync('git', ['rev-parse', '--show-toplevel'], { encoding: 'utf8' }).trim();

/// Data whose bytes are inputs to the parser, not paths anyone follows.
/// This file too: its self-test cases are made-up outside paths.
const DATA = [
  'crates/gradient-spec/fuzz/corpus/',
  'crates/gradient-spec/fuzz/findings/',
  'tests/data/yaml-test-suite/cases/',
  '.ci/check-self-contained.mjs',
];
/// Climbing paths that are values under test, not references: container paths with
/// `..` segments are what the mount-path rule rejects.
const VALUES = {
  'crates/gradient-spec/src/rules/mount_path.rs': ['../x'],
  'crates/gradient-spec/tests/rules/mount_path.rs': ['../x', '../etc'],
};
/// Folders the build makes (ignored by git): a path into them is inside the repository.
const GENERATED = ['target', 'dist', 'node_modules'];

const CLIMB = /(?<![.\w])(?:\.\.\/)+[A-Za-z0-9_@.-][A-Za-z0-9_@./-]*/g;
const JOIN_CLIMB = /['"]\.\.['"](?:\s*,\s*['"][A-Za-z0-9_@.-]+['"])+/g;
const ABSOLUTE = /(?<![A-Za-z0-9_.~-])\/work\/[A-Za-z0-9_.-]+/g;

/// The paths `text` names that climb out of a folder.
export function climbingPaths(text) {
  const found = [...text.matchAll(CLIMB)].map((m) => m[0].replace(/[.,;:)]+$/, ''));
  for (const m of text.matchAll(JOIN_CLIMB)) {
    found.push([...m[0].matchAll(/['"]([^'"]+)['"]/g)].map((s) => s[1]).join('/'));
  }
  return found;
}

/// Whether `path`, named in the tracked file `file`, lands inside the repository from
/// the file's folder or one of the folders above it.
export function landsInside(file, path, exists) {
  let dir = dirname(file);
  for (;;) {
    const target = normalize(join(dir, path));
    const escapes = target === '..' || target.startsWith(`..${sep}`);
    if (!escapes) {
      const first = target.split(sep)[0];
      if (GENERATED.includes(first) || exists(target)) return true;
    }
    if (dir === '.' || dir === '') return false;
    dir = dirname(dir);
  }
}

export function problemsIn(file, text, exists) {
  const problems = [];
  for (const path of climbingPaths(text)) {
    if (VALUES[file]?.includes(path)) continue;
    if (!landsInside(file, path, exists)) problems.push(`${file}: names \`${path}\`, outside the repository`);
  }
  for (const m of text.matchAll(ABSOLUTE)) problems.push(`${file}: names \`${m[0]}\`, a machine path`);
  return problems;
}

const BESIDE = ['sha', 'red'].join('');

function selfTest() {
  const exists = (p) => ['tests/data/corpus', 'docs/rules.md'].includes(p);
  const cases = [
    // A folder beside the clone, spelt so that this file names none itself.
    ['README.md', `see [rules](../${BESIDE}/spec/rules.md)`, 1],
    ['tests/e2e/a.mjs', `join(repoRoot, '..', '${BESIDE}', 'corpus')`, 1],
    ['crates/gradient-spec/tests/a.rs', '"/../../tests/data/corpus"', 0],
    ['crates/gradient-spec/src/a.rs', `"../../../${BESIDE}/corpus"`, 1],
    ['README.md', 'docs in [rules](docs/rules.md), build in ../dist', 1],
    ['tests/bench/a.mjs', "join(here, '..', '..', 'target')", 0],
    ['Makefile', `cat /${'work'}/${BESIDE}/x`, 1],
    ['.ci/tools.txt', 'schema id .../v2.1.0/schema.json', 0],
  ];
  let failed = 0;
  for (const [file, text, want] of cases) {
    const got = problemsIn(file, text, exists).length;
    if (got !== want) {
      failed++;
      console.error(`self-test: ${file} ${JSON.stringify(text)}: ${got} problems, want ${want}`);
    }
  }
  console.log(`self-test: ${cases.length - failed} passed, ${failed} failed`);
  process.exit(failed ? 1 : 0);
}

function main() {
  const exclude = DATA.map((d) => `:(exclude)${d}`);
  const files = execFileSync('git', ['ls-files', '-z', '--', '.', ...exclude], {
    cwd: root,
    encoding: 'utf8',
    maxBuffer: 64 << 20,
  })
    .split('\0')
    .filter(Boolean);
  const tracked = new Set(files);
  const exists = (p) => tracked.has(p) || existsSync(join(root, p));
  const problems = [];
  let read = 0;
  for (const file of files) {
    const bytes = readFileSync(join(root, file));
    if (bytes.includes(0)) continue; // binary (images)
    read++;
    problems.push(...problemsIn(file, bytes.toString('utf8'), exists));
  }
  if (read < 100) {
    console.error(`check-self-contained: only ${read} text files read; is this the repository?`);
    process.exit(1);
  }
  for (const p of problems) console.error(p);
  console.log(`check-self-contained: ${read} tracked text files read, ${problems.length} outside paths`);
  process.exit(problems.length ? 1 : 0);
}

if (process.argv.includes('--self-test')) selfTest();
else main();
