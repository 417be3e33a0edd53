// Lint rules: typescript-eslint's recommended set, plus a fence that keeps src/engine pure.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

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
        },
      ],
    },
  },
);
