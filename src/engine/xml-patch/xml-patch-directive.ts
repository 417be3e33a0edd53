/** What an RFC 5261 `<add>`, `<replace>` or `<remove>` carries beyond the engine's own operation, and its errors. */
import type { Node } from '@xmldom/xmldom';
import type { ErrorCode, Problem, Rfc5261Error } from '../errors.js';

/** RFC 5261 §4.3: `type="@name"` adds an attribute, `type="namespace::prefix"` a namespace declaration. */
export type AddType =
  | {
      readonly kind: 'attribute';
      readonly namespaceURI: string | null;
      readonly qualifiedName: string;
    }
  | { readonly kind: 'namespace'; readonly prefix: string };

/** RFC 5261 §4.5: `ws` removes the whitespace text node before, after, or on both sides of the removed node. */
export type WhitespaceDirective = 'before' | 'after' | 'both';

export interface XmlPatchDirective {
  /** the operation element's children as written, whitespace text included (RFC 5261 §4.3: all of it is added) */
  readonly content: readonly Node[];
  /** the content's text, for attribute, text and namespace values */
  readonly text: string;
  /** `sel` ends in `namespace::PREFIX`: the operation acts on that declaration of the element `path` selects */
  readonly namespacePrefix?: string;
  readonly type?: AddType;
  readonly ws?: WhitespaceDirective;
}

/** A failure with the engine's code and the RFC's error element. */
export function xmlPatchFailure(
  code: ErrorCode,
  rfc5261: Rfc5261Error,
  message: string,
): { readonly ok: false; readonly problem: Problem } {
  return { ok: false, problem: { code, message, rfc5261 } };
}
