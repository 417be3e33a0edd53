/** RFC 6901 JSON pointers: parsing the text into reference tokens, and reading tokens as array indices. */
import { fail, ok, type Outcome } from '../errors.js';

export interface Pointer {
  /** the pointer as written, for messages and locations */
  readonly source: string;
  /** the unescaped reference tokens; empty for the whole document */
  readonly tokens: readonly string[];
}

/**
 * > json-pointer    = *( "/" reference-token )
 * > reference-token = *( unescaped / escaped )
 * > escaped         = "~" ( "0" / "1" )
 *
 * The empty string is the whole document; anything else must start with `/`. A `~` not
 * followed by `0` or `1` is a syntax error here (RFC 6901 §3 allows no other escape).
 *
 * > first transforming any occurrence of the sequence '~1' to '/', and then transforming any
 * > occurrence of the sequence '~0' to '~'
 *
 * Done in that order, so `~01` becomes `~1` and not `/`.
 * Errors: POINTER_SYNTAX.
 */
export function parsePointer(source: string): Outcome<Pointer> {
  if (source === '') return ok({ source, tokens: [] });
  if (!source.startsWith('/'))
    return fail(
      'POINTER_SYNTAX',
      `JSON pointer ${JSON.stringify(source)} must be empty or start with "/"`,
    );
  if (/~(?![01])/.test(source))
    return fail(
      'POINTER_SYNTAX',
      `JSON pointer ${JSON.stringify(source)} has a "~" not followed by 0 or 1`,
    );
  const tokens = source
    .slice(1)
    .split('/')
    .map((token) => token.replaceAll('~1', '/').replaceAll('~0', '~'));
  return ok({ source, tokens });
}

/** The pointer text for tokens (the inverse of parsePointer), for messages about derived locations. */
export function formatPointer(tokens: readonly string[]): string {
  return tokens.map((token) => `/${token.replaceAll('~', '~0').replaceAll('/', '~1')}`).join('');
}

/**
 * > array-index = %x30 / ( %x31-39 *(%x30-39) )
 * > ; "0", or digits without a leading "0"
 *
 * The index a token names in an array of `length` elements, or undefined when the token is not
 * an array index (`01`, `1e0`, `-1`, `foo`). `-` is handled by the callers that allow it.
 */
export function arrayIndex(token: string): number | undefined {
  if (!/^(0|[1-9][0-9]*)$/.test(token)) return undefined;
  const index = Number(token);
  return Number.isSafeInteger(index) ? index : undefined;
}

/** True when `prefix` names a proper ancestor of `pointer` (RFC 6902 §4.4: no move into one's own child). */
export function isProperPrefix(prefix: Pointer, pointer: Pointer): boolean {
  if (prefix.tokens.length >= pointer.tokens.length) return false;
  return prefix.tokens.every((token, i) => pointer.tokens[i] === token);
}
