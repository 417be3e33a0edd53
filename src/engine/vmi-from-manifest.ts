/**
 * The VMI a manifest stands for: a VirtualMachineInstance is itself; a VirtualMachine is the
 * instance its `spec.template` would create.
 */
import { fail, ok, type Outcome } from './errors.js';

import { isRecord } from './is-record.js';

type Fields = Readonly<Record<string, unknown>>;

function fieldsAt(fields: Fields, key: string): Fields {
  const value = fields[key];
  return isRecord(value) ? value : {};
}

/**
 * KubeVirt's VM controller creates the VMI from `spec.template`: its metadata (labels, annotations) and
 * spec, with the VM's name and namespace. Status and everything else of the VM stay behind.
 */
export function vmiFromManifest(manifest: unknown): Outcome<unknown> {
  if (!isRecord(manifest))
    return fail(
      'JSON_MALFORMED',
      'the VMI must be a mapping (a VirtualMachineInstance or a VirtualMachine)',
    );
  const kind = manifest['kind'];
  if (kind === undefined || kind === 'VirtualMachineInstance') return ok(manifest);
  if (kind !== 'VirtualMachine')
    return fail(
      'JSON_MALFORMED',
      `expected a VirtualMachineInstance or a VirtualMachine, not a ${String(kind)}`,
    );
  const metadata = fieldsAt(manifest, 'metadata');
  const template = fieldsAt(fieldsAt(manifest, 'spec'), 'template');
  const templateMetadata = fieldsAt(template, 'metadata');
  const identity = Object.fromEntries(
    ['name', 'namespace'].flatMap((key) =>
      metadata[key] === undefined ? [] : [[key, metadata[key]]],
    ),
  );
  return ok({
    apiVersion: manifest['apiVersion'] ?? 'kubevirt.io/v1',
    kind: 'VirtualMachineInstance',
    metadata: { ...identity, ...templateMetadata },
    spec: fieldsAt(template, 'spec'),
  });
}
