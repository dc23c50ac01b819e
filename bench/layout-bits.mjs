#!/usr/bin/env node
// Layout bits in the snapshot: what they cost, and what they change. For each corpus page (or
// the pages named), in headless Chromium: the snapshot's time without and with a computed
// `position: fixed` for <body>'s descendants three deep (extension/content.js's layoutOf), and
// the core's removals that appear or go with the bits. Needs pkg/ (make wasm).
//   node bench/layout-bits.mjs [PAGE...]
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { chromium } from 'playwright-core';
import { ROOT, bundle } from '../scripts/bundle.mjs';

const CORPUS = resolve(ROOT, process.env.TIDYREAD_CORPUS ?? '../shared/corpus/readability');
// The extension's snapshot as `TidyreadSnapshot`, and the wasm glue as `core`.
const SNAP = bundle('extension/snapshot.js', { globalName: 'TidyreadSnapshot' });
const GLUE = bundle('pkg/tidyread.js', { globalName: 'core' });
const WASM = readFileSync(join(ROOT, 'pkg', 'tidyread_bg.wasm')).toString('base64');
const names = process.argv.length > 2 ? process.argv.slice(2) : readdirSync(CORPUS);
const browser = await chromium.launch({
  executablePath: '/usr/bin/chromium',
  headless: true,
  args: ['--no-sandbox', '--disable-gpu'],
});
// Some pages carry a CSP meta tag that would keep the wasm out.
const page = await browser.newPage({ bypassCSP: true });
await page.route('**/*', (route) => {
  const u = new URL(route.request().url());
  const name = u.pathname.split('/')[1];
  if (u.hostname === 'corpus.test' && u.pathname === `/${name}/` && names.includes(name)) {
    return route.fulfill({
      status: 200,
      contentType: 'text/html; charset=utf-8',
      body: readFileSync(join(CORPUS, name, 'source.html')),
    });
  }
  return route.abort();
});
const costs = [];
for (const name of names) {
  await page.goto(`http://corpus.test/${name}/`, { waitUntil: 'load', timeout: 10000 }).catch(() => {});
  const r = await page.evaluate(
    ({ src, glue, wasm }) => {
      const { take } = (0, eval)(`${src}; TidyreadSnapshot`);
      const core = (0, eval)(`${glue}; core`);
      core.initSync({ module: Uint8Array.from(atob(wasm), (c) => c.charCodeAt(0)) });
      const NO = new Set(['head', 'script', 'style', 'link', 'meta', 'title', 'noscript', 'template', 'br']);
      let lookups = 0;
      const layout = (el, d) => {
        if (d < 2 || d > 4 || NO.has(el.localName)) return 0;
        lookups++;
        return getComputedStyle(el).position === 'fixed' ? 1 : 0;
      };
      const median = (fn) => {
        const ts = [];
        for (let i = 0; i < 7; i++) {
          const t = performance.now();
          fn();
          ts.push(performance.now() - t);
        }
        return ts.sort((a, b) => a - b)[3];
      };
      const plainMs = median(() => take(document));
      const layoutMs = median(() => take(document, { layout }));
      const run = (opts) => {
        const s = take(document, opts);
        return core
          .analyze(s.words, s.strings, { url: location.href })
          .removals.map((x) => `${x.kind}: ${x.reason} | ${x.excerpt.slice(0, 60)}`);
      };
      const a = run({});
      const b = run({ layout });
      return {
        plainMs,
        layoutMs,
        lookups: lookups / 8,
        extra: b.filter((x) => !a.includes(x)),
        lost: a.filter((x) => !b.includes(x)),
      };
    },
    { src: SNAP, glue: GLUE, wasm: WASM },
  );
  costs.push(r);
  if (r.extra.length || r.lost.length) console.log(name, JSON.stringify({ extra: r.extra, lost: r.lost }, null, 1));
}
await browser.close();
const median = (k) => costs.map((c) => c[k]).sort((x, y) => x - y)[Math.floor(costs.length / 2)];
console.log(
  `${costs.length} pages; snapshot median ${median('plainMs')} ms without layout bits, ${median('layoutMs')} ms with; ` +
    `median ${median('lookups')} style lookups a page; ${costs.filter((c) => c.extra.length || c.lost.length).length} pages decide differently`,
);
