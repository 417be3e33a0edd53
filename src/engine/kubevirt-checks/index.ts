/**
 * KubeVirt-aware warnings on a compiled document, beside the loader's own: devices KubeVirt owns,
 * QEMU memory it does not count. The loader adds them to the document.
 */
import type { PatchDocument } from '../model.js';
import type { PatchWarning } from '../warnings.js';
import { managedDeviceWarnings } from './managed-device-warnings.js';
import { unaccountedMemoryWarnings } from './unaccounted-memory-warnings.js';

/** The warnings of one document's operations, in operation order. */
export function kubevirtWarnings(document: PatchDocument): PatchWarning[] {
  return [...managedDeviceWarnings(document), ...unaccountedMemoryWarnings(document)].sort(
    (a, b) => (a.location.operation ?? 0) - (b.location.operation ?? 0),
  );
}
