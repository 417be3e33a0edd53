/** `hookpatch schema`: print schemas/patch.schema.json, the single source of truth for the document format. */
import { readFileSync } from 'node:fs';

/** The schema sits two levels above this module both in the sources (src/cli/) and in the build (dist/cli/). */
const SCHEMA_FILE = new URL('../../schemas/patch.schema.json', import.meta.url);

export function schemaText(): string {
  return readFileSync(SCHEMA_FILE, 'utf8');
}
