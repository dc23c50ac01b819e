#!/usr/bin/env node
// Writes dist/chrome/ and dist/firefox/ (each loadable unpacked) and their zips from one source:
// manifest.json at the root, extension/ and the wasm package in pkg/ (scripts/wasm-build.sh).
// Also dist/e2e/chrome/ and dist/e2e/firefox/, the same with the messages only the e2e suites send
// (messages.js's testOnly), which the shipped builds leave out.
//
// The manifest's paths are relative to the built extension's root, where extension/'s pages,
// styles and locales, one bundled script per entry point (scripts/bundle.mjs) and the wasm land
// side by side. Browser differences live here, each with its reason, never in a second hand-edited
// manifest.
import { execFileSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { extname, join, relative } from 'node:path';
import { EXTENSION_ENTRIES, ROOT, bundle } from './bundle.mjs';
import { ICON_SOURCE, writeIcons } from './icons.mjs';
import { readVersion, versionDrifts } from './version.mjs';

const DIST = join(ROOT, 'dist');
// The glue (pkg/tidyread.js) is bundled into the scripts that load the wasm; the wasm is fetched.
const WASM = 'tidyread_bg.wasm';

const TRANSFORMS = {
  chrome(manifest) {
    // Chrome runs one service worker file (it ignores `scripts`, with a warning): the bundled
    // background, the one file `scripts` names.
    const { scripts } = manifest.background;
    if (scripts.length !== 1) throw new Error('manifest.json: background.scripts must be the one bundled file');
    manifest.background = { service_worker: scripts[0] };
    // Chrome warns about keys it does not know.
    delete manifest.browser_specific_settings;
    return manifest;
  },
  firefox(manifest) {
    // Firefox runs `background.scripts` as an event page and refuses a service_worker-only
    // background; with both keys it warns (BACKGROUND_SERVICE_WORKER_IGNORED), so this build
    // keeps `scripts` alone, as written in manifest.json.
    if (!manifest.browser_specific_settings?.gecko?.id) throw new Error('manifest.json: no gecko id');
    return manifest;
  },
};

function fail(message) {
  console.error(`build-extension: ${message}`);
  process.exit(1);
}

// Every file the manifest names, so a typo fails the build instead of the browser's load.
function referencedFiles(manifest) {
  const files = [];
  const bg = manifest.background ?? {};
  if (bg.service_worker) files.push(bg.service_worker);
  files.push(...(bg.scripts ?? []));
  for (const cs of manifest.content_scripts ?? []) files.push(...(cs.js ?? []), ...(cs.css ?? []));
  if (manifest.action?.default_popup) files.push(manifest.action.default_popup);
  if (manifest.options_ui?.page) files.push(manifest.options_ui.page);
  for (const war of manifest.web_accessible_resources ?? [])
    files.push(...war.resources.filter((r) => !r.includes('*')));
  for (const icons of [manifest.icons, manifest.action?.default_icon]) {
    if (icons && typeof icons === 'object') files.push(...Object.values(icons));
  }
  if (manifest.default_locale) files.push(`_locales/${manifest.default_locale}/messages.json`);
  return files;
}

// `__MSG_key__` strings must name a message of the default locale.
function checkMessages(manifest, outDir) {
  const messages = JSON.parse(readFileSync(join(outDir, '_locales', manifest.default_locale, 'messages.json'), 'utf8'));
  for (const [, key] of JSON.stringify(manifest).matchAll(/__MSG_(\w+)__/g)) {
    if (!(key in messages))
      fail(`manifest.json uses __MSG_${key}__, missing from _locales/${manifest.default_locale}/messages.json`);
  }
}

// `testHooks`: the e2e suites' build, in dist/e2e/, without a zip.
function build(browser, source, { testHooks }) {
  const outDir = testHooks ? join(DIST, 'e2e', browser) : join(DIST, browser);
  rmSync(outDir, { recursive: true, force: true });
  // The sources of the scripts stay behind (the bundles take their place), and so does the icons'
  // drawing: the build renders it into PNGs.
  cpSync(join(ROOT, 'extension'), outDir, {
    recursive: true,
    filter: (path) => path !== ICON_SOURCE && extname(path) !== '.js',
  });
  for (const entry of EXTENSION_ENTRIES) {
    writeFileSync(join(outDir, entry), bundle(`extension/${entry}`, { testHooks }));
  }
  writeIcons(outDir);
  mkdirSync(join(outDir, 'pkg'), { recursive: true });
  cpSync(join(ROOT, 'pkg', WASM), join(outDir, 'pkg', WASM));

  const manifest = TRANSFORMS[browser](structuredClone(source));
  writeFileSync(join(outDir, 'manifest.json'), `${JSON.stringify(manifest, null, 2)}\n`);

  for (const file of referencedFiles(manifest)) {
    if (!existsSync(join(outDir, file)))
      fail(`${browser}: manifest.json names ${file}, which is not in ${relative(ROOT, outDir)}`);
  }
  checkMessages(manifest, outDir);
  if (testHooks) {
    console.log(`build-extension: ${relative(ROOT, outDir)}/`);
    return;
  }

  const zip = join(DIST, `tidyread-${browser}.zip`);
  rmSync(zip, { force: true });
  // -X: no extra file attributes; files at the zip's root, as the stores expect.
  execFileSync('zip', ['-q', '-r', '-X', zip, '.'], { cwd: outDir, stdio: 'inherit' });
  console.log(`build-extension: ${relative(ROOT, outDir)}/ and ${relative(ROOT, zip)}`);
}

for (const file of ['tidyread.js', WASM]) {
  if (!existsSync(join(ROOT, 'pkg', file))) fail(`pkg/${file} is missing: run \`make wasm\` first`);
}
const drifts = versionDrifts();
if (drifts.length > 0) fail(`the version is out of step with VERSION (scripts/version.mjs):\n  ${drifts.join('\n  ')}`);
// The version comes from VERSION alone.
const { manifest_version: manifestVersion, ...manifestRest } = JSON.parse(
  readFileSync(join(ROOT, 'manifest.json'), 'utf8'),
);
const source = { manifest_version: manifestVersion, version: readVersion(), ...manifestRest };
const browsers = process.argv.slice(2).length ? process.argv.slice(2) : Object.keys(TRANSFORMS);
for (const browser of browsers) {
  if (!(browser in TRANSFORMS)) fail(`unknown browser ${browser}; known: ${Object.keys(TRANSFORMS).join(', ')}`);
  build(browser, source, { testHooks: false });
  build(browser, source, { testHooks: true });
}
