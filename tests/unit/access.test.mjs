// Host access patterns (extension/access.js), in Node, through extension/ext.js: what the popup
// asks for per site, and how a grant is read back.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as access from '../../extension/access.js';

// The browser's permissions API as extension/ext.js reaches it, holding granted origins. An
// all-sites grant covers every pattern; otherwise only the pattern itself.
function withGrants(origins) {
  const covers = (granted, wanted) => granted === wanted || /^https?:\/\/\*\/\*$/.test(granted);
  globalThis.chrome = {
    permissions: {
      getAll: async () => ({ origins }),
      contains: async ({ origins: wanted }) => wanted.every((w) => origins.some((g) => covers(g, w))),
    },
  };
  return access;
}

test('a site is asked for with its subdomains, keyed as the settings key it', () => {
  const A = withGrants([]);
  assert.deepEqual([...A.patternsFor('www.Example.com')], ['http://*.example.com/*', 'https://*.example.com/*']);
  assert.deepEqual(
    [...A.patternsFor('news.example.co.uk.')],
    ['http://*.news.example.co.uk/*', 'https://*.news.example.co.uk/*'],
  );
});

test('addresses and single-label hosts have no subdomains to cover', () => {
  const A = withGrants([]);
  assert.deepEqual([...A.patternsFor('127.0.0.1')], ['http://127.0.0.1/*', 'https://127.0.0.1/*']);
  assert.deepEqual([...A.patternsFor('localhost')], ['http://localhost/*', 'https://localhost/*']);
  assert.deepEqual([...A.patternsFor('[::1]')], ['http://[::1]/*', 'https://[::1]/*']);
  assert.deepEqual([...A.patternsFor('')], []);
});

test('a grant is read back per site and for all sites', async () => {
  const none = await withGrants([]).granted('example.com');
  assert.deepEqual({ all: none.all, site: none.site }, { all: false, site: false });
  const site = await withGrants(['http://*.example.com/*', 'https://*.example.com/*']).granted('www.example.com');
  assert.deepEqual({ all: site.all, site: site.site }, { all: false, site: true });
  const other = await withGrants(['http://*.example.com/*', 'https://*.example.com/*']).granted('example.org');
  assert.equal(other.site, false);
  const all = await withGrants(['http://*/*', 'https://*/*']).granted('example.org');
  assert.deepEqual({ all: all.all, site: all.site }, { all: true, site: true });
});
