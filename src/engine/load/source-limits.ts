/** What a whole source text may not exceed before it is parsed: its length, its nesting, its operations. */
import { isRecord } from '../is-record.js';
import type { PatchError } from '../errors.js';
import type { Limits } from '../limits.js';
import { yamlBlockDeeperThan, yamlFlowDeeperThan } from '../nesting-depth.js';
import { isXmlPatchText } from '../xml-patch/load-xml-patch.js';

/** LIMIT_EXCEEDED for a text longer than `maxSourceLength` or nested deeper than `maxDepth`. */
export function sourceOverLimits(
  text: string,
  source: string,
  limits: Limits,
): PatchError | undefined {
  const location = { source, line: 1, column: 1 };
  if (text.length > limits.maxSourceLength)
    return {
      code: 'LIMIT_EXCEEDED',
      message: `the patch source is ${text.length} characters, more than ${limits.maxSourceLength}`,
      location,
    };
  const deep = yamlFlowDeeperThan(text, limits.maxDepth)
    ? '[ ] and { }'
    : !isXmlPatchText(text) && yamlBlockDeeperThan(text, limits.maxDepth)
      ? 'block collections'
      : undefined;
  if (deep === undefined) return undefined;
  return {
    code: 'LIMIT_EXCEEDED',
    message: `the patch source nests ${deep} more than ${limits.maxDepth} deep`,
    location,
  };
}

/** The operations a document lists (full form under `spec`, short form at the top). */
export function operationCount(value: unknown): number {
  const spec = isRecord(value) && 'apiVersion' in value ? value.spec : value;
  if (!isRecord(spec)) return 0;
  return (['domain', 'cloudInit', 'userData', 'networkData'] as const).reduce(
    (sum, list) => sum + (Array.isArray(spec[list]) ? spec[list].length : 0),
    0,
  );
}
