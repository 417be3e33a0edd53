/** What an operation does to the DOM, told as it happens to whoever judges it (the policy); layout is not told. */
import type { Node } from '@xmldom/xmldom';

export interface ChangeLog {
  /** a node the operation's path selected (for `set`: the node that gets the value) */
  selected(node: Node): void;
  /** a node whose own value changes in place: an attribute, a text node, an element's whole content */
  changed(node: Node): void;
  /** `node` is put into `parent` (an attribute onto its element): a change of the parent */
  inserted(parent: Node, node: Node): void;
  /** `node` is taken out of `parent`: a change of the parent */
  removed(parent: Node, node: Node): void;
  /** `replacement` takes the place of `node`, which keeps its parent unchanged otherwise */
  replaced(node: Node, replacement: Node): void;
}

/** Tells nothing: the log of an operation nobody judges. */
export const UNJUDGED: ChangeLog = {
  selected: () => undefined,
  changed: () => undefined,
  inserted: () => undefined,
  removed: () => undefined,
  replaced: () => undefined,
};
