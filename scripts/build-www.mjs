#!/usr/bin/env node
// Writes dist/www/, the playground as any static host can serve it, from:
//   www/                        the page, its style and the samples written for it
//   www/playground.js           bundled (scripts/bundle.mjs) with the extension's own snapshot.js,
//                               wasm loader and reader view, and the wasm package's glue
//   extension/reader.css        the reader view's style sheet, for the reader pane
//   pkg/tidyread_bg.wasm        the wasm the extension ships (scripts/wasm-build.sh)
//   tests/fixtures/*/page.html  the seed fixture, as one more sample
// Nothing here is committed: dist/ is a build output.
import { cpSync, existsSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { dirname, extname, join } from 'node:path';
import { ROOT, bundle } from './bundle.mjs';

const OUT = join(ROOT, 'dist', 'www');

// [from (relative to the repository), to (relative to dist/www)]
const COPIES = [
  ['pkg/tidyread_bg.wasm', 'pkg/tidyread_bg.wasm'],
  ['extension/reader.css', 'reader.css'],
  ['tests/fixtures/seed-townhall/page.html', 'samples/seed-townhall.html'],
];

for (const from of ['pkg/tidyread.js', ...COPIES.map(([f]) => f)]) {
  if (!existsSync(join(ROOT, from))) {
    console.error(`build-www: ${from} is missing${from.startsWith('pkg/') ? ' (run `make wasm`)' : ''}`);
    process.exit(1);
  }
}
rmSync(OUT, { recursive: true, force: true });
mkdirSync(OUT, { recursive: true });
cpSync(join(ROOT, 'www'), OUT, { recursive: true, filter: (path) => extname(path) !== '.js' });
writeFileSync(join(OUT, 'playground.js'), bundle('www/playground.js'));
for (const [from, to] of COPIES) {
  mkdirSync(dirname(join(OUT, to)), { recursive: true });
  cpSync(join(ROOT, from), join(OUT, to));
}
console.log(`www: ${OUT}`);
