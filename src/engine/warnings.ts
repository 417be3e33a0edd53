/**
 * Warnings are data, as errors are (errors.ts): a code from one union, a message without location,
 * and a location. They never fail a load or a call by themselves; `validate`, `apply --explain`
 * and the call log show them.
 */
import type { Location } from './errors.js';

export type WarningCode =
  // an `add` fragment holds what KubeVirt's DomainSpec drops between OnDefineDomain calls
  | 'DROPPED_BY_KUBEVIRT'
  // a change to a device's identity (alias `ua-…`, address) that KubeVirt manages
  | 'KUBEVIRT_MANAGED_DEVICE'
  // QEMU arguments that need memory KubeVirt does not count in the pod's overhead
  | 'UNACCOUNTED_MEMORY';

export interface PatchWarning {
  readonly code: WarningCode;
  readonly message: string;
  readonly location: Location;
}

/** Every warning of the documents, in document order. */
export function documentWarnings(
  documents: readonly { readonly warnings: readonly PatchWarning[] }[],
): PatchWarning[] {
  return documents.flatMap((document) => document.warnings);
}
