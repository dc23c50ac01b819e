// The toolbar and store icons: PNGs rendered from the one drawing, extension/icons/tidyread.svg,
// by resvg (pinned in package.json: the same version gives the same bytes on the same machine
// kind, which the reproducible release relies on).
//
// Two states, each a class on the drawing's root: idle, and "active" while tidyread has
// decluttered the page or opened the reader view (the background switches them per tab with
// action.setIcon). The manifest names the idle PNGs; the background names the active ones.
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Resvg } from '@resvg/resvg-js';

const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');
export const ICON_SOURCE = join(ROOT, 'extension', 'icons', 'tidyread.svg');

// Sizes per state: the manifest's icons (16 to 128: toolbar, extension pages, stores) for idle;
// the toolbar's 16 and 32 (for 2x screens) for active.
export const ICON_SIZES = {
  idle: [16, 32, 48, 128],
  active: [16, 32],
};

/** The path of one icon inside the built extension. */
export function iconPath(state, size) {
  return state === 'idle' ? `icons/tidyread-${size}.png` : `icons/tidyread-${state}-${size}.png`;
}

/** The drawing with `state` applied: a class on its root element (idle: none). */
function drawingFor(state, svg) {
  const root = /^<svg\s(?![^>]*\sclass=)/;
  if (!root.test(svg)) throw new Error(`${ICON_SOURCE}: must start with an <svg> element without a class`);
  return state === 'idle' ? svg : svg.replace(root, `<svg class="${state}" `);
}

/** `state` at `size` px square: `{ png, pixels }`, pixels as RGBA bytes, row by row. */
export function renderIcon(state, size, svg = readFileSync(ICON_SOURCE, 'utf8')) {
  const image = new Resvg(drawingFor(state, svg), {
    fitTo: { mode: 'width', value: size },
    font: { loadSystemFonts: false }, // the drawing has no text; the machine's fonts must not matter
  }).render();
  if (image.width !== size || image.height !== size) {
    throw new Error(
      `${ICON_SOURCE}: rendered ${image.width}x${image.height} for ${size} px: the drawing must be square`,
    );
  }
  return { png: image.asPng(), pixels: image.pixels };
}

/** Writes every state and size into `outDir` (the built extension's root). */
export function writeIcons(outDir) {
  const svg = readFileSync(ICON_SOURCE, 'utf8');
  mkdirSync(join(outDir, 'icons'), { recursive: true });
  for (const [state, sizes] of Object.entries(ICON_SIZES)) {
    for (const size of sizes) writeFileSync(join(outDir, iconPath(state, size)), renderIcon(state, size, svg).png);
  }
}
