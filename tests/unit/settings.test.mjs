// The settings module's pure functions, in Node: lookup by host, normalisation, round trips.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as S from '../../extension/settings.js';

const plain = (v) => JSON.parse(JSON.stringify(v));

test('the most specific host that sets a key wins, per key', () => {
  const s = S.normalize({
    defaults: { declutter: true, autoReader: false, keepComments: false },
    sites: {
      'example.com': { autoReader: true, keepComments: true },
      'news.example.com': { autoReader: false },
    },
  });
  assert.deepEqual(plain(S.forHost(s, 'news.example.com')), { declutter: true, autoReader: false, keepComments: true });
  assert.deepEqual(plain(S.forHost(s, 'a.b.example.com')), { declutter: true, autoReader: true, keepComments: true });
  assert.deepEqual(plain(S.forHost(s, 'WWW.Example.COM.')), { declutter: true, autoReader: true, keepComments: true });
  assert.deepEqual(plain(S.forHost(s, 'other.org')), { declutter: true, autoReader: false, keepComments: false });
  assert.deepEqual(plain(S.forHost(s, 'notexample.com')), { declutter: true, autoReader: false, keepComments: false });
});

test('normalize turns anything into valid settings', () => {
  for (const junk of [
    undefined,
    null,
    42,
    'x',
    [],
    { sites: 'no', reader: { size: 'big', width: 1e9, theme: 'neon' } },
  ]) {
    const s = S.normalize(junk);
    assert.deepEqual(plain(s.defaults), plain(S.DEFAULTS.defaults));
    assert.equal(S.THEMES.includes(s.reader.theme), true);
    assert.ok(s.reader.width >= 30 && s.reader.width <= 120);
    assert.equal(s.reader.images, true, 'images shown unless turned off');
  }
  assert.equal(S.normalize({ reader: { images: false } }).reader.images, false);
  assert.equal(S.normalize({ reader: { images: 'no' } }).reader.images, true);
  const s = S.normalize({
    sites: { 'EXAMPLE.com': { declutter: false, evil: '<script>' }, '': { declutter: false }, 'x.org': {} },
  });
  assert.deepEqual(plain(s.sites), { 'example.com': { declutter: false } });
});

test('withSite sets and unsets keys; an entry with nothing left goes away', () => {
  let s = S.normalize({});
  s = S.withSite(s, 'news.example.com', { declutter: false });
  assert.deepEqual(plain(s.sites), { 'news.example.com': { declutter: false } });
  s = S.withSite(s, 'news.example.com', { declutter: null });
  assert.deepEqual(plain(s.sites), {});
  s = S.withSite(s, 'a.org', { autoReader: true });
  assert.deepEqual(plain(S.withoutSite(s, 'a.org').sites), {});
});

test('export then import round-trips, and bad files are refused clearly', () => {
  const s = S.withSite(S.normalize({ reader: { theme: 'sepia', size: 22 } }), 'example.com', { autoReader: true });
  assert.deepEqual(plain(S.fromJson(S.toJson(s)).settings), plain(s));
  assert.throws(() => S.fromJson('{not json'), { code: 'not-json' });
  assert.throws(() => S.fromJson('[1,2]'), { code: 'not-settings' });
});

test('parts hidden by hand: kept per site, exported and imported with the settings, applied to subdomains', () => {
  const hidden = S.normalizeHidden({
    'WWW.Example.com': ['#promo', '  aside.most-read ', '#promo', 42, ''],
    'example.com': ['div[data-testid="loader"]'],
    'news.example.com': ['.byline-box'],
    'bad.example': 'not a list',
  });
  assert.deepEqual(plain(hidden), {
    'example.com': ['#promo', 'aside.most-read', 'div[data-testid="loader"]'],
    'news.example.com': ['.byline-box'],
  });
  assert.deepEqual(
    S.hiddenForHost(hidden, 'news.example.com').map((h) => `${h.site} ${h.selector}`),
    [
      'news.example.com .byline-box',
      'example.com #promo',
      'example.com aside.most-read',
      'example.com div[data-testid="loader"]',
    ],
  );
  assert.deepEqual(S.hiddenForHost(hidden, 'other.org'), []);
  const settings = S.normalize({ sites: { 'example.com': { declutter: false } } });
  const back = S.fromJson(S.toJson(settings, hidden));
  assert.deepEqual(plain(back.settings), plain(settings));
  assert.deepEqual(plain(back.hidden), plain(hidden));
  assert.deepEqual(plain(S.fromJson(S.toJson(settings)).hidden), {}, 'a file without hidden parts has none');
});
