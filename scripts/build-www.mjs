#!/usr/bin/env node
// Writes dist/www/, the playground as any static host can serve it, from:
//   www/                      the page, its script, its style and the samples written for it
//   pkg/                      the wasm package the extension ships (scripts/wasm-build.sh)
//   extension/snapshot.js     the extension's own one-pass snapshot, unchanged
//   tests/fixtures/*/page.html  the seed fixture, as one more sample
// Nothing here is committed: dist/ is a build output.
import { cpSync, existsSync, mkdirSync, rmSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
const OUT = join(ROOT, 'dist', 'www');

// [from (relative to the repository), to (relative to dist/www)]
const COPIES = [
  ['pkg/tidyread.js', 'pkg/tidyread.js'],
  ['pkg/tidyread_bg.wasm', 'pkg/tidyread_bg.wasm'],
  ['extension/snapshot.js', 'snapshot.js'],
  ['tests/fixtures/seed-townhall/page.html', 'samples/seed-townhall.html'],
];

for (const [from] of COPIES) {
  if (!existsSync(join(ROOT, from))) {
    console.error(`build-www: ${from} is missing${from.startsWith('pkg/') ? ' (run `make wasm`)' : ''}`);
    process.exit(1);
  }
}
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
cpSync(join(ROOT, 'www'), OUT, { recursive: true });
for (const [from, to] of COPIES) {
  mkdirSync(dirname(join(OUT, to)), { recursive: true });
  cpSync(join(ROOT, from), join(OUT, to));
}
console.log(`www: ${OUT}`);
