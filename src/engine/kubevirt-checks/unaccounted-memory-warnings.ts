/**
 * UNACCOUNTED_MEMORY: QEMU arguments that make QEMU allocate memory KubeVirt does not count in the
 * virt-launcher pod's overhead — a VFIO device pins guest memory and its own DMA buffers, a
 * vIOMMU and memory backends add their own (KubeVirt #18915). The pod is then killed for its
 * memory limit, not the guest.
 */
import type { Node } from '@xmldom/xmldom';
import {
  QEMU_NAMESPACE,
  type PatchDocument,
  type XmlOperation,
  type XmlPatchOperation,
} from '../model.js';
import { childNodes, isElement } from '../xml/node-kinds.js';
import type { PatchWarning } from '../warnings.js';
import { pathNames } from './operation-steps.js';

const NEEDS_MEMORY: readonly (readonly [RegExp, string])[] = [
  [/\bvfio-pci\b/, 'a VFIO device'],
  [/\b(intel|virtio|amd)-iommu\b/, 'a virtual IOMMU'],
  [/\bmemory-backend-/, 'a memory backend'],
];

/** Every `value` of a `<qemu:arg>` in the nodes. */
function argValues(nodes: readonly Node[]): string[] {
  return nodes
    .filter(isElement)
    .flatMap((element) => [
      ...(element.namespaceURI === QEMU_NAMESPACE && element.localName === 'arg'
        ? [element.getAttribute('value') ?? '']
        : []),
      ...argValues(childNodes(element)),
    ]);
}

/** A replaced attribute or text node takes the text; a replaced element, the fragment. */
function replacedValues(
  operation: XmlOperation,
  fragment: readonly Node[] | undefined,
  text: string,
): string[] {
  const names = pathNames(operation);
  if (names.attribute === undefined && fragment !== undefined) return argValues(fragment);
  return names.elements.includes('arg') ? [text] : [];
}

function xmlPatchValues(operation: XmlPatchOperation): string[] {
  const { directive } = operation;
  switch (directive.op) {
    case 'add':
      return argValues(directive.content);
    case 'replace':
      return replacedValues(operation, directive.content, directive.text);
    case 'remove':
      return [];
  }
}

function valuesOf(operation: XmlOperation): string[] {
  switch (operation.op) {
    case 'add':
      return argValues(operation.value.nodes);
    case 'replace':
      return replacedValues(operation, operation.value.fragment?.nodes, operation.value.text);
    case 'set':
      return pathNames(operation).elements.includes('arg') ? [operation.value] : [];
    case 'remove':
      return [];
    case 'xml-patch':
      return xmlPatchValues(operation);
  }
}

export function unaccountedMemoryWarnings(document: PatchDocument): PatchWarning[] {
  return document.domain.flatMap((operation) =>
    valuesOf(operation).flatMap((value) => {
      const found = NEEDS_MEMORY.find(([pattern]) => pattern.test(value));
      if (found === undefined) return [];
      const message =
        `the QEMU argument "${value}" adds ${found[1]}, whose memory KubeVirt does not count in ` +
        `the virt-launcher pod's overhead (KubeVirt #18915): the pod can be killed for its ` +
        `memory limit; raise the overhead (the KubeVirt CR's additionalGuestMemoryOverheadRatio, ` +
        `or the VM's memory limit), or use the device from the VM's spec where KubeVirt offers it`;
      return [{ code: 'UNACCOUNTED_MEMORY' as const, message, location: operation.at }];
    }),
  );
}
