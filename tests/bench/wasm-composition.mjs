// What the page's WebAssembly is made of: the size of every function body, summed by
// the crate it comes from, and the data segments (string constants and tables).
// A development tool for the size budget (README, "Figures"), not part of `make bench`.
//
// It needs a wasm that still has its name section. The release profile keeps one in
// cargo's output (wasm-ld writes demangled names); Trunk's wasm-opt drops it. To see
// the shipped code, optimise that output the way Trunk does but keep the names:
//
//   cargo build --release --target wasm32-unknown-unknown --bin gradient-spec-editor
//   wasm-bindgen --target web --no-typescript --keep-debug --out-dir /tmp/wb \
//     $CARGO_TARGET_DIR/wasm32-unknown-unknown/release/gradient-spec-editor.wasm
//   wasm-opt -Oz -g --enable-bulk-memory --enable-nontrapping-float-to-int \
//     /tmp/wb/gradient-spec-editor_bg.wasm -o /tmp/named.wasm
//   node tests/bench/wasm-composition.mjs /tmp/named.wasm [--top N] [--crate NAME]
//
// Columns: raw bytes of the bodies, and brotli of each group's bodies compressed
// alone (more than its share of the whole: compression finds less to share in a
// part). A generic function instantiated for another crate's type is counted under
// the crate that defines the function (`alloc::vec::Vec<gradient_spec::…>::push` is
// std); "generic for" in `--crate` shows the other way round.
import { readFileSync } from 'node:fs';
import { pathToFileURL } from 'node:url';
import zlib from 'node:zlib';

const brotli = (buf) =>
  zlib.brotliCompressSync(buf, { params: { [zlib.constants.BROTLI_PARAM_QUALITY]: 11 } }).length;

/** Reads an unsigned LEB128 at `pos`; returns [value, next position]. */
function leb(bytes, pos) {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[pos++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if (!(b & 0x80)) return [result, pos];
  }
}

function readName(bytes, pos) {
  const [len, p] = leb(bytes, pos);
  return [Buffer.from(bytes.subarray(p, p + len)).toString('utf8'), p + len];
}

/** Function bodies (with their index), data segments and function names of `bytes`. */
export function parseWasm(bytes) {
  let pos = 8;
  let importedFuncs = 0;
  const bodies = [];
  const data = [];
  const names = new Map();
  const customs = [];
  while (pos < bytes.length) {
    const id = bytes[pos];
    let [size, start] = leb(bytes, pos + 1);
    const end = start + size;
    if (id === 2) {
      let [n, p] = leb(bytes, start);
      for (let i = 0; i < n; i++) {
        [, p] = readName(bytes, p);
        [, p] = readName(bytes, p);
        const kind = bytes[p++];
        if (kind === 0) {
          [, p] = leb(bytes, p);
          importedFuncs++;
        } else if (kind === 1) {
          p++;
          const flags = bytes[p++];
          [, p] = leb(bytes, p);
          if (flags & 1) [, p] = leb(bytes, p);
        } else if (kind === 2) {
          const flags = bytes[p++];
          [, p] = leb(bytes, p);
          if (flags & 1) [, p] = leb(bytes, p);
        } else if (kind === 3) p += 2;
        else if (kind === 4) [, p] = leb(bytes, p + 1);
      }
    } else if (id === 10) {
      let [n, p] = leb(bytes, start);
      for (let i = 0; i < n; i++) {
        const [len, q] = leb(bytes, p);
        bodies.push({ index: importedFuncs + i, size: q + len - p, bytes: bytes.subarray(q, q + len) });
        p = q + len;
      }
    } else if (id === 11) {
      let [n, p] = leb(bytes, start);
      for (let i = 0; i < n; i++) {
        const flags = bytes[p++];
        if (flags === 2) [, p] = leb(bytes, p);
        if (flags !== 1) {
          while (bytes[p] !== 0x0b) p++;
          p++;
        }
        const [len, q] = leb(bytes, p);
        data.push(bytes.subarray(q, q + len));
        p = q + len;
      }
    } else if (id === 0) {
      const [name, p0] = readName(bytes, start);
      customs.push({ name, size });
      if (name === 'name') {
        let p = p0;
        while (p < end) {
          const sub = bytes[p];
          const [len, q] = leb(bytes, p + 1);
          if (sub === 1) {
            let [n, r] = leb(bytes, q);
            for (let i = 0; i < n; i++) {
              let idx;
              let nm;
              [idx, r] = leb(bytes, r);
              [nm, r] = readName(bytes, r);
              names.set(idx, nm);
            }
          }
          p = q + len;
        }
      }
    }
    pos = end;
  }
  return { bodies, data, names, customs, importedFuncs };
}

