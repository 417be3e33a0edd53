/** Reading and copy-on-write editing of a JSON value at an RFC 6901 pointer: the input is never mutated. */
import { isRecord } from '../is-record.js';
import { fail, ok, type Outcome } from '../errors.js';
import { ownMember, withElement, withMember, withoutElement, withoutMember } from './json-value.js';
import { arrayIndex, formatPointer, type Pointer } from './pointer.js';

/** Changes one container at the pointer's last token; returns the container's replacement. */
type ParentEdit = (parent: unknown, token: string, at: string) => Outcome<unknown>;

/** `what` is completed with the container's place, e.g. `no member "a" in /spec`. */
function notFound(at: string, what: string, detail = ''): ReturnType<typeof fail> {
  return fail('POINTER_NOT_FOUND', `${what} in ${at === '' ? 'the document' : at}${detail}`);
}

/** The child `token` names inside `node`: an own member of an object, or an existing array element. */
function child(node: unknown, token: string, at: string): Outcome<unknown> {
  if (Array.isArray(node)) {
    const index = arrayIndex(token);
    if (index === undefined || index >= node.length)
      return notFound(at, `no element ${JSON.stringify(token)}`, ` (an array of ${node.length})`);
    return ok(node[index]);
  }
  if (isRecord(node)) {
    const member = ownMember(node, token);
    return member.found ? ok(member.value) : notFound(at, `no member ${JSON.stringify(token)}`);
  }
  return notFound(
    at,
    `no ${JSON.stringify(token)}`,
    ` (a ${node === null ? 'null' : typeof node}, not an object or array)`,
  );
}

/** `node` with the child at `token` replaced (`value`) or removed (undefined); the child is known to exist. */
function withChild(
  node: unknown,
  token: string,
  value: { readonly value: unknown } | undefined,
): unknown {
  if (Array.isArray(node))
    return value === undefined
      ? withoutElement(node, Number(token))
      : withElement(node, Number(token), value.value, 'replace');
  if (isRecord(node))
    return value === undefined ? withoutMember(node, token) : withMember(node, token, value.value);
  throw new Error(`no container at ${JSON.stringify(token)}: child() should have refused it`);
}

/**
 * Walks to the parent of the pointer's target, applies `edit` there, and rebuilds the path back
 * to the root with shallow copies; everything off the path is shared, unchanged.
 */
function editParent(root: unknown, tokens: readonly string[], edit: ParentEdit): Outcome<unknown> {
  const descend = (node: unknown, depth: number): Outcome<unknown> => {
    const token = tokens[depth] ?? '';
    const at = formatPointer(tokens.slice(0, depth));
    if (depth === tokens.length - 1) return edit(node, token, at);
    const next = child(node, token, at);
    if (!next.ok) return next;
    const updated = descend(next.value, depth + 1);
    if (!updated.ok) return updated;
    return ok(withChild(node, token, { value: updated.value }));
  };
  return descend(root, 0);
}

/** The value a pointer names. Errors: POINTER_NOT_FOUND. */
export function readAt(root: unknown, pointer: Pointer): Outcome<unknown> {
  let node = root;
  for (const [depth, token] of pointer.tokens.entries()) {
    const next = child(node, token, formatPointer(pointer.tokens.slice(0, depth)));
    if (!next.ok) return next;
    node = next.value;
  }
  return ok(node);
}

/**
 * RFC 6902 §4.1:
 * > If the target location specifies an array index, a new value is inserted into the array at
 * > the specified index. If the target location specifies an object member that does exist, that
 * > member's value is replaced. [...] The "-" character [...] index of the end of the array.
 * > [...] the specified index MUST NOT be greater than the number of elements in the array.
 *
 * The root pointer replaces the whole document. Errors: POINTER_NOT_FOUND.
 */
export function addAt(root: unknown, pointer: Pointer, value: unknown): Outcome<unknown> {
  if (pointer.tokens.length === 0) return ok(value);
  return editParent(root, pointer.tokens, (parent, token, at) => {
    if (Array.isArray(parent)) {
      const index = token === '-' ? parent.length : arrayIndex(token);
      if (index === undefined || index > parent.length)
        return notFound(
          at,
          `cannot insert at ${JSON.stringify(token)}`,
          ` (an array of ${parent.length})`,
        );
      return ok(withElement(parent, index, value, 'insert'));
    }
    if (isRecord(parent)) return ok(withMember(parent, token, value));
    return notFound(
      at,
      `cannot add ${JSON.stringify(token)}`,
      ` (a ${parent === null ? 'null' : typeof parent}, not an object or array)`,
    );
  });
}

/**
 * RFC 6902 §4.2:
 * > The target location MUST exist for the operation to be successful.
 *
 * Removing the root is refused (ROOT_REMOVED): there would be no document left. Errors:
 * POINTER_NOT_FOUND, ROOT_REMOVED.
 */
export function removeAt(root: unknown, pointer: Pointer): Outcome<unknown> {
  if (pointer.tokens.length === 0) return fail('ROOT_REMOVED', 'cannot remove the whole document');
  return editParent(root, pointer.tokens, (parent, token, at) => {
    const existing = child(parent, token, at);
    if (!existing.ok) return existing;
    return ok(withChild(parent, token, undefined));
  });
}

/**
 * RFC 6902 §4.3:
 * > The target location MUST exist for the operation to be successful.
 *
 * The root pointer replaces the whole document. Errors: POINTER_NOT_FOUND.
 */
export function replaceAt(root: unknown, pointer: Pointer, value: unknown): Outcome<unknown> {
  if (pointer.tokens.length === 0) return ok(value);
  return editParent(root, pointer.tokens, (parent, token, at) => {
    const existing = child(parent, token, at);
    if (!existing.ok) return existing;
    return ok(withChild(parent, token, { value }));
  });
}
