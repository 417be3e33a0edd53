/** `hookpatch apply`: patch a domain XML or CloudInitData JSON offline, exactly as a hook call would. */
import { parseArgs } from 'node:util';
import {
  applyCloudInit,
  applyDomain,
  documentWarnings,
  formatError,
  type ApplyOutcome,
  type CallContext,
  type CloudInitResult,
  INVOCATION_CONTEXTS,
  type PatchError,
} from '../engine/index.js';
import { explainReport } from './explain-report.js';
import { LIMIT_FLAG_OPTIONS, parseLimitFlags } from './limit-flags.js';
import { applyDocuments, noteMessage, type SourceNote } from '../sources/index.js';
import { nodeFromEnv } from './node-from-env.js';
import { readInput } from './read-input.js';
import { readVmi } from './read-vmi.js';
import { unifiedDiff } from './unified-diff.js';
import { UsageError } from './usage-error.js';

export interface Output {
  readonly stdout: (text: string) => void;
  readonly stderr: (text: string) => void;
}

export async function runApply(
  argv: readonly string[],
  out: Output,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      patch: { type: 'string', multiple: true, short: 'p' },
      domain: { type: 'string' },
      'cloud-init': { type: 'string' },
      vmi: { type: 'string' },
      context: { type: 'string', default: 'Boot' },
      diff: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      ...LIMIT_FLAG_OPTIONS,
    },
  });
  // the same bounds as `serve`, so a document or input refused there is refused here, and can be allowed the same way
  const limits = parseLimitFlags(values);
  if (limits instanceof Error) throw new UsageError(limits.message);
  const patches = [...(values.patch ?? []), ...positionals];
  if (patches.length === 0) throw new UsageError('apply needs at least one --patch PATH');
  const target =
    values.domain !== undefined
      ? { kind: 'domain', file: values.domain }
      : values['cloud-init'] !== undefined
        ? { kind: 'cloud-init', file: values['cloud-init'] }
        : undefined;
  if (target === undefined || (values.domain !== undefined && values['cloud-init'] !== undefined)) {
    throw new UsageError('apply needs exactly one of --domain FILE and --cloud-init FILE');
  }
  const context = INVOCATION_CONTEXTS.find((candidate) => candidate === values.context);
  if (context === undefined)
    throw new UsageError(`--context must be one of ${INVOCATION_CONTEXTS.join(', ')}`);
  const input = readInput(target.file, target.kind === 'domain' ? 'domain' : 'cloud-init data');
  const vmi = readVmi(values.vmi);
  if (!vmi.ok) return failWith([vmi.error], out);
  const { sourced, notes } = await applyDocuments(patches, vmi.vmi, {
    limits,
    stdin: () => readInput('-', 'patch'),
  });
  writeNotes(notes, out);
  if (!sourced.ok) {
    if (sourced.failure.kind === 'source') throw new UsageError(sourced.failure.message);
    return failWith(sourced.failure.errors, out);
  }
  const call: CallContext = { vmi: vmi.vmi, context, limits, node: nodeFromEnv(env) };
  const result =
    target.kind === 'domain'
      ? applyDomain(input, sourced.documents, call)
      : mapValue(applyCloudInit(input, sourced.documents, call));
  if (values.explain)
    out.stderr(explainReport(result.documents, documentWarnings(sourced.documents)));
  if (!result.ok) return failWith([result.error], out);
  out.stdout(
    values.diff
      ? unifiedDiff(target.file === '-' ? 'stdin' : target.file, input, result.value)
      : result.value,
  );
  return 0;
}

/** `apply --cloud-init` prints the CloudInitData JSON, the form PreCloudInitIso returns. */
function mapValue(result: ApplyOutcome<CloudInitResult>): ApplyOutcome<string> {
  return result.ok
    ? { ok: true, value: result.value.cloudInitData, documents: result.documents }
    : result;
}

export function failWith(errors: readonly PatchError[], out: Output): number {
  for (const error of errors) out.stderr(`${formatError(error)}\n`);
  return 1;
}

/** Notes about the sources (a dangling link skipped) go to stderr; stdout stays the result. */
export function writeNotes(notes: readonly SourceNote[], out: Output): void {
  for (const note of notes) out.stderr(`skipped ${noteMessage(note)}\n`);
}
