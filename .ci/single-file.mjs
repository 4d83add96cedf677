#!/usr/bin/env node
// Writes DIST/gradient-spec-editor.html: the Trunk build of DIST/index.html as one
// self-contained file that runs from disk (file://), where Chromium refuses module
// script imports and the wasm fetch. The wasm-bindgen glue becomes an inline module
// script, the wasm rides along as base64 and is instantiated from bytes through the
// glue's async init (`module_or_path: Uint8Array`; synchronous compilation is capped
// at 8 MB), the stylesheet is inlined, the favicon becomes a data: URL and Trunk's
// preload links go. Then it prints what the hosted build and the single file weigh.
//
// Usage: node .ci/single-file.mjs [DIST]   (default: dist). No npm packages needed.
import { readFileSync, writeFileSync, readdirSync } from 'node:fs';
import { join, basename, extname } from 'node:path';
import { createHash } from 'node:crypto';
import { gzipSync, brotliCompressSync, constants } from 'node:zlib';

export const OUTPUT = 'gradient-spec-editor.html';

const fail = (msg) => { throw new Error(`single-file: ${msg}`); };

/** Reads a file Trunk emitted, by the URL the page refers to it with. */
const asset = (dist, href) => readFileSync(join(dist, basename(decodeURIComponent(href.split(/[?#]/)[0]))));

const MIME = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };

/** The glue as a classic body for an inline module: no exports, no imports. */
export function inlineGlue(glue) {
  if (/^\s*import\s/m.test(glue)) {
    fail('the wasm-bindgen glue imports another module (snippets?); inline it before using this script');
  }
  if (glue.includes('<!--')) fail('the glue holds "<!--", which would break the inline script');
  const body = glue
    .replace(/^export\s+\{[^}]*\};?\s*$/gm, '')
    .replace(/^export\s+(default\s+)?(class|function|async function|const|let|var)\s/gm, '$2 ');
  if (/^export\s/m.test(body)) fail('the glue has an export this script does not know how to inline');
  if (!/async function __wbg_init\b/.test(body)) fail('the glue has no async __wbg_init (wasm-bindgen changed?)');
  return body.replaceAll('</script', '<\\/script');
}

/** The single-file HTML for the Trunk page `html` in `dist`. */
export function singleFile(dist, html) {
  const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/);
  if (!loader) fail('no inline module script in index.html (Trunk changed?)');
  const glueHref = loader[1].match(/from\s+'([^']+\.js)'/)?.[1] ?? fail('no glue import in the loader');
  const wasmHref = loader[1].match(/module_or_path:\s*'([^']+\.wasm)'/)?.[1] ?? fail('no wasm path in the loader');
  const glue = inlineGlue(asset(dist, glueHref).toString('utf8'));
  const wasm = asset(dist, wasmHref).toString('base64');

  const script = `<script type="module">
${glue}
// Single-file build: the wasm is embedded below and instantiated from its bytes.
const __gseWasmBytes = Uint8Array.from(atob("${wasm}"), (c) => c.charCodeAt(0));
await __wbg_init({ module_or_path: __gseWasmBytes });
</script>`;

  let out = html
    .replace(/<html\b/, '<html data-build="single-file"')
    .replace(loader[0], () => script)
    .replace(/<link\s+rel="(?:modulepreload|preload)"[^>]*>/g, '')
    .replace(/<link\s+rel="stylesheet"\s+href="([^"]+)"[^>]*>/g, (_, href) => {
      const css = asset(dist, href).toString('utf8');
      if (/<\/style/i.test(css)) fail(`${href} holds "</style"`);
      if (/url\(/.test(css)) fail(`${href} refers to other files (url(...)); inline them too`);
      return `<style>\n${css}</style>`;
    })
    .replace(/<link\s+rel="icon"\s+href="([^"]+)"[^>]*>/g, (_, href) => {
      const type = MIME[extname(href)] ?? fail(`unknown icon type ${href}`);
      return `<link rel="icon" href="data:${type};base64,${asset(dist, href).toString('base64')}">`;
    });
  if (/<link\s[^>]*href="\/?[^":]+\.(js|wasm|css)"/.test(out)) fail('a link to a build file is left');
  return out;
}

function sizes(buffers) {
  const all = Buffer.concat(buffers);
  const sum = (f) => buffers.reduce((n, b) => n + f(b).length, 0);
  return {
    raw: all.length,
    gzip: sum((b) => gzipSync(b, { level: 9 })),
    brotli: sum((b) => brotliCompressSync(b, { params: { [constants.BROTLI_PARAM_QUALITY]: 11 } })),
  };
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

function main() {
  const dist = process.argv[2] ?? 'dist';
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const out = singleFile(dist, html);
  writeFileSync(join(dist, OUTPUT), out);

  // What a browser transfers for the hosted page (each file compressed on its own,
  // as a server does) and for the single file.
  const hosted = readdirSync(dist)
    .filter((f) => f !== OUTPUT && /\.(html|js|wasm|css|svg)$/.test(f))
    .map((f) => readFileSync(join(dist, f)));
  const h = sizes(hosted);
  const s = sizes([Buffer.from(out)]);
  console.log(`wrote ${join(dist, OUTPUT)}`);
  console.log(`  hosted page (${hosted.length} files): ${kb(h.raw)} raw, ${kb(h.gzip)} gzip, ${kb(h.brotli)} brotli`);
  console.log(`  single file:               ${kb(s.raw)} raw, ${kb(s.gzip)} gzip, ${kb(s.brotli)} brotli`);
  // A Content-Security-Policy for the hosted page must allow Trunk's inline loader.
  const loader = html.match(/<script type="module">([\s\S]*?)<\/script>/)[1];
  const hash = createHash('sha256').update(loader).digest('base64');
  console.log(`  hosted page CSP: script-src 'self' 'wasm-unsafe-eval' 'sha256-${hash}'`);
}

if (process.argv[1] && import.meta.url.endsWith(basename(process.argv[1]))) main();
