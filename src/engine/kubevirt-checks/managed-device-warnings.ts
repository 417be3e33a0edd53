/**
 * KUBEVIRT_MANAGED_DEVICE: operations on what KubeVirt owns in a device. virt-launcher finds the
 * devices it created by their `ua-<name>` alias and assigns their addresses; patches that changed
 * those, or removed such a device, have crashed virt-launcher (KubeVirt #14860, #15769).
 */
import { writtenOp, type PatchDocument, type XmlOperation } from '../model.js';
import type { PatchWarning } from '../warnings.js';
import { pathNames } from './operation-steps.js';

const IDENTITY = ['alias', 'address'];

/** What the operation does to a KubeVirt device, as a message; undefined when nothing. */
function managedChange(operation: XmlOperation): string | undefined {
  const names = pathNames(operation);
  const devices = names.elements.indexOf('devices');
  if (devices < 0) return undefined;
  const inside = names.elements.slice(devices + 1);
  const identity = inside.slice(1).find((name) => IDENTITY.includes(name));
  // an RFC 5261 operation counts as the add, replace or remove it is
  const op = writtenOp(operation);
  if (op !== 'add' && identity !== undefined)
    return (
      `changes a device's <${identity}>, which KubeVirt owns: it finds its devices by the ` +
      `alias ua-<name> and assigns their addresses itself, and patches changing them have ` +
      `crashed virt-launcher (KubeVirt #14860, #15769); change other parts of the device, and ` +
      `its address in the VM's spec where KubeVirt offers one`
    );
  const claimed = names.literals.find((literal) => literal.startsWith('ua-'));
  if ((op === 'remove' || op === 'replace') && inside.length === 1 && claimed !== undefined)
    return (
      `${op === 'remove' ? 'removes' : 'replaces'} the device ${claimed} that ` +
      `KubeVirt created for the VMI and still looks up by that alias (a device gone from under ` +
      `virt-launcher has crashed it, KubeVirt #14860); change the VM's spec instead, or only ` +
      `parts of the device`
    );
  return undefined;
}

export function managedDeviceWarnings(document: PatchDocument): PatchWarning[] {
  return document.domain.flatMap((operation) => {
    const message = managedChange(operation);
    return message === undefined
      ? []
      : [{ code: 'KUBEVIRT_MANAGED_DEVICE' as const, message, location: operation.at }];
  });
}
