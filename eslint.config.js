// ESLint over the project's own JavaScript (make lint-js): ESLint's recommended rules, with the
// globals of where each file runs.
import js from '@eslint/js';
import globals from 'globals';

export default [
  {
    ignores: ['node_modules/', 'target/', 'pkg/', 'dist/', 'bench/out/', 'tests/fuzz/'],
  },
  js.configs.recommended,
  { linterOptions: { reportUnusedDisableDirectives: 'error' } },
  // The extension and the playground: ES modules for the browser, bundled into one classic script
  // per entry point (scripts/bundle.mjs). No WebExtension globals: extension/ext.js alone reaches
  // the API, through globalThis.
  {
    files: ['extension/**/*.js', 'www/**/*.js'],
    languageOptions: {
      sourceType: 'module',
      globals: globals.browser,
    },
  },
  // Node: the build scripts, the benches and the tests. Browser and extension globals too: the
  // benches and the e2e suites hold functions that the browser driver runs inside a page or the
  // extension's worker.
  {
    files: ['**/*.mjs', 'eslint.config.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        ...globals.node,
        ...globals.browser,
        ...globals.webextensions,
      },
    },
  },
  // The e2e test pages' own scripts.
  {
    files: ['tests/e2e/pages/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
];
