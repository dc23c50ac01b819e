// The pages the bench loads, and the server that serves them from 127.0.0.1: the corpus, the seed
// page, a synthetic page of 200,000 nodes (and the same with a live ticker, live-page.mjs), and
// the wasm for the cold-start probe.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { createServer } from 'node:http';
import { join } from 'node:path';
import { CORPUS, PAGE_CSP, SEED, wasmBytes } from './config.mjs';

/** A page of about `target` nodes (elements and texts): a long article between clutter. */
export function syntheticPage(target) {
  const parts = [
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>A very long synthetic article</title>',
    '<meta property="og:site_name" content="Synthetic"></head><body>',
    '<header class="site-header"><nav class="menu"><a href="/">Home</a><a href="/news">News</a><a href="/about">About</a></nav></header>',
    '<div class="layout"><main><article class="post"><h1>A very long synthetic article</h1><p class="byline">By A. Writer</p>',
  ];
  // Nodes so far, counted as the browser will: every element and every text node.
  let nodes = 20;
  let k = 0;
  const sidebar = [];
  while (nodes < target - 400) {
    k++;
    // section (1) + h2 and its text (2) + 3 paragraphs of 8 nodes = 27 nodes
    parts.push(
      `<section id="s${k}"><h2>Part ${k}</h2>` +
        `<p>Paragraph ${k}.1 says something about the matter at hand, <a href="/ref/${k}">with a reference</a>, and then <em>stresses</em> a point.</p>` +
        `<p>Paragraph ${k}.2 goes on, a sentence with commas, clauses, and words, <a href="/more/${k}">another link</a> and <strong>a strong claim</strong> too.</p>` +
        `<p>Paragraph ${k}.3 ends the part with a question, <a href="/q/${k}">a third link</a>, <code>some code</code>, and a full stop.</p></section>`,
    );
    nodes += 27;
    if (k % 200 === 0) {
      // An ad slot and a related-links box every 200 parts: 4 nodes + 10 nodes.
      parts.push(
        `<div class="ad-slot"><span class="ad-label">Advertisement</span><div id="div-gpt-ad-${k}"></div></div>`,
      );
      parts.push(
        `<aside class="related"><h3>Related</h3><ul><li><a href="/r/${k}/1">One</a></li><li><a href="/r/${k}/2">Two</a></li></ul></aside>`,
      );
      nodes += 4 + 10;
    }
    if (k % 100 === 0 && sidebar.length < 20) {
      nodes += 3;
      sidebar.push(`<li><a href="/trending/${k}">Trending story ${k}</a></li>`);
    }
  }
  parts.push('</article></main>');
  parts.push(
    `<aside class="sidebar"><section class="trending"><h3>Trending</h3><ol>${sidebar.join('')}</ol></section></aside></div>`,
  );
  parts.push('<footer class="site-footer"><p>© Synthetic</p></footer></body></html>');
  return parts.join('');
}

export function corpusPages({ filter, pages }) {
  if (!existsSync(CORPUS)) {
    console.error(`bench: no corpus at ${CORPUS} (set TIDYREAD_CORPUS)`);
    process.exit(1);
  }
  let names = readdirSync(CORPUS)
    .filter((n) => existsSync(join(CORPUS, n, 'source.html')))
    .sort();
  if (filter) names = names.filter((n) => n.includes(filter));
  return names.slice(0, pages);
}

function htmlType(body) {
  // The corpus is UTF-8 but for pages that say otherwise in a <meta> (qq: gb2312): let those speak.
  const head = body.subarray(0, 4096).toString('latin1');
  const m = /charset\s*=\s*["']?([\w-]+)/i.exec(head);
  return m && m[1].toLowerCase() !== 'utf-8' ? 'text/html' : 'text/html; charset=utf-8';
}

/** Serves the corpus, the seed, `synthetic` (scripts blocked) and `live` (its own scripts run). */
export async function startBenchServer(synthetic, live) {
  const pageHeaders = {
    'content-security-policy': PAGE_CSP,
    'cross-origin-opener-policy': 'same-origin',
    'cross-origin-embedder-policy': 'require-corp',
    'cache-control': 'no-store',
  };
  const server = createServer((request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    let m;
    if ((m = /^\/page\/([\w.-]+)$/.exec(path))) {
      const file = join(CORPUS, m[1], 'source.html');
      if (!existsSync(file)) return response.writeHead(404).end();
      const body = readFileSync(file);
      return response.writeHead(200, { 'content-type': htmlType(body), ...pageHeaders }).end(body);
    }
    if (path === '/seed') {
      return response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...pageHeaders })
        .end(readFileSync(SEED));
    }
    if (path === '/synthetic') {
      return response.writeHead(200, { 'content-type': 'text/html; charset=utf-8', ...pageHeaders }).end(synthetic);
    }
    if (path === '/live') {
      return response
        .writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' })
        .end(live);
    }
    if (path === '/assets/tidyread_bg.wasm') {
      return response
        .writeHead(200, { 'content-type': 'application/wasm', 'cross-origin-resource-policy': 'same-origin' })
        .end(wasmBytes());
    }
    // Everything else a page asks for (its styles, images, scripts): nothing, at once.
    return response.writeHead(404, { 'cache-control': 'no-store' }).end();
  });
  await new Promise((done) => server.listen(0, '127.0.0.1', done));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    close: () =>
      new Promise((done) => {
        server.closeAllConnections();
        server.close(done);
      }),
  };
}
