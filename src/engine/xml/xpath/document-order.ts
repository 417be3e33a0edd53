/**
 * Document order (§5) by numbering: one preorder walk per evaluation, then sorting is by number —
 * never by walking between two nodes.
 */
import type { Node } from '@xmldom/xmldom';
import { attributesOf, firstChildOf, nextInPreorder, rootOf } from './data-model.js';
import { chargeXPath } from './evaluation-cost.js';

export class DocumentOrder {
  private numbers: Map<Node, number> | undefined;

  /** Nodes in document order without duplicates (the input may be in any order and repeat nodes). */
  sortUnique(nodes: readonly Node[]): Node[] {
    // a sort compares each node about log2(n) times, each comparison two lookups of its number
    chargeXPath(nodes.length * (1 + Math.ceil(Math.log2(nodes.length + 1))));
    const unique = [...new Set(nodes)];
    if (unique.length < 2) return unique;
    const numbers = this.numbersFor(unique[0]);
    const numberOf = (node: Node): number => numbers.get(node) ?? this.numberDetached(node);
    return unique.sort((a, b) => numberOf(a) - numberOf(b));
  }

  private numbersFor(sample: Node | undefined): Map<Node, number> {
    if (this.numbers !== undefined) return this.numbers;
    const numbers = new Map<Node, number>();
    if (sample !== undefined) numberTree(rootOf(sample), numbers);
    this.numbers = numbers;
    return numbers;
  }

  /** A node from another tree than the first one numbered (a detached fragment): number that tree after it. */
  private numberDetached(node: Node): number {
    const numbers = this.numbersFor(undefined);
    numberTree(rootOf(node), numbers);
    return numbers.get(node) ?? numbers.size;
  }
}

/** Preorder: a node, then its attributes, then its children. */
function numberTree(root: Node, numbers: Map<Node, number>): void {
  let current: Node | null = root;
  while (current !== null) {
    numbers.set(current, numbers.size);
    const attributes = attributesOf(current);
    chargeXPath(1 + attributes.length);
    for (const attribute of attributes) numbers.set(attribute, numbers.size);
    const down = firstChildOf(current);
    current = down ?? nextInPreorder(current, root);
  }
}
