/** The `--max-*` flags that set the engine's Limits: names, parsing and the usage line. */
import { DEFAULT_LIMITS, MAX_DEPTH_CEILING, type Limits } from '../engine/index.js';

/** flag name -> the Limits field it sets */
const FLAGS = {
  'max-input-length': 'maxInputLength',
  'max-source-length': 'maxSourceLength',
  'max-operations': 'maxOperations',
  'max-depth': 'maxDepth',
  'max-cel-cost': 'maxCelCost',
  'max-nodes': 'maxNodes',
  'max-xpath-cost': 'maxXPathCost',
  'max-data-length': 'maxDataLength',
  'max-json-values': 'maxJsonValues',
  'max-dom-bytes': 'maxDomBytes',
} as const satisfies Record<string, keyof Limits>;

type LimitFlag = keyof typeof FLAGS;

export const LIMIT_FLAG_USAGE =
  '[--max-input-length N] [--max-source-length N] [--max-operations N] [--max-depth N] [--max-cel-cost N]\n' +
  '       [--max-nodes N] [--max-xpath-cost N] [--max-data-length N] [--max-json-values N] [--max-dom-bytes N]';

/** parseArgs options for the limit flags. */
export const LIMIT_FLAG_OPTIONS: Record<LimitFlag, { readonly type: 'string' }> = {
  'max-input-length': { type: 'string' },
  'max-source-length': { type: 'string' },
  'max-operations': { type: 'string' },
  'max-depth': { type: 'string' },
  'max-cel-cost': { type: 'string' },
  'max-nodes': { type: 'string' },
  'max-xpath-cost': { type: 'string' },
  'max-data-length': { type: 'string' },
  'max-json-values': { type: 'string' },
  'max-dom-bytes': { type: 'string' },
};

/** The limits the flags ask for, defaults for the others; an Error names the first bad flag. */
export function parseLimitFlags(values: Partial<Record<string, unknown>>): Limits | Error {
  const limits: Record<keyof Limits, number> = { ...DEFAULT_LIMITS };
  for (const [flag, field] of Object.entries(FLAGS)) {
    const text = values[flag];
    if (text === undefined) continue;
    const value = typeof text === 'string' && /^\d+$/.test(text) ? Number(text) : NaN;
    if (!Number.isSafeInteger(value) || value <= 0)
      return new Error(`--${flag} must be a positive integer`);
    limits[field] = value;
  }
  // Deeper documents could overflow the stack in recursive DOM walks, whatever the flag says.
  if (limits.maxDepth > MAX_DEPTH_CEILING)
    return new Error(`--max-depth must be at most ${MAX_DEPTH_CEILING}`);
  return limits;
}
