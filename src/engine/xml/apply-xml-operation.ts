/** One `domain` operation on a DOM: the single dispatch on `op`; those that insert fragments pause between targets. */
import type { Outcome } from '../errors.js';
import type { XmlOperation } from '../model.js';
import type { Steps } from '../steps.js';
import { applyXmlPatchOperation } from '../xml-patch/apply-xml-patch-operation.js';
import { applyAdd } from './apply-add.js';
import { applyRemove } from './apply-remove.js';
import { applyReplace } from './apply-replace.js';
import { applySet } from './apply-set.js';
import type { OperationEffect, OperationInput } from './operation-effect.js';

export function* applyXmlOperation(
  op: XmlOperation,
  input: OperationInput,
): Steps<Outcome<OperationEffect>> {
  switch (op.op) {
    case 'add':
      return yield* applyAdd(op, input);
    case 'replace':
      return yield* applyReplace(op, input);
    case 'remove':
      return applyRemove(op, input);
    case 'set':
      return applySet(op, input);
    case 'xml-patch':
      return applyXmlPatchOperation(op, input);
  }
}
