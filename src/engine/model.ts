/** The loaded, compiled form of patch documents: what the loader produces and the appliers consume. */
import type { Location, PatchError } from './errors.js';
import type { PatchWarning } from './warnings.js';
import type { InvocationContext, NodeInfo } from './expr/cel-variables.js';
import type { Expression, VarDefinition } from './expr/expression.js';
import type { Limits } from './limits.js';
import type { Meter } from './meter.js';
import type { Pointer } from './json/pointer.js';
import type { PolicyLoad } from './policy/annotation-policy.js';
import type { CompiledXPath } from './xml/compile-xpath.js';
import type { DomSize } from './xml/dom-size.js';
import type { XmlFragment } from './xml/fragment.js';
import type { XmlPatchDirective } from './xml-patch/xml-patch-directive.js';
import type { Namespaces } from './xml/namespace-bindings.js';
import type { SimplePath } from './xml/simple-path.js';

export {
  INVOCATION_CONTEXTS,
  UNKNOWN_NODE,
  type InvocationContext,
  type NodeInfo,
} from './expr/cel-variables.js';
export type { VarDefinition } from './expr/expression.js';
export { QEMU_NAMESPACE, type Namespaces } from './xml/namespace-bindings.js';

export type FailurePolicy = 'Fail' | 'Ignore';
export type Origin = 'file' | 'annotation';

interface OperationBase {
  /** 0-based position in its list */
  readonly index: number;
  /** where the operation was written: source, line, column, document, list, operation, op, path */
  readonly at: Location;
  readonly when?: Expression;
}

export type AddPosition = 'append' | 'prepend' | 'before' | 'after';

export interface AddOperation extends OperationBase {
  readonly op: 'add';
  readonly path: CompiledXPath;
  readonly value: XmlFragment;
  readonly position: AddPosition;
  readonly optional: boolean;
  readonly count?: number;
  /** false: insert even when equal nodes already stand there */
  readonly once: boolean;
}

export interface ReplaceOperation extends OperationBase {
  readonly op: 'replace';
  readonly path: CompiledXPath;
  /** `text` is the raw value (used for attributes / text nodes); `fragment` its parse, when it is well-formed XML */
  readonly value: { readonly text: string; readonly fragment?: XmlFragment };
  readonly optional: boolean;
  readonly count?: number;
}

export interface RemoveOperation extends OperationBase {
  readonly op: 'remove';
  readonly path: CompiledXPath;
  readonly count?: number;
}

export interface SetOperation extends OperationBase {
  readonly op: 'set';
  readonly path: SimplePath;
  /** the string value; `$(name)` not yet expanded */
  readonly value: string;
  readonly optional: boolean;
  readonly count?: number;
}

/**
 * An operation of an RFC 5261 XML patch document, with the RFC's semantics rather than the
 * engine's (src/engine/xml-patch/): `path` must locate exactly one node, nothing is checked for
 * idempotency.
 */
export interface XmlPatchOperation extends OperationBase {
  readonly op: 'xml-patch';
  /** `sel` compiled; its `source` is `sel` as written */
  readonly path: CompiledXPath;
  /** `sel` ends in `namespace::PREFIX`: the operation acts on that declaration of the element `path` selects */
  readonly namespacePrefix?: string;
  readonly directive: XmlPatchDirective;
}

export type XmlOperation =
  AddOperation | ReplaceOperation | RemoveOperation | SetOperation | XmlPatchOperation;

/** The op as the document wrote it: an RFC 5261 operation's is its element's name. */
export function writtenOp(op: XmlOperation): string {
  return op.op === 'xml-patch' ? op.directive.op : op.op;
}

/** RFC 6902 operations; `value` is JSON whose strings may hold `$(name)`. */
export type JsonOperation =
  | (OperationBase & {
      readonly op: 'add' | 'replace' | 'test';
      readonly path: Pointer;
      readonly value: unknown;
    })
  | (OperationBase & { readonly op: 'remove'; readonly path: Pointer })
  | (OperationBase & {
      readonly op: 'move' | 'copy';
      readonly path: Pointer;
      readonly from: Pointer;
    });

export interface PatchDocument {
  readonly name: string;
  readonly origin: Origin;
  /** where the document starts: source, line, column, document */
  readonly at: Location;
  /** size of the document's source text, for limits */
  readonly bytes: number;
  readonly when?: Expression;
  readonly failurePolicy: FailurePolicy;
  readonly namespaces: Namespaces;
  readonly vars: readonly VarDefinition[];
  readonly domain: readonly XmlOperation[];
  readonly cloudInit: readonly JsonOperation[];
  readonly userData: readonly JsonOperation[];
  readonly networkData: readonly JsonOperation[];
  /** what loading found questionable but not wrong (warnings.ts) */
  readonly warnings: readonly PatchWarning[];
}

/** Where a source text comes from. */
export interface SourceInfo {
  /** file path, `-`, or `annotation:hookpatch.io/patch`: used in names and errors */
  readonly source: string;
  readonly origin: Origin;
}

/** Every error of a source text at once; documents only when there are no errors. */
export interface LoadResult {
  readonly documents: readonly PatchDocument[];
  readonly errors: readonly PatchError[];
}

/** What a call knows about the VM it patches. */
export interface CallContext {
  /** the VMI object (parsed JSON); `{}` when the caller has none */
  readonly vmi: unknown;
  readonly context: InvocationContext;
  /** UNKNOWN_NODE when absent */
  readonly node?: NodeInfo;
  /** input size, depth and CEL cost bounds; DEFAULT_LIMITS when absent */
  readonly limits?: Limits;
  /** the call's work budgets and the edge's deadline and heap probes; one from `limits` when absent */
  readonly meter?: Meter;
  /** `--annotation-policy`: what annotation documents may touch; absent = anything */
  readonly policy?: PolicyLoad | undefined;
  /** the domain's size estimate (xml/dom-size.ts), when the caller measured it already */
  readonly domSize?: DomSize;
}
