/**
 * docs/documents.md#how-operations-behave: `add` does not insert a fragment that already stands at
 * the insertion point. KubeVirt calls the hook again with its earlier result re-marshalled through
 * its DomainSpec (comments gone, unmodelled parts gone, empty elements added, siblings reordered by
 * kind), so "stands" is judged as that re-marshal would leave the fragment: per element name, the
 * fragment's elements stand as a contiguous run, in order, among the parent's children of that
 * name, each equal as KubeVirt keeps it (kept-equal.ts); comments count only in a fragment of
 * nothing but comments.
 */
import type { Element, Node } from '@xmldom/xmldom';
import { childModel, modelOf } from '../kubevirt/domain-model.js';
import { elementGroups, keptEqual } from '../kubevirt/kept-equal.js';
import { containsRun, significantItems } from './equal-nodes.js';
import { childNodes, isElement } from './node-kinds.js';

/** `wanted` stands, in order and contiguous, somewhere in `existing`. */
function runStands(
  existing: readonly Element[],
  wanted: readonly Element[],
  equal: (have: Element, want: Element) => boolean,
): boolean {
  for (let start = 0; start + wanted.length <= existing.length; start += 1) {
    if (
      wanted.every((want, i) => {
        const have = existing[start + i];
        return have !== undefined && equal(have, want);
      })
    )
      return true;
  }
  return false;
}

/** Whether the fragment's `nodes` (instantiated for this call) already stand under `parent`. */
export function fragmentStands(parent: Element, nodes: readonly Node[]): boolean {
  const items = significantItems(nodes);
  const standing = significantItems(childNodes(parent));
  const elements = items.filter(
    (item): item is Element => typeof item !== 'string' && isElement(item),
  );
  const texts = items.filter((item): item is string => typeof item === 'string');
  // a fragment of comments only is compared as written: ignoring them would never insert it
  if (elements.length === 0 && texts.length === 0) return containsRun(standing, items);
  if (
    texts.length > 0 &&
    !containsRun(
      standing.filter((item) => typeof item === 'string'),
      texts,
    )
  )
    return false;
  const model = modelOf(parent);
  const existing = elementGroups(childNodes(parent).filter(isElement));
  for (const [key, group] of elementGroups(elements)) {
    const first = group[0];
    if (first === undefined) continue;
    // a top-level element KubeVirt drops is inserted again on the next call: compared as written
    const inner = model === undefined ? undefined : childModel(model, first)?.model();
    if (!runStands(existing.get(key) ?? [], group, (have, want) => keptEqual(have, want, inner)))
      return false;
  }
  return true;
}
