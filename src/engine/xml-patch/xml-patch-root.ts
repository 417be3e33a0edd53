/** Whether an XML text is an RFC 5261 patch document or other XML (a sample domain, an expected output). */
import { isElement } from '../xml/node-kinds.js';
import { parseDomainXml } from '../xml/parse-xml.js';

/** RFC 5261 operation elements, the children of a patch document's root. */
const XML_PATCH_OPERATIONS = ['add', 'replace', 'remove'];

export type XmlTextKind =
  | { readonly kind: 'patch' }
  /** `root`: the root element's tag name */
  | { readonly kind: 'other'; readonly root: string };

/**
 * A patch when its root is `<diff>` or holds only add/replace/remove elements; XML that does not
 * parse counts as a broken patch, so that loading it shows its error.
 */
export function xmlTextKind(text: string): XmlTextKind {
  const parsed = parseDomainXml(text);
  if (!parsed.ok) return { kind: 'patch' };
  const root = parsed.value.documentElement;
  if (root === null) return { kind: 'patch' };
  const operations = [...root.childNodes].filter(isElement);
  const isPatch =
    root.localName === 'diff' ||
    (operations.length > 0 &&
      operations.every((node) => XML_PATCH_OPERATIONS.includes(node.localName ?? '')));
  return isPatch ? { kind: 'patch' } : { kind: 'other', root: root.tagName };
}
