/** `hookpatch apply`: patch a domain XML or CloudInitData JSON offline, exactly as a hook call would. */
import { parseArgs } from 'node:util';
import {
  applyCloudInit,
  applyDomain,
  documentWarnings,
  type ApplyOutcome,
  type CallContext,
  type CloudInitResult,
  INVOCATION_CONTEXTS,
  type InvocationContext,
  type Limits,
  type PatchError,
} from '../engine/index.js';
import { annotationPolicyFlag } from './annotation-policy-flag.js';
import { explainReport } from './explain-report.js';
import { LIMIT_FLAG_OPTIONS, parseLimitFlags } from './limit-flags.js';
import { applyDocuments } from '../sources/index.js';
import { nodeFromEnv } from './node-from-env.js';
import { readInput } from './read-input.js';
import { readVmi } from './read-vmi.js';
import { unifiedDiff } from './unified-diff.js';
import { UsageError } from './usage-error.js';
import { failStrict } from './strict-status.js';
import { errorLines, failWith, isUnreadable, writeNotes, type Output } from './command-output.js';

interface ApplyFlags {
  readonly patches: readonly string[];
  readonly target: { readonly kind: 'domain' | 'cloud-init'; readonly file: string };
  readonly vmi: string | undefined;
  readonly context: InvocationContext;
  readonly limits: Limits;
  readonly policy: string | undefined;
  readonly diff: boolean;
  readonly explain: boolean;
  /** warnings fail the command (CI) */
  readonly strict: boolean;
}

function applyFlags(argv: readonly string[]): ApplyFlags {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      patch: { type: 'string', multiple: true, short: 'p' },
      domain: { type: 'string' },
      'cloud-init': { type: 'string' },
      vmi: { type: 'string' },
      context: { type: 'string', default: 'Boot' },
      'annotation-policy': { type: 'string' },
      diff: { type: 'boolean', default: false },
      explain: { type: 'boolean', default: false },
      strict: { type: 'boolean', default: false },
      ...LIMIT_FLAG_OPTIONS,
    },
  });
  // the same bounds as `serve`, so a document or input refused there is refused here, and can be allowed the same way
  const limits = parseLimitFlags(values);
  if (limits instanceof Error) throw new UsageError(limits.message);
  const patches = [...(values.patch ?? []), ...positionals];
  // a VMI alone brings its annotation's documents: what an administrator checks against a policy
  if (patches.length === 0 && values.vmi === undefined)
    throw new UsageError(
      'apply needs at least one --patch PATH, or a --vmi FILE with its annotation',
    );
  const domain = values.domain;
  const cloudInit = values['cloud-init'];
  if ((domain === undefined) === (cloudInit === undefined))
    throw new UsageError('apply needs exactly one of --domain FILE and --cloud-init FILE');
  const context = INVOCATION_CONTEXTS.find((candidate) => candidate === values.context);
  if (context === undefined)
    throw new UsageError(`--context must be one of ${INVOCATION_CONTEXTS.join(', ')}`);
  return {
    patches,
    target:
      domain !== undefined
        ? { kind: 'domain', file: domain }
        : { kind: 'cloud-init', file: cloudInit ?? '' },
    vmi: values.vmi,
    context,
    limits,
    policy: values['annotation-policy'],
    diff: values.diff,
    explain: values.explain,
    strict: values.strict,
  };
}

export async function runApply(
  argv: readonly string[],
  out: Output,
  env: NodeJS.ProcessEnv,
): Promise<number> {
  const flags = applyFlags(argv);
  const { target } = flags;
  const input = readInput(target.file, target.kind === 'domain' ? 'domain' : 'cloud-init data');
  const vmi = readVmi(flags.vmi);
  if (!vmi.ok) return failWith([vmi.error], out);
  const policy = await annotationPolicyFlag(flags.policy);
  const { sourced, notes } = await applyDocuments(flags.patches, vmi.vmi, {
    limits: flags.limits,
    stdin: () => readInput('-', 'patch'),
  });
  writeNotes(notes, out);
  if (!sourced.ok) {
    if (sourced.errors.some(isUnreadable)) throw new UsageError(errorLines(sourced.errors));
    return failWith(sourced.errors, out);
  }
  const warnings = documentWarnings(sourced.documents);
  if (flags.strict && warnings.length > 0) return failStrict(warnings, out);
  const call: CallContext = {
    vmi: vmi.vmi,
    context: flags.context,
    limits: flags.limits,
    node: nodeFromEnv(env),
    policy,
  };
  const result =
    target.kind === 'domain'
      ? applyDomain(input, sourced.documents, call)
      : mapValue(applyCloudInit(input, sourced.documents, call));
  if (flags.explain) out.stderr(explainReport(result.documents, warnings));
  if (!result.ok) return failWith([inInputFile(result.error, target.file)], out);
  out.stdout(
    flags.diff
      ? unifiedDiff(target.file === '-' ? 'stdin' : target.file, input, result.value)
      : result.value,
  );
  return 0;
}

/** An error about the input (malformed XML, a limit) is placed in the file it was read from. */
function inInputFile(error: PatchError, file: string): PatchError {
  if (error.location.source !== undefined || error.location.document !== undefined) return error;
  return { ...error, location: { ...error.location, source: file === '-' ? 'stdin' : file } };
}

/** `apply --cloud-init` prints the CloudInitData JSON, the form PreCloudInitIso returns. */
function mapValue(result: ApplyOutcome<CloudInitResult>): ApplyOutcome<string> {
  return result.ok
    ? { ok: true, value: result.value.cloudInitData, documents: result.documents }
    : result;
}
