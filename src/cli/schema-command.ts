/**
 * `hookpatch schema [patch|test]`: print schemas/patch.schema.json (the document format), or the
 * hookpatch-test.yaml one.
 */
import { readFileSync } from 'node:fs';
import type { Output } from './command-output.js';
import { UsageError } from './usage-error.js';

const SCHEMAS = { patch: 'patch.schema.json', test: 'test.schema.json' } as const;

/** The schemas sit two levels above this module both in the sources (src/cli/) and in the build (dist/cli/). */
export function schemaText(which: keyof typeof SCHEMAS = 'patch'): string {
  return readFileSync(new URL(`../../schemas/${SCHEMAS[which]}`, import.meta.url), 'utf8');
}

export function runSchema(argv: readonly string[], out: Output): number {
  const [which = 'patch', ...rest] = argv;
  if (rest.length > 0 || (which !== 'patch' && which !== 'test'))
    throw new UsageError(`schema takes patch (the default) or test, not ${argv.join(' ')}`);
  out.stdout(schemaText(which));
  return 0;
}
