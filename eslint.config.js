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
  // The extension and the playground: classic scripts in the browser (content scripts, the
  // background, the extension's pages), sharing the globals each file defines.
  {
    files: ['extension/**/*.js', 'www/**/*.js'],
    languageOptions: {
      sourceType: 'script',
      globals: {
        ...globals.browser,
        ...globals.webextensions,
        ext: 'readonly',
        wasm_bindgen: 'readonly',
        TidyreadSettings: 'readonly',
        TidyreadSnapshot: 'readonly',
        TidyreadPrehide: 'readonly',
        TidyreadReader: 'readonly',
        TidyreadAccess: 'readonly',
        TidyreadI18n: 'readonly',
      },
    },
  },
  // Node: the build scripts, the benches and the tests. Browser and extension globals too: the
  // benches and the e2e suites hold functions that the browser driver runs inside a page or the
  // extension's worker, where the bench's and the playground's globals are defined.
  {
    files: ['**/*.mjs', 'eslint.config.js'],
    languageOptions: {
      sourceType: 'module',
      globals: {
        ...globals.node,
        ...globals.browser,
        ...globals.webextensions,
        TidyreadSnapshot: 'readonly',
        wasm_bindgen: 'readonly',
      },
    },
  },
  // The e2e test pages' own scripts.
  {
    files: ['tests/e2e/pages/**/*.js'],
    languageOptions: { sourceType: 'script', globals: globals.browser },
  },
];
