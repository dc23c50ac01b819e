// The extension's messages (extension/messages.js): every message the scripts send or answer is
// declared there, every declared one is used, payloads are checked on receipt, and the hooks only
// the e2e suites send stay out of the shipped build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { MESSAGES, checkShape, listen } from '../../extension/messages.js';
import { bundle } from '../../scripts/bundle.mjs';

const EXTENSION = new URL('../../extension/', import.meta.url);
const SOURCES = readdirSync(EXTENSION)
  .filter((name) => name.endsWith('.js') && name !== 'messages.js')
  .map((name) => readFileSync(new URL(name, EXTENSION), 'utf8'));
const TYPE_LITERAL = /'([a-z]+->[a-z]+\/[a-z-]+)'/g;

test('every message type in the extension is declared, and every declared one is used', () => {
  const used = new Set(SOURCES.flatMap((source) => [...source.matchAll(TYPE_LITERAL)].map((m) => m[1])));
  for (const type of used) assert.ok(type in MESSAGES, `${type} is declared in messages.js`);
  for (const type of Object.keys(MESSAGES)) assert.ok(used.has(type), `${type} is sent or answered somewhere`);
});

test('declared shapes use the known types only', () => {
  for (const [type, { payload, reply }] of Object.entries(MESSAGES)) {
    for (const spec of [...Object.values(payload), ...Object.values(reply)]) {
      assert.match(spec, /^(string|integer|boolean|object)\??$/, type);
    }
  }
});

test('a payload is checked: missing, mistyped and unexpected keys are refused, optional ones may be absent', () => {
  const shape = { index: 'integer', layout: 'boolean?' };
  checkShape('t', shape, { index: 3 });
  checkShape('t', shape, { index: 3, layout: true });
  assert.throws(() => checkShape('t', shape, {}), /index is missing/);
  assert.throws(() => checkShape('t', shape, { index: 1.5 }), /index is not an integer/);
  assert.throws(() => checkShape('t', shape, { index: 1, layout: 'yes' }), /layout is not a boolean/);
  assert.throws(() => checkShape('t', shape, { index: 1, extra: 1 }), /unexpected key extra/);
  assert.throws(() => checkShape('t', shape, null), /not an object/);
});

test('a receiver checks the payload before its handler runs, and answers only this extension', async () => {
  const listeners = [];
  globalThis.chrome = { runtime: { id: 'self', onMessage: { addListener: (l) => listeners.push(l) } } };
  const seen = [];
  listen('content', { 'popup->content/restore-one': (message) => (seen.push(message.id), { status: {} }) });
  const send = (message, sender = { id: 'self' }) =>
    new Promise((resolve) => {
      if (!listeners[0](message, sender, resolve)) resolve('not answered');
    });
  assert.deepEqual(await send({ type: 'popup->content/restore-one', id: 2 }), { ok: true, status: {} });
  const bad = await send({ type: 'popup->content/restore-one', id: 'two' });
  assert.equal(bad.ok, false);
  assert.match(bad.error, /id is not an integer/);
  assert.equal(await send({ type: 'popup->content/restore-one', id: 1 }, { id: 'another' }), 'not answered');
  assert.match((await send({ type: 'popup->content/reapply' })).error, /no handler/);
  assert.deepEqual(seen, [2], 'the handler ran for the good message only');
  assert.throws(() => listen('content', { 'popup->content/undeclared': () => ({}) }), /not declared/);
});

test('the hooks only the e2e suites send are left out of the shipped content script', () => {
  const testOnly = Object.keys(MESSAGES).filter((type) => MESSAGES[type].testOnly);
  assert.ok(testOnly.length > 0);
  // The statements labelled for the tests (the one that registers them, the probes), as the
  // bundle has them.
  const hooks = (code) => {
    const found = [];
    for (let at = code.indexOf('TEST_HOOKS:'); at !== -1; at = code.indexOf('TEST_HOOKS:', at + 1)) {
      found.push(code.slice(at, code.indexOf('});', at)));
    }
    return found.join('\n');
  };
  // The wasm's glue stays an import: it exists only after `make wasm`, which these tests precede.
  const content = (options) => bundle('extension/content.js', { ...options, external: ['../pkg/*'] });
  const forTests = hooks(content({ testHooks: true }));
  for (const type of testOnly) assert.ok(forTests.includes(`"${type}"`), `the e2e build answers ${type}`);
  const shipped = content();
  assert.equal(hooks(shipped), '', 'the shipped build answers none of them');
  assert.ok(!shipped.includes('data-tidyread'), 'the shipped build puts no probe on the page');
});
