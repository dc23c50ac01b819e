// What the clutter-fixture suites share: a sample of tests/fixtures/clutter/ (clutter inside and
// beside an article, in several languages, hashed class names or none) and its expectations.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { ROOT } from './support.mjs';

// One page per pattern: a labelled ad with its copy, a newsletter box, a "Read more" line, a
// subscription nag, a paywall prompt after the article, "story continues below advertisement".
export const SAMPLE = [
  'ad-label-copy-de',
  'newsletter-box-it',
  'read-more-line-fr',
  'subscribe-nag-sv',
  'paywall-after-article-es',
  'story-continues-pl',
];

/** A fixture's address on the test server, and what must go and stay. */
export function fixture(slug) {
  const expected = JSON.parse(readFileSync(join(ROOT, 'tests', 'fixtures', 'clutter', slug, 'expected.json'), 'utf8'));
  return { path: `/fixtures/clutter/${slug}/page.html`, ...expected };
}

export const squash = (text) => text.replace(/\s+/g, ' ').trim();

/**
 * What is wrong with a decluttered page's text and its reader view's paragraphs: each clutter
 * text must be in neither, each kept text in both; `kinds` are the kinds the page reports.
 */
export function problems(want, pageText, readerParagraphs, kinds) {
  const page = squash(pageText);
  const reader = squash(readerParagraphs.join(' '));
  const out = [];
  for (const c of want.clutter) {
    const text = squash(c.text);
    if (page.includes(text)) out.push(`${c.kind} '${c.text}' is on the page`);
    if (reader.includes(text)) out.push(`${c.kind} '${c.text}' is in the reader view`);
    if (!kinds.includes(c.kind)) out.push(`no ${c.kind} among the removals (${kinds.join(', ')})`);
  }
  for (const k of want.keep) {
    const text = squash(k);
    if (!page.includes(text)) out.push(`'${k}' is gone from the page`);
    if (!reader.includes(text)) out.push(`'${k}' is missing from the reader view`);
  }
  return out;
}
