#!/usr/bin/env node
// A/B of two builds of the wasm package in one headless Chromium: on every corpus page (navigated
// to with its scripts blocked, as in bench/browser.mjs), one snapshot, then the core's `analyze`
// from build A and from build B: 5 warm-ups each, then 15 interleaved timed calls each. Prints the
// median of the per-page B/A ratios. Run it with the same directory twice for the noise floor.
//
//   node bench/ab.mjs DIR_A DIR_B [page,page,...]   (each DIR holds tidyread.js + tidyread_bg.wasm)
//
// The first-call ratio it also prints is biased by order (A's first call warms the JS glue and
// snapshot code that B then shares): compare it with a same-build run, not with 1.
import { readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';
import { bundle } from '../scripts/bundle.mjs';

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const CORPUS = resolve(ROOT, process.env.TIDYREAD_CORPUS ?? '../shared/corpus/readability');
const [dirA, dirB, only] = process.argv.slice(2);
if (!dirA || !dirB) {
  console.error('usage: node bench/ab.mjs DIR_A DIR_B [page,page,...]');
  process.exit(2);
}
// The extension's snapshot, as `TidyreadSnapshot`.
const snapshotSource = `${bundle('extension/snapshot.js', { globalName: 'TidyreadSnapshot' })}
globalThis.TidyreadSnapshot = TidyreadSnapshot;`;

// The build in `dir` (its glue bundled) as global `name`, compiled and instantiated at document
// start.
function initScript(dir, name) {
  const wasm = readFileSync(join(dir, 'tidyread_bg.wasm')).toString('base64');
  return `(function () {
  if (window !== window.top) return;
  ${bundle(resolve(dir, 'tidyread.js'), { globalName: 'core' })}
  const binary = atob(${JSON.stringify(wasm)});
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  core.initSync({ module: new WebAssembly.Module(bytes) });
  globalThis.${name} = core;
})();`;
}

// Runs in the page.
function compare() {
  const snap = globalThis.TidyreadSnapshot.take(document);
  const options = { url: location.href };
  const now = () => performance.now();
  const run = (core) => {
    const t = now();
    core.analyze(snap.words, snap.strings, options);
    return now() - t;
  };
  const firstA = run(globalThis.__A);
  const firstB = run(globalThis.__B);
  for (let i = 0; i < 5; i++) {
    run(globalThis.__A);
    run(globalThis.__B);
  }
  const a = [];
  const b = [];
  for (let i = 0; i < 15; i++) {
    if (i % 2) {
      a.push(run(globalThis.__A));
      b.push(run(globalThis.__B));
    } else {
      b.push(run(globalThis.__B));
      a.push(run(globalThis.__A));
    }
  }
  const med = (v) => v.sort((x, y) => x - y)[v.length >> 1];
  return { a: med(a), b: med(b), firstA, firstB };
}

const server = createServer((request, response) => {
  const m = /^\/page\/([\w.-]+)$/.exec(request.url);
  if (m === null) return response.writeHead(404).end();
  let body;
  try {
    body = readFileSync(join(CORPUS, m[1], 'source.html'));
  } catch {
    return response.writeHead(404).end();
  }
  return response
    .writeHead(200, {
      'content-type': 'text/html; charset=utf-8',
      'content-security-policy': "script-src 'wasm-unsafe-eval'",
      'cross-origin-opener-policy': 'same-origin',
      'cross-origin-embedder-policy': 'require-corp',
    })
    .end(body);
});
await new Promise((done) => server.listen(0, '127.0.0.1', done));
const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
  headless: true,
  args: [
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
  ],
});
const scripts = [initScript(dirA, '__A'), initScript(dirB, '__B'), snapshotSource];
const ratios = [];
const firstRatios = [];
const names = only ? only.split(',') : readdirSync(CORPUS).sort();
for (const name of names) {
  const context = await browser.newContext();
  for (const content of scripts) await context.addInitScript({ content });
  const page = await context.newPage();
  try {
    await page.goto(`http://127.0.0.1:${server.address().port}/page/${name}`, { waitUntil: 'load', timeout: 90000 });
    const r = await page.evaluate(compare);
    ratios.push(r.b / r.a);
    firstRatios.push(r.firstB / r.firstA);
  } catch (error) {
    console.log(`${name}: ${error.message.split('\n')[0]}`);
  }
  await context.close();
}
const quantile = (v, q) => v.slice().sort((x, y) => x - y)[Math.round((v.length - 1) * q)];
console.log(
  `${ratios.length} pages: analyze B/A median ${quantile(ratios, 0.5).toFixed(3)} ` +
    `(p25 ${quantile(ratios, 0.25).toFixed(3)}, p75 ${quantile(ratios, 0.75).toFixed(3)}); ` +
    `first call B/A median ${quantile(firstRatios, 0.5).toFixed(3)}`,
);
await browser.close();
server.close();
