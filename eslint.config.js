// Lint rules: typescript-eslint's recommended set, plus a fence that keeps src/engine pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// ESLint replaces a rule's options per file rather than merging them, so each block lists this one.
const xpathIsATestOracle = {
  name: 'xpath',
  message:
    'the xpath package is a test oracle (devDependency): see src/engine/xml/xpath/README.md.',
};

/** The edges import the engine through its entry, never its internals. */
const engineThroughIndex = {
  group: ['**/engine/**', '!**/engine/index.js'],
  message: 'import the engine through src/engine/index.ts.',
};

const inwardOnly = { group: ['../cli/*', '../../cli/*'], message: 'imports point inward only.' };

export default tseslint.config(
  { ignores: ['dist/', 'node_modules/', 'test/fixtures/', 'examples/'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-explicit-any': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // Sizes that keep a function readable at one glance and a line readable without scrolling
    // (Prettier wraps code at 100; comments are wrapped by hand).
    files: ['src/**/*.ts'],
    rules: {
      'max-lines-per-function': ['error', { max: 60, skipBlankLines: true, skipComments: true }],
      'max-len': ['error', { code: 120, ignoreUrls: true, ignoreComments: false }],
    },
  },
  {
    files: ['src/engine/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['node:*', 'fs', 'path', 'os', 'child_process', 'net'],
              message: 'src/engine is pure: no I/O.',
            },
            { group: ['@grpc/*'], message: 'src/engine knows nothing of gRPC.' },
            {
              group: [
                '../cli/*',
                '../hook/*',
                '../sources/*',
                '../../cli/*',
                '../../hook/*',
                '../../sources/*',
              ],
              message: 'imports point inward only.',
            },
          ],
          paths: [xpathIsATestOracle],
        },
      ],
      'no-restricted-globals': ['error', 'process', 'Date', 'setTimeout', 'setInterval'],
    },
  },
  {
    files: ['src/hook/**/*.ts', 'src/sources/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [inwardOnly, engineThroughIndex], paths: [xpathIsATestOracle] },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/engine/**', 'src/hook/**', 'src/sources/**'],
    rules: {
      'no-restricted-imports': [
        'error',
        { patterns: [engineThroughIndex], paths: [xpathIsATestOracle] },
      ],
    },
  },
);
