#!/usr/bin/env node
/**
 * The command line's CommonJS entry, `dist/cli/hookpatch.cjs` (the image's ENTRYPOINT and the
 * package's bin): `serve` runs its one-file bundle with the V8 code cache and never loads Node's
 * ES module loader (≈ 6 ms less CPU before the first Info answer, ≈ 30 ms at 200m); every other
 * command is the ES module command line, `dist/cli/main.js`.
 */
import { join } from 'node:path';
import { compileServeBundle } from './serve-bundle.js';

const [command, ...rest] = process.argv.slice(2);
if (command === 'serve') {
  const compiled = compileServeBundle(join(__dirname, 'serve.cjs'));
  compiled.exports.installXmldomRegexpCache();
  void compiled.exports.runServe(rest, { codeCache: compiled.codeCache }).then((code) => {
    process.exitCode = code;
  });
} else {
  void import('./main.js');
}
