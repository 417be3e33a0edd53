/**
 * `npm run build`, second step: bundle the command line over tsc's per-module output, minified.
 * `dist/cli/main.js` (ESM) with one chunk per lazily loaded command; `serve` as one CommonJS
 * file, `dist/cli/serve.cjs`, which `src/cli/serve-bundle.ts` compiles with a V8 code cache when
 * `scripts/code-cache.ts` made one (the image does); and `dist/cli/hookpatch.cjs`, the CommonJS
 * entry that runs either. Measured in docs/performance.md.
 */
import { createHash } from 'node:crypto';
import { readdirSync, rmSync, writeFileSync } from 'node:fs';
import { fileURLToPath, URL } from 'node:url';
import { build } from 'esbuild';
import { htmlEntitiesOnDemand } from './html-entities-on-demand.mjs';

const root = fileURLToPath(new URL('..', import.meta.url));
const cliDir = new URL('../dist/cli/', import.meta.url);

const common = {
  absWorkingDir: root,
  bundle: true,
  platform: 'node',
  target: 'node20',
  minify: true,
  legalComments: 'none',
  logLevel: 'warning',
};

// Chunks sit two levels below the package like every module in src/, so the
// `new URL('../../schemas/', import.meta.url)` lookups find schemas/ unchanged.
rmSync(new URL('../dist/chunks/', import.meta.url), { recursive: true, force: true });

/** Imports of another bundle's entry stay imports, resolved next to the importer at run time. */
function outside(name, filter) {
  return {
    name,
    setup(builder) {
      builder.onResolve({ filter }, (args) => ({ path: args.path, external: true }));
    },
  };
}
// main.js imports serve's modules only when there is no serve.cjs (tsc's dist/cli/serve-entry.js)
const serveEntryOutside = outside('serve-entry-outside', /\/serve-entry\.js$/);

await build({
  ...common,
  entryPoints: { 'cli/main': 'src/cli/main.ts' },
  outdir: 'dist',
  chunkNames: 'chunks/[name]-[hash]',
  splitting: true,
  format: 'esm',
  plugins: [serveEntryOutside],
  // the CommonJS dependencies (grpc-js, xmldom, yaml) call require() for Node's built-ins
  banner: {
    js: "import { createRequire as __hookpatchRequire } from 'node:module'; const require = __hookpatchRequire(import.meta.url);",
  },
});

// the CommonJS entry: serve's bundle directly, the ES module command line for the rest
await build({
  ...common,
  entryPoints: ['src/cli/launch.ts'],
  format: 'cjs',
  outfile: 'dist/cli/hookpatch.cjs',
  plugins: [outside('main-outside', /\/main\.js$/)],
});

const serve = await build({
  ...common,
  entryPoints: ['src/cli/serve-entry.ts'],
  plugins: [htmlEntitiesOnDemand],
  format: 'cjs',
  write: false,
  outfile: 'dist/cli/serve.cjs',
});

// A code cache belongs to one exact bundle: the first line names it by the bundle's hash, and
// caches of earlier builds go.
for (const name of readdirSync(cliDir))
  if (/^serve\.cjs\..*\.cache$/.test(name)) rmSync(new URL(name, cliDir));
const code = serve.outputFiles[0]?.text ?? '';
const id = createHash('sha256').update(code).digest('hex').slice(0, 16);
writeFileSync(new URL('serve.cjs', cliDir), `/*! hookpatch serve ${id} */\n${code}`);
