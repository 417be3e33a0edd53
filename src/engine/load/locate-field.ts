/** Find where a field of a document was written: the node at a JSON pointer path inside a YAML node tree. */
import { isMap, isScalar, isSeq, type Node } from 'yaml';

/** A path inside a document, as keys and indexes (`['spec', 'domain', 2, 'value']`). */
export type FieldPath = readonly (string | number)[];

/**
 * Source offset of the field's value (or of its key, with `key: true`); the nearest existing
 * ancestor when it is absent.
 */
export function fieldOffset(
  root: Node,
  path: FieldPath,
  options: { readonly key?: boolean } = {},
): number {
  let node: Node = root;
  let offset = start(root);
  for (const [depth, segment] of path.entries()) {
    const last = depth === path.length - 1;
    if (isMap(node)) {
      const pair = node.items.find(
        (item) => isScalar(item.key) && String(item.key.value) === String(segment),
      );
      if (pair === undefined) return offset;
      if (last && options.key === true && isScalar(pair.key)) return start(pair.key);
      if (!isTreeNode(pair.value)) return isScalar(pair.key) ? start(pair.key) : offset;
      node = pair.value;
    } else if (isSeq(node)) {
      const item = node.items[Number(segment)];
      if (!isTreeNode(item)) return offset;
      node = item;
    } else {
      return offset;
    }
    offset = start(node);
  }
  return offset;
}

/** `/spec/domain/2` (ajv's instancePath, RFC 6901) → `['spec', 'domain', '2']`. */
export function pointerSegments(pointer: string): string[] {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replaceAll('~1', '/').replaceAll('~0', '~'));
}

/** The RFC 6901 pointer of a path, for `Location.field`. */
export function fieldPointer(path: FieldPath): string {
  return path
    .map((segment) => `/${String(segment).replaceAll('~', '~0').replaceAll('/', '~1')}`)
    .join('');
}

function start(node: Node): number {
  return node.range?.[0] ?? 0;
}

function isTreeNode(value: unknown): value is Node {
  return typeof value === 'object' && value !== null && 'range' in value;
}
