/** `hookpatch validate`: load every document (schema, XPath, CEL, `$(var)`), report all errors; with a sample domain also apply it for match counts. */
import { parseArgs } from 'node:util';
import { applyCloudInit, applyDomain, type CallContext } from '../engine/index.js';
import { failWith, type Output } from './apply-command.js';
import { explainReport } from './explain-report.js';
import { loadManifestOrPatch, loadPatches } from './load-patches.js';
import { patchFiles } from './patch-files.js';
import { readInput } from './read-input.js';
import { readVmi } from './read-vmi.js';
import { UsageError } from './usage-error.js';

export function runValidate(argv: readonly string[], out: Output): number {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      patch: { type: 'string', multiple: true, short: 'p' },
      domain: { type: 'string' },
      'cloud-init': { type: 'string' },
      vmi: { type: 'string' },
    },
  });
  const paths = [...positionals, ...(values.patch ?? [])];
  if (paths.length === 0) throw new UsageError('validate needs at least one patch file or directory');
  const vmi = readVmi(values.vmi);
  if (!vmi.ok) return failWith([vmi.error], out);
  const files = patchFiles(paths, { recursive: true });
  // A VMI given here is only a sample for applying: its own annotation is not what is being validated.
  const loaded = loadPatches(files, {}, loadManifestOrPatch);
  if (loaded.errors.length > 0) return failWith(loaded.errors, out);
  const total = [...loaded.counts.values()].reduce((sum, count) => sum + count, 0);
  const call: CallContext = { vmi: vmi.vmi, context: 'Boot' };
  let status = 0;
  for (const [flag, apply] of [
    ['domain', (text: string) => applyDomain(text, loaded.documents, call)],
    ['cloud-init', (text: string) => applyCloudInit(text, loaded.documents, call)],
  ] as const) {
    const file = values[flag];
    if (file === undefined) continue;
    const result = apply(readInput(file, flag));
    out.stdout(explainReport(result.documents));
    if (!result.ok) status = failWith([result.error], out);
  }
  if (status === 0) out.stdout(`valid: ${total} ${total === 1 ? 'document' : 'documents'} in ${files.length} ${files.length === 1 ? 'file' : 'files'}\n`);
  return status;
}
