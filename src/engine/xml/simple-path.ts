/**
 * The simple location paths `set` accepts (docs/documents.md#how-operations-behave), e.g.
 * `/domain/sysinfo[@type='smbios']/baseBoard/entry[@name='manufacturer']/text()`.
 */
import { fail, ok, type Outcome } from '../errors.js';
import type { Namespaces } from '../model.js';
import { readSimplePath } from './xpath/read-simple-path.js';
import { parseWithNamespaces, withXmlPrefix } from './xpath/parse-expression.js';

/** A name test resolved against the document's namespaces (`namespaceURI` null = no namespace). */
export interface NameTest {
  readonly prefix: string | undefined;
  readonly namespaceURI: string | null;
  readonly localName: string;
}

/**
 * An equality predicate that can be made true by creating nodes:
 * `[@name='x']` → { elements: [], attribute: name, value: 'x' };
 * `[alias/@name='y']` → { elements: [alias], attribute: name, value: 'y' };
 * `[target='z']` → { elements: [target], value: 'z' } (the element's text).
 */
export interface SimplePredicate {
  readonly elements: readonly NameTest[];
  readonly attribute?: NameTest;
  readonly value: string;
}

export interface SimpleStep {
  readonly name: NameTest;
  /** all must hold (`[a='1'][b='2']` and `[a='1' and b='2']` are the same) */
  readonly predicates: readonly SimplePredicate[];
}

export type SimpleTarget =
  | { readonly kind: 'element' }
  | { readonly kind: 'attribute'; readonly name: NameTest }
  | { readonly kind: 'text' };

export interface SimplePath {
  readonly source: string;
  /** element steps from the document element down (absolute path; the first step is the root element) */
  readonly steps: readonly SimpleStep[];
  /** what the path ends in after its element steps */
  readonly target: SimpleTarget;
}

/** Errors: XPATH_SYNTAX, UNKNOWN_PREFIX, NOT_SIMPLE_PATH, LIMIT_EXCEEDED (more than 1,000 tokens). */
export function compileSimplePath(source: string, namespaces: Namespaces): Outcome<SimplePath> {
  const parsed = parseWithNamespaces(source, withXmlPrefix(namespaces));
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const read = readSimplePath(parsed.expression);
  if (typeof read === 'string')
    return fail('NOT_SIMPLE_PATH', `not a simple path for set: ${read}`);
  return ok({ source, ...read });
}
