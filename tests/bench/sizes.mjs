// What a browser transfers: every file of the build compressed as a static host
// would serve it (gzip -9 and brotli quality 11, node's zlib), the hosted page (all
// of dist/ but the offline single file, which only its download link fetches) and
// the single file alone.
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import zlib from 'node:zlib';

export const SINGLE_FILE = 'gradient-spec-editor.html';

function files(dir) {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? files(path) : [path];
  });
}

/** raw, gzip -9 and brotli q11 byte counts of `bytes`. */
export function compressed(bytes) {
  return {
    raw: bytes.length,
    gzip: zlib.gzipSync(bytes, { level: 9 }).length,
    brotli: zlib.brotliCompressSync(bytes, {
      params: {
        [zlib.constants.BROTLI_PARAM_QUALITY]: 11,
        [zlib.constants.BROTLI_PARAM_SIZE_HINT]: bytes.length,
      },
    }).length,
  };
}

export function measureSizes(dist) {
  const hosted = [];
  let single = null;
  for (const path of files(dist).sort()) {
    const file = relative(dist, path);
    const row = { file, ...compressed(readFileSync(path)) };
    if (file === SINGLE_FILE) single = row;
    else hosted.push(row);
  }
  const total = { raw: 0, gzip: 0, brotli: 0 };
  for (const r of hosted) for (const k of Object.keys(total)) total[k] += r[k];
  return { dist, compression: 'gzip level 9; brotli quality 11, lgwin 22 (node zlib defaults otherwise)', hosted, total, single_file: single };
}
