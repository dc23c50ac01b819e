// A tiny HTTP server for the e2e tests, on 127.0.0.1 and a free port.
//
//   /plain/NAME   tests/e2e/pages/NAME, no CSP
//   /strict/NAME  the same file, with a strict CSP (the one that keeps wasm out of Chromium's
//                 content scripts)
//   /NAME         tests/e2e/pages/NAME (the pages' own scripts, e.g. /capture.js)
//   /fixtures/SLUG/NAME  tests/fixtures/SLUG/NAME (e.g. the seed page; SLUG may be one folder deeper,
//                 clutter/ad-label-copy-en); /strict/fixtures/...
//                 sends the strict CSP; /slow/fixtures/... sends all but `</body>` and the rest
//                 SLOW_PAUSE_MS later, so a test can look at the page while it is being parsed
//   /corpus/NAME/source.html  ../shared/corpus/readability/NAME/source.html (the real pages)
//   /vendor/NAME  React, React DOM and Vue, from node_modules (production builds)
//   /react/N, /vue/N  story N of the single-page news apps (pages/news-*.js), rendered here on
//                 the server as their sites would, then hydrated in the page
import { readFileSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:http';
import { basename, dirname, extname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createContext, runInContext } from 'node:vm';
import * as React from 'react';
import { renderToString as renderReact } from 'react-dom/server';
import * as Vue from 'vue';
import { renderToString as renderVue } from 'vue/server-renderer';

const PAGES = join(dirname(fileURLToPath(import.meta.url)), 'pages');
const FIXTURES = join(dirname(fileURLToPath(import.meta.url)), '..', 'fixtures');
export const CORPUS = join(
  dirname(fileURLToPath(import.meta.url)),
  '..',
  '..',
  '..',
  'shared',
  'corpus',
  'readability',
);
const NODE_MODULES = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'node_modules');
const VENDOR = {
  'react.js': 'react/umd/react.production.min.js',
  'react-dom.js': 'react-dom/umd/react-dom.production.min.js',
  'vue.js': 'vue/dist/vue.global.prod.js',
};

// The news apps' own files, evaluated here with the framework as a global, as the page has it.
function appIn(framework, files) {
  const context = createContext({ ...framework });
  context.globalThis = context;
  for (const file of files) runInContext(readFileSync(join(PAGES, file), 'utf8'), context, { filename: file });
  return context;
}
const APPS = {
  react: {
    context: appIn({ React }, ['news-stories.js', 'news-react.js']),
    render: (app, n) => renderReact(React.createElement(app.NewsReact.App, { initial: n })),
    root: (html) => `<div id="root">${html}</div>`,
    scripts: ['/vendor/react.js', '/vendor/react-dom.js', '/news-stories.js', '/news-react.js', '/news-react-boot.js'],
  },
  vue: {
    context: appIn({ Vue }, ['news-stories.js', 'news-vue.js']),
    render: (app, n) => renderVue(Vue.createSSRApp(app.NewsVue.App, { initial: n })),
    root: (html) => `<div id="app">${html}</div>`,
    scripts: ['/vendor/vue.js', '/news-stories.js', '/news-vue.js', '/news-vue-boot.js'],
  },
};

async function renderApp(name, n) {
  const app = APPS[name];
  const story = app.context.NEWS_STORIES[n % app.context.NEWS_STORIES.length];
  const body = app.root(await app.render(app.context, n));
  const scripts = app.scripts.map((src) => `<script src="${src}"></script>`).join('\n');
  return `<!DOCTYPE html>\n<html lang="${story.lang}">\n<head>\n<meta charset="utf-8">\n<title>${story.title}</title>\n</head>\n<body>\n${body}\n${scripts}\n</body>\n</html>\n`;
}

export const STRICT_CSP = "default-src 'self'; script-src 'self'";
export const SLOW_PAUSE_MS = 2000;
const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
};

/** Starts the server; `close()` stops it. `generated`: more pages a suite makes, by path. */
export async function startServer({ generated = {} } = {}) {
  const server = createServer(async (request, response) => {
    const path = new URL(request.url, 'http://127.0.0.1').pathname;
    if (path === '/favicon.ico') {
      response.writeHead(204).end();
      return;
    }
    if (Object.hasOwn(generated, path)) {
      response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(generated[path]);
      return;
    }
    const corpus = /^\/corpus\/([\w-]+)\/source\.html$/.exec(path);
    if (corpus !== null) {
      try {
        const body = await readFile(join(CORPUS, basename(corpus[1]), 'source.html'));
        response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(body);
      } catch {
        response.writeHead(404).end();
      }
      return;
    }
    const fixture = /^\/(?:(plain|strict|slow)\/)?fixtures\/((?:[\w-]+\/)?[\w-]+)\/([\w.-]+\.html)$/.exec(path);
    if (fixture !== null) {
      let body;
      try {
        body = await readFile(
          join(FIXTURES, ...fixture[2].split('/').map((p) => basename(p)), basename(fixture[3])),
          'utf8',
        );
      } catch {
        response.writeHead(404).end();
        return;
      }
      const headers = { 'content-type': TYPES['.html'], 'cache-control': 'no-store' };
      if (fixture[1] === 'strict') headers['content-security-policy'] = STRICT_CSP;
      response.writeHead(200, headers);
      if (fixture[1] === 'slow') {
        const end = body.lastIndexOf('</body>');
        response.write(body.slice(0, end));
        await new Promise((resolve) => setTimeout(resolve, SLOW_PAUSE_MS));
        if (!response.destroyed) response.end(body.slice(end));
      } else {
        response.end(body);
      }
      return;
    }
    const vendor = /^\/vendor\/([\w.-]+)$/.exec(path);
    if (vendor !== null && VENDOR[vendor[1]] !== undefined) {
      const body = await readFile(join(NODE_MODULES, VENDOR[vendor[1]]));
      response.writeHead(200, { 'content-type': TYPES['.js'], 'cache-control': 'no-store' }).end(body);
      return;
    }
    const route = /^\/(react|vue)\/(\d{1,4})$/.exec(path);
    if (route !== null) {
      const html = await renderApp(route[1], Number(route[2]));
      response.writeHead(200, { 'content-type': TYPES['.html'], 'cache-control': 'no-store' }).end(html);
      return;
    }
    const m = /^\/(?:(plain|strict)\/)?([\w.-]+)$/.exec(path);
    if (m === null) {
      response.writeHead(404).end();
      return;
    }
    const [, mode, name] = m;
    let body;
    try {
      body = await readFile(join(PAGES, basename(name)));
    } catch {
      response.writeHead(404).end();
      return;
    }
    const headers = { 'content-type': TYPES[extname(name)] ?? 'application/octet-stream', 'cache-control': 'no-store' };
    if (mode === 'strict') headers['content-security-policy'] = STRICT_CSP;
    response.writeHead(200, headers).end(body);
  });
  await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
  const origin = `http://127.0.0.1:${server.address().port}`;
  return {
    origin,
    url: (path) => `${origin}${path}`,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(resolve);
      }),
  };
}
