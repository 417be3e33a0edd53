/** RFC 5261 §4.5 `<remove>`: the located node, and with `ws` the whitespace text node beside it. */
import type { Node } from '@xmldom/xmldom';
import { ok, type Outcome } from '../errors.js';
import {
  isAttr,
  isBlankText,
  isComment,
  isElement,
  isProcessingInstruction,
  isText,
} from '../xml/node-kinds.js';
import type { OperationInput } from '../xml/operation-effect.js';
import { xmlPatchFailure, type WhitespaceDirective } from './xml-patch-directive.js';

/** The whitespace-only text sibling on one side, when `ws` asks for that side. */
function whitespaceBeside(
  target: Node,
  ws: WhitespaceDirective,
  side: 'before' | 'after',
): Outcome<Node | undefined> {
  if (ws !== side && ws !== 'both') return ok(undefined);
  const sibling = side === 'before' ? target.previousSibling : target.nextSibling;
  if (!isBlankText(sibling) || sibling.data === '')
    return xmlPatchFailure(
      'WRONG_NODE_TYPE',
      'invalid-whitespace-directive',
      `no whitespace text node stands ${side} the removed node`,
    );
  return ok(sibling);
}

export function removeXmlPatch(
  target: Node,
  ws: WhitespaceDirective | undefined,
  { document, changes }: OperationInput,
): Outcome<void> {
  if (target === document.documentElement)
    return xmlPatchFailure(
      'ROOT_REMOVED',
      'invalid-root-element-operation',
      'the document element cannot be removed',
    );
  if (isAttr(target) || isText(target)) {
    if (ws !== undefined)
      return xmlPatchFailure(
        'WRONG_NODE_TYPE',
        'invalid-patch-directive',
        `ws applies to elements, comments and processing instructions, not to a ${target.nodeName} node`,
      );
    const holder = isAttr(target) ? target.ownerElement : target.parentNode;
    if (holder !== null) changes.removed(holder, target);
    if (isAttr(target)) target.ownerElement?.removeAttributeNode(target);
    else target.parentNode?.removeChild(target);
    return ok(undefined);
  }
  const parent = target.parentNode;
  if (
    parent === null ||
    !(isElement(target) || isComment(target) || isProcessingInstruction(target))
  ) {
    return xmlPatchFailure(
      'WRONG_NODE_TYPE',
      'invalid-node-types',
      `a ${target.nodeName} node cannot be removed`,
    );
  }
  const before = ws === undefined ? ok(undefined) : whitespaceBeside(target, ws, 'before');
  if (!before.ok) return before;
  const after = ws === undefined ? ok(undefined) : whitespaceBeside(target, ws, 'after');
  if (!after.ok) return after;
  for (const node of [before.value, target, after.value]) {
    if (node === undefined) continue;
    changes.removed(parent, node);
    parent.removeChild(node);
  }
  return ok(undefined);
}
