/**
 * Which of the input's empty elements were written `<x/>` and which `<x></x>`, so an unpatched
 * element keeps its own form in the output ("Output looks like the input" in
 * docs/documents.md#how-operations-behave). The DOM does not keep the form; the text's start tags,
 * read in order, are the document's elements in document order.
 */
import type { Document, Element, Node } from '@xmldom/xmldom';
import { childNodes, isElement } from './node-kinds.js';

export type EmptyForm = 'self-closing' | 'end-tag';

export interface EmptyForms {
  /** the form most empty elements of the input use: the one new and emptied elements get */
  readonly usual: EmptyForm;
  /** elements of the input written in the other form */
  readonly other: ReadonlySet<Node>;
}

/** Markup that is not a start tag is skipped; a start tag's attribute values may hold `>` and `/`. */
const MARKUP = new RegExp(
  [
    '<!--[^]*?-->',
    '<!\\[CDATA\\[[^]*?\\]\\]>',
    '<\\?[^]*?\\?>',
    '<\\/[^>]*>',
    `<[^\\s/>!?]+(?:\\s+[^\\s=/>]+\\s*=\\s*(?:"[^"]*"|'[^']*'))*\\s*(\\/?)>(<\\/)?`,
  ].join('|'),
  'g',
);

/** Each start tag's form, in order: self-closing, empty with an end tag, or with content. */
function startTagForms(text: string): (EmptyForm | 'content')[] {
  const forms: (EmptyForm | 'content')[] = [];
  for (const match of text.matchAll(MARKUP)) {
    const [whole, slash, endTag] = match;
    if (whole.startsWith('</') || whole.startsWith('<!') || whole.startsWith('<?')) continue;
    forms.push(slash === '/' ? 'self-closing' : endTag !== undefined ? 'end-tag' : 'content');
  }
  return forms;
}

function elementsInOrder(document: Document): Element[] {
  const elements: Element[] = [];
  const pending: Node[] = [document];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === undefined) break;
    if (isElement(node)) elements.push(node);
    pending.push(...childNodes(node).reverse());
  }
  return elements;
}

/** The forms of `document`'s empty elements as `text` (what it was parsed from) writes them. */
export function emptyElementForms(text: string, document: Document): EmptyForms {
  const forms = startTagForms(text);
  const selfClosing = forms.filter((form) => form === 'self-closing').length;
  const endTag = forms.filter((form) => form === 'end-tag').length;
  const usual: EmptyForm = endTag > selfClosing ? 'end-tag' : 'self-closing';
  const otherForm = usual === 'end-tag' ? 'self-closing' : 'end-tag';
  if ((usual === 'end-tag' ? selfClosing : endTag) === 0) return { usual, other: new Set() };
  const elements = elementsInOrder(document);
  // a text the parser read differently from this scan keeps the usual form everywhere
  if (elements.length !== forms.length) return { usual, other: new Set() };
  const other = new Set<Node>(elements.filter((_, index) => forms[index] === otherForm));
  return { usual, other };
}
