/**
 * A domain XML text as a DOM and back: what the DOM does not keep (empty-element forms, byte order
 * mark, trailing whitespace) is carried beside it.
 */
import type { Document } from '@xmldom/xmldom';
import { ok, type Outcome } from './errors.js';
import type { Limits } from './limits.js';
import type { Steps } from './steps.js';
import { emptyElementForms, type EmptyForms } from './xml/empty-element-forms.js';
import { parseDomainInPieces } from './xml/parse-in-pieces.js';
import { serializeXml, xmlStyleOf } from './xml/serialize-xml.js';

/** The parsed input and the forms of its empty elements, which the DOM does not keep. */
export interface ParsedDomain {
  readonly document: Document;
  readonly forms: EmptyForms;
}

/** The parse (in pieces when the text is large), then the scan for empty-element forms. */
export function* parseDomain(text: string, limits: Limits): Steps<Outcome<ParsedDomain>> {
  const parsed = yield* parseDomainInPieces(text, limits.maxDepth);
  if (!parsed.ok) return parsed;
  yield;
  return ok({ document: parsed.value, forms: emptyElementForms(text, parsed.value) });
}

/** The whitespace that ends `text` (a loop: `/\s*$/` is quadratic in a long run of spaces inside the text). */
function trailingWhitespace(text: string): string {
  let start = text.length;
  while (start > 0 && /\s/.test(text.charAt(start - 1))) start -= 1;
  return text.slice(start);
}

/** The serialized DOM with the input's byte order mark and trailing whitespace, which the parser does not keep. */
export function writeDomain(parsed: ParsedDomain, input: string): string {
  const text = serializeXml(parsed.document, {
    ...xmlStyleOf(input),
    empty: parsed.forms.usual,
    otherEmpty: parsed.forms.other,
  });
  const bom = input.startsWith('\uFEFF') ? '\uFEFF' : '';
  return bom + (/\s$/.test(text) ? text : text + trailingWhitespace(input));
}
