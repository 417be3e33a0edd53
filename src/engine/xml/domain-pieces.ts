/**
 * Where a domain's text can be cut for a parse in pieces (parse-in-pieces.ts): the contents of
 * the root's large children, each cut before a start tag of one of their own children, so every
 * piece is a run of whole nodes. A scan that loses count of the nesting only yields cuts that do
 * not parse, and the whole text is then parsed at once.
 */

/** A child of the root whose content is parsed in pieces. */
export interface SplitElement {
  /** its index among the root's child elements */
  readonly index: number;
  /** offsets of its content: after its start tag's `>`, at its end tag's `<` */
  readonly start: number;
  readonly end: number;
  /** offsets where pieces begin after `start`: each at a start tag of a child */
  readonly cuts: readonly number[];
}

/** Comments, CDATA, processing instructions, end tags, start tags (group 1: `/` when self-closing). */
const MARKUP = new RegExp(
  [
    '<!--[^]*?-->',
    '<!\\[CDATA\\[[^]*?\\]\\]>',
    '<\\?[^]*?\\?>',
    '<\\/[^>]*>',
    `<[^\\s/>!?]+(?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*\\s*(\\/?)>`,
  ].join('|'),
  'g',
);

interface Open {
  readonly index: number;
  readonly start: number;
  readonly children: number[];
}

/** The root's children whose content is longer than `pieceChars`, and their cuts, in text order. */
export function domainPieces(text: string, pieceChars: number): SplitElement[] {
  const split: SplitElement[] = [];
  let depth = 0;
  let elements = -1;
  let open: Open | undefined;
  MARKUP.lastIndex = 0;
  for (let match = MARKUP.exec(text); match !== null; match = MARKUP.exec(text)) {
    const tag = match[0];
    if (tag.startsWith('<!') || tag.startsWith('<?')) continue;
    if (tag.startsWith('</')) {
      depth -= 1;
      if (depth === 1 && open !== undefined) {
        const element = { ...open, end: match.index };
        if (element.end - element.start > pieceChars) split.push(cutsOf(element, pieceChars));
        open = undefined;
      }
      continue;
    }
    if (depth === 1) elements += 1;
    if (depth === 2 && open !== undefined) open.children.push(match.index);
    if (match[1] === '/') continue;
    if (depth === 1) open = { index: elements, start: match.index + tag.length, children: [] };
    depth += 1;
  }
  return split;
}

/** Cuts at child start tags, each at least `pieceChars` after the one before. */
function cutsOf(element: Open & { readonly end: number }, pieceChars: number): SplitElement {
  const cuts: number[] = [];
  let last = element.start;
  for (const child of element.children) {
    if (child - last < pieceChars) continue;
    cuts.push(child);
    last = child;
  }
  return { index: element.index, start: element.start, end: element.end, cuts };
}
