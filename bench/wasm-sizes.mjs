#!/usr/bin/env node
// Where the wasm's bytes go: code size per function and per crate, from a build that keeps the
// name section. pkg/ has none (wasm-build.sh removes it), so by default this runs wasm-bindgen
// once more on the linker's output into bench/out/pkg-names/ (the same code before wasm-opt).
//
//   node bench/wasm-sizes.mjs [FILE.wasm] [--top N]
import { execFileSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const args = process.argv.slice(2);
let top = 25;
let file = null;
for (let i = 0; i < args.length; i++) {
  if (args[i] === '--top') top = Number(args[++i]);
  else file = args[i];
}
if (file === null) {
  const linked = join(ROOT, 'target', 'wasm32-unknown-unknown', 'wasm', 'tidyread.wasm');
  if (!existsSync(linked)) {
    console.error(`wasm-sizes: ${linked} is missing: run \`make wasm\` first`);
    process.exit(1);
  }
  const out = join(ROOT, 'bench', 'out', 'pkg-names');
  mkdirSync(out, { recursive: true });
  execFileSync(
    join(process.env.CARGO_HOME ?? join(process.env.HOME, '.cargo'), 'bin', 'wasm-bindgen'),
    [linked, '--out-dir', out, '--target', 'no-modules', '--no-typescript'],
    { stdio: 'inherit' },
  );
  file = join(out, 'tidyread_bg.wasm');
}

const bytes = readFileSync(file);
let at = 8;
function leb() {
  let result = 0;
  let shift = 0;
  for (;;) {
    const b = bytes[at++];
    result += (b & 0x7f) * 2 ** shift;
    shift += 7;
    if ((b & 0x80) === 0) return result;
  }
}
function name() {
  const len = leb();
  const s = bytes.toString('utf8', at, at + len);
  at += len;
  return s;
}

let importedFunctions = 0;
const bodies = []; // [size]
const names = new Map();
const sections = {};
while (at < bytes.length) {
  const id = bytes[at++];
  const size = leb();
  const start = at;
  const end = at + size;
  if (id === 2) {
    // imports: count the functions, which come first in the index space
    const count = leb();
    for (let i = 0; i < count; i++) {
      name();
      name();
      const kind = bytes[at++];
      if (kind === 0) {
        leb();
        importedFunctions++;
      } else if (kind === 1) {
        at++;
        const f = leb();
        leb();
        if (f & 1) leb();
      } else if (kind === 2) {
        const f = leb();
        leb();
        if (f & 1) leb();
      } else if (kind === 3) {
        at += 2;
      } else {
        at++;
        leb();
      }
    }
  } else if (id === 10) {
    const count = leb();
    for (let i = 0; i < count; i++) {
      const len = leb();
      bodies.push(len);
      at += len;
    }
  } else if (id === 0) {
    const section = name();
    sections[`custom:${section}`] = size;
    if (section === 'name') {
      while (at < end) {
        const sub = bytes[at++];
        const subSize = leb();
        const subEnd = at + subSize;
        if (sub === 1) {
          const count = leb();
          for (let i = 0; i < count; i++) {
            const index = leb();
            names.set(index, name());
          }
        }
        at = subEnd;
      }
    }
  }
  sections[id] = (sections[id] ?? 0) + size;
  at = end;
  void start;
}

const functions = bodies.map((size, i) => ({
  size,
  name: names.get(importedFunctions + i) ?? `func[${importedFunctions + i}]`,
}));
const codeTotal = functions.reduce((a, f) => a + f.size, 0);
// "tidyread::extract::score::f" → tidyread::extract; "<T as serde::de::...>::f" → serde; std/core/alloc kept whole.
function owner(fn) {
  const n = fn
    .replace(/\[[0-9a-f]+\]/g, '')
    .replace(/^</, '')
    .replace(/^&(mut )?/, '');
  const m = /^([A-Za-z_][\w]*)(::([A-Za-z_][\w]*))?/.exec(n);
  if (!m) return '(other)';
  if (m[1] === 'tidyread' && m[3]) return `tidyread::${m[3]}`;
  return m[1];
}
const byOwner = new Map();
for (const f of functions) byOwner.set(owner(f.name), (byOwner.get(owner(f.name)) ?? 0) + f.size);

const pct = (n) => `${((100 * n) / codeTotal).toFixed(1)}%`;
console.log(
  `${file}: ${bytes.length} bytes (${gzipSync(bytes, { level: 9 }).length} gzipped), ${functions.length} functions, code ${codeTotal} bytes`,
);
const SECTION = {
  1: 'type',
  2: 'import',
  3: 'function',
  4: 'table',
  5: 'memory',
  6: 'global',
  7: 'export',
  8: 'start',
  9: 'element',
  10: 'code',
  11: 'data',
  12: 'datacount',
};
console.log(
  `sections (bytes): ${Object.entries(sections)
    .filter(([k]) => k !== '0')
    .map(([k, v]) => `${SECTION[k] ?? k} ${v}`)
    .join(', ')}`,
);
console.log('\ncode by crate (module for tidyread):');
for (const [k, v] of [...byOwner].sort((a, b) => b[1] - a[1]).slice(0, top))
  console.log(`  ${String(v).padStart(7)}  ${pct(v).padStart(6)}  ${k}`);
console.log(`\nlargest ${top} functions:`);
for (const f of functions.sort((a, b) => b.size - a.size).slice(0, top)) {
  console.log(
    `  ${String(f.size).padStart(7)}  ${pct(f.size).padStart(6)}  ${f.name.replace(/\[[0-9a-f]+\]/g, '').slice(0, 140)}`,
  );
}
