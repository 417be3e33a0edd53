/**
 * Which of a document's warnings a call's log line repeats: those about the operations the call
 * ran, and each only where it applies — a re-marshal warning only on the legacy OnDefineDomain.
 */
import {
  documentWarnings,
  formatWarning,
  type DocumentReport,
  type PatchDocument,
  type PatchWarning,
} from '../engine/index.js';

/** The hook a patch call answers: the legacy callbacks' two and the plugin API's one. */
export type HookName = 'OnDefineDomain' | 'PreCloudInitIso' | 'MutateDomain';

/** Whether the warning is about the operations the call ran: domain ones for the domain hooks. */
function aboutCall(warning: PatchWarning, hook: HookName): boolean {
  const list = warning.location.list ?? 'domain';
  return (list === 'domain') === (hook !== 'PreCloudInitIso');
}

/** Whether what the warning says happens to a call of this hook. */
export function warningApplies(warning: PatchWarning, hook: HookName): boolean {
  if (!aboutCall(warning, hook)) return false;
  switch (warning.code) {
    case 'DROPPED_BY_KUBEVIRT':
      // KubeVirt re-marshals the domain through its DomainSpec between legacy OnDefineDomain calls;
      // the plugin API's MutateDomain gets libvirtxml's marshal, which keeps every element
      return hook === 'OnDefineDomain';
    case 'KUBEVIRT_MANAGED_DEVICE':
    case 'UNACCOUNTED_MEMORY':
      return true;
  }
}

/** The warnings of the documents that applied and that apply to this call, each one formatted line. */
export function appliedWarnings(
  documents: readonly PatchDocument[],
  reports: readonly DocumentReport[],
  hook: HookName,
): string[] {
  const applied = new Set(reports.filter((r) => r.status === 'applied').map((r) => r.name));
  return documentWarnings(documents.filter((document) => applied.has(document.name)))
    .filter((warning) => warningApplies(warning, hook))
    .map(formatWarning);
}
