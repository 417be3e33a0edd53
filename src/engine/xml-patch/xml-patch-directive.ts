/** What an RFC 5261 `<add>`, `<replace>` or `<remove>` does to the node its `sel` locates, and its errors. */
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

/** RFC 5261 §4.3 `pos="before|after|prepend"`; absent, the content is appended to the selected element. */
export type XmlPatchPosition = 'append' | 'prepend' | 'before' | 'after';

/** RFC 5261 §4.5: `ws` removes the whitespace text node before, after, or on both sides of the removed node. */
export type WhitespaceDirective = 'before' | 'after' | 'both';

/** What an `<add>` or `<replace>` carries. */
export interface XmlPatchContent {
  /** the operation element's children as written, whitespace text included (RFC 5261 §4.3: all of it is added) */
  readonly content: readonly Node[];
  /** the content's text, for attribute, text and namespace values */
  readonly text: string;
}

export interface XmlPatchAdd extends XmlPatchContent {
  readonly op: 'add';
  readonly position: XmlPatchPosition;
  readonly type?: AddType;
}

export interface XmlPatchReplace extends XmlPatchContent {
  readonly op: 'replace';
}

export interface XmlPatchRemove {
  readonly op: 'remove';
  readonly ws?: WhitespaceDirective;
}

/** One RFC 5261 operation element; `op` is its name, as the user wrote it. */
export type XmlPatchDirective = XmlPatchAdd | XmlPatchReplace | XmlPatchRemove;

/** A failure with the engine's code and the RFC's error element. */
export function xmlPatchFailure(
  code: ErrorCode,
  rfc5261: Rfc5261Error,
  message: string,
): { readonly ok: false; readonly problem: Problem } {
  return { ok: false, problem: { code, message, rfc5261 } };
}
