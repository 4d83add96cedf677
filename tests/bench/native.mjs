// The native linter as CI runs it: wall time of one `gradient-spec lint` process
// (start-up included) on a 5,000-line spec, and on 1,000 corpus-sized files in one
// invocation (copies of tests/data/corpus/*.yaml, cycled, in a temp folder). One
// unmeasured run warms the disk cache; the figure is the median of `runs`.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { corpus, spec } from './specs.mjs';
import { median, round } from './stats.mjs';

function timeLint(cli, files, runs) {
  const once = () => {
    const t0 = process.hrtime.bigint();
    const r = spawnSync(cli, ['lint', ...files], { encoding: 'utf8', maxBuffer: 256 * 2 ** 20 });
    const ms = Number(process.hrtime.bigint() - t0) / 1e6;
    // 0: no error, 1: some file has an error; 2 would mean the run itself failed.
    if (r.status !== 0 && r.status !== 1) throw new Error(`gradient-spec lint exited ${r.status}: ${r.stderr}`);
    return { ms, status: r.status, summary: r.stdout.trim().split('\n').pop() };
  };
  once();
  const samples = Array.from({ length: runs }, once);
  const ms = samples.map((s) => s.ms);
  return {
    median_ms: round(median(ms), 1), min_ms: round(Math.min(...ms), 1), max_ms: round(Math.max(...ms), 1),
    samples_ms: ms.map((x) => round(x, 1)), exit_code: samples[0].status, summary: samples[0].summary,
  };
}

export function measureNative(cli, runs = 5) {
  const dir = mkdtempSync(join(tmpdir(), 'gse-bench-lint-'));
  try {
    const big = join(dir, 'spec-5000.yaml');
    const text = spec(5000);
    writeFileSync(big, text);
    const files = corpus();
    const many = [];
    let manyBytes = 0;
    for (let i = 0; i < 1000; i++) {
      const f = files[i % files.length];
      const path = join(dir, `${String(i).padStart(4, '0')}-${f.name}`);
      writeFileSync(path, f.text);
      many.push(path);
      manyBytes += Buffer.byteLength(f.text);
    }
    return {
      cli,
      runs,
      spec_5000_lines: { bytes: Buffer.byteLength(text), ...timeLint(cli, [big], runs) },
      files_1000: { files: 1000, bytes: manyBytes, ...timeLint(cli, many, runs) },
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
