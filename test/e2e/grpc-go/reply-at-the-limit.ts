/**
 * Calls whose patched domain is exactly as large as virt-launcher's grpc-go client accepts, and one
 * byte larger: the VMI carries a 2 MB annotation that a var writes twice into an attribute, and
 * a few characters more make the size exact, measured with the engine in process (the served
 * bundle runs the same engine).
 */
import assert from 'node:assert/strict';
import { applyDomain, loadDocuments } from '../../../src/engine/index.js';
import { DOMAIN, VMI } from '../fixtures.js';

/** grpc-go's default receive limit counts the reply message: the field's tag and length beside the XML. */
export const GRPC_GO_MAX_MESSAGE = 4 * 1024 * 1024;
/** OnDefineDomainResult: one tag byte and a four-byte length for an XML of 2–256 MiB. */
export const LARGEST_DOMAIN_REPLY = GRPC_GO_MAX_MESSAGE - 5;

const PAD_ANNOTATION = 'hookpatch.test/pad';
const PAD = 'p'.repeat(2_090_000);

/** The recorded VMI named `name`, with the pad annotation. */
export function paddedVmi(name: string): Buffer {
  const vmi = JSON.parse(VMI.toString('utf8')) as {
    metadata: { name: string; annotations: Record<string, string> };
  };
  vmi.metadata.name = name;
  vmi.metadata.annotations[PAD_ANNOTATION] = PAD;
  return Buffer.from(JSON.stringify(vmi));
}

function document(vmiName: string, extra: number): string {
  return [
    `when: "vmi.metadata.name == '${vmiName}'"`,
    `vars: {pad: "vmi.metadata.annotations['${PAD_ANNOTATION}']"}`,
    'domain:',
    `  - {op: set, path: /domain/@pad, value: "$(pad)$(pad)${'v'.repeat(extra)}"}`,
    '',
  ].join('\n');
}

/**
 * Documents that make the reply to the recorded domain that many bytes for each VMI name (with
 * paddedVmi); the server's other documents must skip these names.
 */
export function replySizePatch(replies: Readonly<Record<string, number>>): string {
  const loaded = loadDocuments(document('probe', 0), { source: 'probe.yaml', origin: 'file' });
  assert.deepEqual(loaded.errors, []);
  const vmi: unknown = JSON.parse(paddedVmi('probe').toString('utf8'));
  const base = applyDomain(DOMAIN.toString('utf8'), loaded.documents, { vmi, context: 'Boot' });
  assert.ok(base.ok, base.ok ? '' : base.error.message);
  const baseBytes = Buffer.byteLength(base.value, 'utf8');
  return Object.entries(replies)
    .map(([name, bytes]) => document(name, bytes - baseBytes))
    .join('---\n');
}
