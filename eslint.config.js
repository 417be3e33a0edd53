// Lint rules: typescript-eslint's recommended set, plus a fence that keeps src/engine pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

// ESLint replaces a rule's options per file rather than merging them, so each block lists this one.
const xpathIsATestOracle = {
  name: 'xpath',
  message:
    'the xpath package is a test oracle (devDependency): see src/engine/xml/xpath/README.md.',
};

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
        {
          patterns: [{ group: ['../cli/*', '../../cli/*'], message: 'imports point inward only.' }],
          paths: [xpathIsATestOracle],
        },
      ],
    },
  },
  {
    files: ['src/**/*.ts'],
    ignores: ['src/engine/**', 'src/hook/**', 'src/sources/**'],
    rules: { 'no-restricted-imports': ['error', { paths: [xpathIsATestOracle] }] },
  },
);
