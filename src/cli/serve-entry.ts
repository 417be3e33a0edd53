/**
 * What `serve` needs, as one module: the entry of the one-file bundle `dist/cli/serve.cjs` that
 * the image runs with a V8 code cache (scripts/bundle.mjs, scripts/code-cache.ts).
 */
export { runServe } from './serve.js';
export { installXmldomRegexpCache } from '../engine/index.js';
