/**
 * The heap an xmldom DOM of a text will take, estimated by a linear scan before it is parsed
 * (measured with the image's flags, bench/work-budgets.ts): ~800 bytes an element, ~210 an
 * attribute, ~160 the text node beside each element, a few a character, and 15 % for the
 * garbage of parsing and writing. A dense text (`<a></a>` is 7 characters for 800 bytes) needs
 * far more per character than a KubeVirt domain (~30 bytes a character).
 */

export interface DomSize {
  readonly elements: number;
  readonly attributes: number;
  /** estimated bytes of heap while the DOM is parsed, patched and written */
  readonly bytes: number;
}

const PER_ELEMENT = 960;
const PER_ATTRIBUTE = 210;
const PER_CHARACTER = 3;
const OVERHEAD = 1.15;

/** Attributes of the start tag at `from` (`=` outside quoted values) and the index after its `>`. */
export function startTag(
  text: string,
  from: number,
): { readonly next: number; readonly attributes: number } {
  let quote = '';
  let attributes = 0;
  for (let i = from; i < text.length; i += 1) {
    const c = text[i];
    if (quote !== '') {
      if (c === quote) quote = '';
    } else if (c === '"' || c === "'") quote = c;
    else if (c === '=') attributes += 1;
    else if (c === '>') return { next: i + 1, attributes };
  }
  return { next: text.length, attributes };
}

export function domSizeOf(text: string): DomSize {
  let elements = 0;
  let attributes = 0;
  let i = text.indexOf('<');
  while (i >= 0 && i < text.length) {
    const next = text[i + 1];
    if (text.startsWith('<!--', i)) i = text.indexOf('-->', i + 4);
    else if (text.startsWith('<![CDATA[', i)) i = text.indexOf(']]>', i + 9);
    else if (next === '/' || next === '!' || next === '?') i = text.indexOf('>', i + 2);
    else {
      const tag = startTag(text, i + 1);
      elements += 1;
      attributes += tag.attributes;
      i = tag.next;
    }
    if (i < 0) break;
    i = text.indexOf('<', i);
  }
  const bytes =
    OVERHEAD * (elements * PER_ELEMENT + attributes * PER_ATTRIBUTE + text.length * PER_CHARACTER);
  return { elements, attributes, bytes: Math.ceil(bytes) };
}