const STD = new Set(['core', 'alloc', 'std', 'hashbrown', 'compiler_builtins', 'dlmalloc', 'rustc_demangle', 'panic_abort']);

/** The crate a (demangled) function name belongs to: the path the function is
 *  defined in (for `<T as Trait>::f`, T's path; for trait objects and slices, the
 *  first path inside). */
export function crateOf(name) {
  // std's own names carry the crate's hash: `core[c5930c85a12de822]::fmt::…`.
  let s = name.trim().replace(/\[[0-9a-f]{16}\]/g, '');
  // A blanket impl, `<T as tachys::…::IntoAny>::f`: the trait's crate.
  s = s.replace(/^<&?(mut )?[A-Z] as /, '');
  // `<T as Trait>::f` → T; `<impl Trait for T>` seldom appears in names.
  while (s.startsWith('<') || s.startsWith('&') || s.startsWith('[') || s.startsWith('(') || s.startsWith('*')) {
    s = s.replace(/^(<|&mut |&|\[|\(|\*const |\*mut |dyn )/, '');
  }
  const m = /^([A-Za-z_][A-Za-z0-9_]*)::/.exec(s);
  if (m) return m[1];
  if (/^(u8|u16|u32|u64|u128|usize|i8|i16|i32|i64|i128|isize|f32|f64|str|bool|char)\b/.test(s)) return 'core';
  if (/^(memcpy|memmove|memset|memcmp|bcmp|__)/.test(s)) return 'compiler_builtins';
  if (/^(dlmalloc|malloc|free|realloc|calloc)/.test(s)) return 'dlmalloc';
  if (/^(__wbg|__wbindgen|__externref|wasm_bindgen)|shim$|^intounderlying|^main$/.test(s)) return 'wasm_bindgen';
  return '(unnamed)';
}

/** The crates a generic function was instantiated for (crate names in its
 *  parameters other than its own). */
function genericFor(name, own) {
  const found = new Set();
  for (const m of name.matchAll(/([A-Za-z_][A-Za-z0-9_]*)::/g)) {
    if (m[1] !== own && !STD.has(m[1])) found.add(m[1]);
  }
  return [...found];
}

/** Display groups of the README table. */
export const GROUPS = [
  ['leptos, reactive_graph, tachys (+ their helpers)', /^(leptos|leptos_\w+|reactive_graph|reactive_stores|tachys|any_spawner|throw_error|or_poisoned|either_of|next_tuple|oco_ref|slotmap|send_wrapper|guardian|futures\w*|pin_project\w*|typed_builder|const_str_slice_concat|drain_filter_polyfill|html_escape|rustc_hash|linear_map|erased|async_lock|event_listener\w*|concurrent_queue|parking|codee|server_fn|hydration_context|wasm_streams|gloo\w*|paste|const_format|tracing\w*|send_wrapper|js_utils|leptos_dom)$/],
  ['the app (gradient_spec_editor)', /^gradient_spec_editor$/],
  ['the core (gradient_spec)', /^gradient_spec$/],
  ['saphyr-parser', /^saphyr_parser$/],
  ['serde_json + indexmap + ryu + itoa', /^(serde_json|indexmap|ryu|itoa|zmij)$/],
  ['yaml_serde + unsafe-libyaml(-norway)', /^(yaml_serde|serde_yaml|unsafe_libyaml\w*|libyaml\w*)$/],
  ['serde (generic glue)', /^serde\w*$/],
  ['line-index, strsim, text-size', /^(line_index|strsim|text_size|nohash_hasher)$/],
  ['web-sys, js-sys, wasm-bindgen(-futures)', /^(web_sys|js_sys|wasm_bindgen\w*|console_error_panic_hook)$/],
  ['std: core, alloc, hashbrown, dlmalloc, builtins', /^(core|alloc|std|hashbrown|compiler_builtins|dlmalloc|rustc_demangle|panic_abort)$/],
];

function groupOf(crate) {
  for (const [label, re] of GROUPS) if (re.test(crate)) return label;
  return `other: ${crate}`;
}

function main() {
  const args = process.argv.slice(2);
  const file = args.find((a) => !a.startsWith('--') && !/^\d+$/.test(a));
  if (!file) throw new Error('usage: node tests/bench/wasm-composition.mjs FILE.wasm [--top N] [--crate NAME] [--json]');
  const top = Number(args[args.indexOf('--top') + 1]) || 0;
  const only = args.includes('--crate') ? args[args.indexOf('--crate') + 1] : null;
  const bytes = readFileSync(file);
  const w = parseWasm(bytes);
  if (w.names.size === 0) throw new Error(`${file} has no name section (see the header of this script)`);

  const byCrate = new Map();
  const byGroup = new Map();
  const fns = [];
  for (const b of w.bodies) {
    const name = w.names.get(b.index) ?? `(function ${b.index})`;
    const crate = crateOf(name);
    fns.push({ name, crate, size: b.size, bytes: b.bytes });
    const c = byCrate.get(crate) ?? { size: 0, n: 0 };
    c.size += b.size;
    c.n++;
    byCrate.set(crate, c);
    const g = groupOf(crate);
    const e = byGroup.get(g) ?? { size: 0, n: 0, parts: [] };
    e.size += b.size;
    e.n++;
    e.parts.push(b.bytes);
    byGroup.set(g, e);
  }
  const dataBytes = Buffer.concat(w.data.map((d) => Buffer.from(d)));
  const codeTotal = fns.reduce((s, f) => s + f.size, 0);
  const named = w.customs.reduce((s, c) => s + c.size, 0);

  if (only) {
    const mine = fns.filter((f) => f.crate === only).sort((a, b) => b.size - a.size);
    console.log(`${only}: ${mine.length} functions, ${mine.reduce((s, f) => s + f.size, 0)} bytes`);
    for (const f of mine.slice(0, top || 40)) console.log(`${String(f.size).padStart(7)}  ${f.name.slice(0, 200)}`);
    const inst = new Map();
    for (const f of fns) {
      if (f.crate === only) continue;
      if (genericFor(f.name, f.crate).includes(only)) inst.set(f.crate, (inst.get(f.crate) ?? 0) + f.size);
    }
    console.log(`generic for ${only} (defined elsewhere): ${[...inst].sort((a, b) => b[1] - a[1]).map(([c, s]) => `${c} ${s}`).join(', ')}`);
    return;
  }

  const KB = (n) => (n / 1000).toFixed(1);
  const rowsOut = [...byGroup].sort((a, b) => b[1].size - a[1].size);
  console.log(`${file}: ${KB(bytes.length)} KB raw, brotli ${KB(brotli(bytes))} KB; code ${KB(codeTotal)} KB in ${fns.length} functions; data ${KB(dataBytes.length)} KB; custom sections ${KB(named)} KB (${w.customs.map((c) => c.name).join(', ')})\n`);
  console.log('| part | functions | code, raw KB | share of code | alone, brotli KB |');
  console.log('|---|---:|---:|---:|---:|');
  for (const [g, e] of rowsOut) {
    console.log(`| ${g} | ${e.n} | ${KB(e.size)} | ${((100 * e.size) / codeTotal).toFixed(1)} % | ${KB(brotli(Buffer.concat(e.parts.map((p) => Buffer.from(p)))))} |`);
  }
  console.log(`| data segments (strings, tables) | — | ${KB(dataBytes.length)} | — | ${KB(brotli(dataBytes))} |`);
  if (top) {
    console.log('\nby crate:');
    for (const [c, e] of [...byCrate].sort((a, b) => b[1].size - a[1].size).slice(0, top)) {
      console.log(`${String(e.size).padStart(8)}  ${String(e.n).padStart(5)}  ${c}`);
    }
    console.log('\nlargest functions:');
    for (const f of fns.sort((a, b) => b.size - a.size).slice(0, top)) console.log(`${String(f.size).padStart(7)}  ${f.name.slice(0, 180)}`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1]).href) main();
