/**
 * Calls whose patched domain is exactly as large as virt-launcher's grpc-go client accepts, and one
 * byte larger: a large input (a comment pads it) and a patch file whose `set` adds just enough,
 * measured with the engine in process (the served bundle runs the same engine).
 */
import assert from 'node:assert/strict';
import { applyDomain, loadDocuments } from '../../../src/engine/index.js';
import { DOMAIN, vmiWith } from '../fixtures.js';

/** grpc-go's default receive limit counts the reply message: the field's tag and length beside the XML. */
export const GRPC_GO_MAX_MESSAGE = 4 * 1024 * 1024;
/** OnDefineDomainResult: one tag byte and a four-byte length for an XML of 2–256 MiB. */
export const LARGEST_DOMAIN_REPLY = GRPC_GO_MAX_MESSAGE - 5;

/** The input: the recorded domain padded to `chars` with a comment, under the 4 MiB request limit. */
export function paddedDomain(chars: number): Buffer {
  const text = DOMAIN.toString('utf8');
  const pad = chars - text.length - '<!---->'.length;
  return Buffer.from(text.replace('<devices>', `<devices><!--${'p'.repeat(pad)}-->`), 'utf8');
}

function document(vmiName: string, chars: number): string {
  return [
    `when: "vmi.metadata.name == '${vmiName}'"`,
    'domain:',
    `  - {op: set, path: /domain/@pad, value: "${'v'.repeat(chars)}"}`,
    '',
  ].join('\n');
}

/**
 * Documents that make the reply to `input` that many bytes for each VMI name; the server's other
 * documents must skip these names.
 */
export function replySizePatch(input: Buffer, replies: Readonly<Record<string, number>>): string {
  const loaded = loadDocuments(document('probe', 0), { source: 'probe.yaml', origin: 'file' });
  assert.deepEqual(loaded.errors, []);
  const vmi: unknown = JSON.parse(vmiWith('probe').toString('utf8'));
  const base = applyDomain(input.toString('utf8'), loaded.documents, { vmi, context: 'Boot' });
  assert.ok(base.ok, base.ok ? '' : base.error.message);
  const baseBytes = Buffer.byteLength(base.value, 'utf8');
  const documents = Object.entries(replies).map(([name, bytes]) =>
    document(name, bytes - baseBytes),
  );
  return documents.join('---\n');
}
