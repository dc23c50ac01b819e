// The UI languages in extension/_locales: every locale has every message of `en` and nothing
// else, with the same placeholders; plural messages have exactly the forms their language needs;
// every message the extension names exists.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import test from 'node:test';
import { fileURLToPath } from 'node:url';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
const LOCALES_DIR = join(ROOT, 'extension', '_locales');
const LOCALES = ['ar', 'de', 'en', 'es', 'fr', 'he', 'it', 'ja', 'nl', 'pl', 'pt_BR', 'ru', 'zh_CN'];
const RIGHT_TO_LEFT = new Set(['ar', 'he']);
// A plural message is a family of keys `NAME_FORM`, one per CLDR plural category the language
// uses (Intl.PluralRules), `NAME_other` always among them.
const PLURAL_KEY = /^(.+)_(zero|one|two|few|many|other)$/;
const PLACEHOLDER = /\$([A-Za-z0-9_@]+)\$/g;

const load = (locale) => JSON.parse(readFileSync(join(LOCALES_DIR, locale, 'messages.json'), 'utf8'));
const en = load('en');
const pluralFamilies = new Set(
  Object.keys(en)
    .map((key) => PLURAL_KEY.exec(key)?.[1])
    .filter((name) => name !== undefined && `${name}_other` in en),
);
const familyOf = (key) => {
  const name = PLURAL_KEY.exec(key)?.[1];
  return pluralFamilies.has(name) ? name : null;
};
const used = (message) => new Set([...message.matchAll(PLACEHOLDER)].map((m) => m[1].toLowerCase()));
const defined = (entry) =>
  Object.fromEntries(Object.entries(entry.placeholders ?? {}).map(([name, p]) => [name.toLowerCase(), p.content]));

test('the twelve languages and English are there, and no other', () => {
  assert.deepEqual(readdirSync(LOCALES_DIR).sort(), LOCALES);
});

for (const locale of readdirSync(LOCALES_DIR).sort()) {
  const messages = load(locale);
  const tag = messages.languageTag?.message;

  test(`${locale}: language tag and direction`, () => {
    assert.equal(tag, locale.replace('_', '-'), 'languageTag names the locale, as BCP 47');
    assert.equal(messages.languageDirection.message, RIGHT_TO_LEFT.has(locale) ? 'rtl' : 'ltr');
  });

  test(`${locale}: every message of en, no other, each plural in the forms ${tag} needs`, () => {
    const forms = new Intl.PluralRules(tag).resolvedOptions().pluralCategories;
    const expected = new Set(Object.keys(en).filter((key) => familyOf(key) === null));
    for (const family of pluralFamilies) for (const form of forms) expected.add(`${family}_${form}`);
    const actual = new Set(Object.keys(messages));
    assert.deepEqual(
      [...expected].filter((key) => !actual.has(key)),
      [],
      'missing',
    );
    assert.deepEqual(
      [...actual].filter((key) => !expected.has(key)),
      [],
      'extra',
    );
  });

  test(`${locale}: placeholders as in en`, () => {
    for (const [key, entry] of Object.entries(messages)) {
      const family = familyOf(key);
      const reference = en[key] ?? en[`${family}_other`];
      assert.ok(typeof entry.message === 'string' && entry.message.trim() !== '', `${key}: a message`);
      assert.deepEqual(defined(entry), defined(reference), `${key}: the placeholders en defines`);
      const want = used(reference.message);
      const got = used(entry.message);
      // A plural form other than `other` may leave the number out ("one headline", "zwei").
      if (family !== null && !key.endsWith('_other')) want.delete('count');
      for (const name of got) assert.ok(name in defined(reference), `${key}: $${name}$ is defined`);
      for (const name of want) assert.ok(got.has(name), `${key}: uses $${name.toUpperCase()}$`);
      const stray = entry.message.replace(PLACEHOLDER, '').replace(/\$\$/g, '');
      assert.ok(!stray.includes('$'), `${key}: no stray $ in ${JSON.stringify(entry.message)}`);
    }
  });

  if (locale !== 'en') {
    test(`${locale}: sentences are translated`, () => {
      const untranslated = Object.keys(messages).filter(
        (key) => en[key] && en[key].message.split(' ').length >= 3 && messages[key].message === en[key].message,
      );
      assert.deepEqual(untranslated, []);
    });
  }
}

test('every message the extension names exists in en', () => {
  const extension = join(ROOT, 'extension');
  const names = new Set();
  const files = readdirSync(extension, { recursive: true }).filter(
    (f) => /\.(js|html)$/.test(f) && !f.includes('_locales'),
  );
  for (const file of files) {
    // Comments may show examples of the syntax.
    const text = readFileSync(join(extension, file), 'utf8')
      .replace(/\/\*[\s\S]*?\*\/|<!--[\s\S]*?-->/g, '')
      .replace(/^\s*\/\/.*$/gm, '');
    for (const m of text.matchAll(/data-i18n(?:-[a-z-]+)?="([A-Za-z0-9_]+)"/g)) names.add(m[1]);
    for (const m of text.matchAll(/\b(?:t|i18n|plural)\(\s*'([A-Za-z0-9_]+)'/g)) names.add(m[1]);
  }
  const manifest = readFileSync(join(ROOT, 'manifest.json'), 'utf8');
  for (const m of manifest.matchAll(/__MSG_([A-Za-z0-9_]+)__/g)) names.add(m[1]);
  assert.ok(names.size > 50, `found the extension's message names (${names.size})`);
  const missing = [...names].filter((name) => !(name in en) && !pluralFamilies.has(name));
  assert.deepEqual(missing, []);
});
