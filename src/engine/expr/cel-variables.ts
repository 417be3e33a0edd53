/** What CEL expressions see besides the VMI: why the domain is defined, and on which node. */

/** Why virt-launcher defines the domain (plugin API `invocation_context`; the legacy hook is always Boot). */
export const INVOCATION_CONTEXTS = ['Boot', 'MigrationSource', 'MigrationTarget'] as const;
export type InvocationContext = (typeof INVOCATION_CONTEXTS)[number];

/** The node the sidecar runs on, as CEL's `node` sees it. */
export interface NodeInfo {
  /** `NODE_NAME` (the pod's `spec.nodeName`, from the downward API); `''` when unknown */
  readonly name: string;
}

export const UNKNOWN_NODE: NodeInfo = { name: '' };
