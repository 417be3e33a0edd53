/** Checks that what a YAML document holds is plain JSON data (the only thing RFC 6902 operations can patch). */
import { fail, ok, type Outcome } from '../errors.js';

/**
 * The value itself when it is JSON: null, booleans, finite numbers, strings, arrays and plain
 * objects. YAML can also hold binary, sets, ordered maps and non-finite numbers (`.inf`, `.nan`);
 * such data is refused rather than silently changed. Errors: NOT_CLOUD_CONFIG.
 */
export function asJsonData(value: unknown): Outcome<unknown> {
  const problem = findNonJson(value, '');
  return problem === undefined
    ? ok(value)
    : fail('NOT_CLOUD_CONFIG', `${problem} cannot be represented as JSON`);
}

function findNonJson(value: unknown, at: string): string | undefined {
  if (value === null || typeof value === 'string' || typeof value === 'boolean') return undefined;
  if (typeof value === 'number')
    return Number.isFinite(value) ? undefined : `the number at ${at || '/'}`;
  if (Array.isArray(value)) {
    for (const [index, element] of value.entries()) {
      const problem = findNonJson(element, `${at}/${index}`);
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  if (typeof value === 'object' && Object.getPrototypeOf(value) === Object.prototype) {
    for (const [key, member] of Object.entries(value)) {
      const problem = findNonJson(
        member,
        `${at}/${key.replaceAll('~', '~0').replaceAll('/', '~1')}`,
      );
      if (problem !== undefined) return problem;
    }
    return undefined;
  }
  return `the value at ${at || '/'}`;
}
