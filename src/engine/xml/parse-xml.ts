/** Parse XML text strictly: no DTD ever, and every problem xmldom reports (even a warning) is fatal. */
import { DOMParser, type Document } from '@xmldom/xmldom';
import { fail, ok, type Outcome } from '../errors.js';
import { DEFAULT_LIMITS } from '../limits.js';
import { xmlDeeperThan } from '../nesting-depth.js';
import { putCommentsBack, setLongCommentsAside } from './long-comments.js';

/** What xmldom reported first, with its 1-based position (0 when xmldom does not know it). */
interface SyntaxProblem {
  readonly message: string;
  readonly line: number;
  readonly column: number;
}

/**
 * No DTDs (docs/serving.md#limits): refused before any parser sees the text, so no entity is ever
 * expanded.
 */
export function hasDoctype(text: string): boolean {
  return /<!DOCTYPE/i.test(text);
}

/**
 * XML 1.0 §2.11 end-of-line handling only: xmldom's default follows XML 1.1 and would turn
 * U+0085 and U+2028 in text into newlines, changing the document.
 */
function normalizeXml10LineEnds(text: string): string {
  return text.replace(/\r\n?/g, '\n');
}

/** Character references to characters XML 1.0 forbids (xmldom lets `&#0;` through). */
const FORBIDDEN_REFERENCE =
  /&#0*(?:[0-8]|1[1-24-9]|2\d|3[01]);|&#x0*(?:[0-8bBcCeEfF]|1[0-9a-fA-F]|[fF]{3}[eEfF]);/;

/** The characters `isForbiddenCode` names (xml-characters.ts), as one character class. */
// eslint-disable-next-line no-control-regex -- control characters are exactly what it finds
const FORBIDDEN_CHARACTER = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]/;

/** Offset of the first character XML 1.0 forbids, literally or as a reference; -1 if none. */
function firstForbidden(text: string): number {
  const literal = text.search(FORBIDDEN_CHARACTER);
  return literal >= 0 ? literal : (FORBIDDEN_REFERENCE.exec(text)?.index ?? -1);
}

function position(context: unknown): { line: number; column: number } {
  if (typeof context !== 'object' || context === null || !('locator' in context))
    return { line: 0, column: 0 };
  const locator: unknown = context.locator;
  if (typeof locator !== 'object' || locator === null) return { line: 0, column: 0 };
  const line =
    'lineNumber' in locator && typeof locator.lineNumber === 'number' ? locator.lineNumber : 0;
  const column =
    'columnNumber' in locator && typeof locator.columnNumber === 'number'
      ? locator.columnNumber
      : 0;
  return { line, column };
}

function lineAndColumn(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset);
  return { line: before.split('\n').length, column: offset - before.lastIndexOf('\n') };
}

/**
 * xmldom places stray text after the root at the root's start; the first non-blank character after
 * the last `>` is where it is.
 */
function strayTextPosition(text: string, problem: SyntaxProblem): SyntaxProblem {
  if (!/Extra content|outside root/.test(problem.message)) return problem;
  const tail = text.slice(text.lastIndexOf('>') + 1);
  const offset = tail.search(/\S/);
  return offset < 0
    ? problem
    : { ...problem, ...lineAndColumn(text, text.length - tail.length + offset) };
}

/**
 * Parse a whole document; the caller has already refused a DOCTYPE. `locator: false` leaves
 * line and column off every node (less time and heap on a large domain); problems are then
 * still found, but placed only by re-parsing with the locator. Errors: XML_MALFORMED, at its
 * place when xmldom knows it; callers about other texts than the domain give it their own code.
 */
export function parseStrict(text: string, locator = true): Outcome<Document> {
  const forbidden = firstForbidden(text);
  if (forbidden >= 0)
    return fail(
      'XML_MALFORMED',
      'character not allowed in XML 1.0',
      lineAndColumn(text, forbidden),
    );
  let first: SyntaxProblem | undefined;
  const parser = new DOMParser({
    locator,
    normalizeLineEndings: normalizeXml10LineEnds,
    onError: (_level: string, message: string, context: unknown) => {
      first ??= { message, ...position(context) };
      throw new Error(message);
    },
  });
  try {
    const document = parser.parseFromString(text, 'text/xml');
    if (first === undefined) return ok(document);
  } catch (error) {
    first ??= {
      message: error instanceof Error ? error.message : String(error),
      line: 0,
      column: 0,
    };
  }
  const { message, line, column } = strayTextPosition(text, first);
  return fail('XML_MALFORMED', message, line > 0 ? { line, column } : undefined);
}

/** The domain XML of a call. Errors: DOCTYPE_REFUSED, XML_MALFORMED, LIMIT_EXCEEDED (nested deeper than `maxDepth`). */
export function parseDomainXml(
  text: string,
  maxDepth = DEFAULT_LIMITS.maxDepth,
): Outcome<Document> {
  if (hasDoctype(text))
    return fail('DOCTYPE_REFUSED', 'the domain XML has a <!DOCTYPE>; DTDs are refused');
  // xmldom and every DOM walk recurse per level: refuse a deep document before it can overflow the stack
  if (xmlDeeperThan(text, maxDepth))
    return fail('LIMIT_EXCEEDED', `the domain XML nests elements more than ${maxDepth} deep`);
  // a byte order mark is the encoding's signature, not content (XML 1.0 §4.3.3); xmldom would call it stray text
  const body = text.startsWith('\uFEFF') ? text.slice(1) : text;
  // nothing reads a domain node's position: only a failure needs the locator, on the whole text
  const comments = setLongCommentsAside(body);
  const quick = parseStrict(comments.text, false);
  const parsed = quick.ok ? ok(putCommentsBack(quick.value, comments)) : parseStrict(body);
  if (!parsed.ok) {
    const { message, at } = parsed.problem;
    return fail('XML_MALFORMED', `the domain XML is not well-formed: ${message}`, at);
  }
  return parsed;
}
