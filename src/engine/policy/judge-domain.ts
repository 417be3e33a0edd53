/**
 * The annotation policy (docs/security.md#the-annotation-policy) for the domain: every node an
 * annotation document's operations select or change must lie inside a node an `allow.domain` path
 * selects, both before and after the document; inserting or removing a node changes its parent.
 * Judged on the nodes themselves, as the operations report them, so the cost is the allow paths
 * evaluated twice plus a walk to the root per reported node; each allow path is a step of its own
 * (steps.ts).
 */
import type { Document, Node } from '@xmldom/xmldom';
import type { XmlOperation } from '../model.js';
import type { Steps } from '../steps.js';
import type { ChangeLog } from '../xml/change-log.js';
import type { CompiledXPath } from '../xml/compile-xpath.js';
import { isAttr, isDocument } from '../xml/node-kinds.js';
import { selectNodes } from '../xml/select-nodes.js';
import type { AnnotationPolicy } from './annotation-policy.js';
import { describeNode } from './describe-node.js';

/** What no allow path covers, and when: the operation, what it did, to which node. */
export interface DomainViolation {
  readonly op: XmlOperation;
  readonly message: string;
}

export interface DomainJudge {
  /** the log one operation tells what it selects and changes */
  log(op: XmlOperation): ChangeLog;
  /** the first violation so far: a node outside before the document */
  early(): DomainViolation | undefined;
  /** once the document ran: the first violation, before or after it */
  verdict(): Steps<DomainViolation | undefined>;
}

type Deed = 'selects' | 'changes';

/** The element that holds a node: an attribute's owner, anything else's parent. */
function holder(node: Node): Node | null {
  return isAttr(node) ? node.ownerElement : node.parentNode;
}

function* allowedNodes(
  allow: readonly CompiledXPath[],
  document: Document,
): Steps<ReadonlySet<Node>> {
  const nodes = new Set<Node>();
  for (const path of allow) {
    yield;
    for (const node of selectNodes(path, document)) nodes.add(node);
  }
  return nodes;
}

/** Starts judging one document on `document` as it stands now (the state before the document). */
export function* judgeDomain(policy: AnnotationPolicy, document: Document): Steps<DomainJudge> {
  const allow = policy.domain;
  const outside = `outside allow.domain of the annotation policy ${policy.source}`;
  const before = yield* allowedNodes(allow, document);
  /** nodes the document put in: inside them, nothing existed before */
  const created = new Set<Node>();
  /** every node reported, with its first report, for the check after the document */
  const reported = new Map<Node, { readonly op: XmlOperation; readonly deed: Deed }>();
  let violation: DomainViolation | undefined;

  /** Inside an allowed node before the document; `created` when the node did not exist then. */
  function insideBefore(node: Node): boolean | 'created' {
    for (let at: Node | null = node; at !== null; at = holder(at)) {
      if (created.has(at)) return 'created';
      if (before.has(at)) return true;
    }
    return false;
  }

  function report(node: Node, op: XmlOperation, deed: Deed): void {
    if (!reported.has(node)) reported.set(node, { op, deed });
    if (violation === undefined && insideBefore(node) === false)
      violation = { op, message: `it ${deed} ${describeNode(node)}, ${outside}` };
  }

  function log(op: XmlOperation): ChangeLog {
    return {
      selected: (node) => report(node, op, 'selects'),
      changed: (node) => report(node, op, 'changes'),
      inserted: (parent, node) => {
        report(parent, op, 'changes');
        created.add(node);
      },
      removed: (parent) => report(parent, op, 'changes'),
      replaced: (node, replacement) => {
        report(node, op, 'changes');
        created.add(replacement);
        report(replacement, op, 'changes');
      },
    };
  }

  function* verdict(): Steps<DomainViolation | undefined> {
    if (violation !== undefined || reported.size === 0) return violation;
    const after = yield* allowedNodes(allow, document);
    for (const [node, { op, deed }] of reported) {
      let inside = false;
      let at: Node | null = node;
      for (; at !== null && !isDocument(at); at = holder(at)) inside ||= after.has(at);
      // a node no longer in the document (removed, replaced) has no "after"
      if (at === null || inside || after.has(at)) continue;
      return {
        op,
        message: `it ${deed} ${describeNode(node)}, which after the document lies ${outside}`,
      };
    }
    return undefined;
  }

  return { log, early: () => violation, verdict };
}
