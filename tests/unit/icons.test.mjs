// The toolbar icon, as the build renders it: legible on light and dark toolbars at 16 px, its
// active state unmistakable, and named by the manifest.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { ICON_SIZES, iconPath, renderIcon } from '../../scripts/icons.mjs';

// Toolbar colours of the browsers' default themes.
const TOOLBARS = {
  'Chrome light': '#ffffff',
  'Firefox light': '#f9f9fb',
  'Chrome dark': '#35363a',
  'Firefox dark': '#2b2a33',
};
// WCAG's contrast for large shapes: a pixel at 3:1 or more against the toolbar is seen as ink.
const VISIBLE_CONTRAST = 3;

const rgb = (hex) => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16));
const linear = (c) => (c / 255 <= 0.04045 ? c / 255 / 12.92 : ((c / 255 + 0.055) / 1.055) ** 2.4);
const luminance = ([r, g, b]) => 0.2126 * linear(r) + 0.7152 * linear(g) + 0.0722 * linear(b);
function contrast(a, b) {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (hi + 0.05) / (lo + 0.05);
}

function box() {
  return { left: Infinity, right: -Infinity, top: Infinity, bottom: -Infinity };
}
function grow(b, x, y) {
  b.left = Math.min(b.left, x);
  b.right = Math.max(b.right, x);
  b.top = Math.min(b.top, y);
  b.bottom = Math.max(b.bottom, y);
}

/** How the icon reads on `toolbar`: its drawn pixels, those that stand out, and both extents. */
function onToolbar(pixels, size, toolbar) {
  const background = rgb(toolbar);
  const drawn = box();
  const visible = box();
  let drawnCount = 0;
  let visibleCount = 0;
  for (let i = 0; i < size * size; i++) {
    const alpha = pixels[4 * i + 3] / 255;
    if (alpha === 0) continue;
    const [x, y] = [i % size, Math.floor(i / size)];
    drawnCount++;
    grow(drawn, x, y);
    const seen = [0, 1, 2].map((k) => alpha * pixels[4 * i + k] + (1 - alpha) * background[k]);
    if (contrast(seen, background) >= VISIBLE_CONTRAST) {
      visibleCount++;
      grow(visible, x, y);
    }
  }
  return { drawnCount, visibleCount, drawn, visible };
}

for (const state of Object.keys(ICON_SIZES)) {
  for (const [name, toolbar] of Object.entries(TOOLBARS)) {
    test(`the ${state} icon reads at 16 px on the ${name} toolbar`, () => {
      const { drawnCount, visibleCount, drawn, visible } = onToolbar(renderIcon(state, 16).pixels, 16, toolbar);
      assert.ok(drawnCount > 16 * 16 * 0.4, `the mark fills too little of its square: ${drawnCount} pixels`);
      // Half the mark stands out (outline and lines on light toolbars, the page itself on dark ones)...
      assert.ok(visibleCount >= drawnCount * 0.4, `${visibleCount} of ${drawnCount} pixels stand out`);
      // ...and what stands out spans the page, so its shape is seen, not just a few lines.
      const span = (b) => [b.right - b.left + 1, b.bottom - b.top + 1];
      const [[dw, dh], [vw, vh]] = [span(drawn), span(visible)];
      assert.ok(vw >= dw * 0.8 && vh >= dh * 0.8, `the visible part is ${vw}x${vh} of ${dw}x${dh}`);
    });
  }
}

test('the active state changes much of the icon, not a detail', () => {
  for (const size of ICON_SIZES.active) {
    const idle = renderIcon('idle', size).pixels;
    const active = renderIcon('active', size).pixels;
    let changed = 0;
    for (let i = 0; i < size * size; i++) {
      const difference = [0, 1, 2, 3].reduce((sum, k) => sum + Math.abs(idle[4 * i + k] - active[4 * i + k]), 0);
      if (difference > 128) changed++;
    }
    assert.ok(changed >= size * size * 0.25, `${size} px: ${changed} pixels change`);
  }
});

test('every icon is a PNG of its size', () => {
  for (const [state, sizes] of Object.entries(ICON_SIZES)) {
    for (const size of sizes) {
      const { png } = renderIcon(state, size);
      assert.equal(png.subarray(1, 4).toString('latin1'), 'PNG');
      // IHDR: width and height, big-endian, after the signature and the chunk's length and type.
      assert.deepEqual([png.readUInt32BE(16), png.readUInt32BE(20)], [size, size], `${state} ${size}`);
    }
  }
});

test("the manifest's icons are the idle ones the build writes, from 16 to 128 px", () => {
  const manifest = JSON.parse(readFileSync(new URL('../../manifest.json', import.meta.url), 'utf8'));
  const expected = Object.fromEntries(ICON_SIZES.idle.map((size) => [String(size), iconPath('idle', size)]));
  assert.deepEqual(manifest.icons, expected);
  assert.ok(manifest.icons['128'], 'the stores need a 128 px icon');
});
