// The store listings in store/<locale>/listing.md: one for every language the extension ships, each
// with the fields the stores ask for, within their limits, and in step with the manifest (every
// permission explained, no other; the shortcut as the manifest suggests it).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const STORE = join(ROOT, 'store');
const SECTIONS = ['Short description', 'Description', 'Permissions', 'Privacy'];
// The Chrome Web Store's limits (addons.mozilla.org allows 250 characters of summary).
const SHORT_MAX = 132;
const DESCRIPTION_MAX = 16000;

const manifest = JSON.parse(readFileSync(join(ROOT, 'manifest.json'), 'utf8'));
const shippedLocales = readdirSync(join(ROOT, 'extension', '_locales'));
const listingLocales = readdirSync(STORE, { withFileTypes: true })
  .filter((entry) => entry.isDirectory() && existsSync(join(STORE, entry.name, 'listing.md')))
  .map((entry) => entry.name);

/** The listing's title and its `## ` sections, by heading, each trimmed. */
function parse(locale) {
  const text = readFileSync(join(STORE, locale, 'listing.md'), 'utf8');
  const [head, ...parts] = text.split(/^## /m);
  const sections = new Map(
    parts.map((part) => {
      const newline = part.indexOf('\n');
      return [part.slice(0, newline).trim(), part.slice(newline + 1).trim()];
    }),
  );
  return { title: head.trim(), headings: [...sections.keys()], sections };
}

test('every language the extension ships has a listing', () => {
  assert.ok(shippedLocales.includes('en'));
  for (const locale of shippedLocales)
    assert.ok(listingLocales.includes(locale), `store/${locale}/listing.md is missing`);
});

for (const locale of listingLocales) {
  test(`store/${locale}: the stores' fields, within their limits`, () => {
    const { title, headings, sections } = parse(locale);
    assert.equal(title, '# tidyread');
    assert.deepEqual(headings, SECTIONS);
    for (const [heading, body] of sections) assert.ok(body.length > 0, `${heading} is empty`);
    const short = sections.get('Short description');
    assert.ok(!short.includes('\n'), 'the short description is one line');
    assert.ok([...short].length <= SHORT_MAX, `the short description has ${[...short].length} characters`);
    assert.ok([...sections.get('Description')].length <= DESCRIPTION_MAX);
    // The stores show plain text: no Markdown emphasis or links to survive the paste.
    for (const heading of ['Short description', 'Description', 'Privacy']) {
      assert.doesNotMatch(sections.get(heading), /\*\*|\]\(|^#/m, `${heading} has Markdown the stores would show`);
    }
  });

  test(`store/${locale}: every permission of the manifest explained, and no other`, () => {
    const wanted = [
      ...(manifest.permissions ?? []),
      ...(manifest.host_permissions ?? []),
      ...(manifest.optional_host_permissions ?? []),
    ].sort();
    const items = parse(locale)
      .sections.get('Permissions')
      .split('\n')
      .filter((line) => line.startsWith('- '));
    // "- `name`, `name` (a note): what it is for", with a full-width colon in Chinese.
    const separator = /: |：/;
    const named = items.flatMap((item) => [...item.split(separator)[0].matchAll(/`([^`]+)`/g)].map((m) => m[1])).sort();
    assert.deepEqual(named, wanted);
    for (const item of items)
      assert.ok(item.split(separator)[1]?.trim().length >= 20, `"${item}" says what the permission is for`);
  });

  test(`store/${locale}: the shortcut is the manifest's`, () => {
    const shortcut = manifest.commands['toggle-reader'].suggested_key.default;
    assert.ok(parse(locale).sections.get('Description').includes(shortcut), `the description names ${shortcut}`);
  });
}
