// Bundles an entry point and the ES modules it imports into one classic script, as the browsers
// need it: MV3 content scripts cannot be modules, and Chrome's service worker and Firefox's event
// page each take one file. Not minified (store reviewers read the code), and deterministic: the
// same sources and esbuild version give the same bytes, wherever the checkout is.
import { buildSync } from 'esbuild';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..');

/** The extension's entry points, in extension/: each becomes a file of the same name in dist/. */
export const EXTENSION_ENTRIES = [
  'background.js',
  'content.js',
  'options.js',
  'paint-hold.js',
  'popup.js',
  'welcome.js',
];

/**
 * The bundle of `entry` (a path from the repository's root) as a string. `testHooks`: keep the
 * statements labelled `TEST_HOOKS:`, which answer the messages only the e2e suites send
 * (messages.js's testOnly); the shipped build leaves them out. `globalName`: the entry's
 * exports as one global of that name (for the bench and the tests, which inject a bundle).
 * `external`: import paths left as imports (esbuild's wildcards), not bundled.
 */
export function bundle(entry, { testHooks = false, globalName, external = [] } = {}) {
  const result = buildSync({
    entryPoints: [entry],
    absWorkingDir: ROOT,
    bundle: true,
    format: 'iife',
    globalName,
    external,
    target: 'es2022',
    charset: 'utf8',
    // The statements labelled TEST_HOOKS: (messages only the e2e suites send) are left out.
    dropLabels: testHooks ? [] : ['TEST_HOOKS'],
    define: {
      // Only the glue's default export reads it, to find the wasm beside itself; core.js never
      // calls that (it fetches the wasm and calls initSync), and a classic script has no
      // import.meta.
      'import.meta.url': 'undefined',
    },
    banner: { js: `// Built by scripts/bundle.mjs from ${entry} and the modules it imports.` },
    write: false,
    logLevel: 'silent',
  });
  const problems = [...result.errors, ...result.warnings];
  if (problems.length > 0) {
    const where = (m) => (m.location ? `${relative(ROOT, join(ROOT, m.location.file))}:${m.location.line}: ` : '');
    throw new Error(`bundling ${entry}:\n  ${problems.map((m) => `${where(m)}${m.text}`).join('\n  ')}`);
  }
  return result.outputFiles[0].text;
}
