/**
 * `npm run build`, second step: bundle the CLI into dist/cli/main.js (minified, one chunk per lazily
 * loaded command) over tsc's per-module output. Measured on the serve path: idle heap and RSS
 * smaller (module sources are kept on the V8 heap) and the first Info answer sooner; see
 * docs/performance.md.
 */
import { rmSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { build } from 'esbuild';

const root = fileURLToPath(new URL('..', import.meta.url));

// Chunks sit two levels below the package like every module in src/, so the
// `new URL('../../proto/', import.meta.url)` lookups find proto/ and schemas/ unchanged.
rmSync(new URL('../dist/chunks/', import.meta.url), { recursive: true, force: true });

await build({
  absWorkingDir: root,
  entryPoints: { 'cli/main': 'src/cli/main.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  // the CommonJS dependencies (grpc-js, xmldom, yaml) call require() for Node's built-ins
  banner: {
    js: "import { createRequire as __hookpatchRequire } from 'node:module'; const require = __hookpatchRequire(import.meta.url);",
  },
  logLevel: 'warning',
});
