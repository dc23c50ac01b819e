// The toolbar button's badge and icon for a tab's status, and the icon files they name.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ACTION_ICONS, actionIcon, badgeText } from '../../extension/action.js';
import { ICON_SIZES, iconPath } from '../../scripts/icons.mjs';

const status = (fields) => ({ enabled: true, removals: 0, readerOpen: false, ...fields });

test('the badge counts the removals while decluttering is on', () => {
  assert.equal(badgeText(status({ removals: 7 })), '7');
  assert.equal(badgeText(status({ removals: 0 })), '');
  assert.equal(badgeText(status({ enabled: false, removals: 7 })), '', 'off for the site: restored, no count');
  assert.equal(badgeText(status({ removals: 0, readerOpen: true })), '', 'the reader view is not a removal');
});

test('the icon is active while the page is decluttered or the reader view is open', () => {
  assert.equal(actionIcon(status({})), ACTION_ICONS.idle);
  assert.equal(actionIcon(status({ removals: 3 })), ACTION_ICONS.active);
  assert.equal(actionIcon(status({ enabled: false, removals: 3 })), ACTION_ICONS.idle);
  assert.equal(actionIcon(status({ readerOpen: true })), ACTION_ICONS.active);
  assert.equal(actionIcon(status({ enabled: false, readerOpen: true })), ACTION_ICONS.active);
});

test('the icons it names are the ones the build renders, and idle is the manifest default', () => {
  for (const [state, paths] of Object.entries(ACTION_ICONS)) {
    for (const [size, path] of Object.entries(paths)) {
      assert.ok(ICON_SIZES[state].includes(Number(size)), `${state} is rendered at ${size} px`);
      assert.equal(path, iconPath(state, Number(size)));
    }
  }
  const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));
  assert.deepEqual(manifest.action.default_icon, { ...ACTION_ICONS.idle });
});
