// The reader view's pure helpers, without a browser: which player addresses a card may load, and
// the file names the article is saved under.
import assert from 'node:assert/strict';
import test from 'node:test';
import { playerUrl } from '../../extension/embeds.js';
import { fileName } from '../../extension/export.js';

test("a card loads only https players on the providers' own player hosts", () => {
  for (const ok of [
    'https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1',
    'https://player.vimeo.com/video/76979871?autoplay=1&h=8272103f6e',
    'https://www.dailymotion.com/embed/video/x2p552m?autoplay=1',
    'https://w.soundcloud.com/player/?url=https%3A%2F%2Fapi.soundcloud.com%2Ftracks%2F1&auto_play=true',
  ]) {
    assert.equal(playerUrl(ok), new URL(ok).href, ok);
  }
  for (const bad of [
    'http://www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    'https://www.youtube-nocookie.com.evil.example/embed/dQw4w9WgXcQ',
    'https://evil.example/?https://www.youtube-nocookie.com/embed/x',
    'https://user:pass@www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    'https://www.youtube.com/watch?v=dQw4w9WgXcQ',
    'javascript:alert(1)',
    'data:text/html,<script>alert(1)</script>',
    '//www.youtube-nocookie.com/embed/dQw4w9WgXcQ',
    '',
  ]) {
    assert.equal(playerUrl(bad), null, bad);
  }
});

test('a saved file is named after the title, without what file systems refuse', () => {
  assert.equal(fileName('How the River Got Its Bridges', 'md'), 'How the River Got Its Bridges.md');
  assert.equal(fileName('Q&A: 50/50? "Yes" <no> | maybe*', 'html'), 'Q&A 50 50 Yes no maybe.html');
  assert.equal(fileName('川沿いの古い倉庫が図書館に', 'md'), '川沿いの古い倉庫が図書館に.md');
  assert.equal(fileName('..hidden\u0000name', 'md'), 'hidden name.md');
  assert.equal(fileName('', 'html'), 'article.html');
  assert.equal(fileName('   ', 'md'), 'article.md');
  assert.equal(fileName('x'.repeat(200), 'md').length, 80 + '.md'.length);
});
