/**
 * `hookpatch validate`: load every document (schema, XPath, CEL, `$(var)`) of the patch files and
 * manifests given, report all errors; with a sample domain also apply them for match counts.
 */
import { parseArgs } from 'node:util';
import {
  applyCloudInit,
  applyDomain,
  documentWarnings,
  formatWarning,
  policyGate,
  type CallContext,
  type PatchDocument,
  type PatchWarning,
} from '../engine/index.js';
import {
  sourceError,
  validationSources,
  type ValidatedFile,
  type ValidationSources,
} from '../sources/index.js';
import { annotationPolicyFlag } from './annotation-policy-flag.js';
import { errorLines, failWith, isUnreadable, writeNotes, type Output } from './command-output.js';
import { explainReport } from './explain-report.js';
import { readInput } from './read-input.js';
import { readVmi } from './read-vmi.js';
import { UsageError } from './usage-error.js';
import { strictStatus } from './strict-status.js';

export async function runValidate(argv: readonly string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: {
      patch: { type: 'string', multiple: true, short: 'p' },
      domain: { type: 'string' },
      'cloud-init': { type: 'string' },
      vmi: { type: 'string' },
      'annotation-policy': { type: 'string' },
      strict: { type: 'boolean', default: false },
    },
  });
  const paths = [...positionals, ...(values.patch ?? [])];
  if (paths.length === 0)
    throw new UsageError('validate needs at least one patch file or directory');
  const vmi = readVmi(values.vmi);
  if (!vmi.ok) return failWith([vmi.error], out);
  const policy = await annotationPolicyFlag(values['annotation-policy']);
  const sources = await validationSources(paths, { stdin: () => readInput('-', 'patch') });
  const problems = sources.problems.map(sourceError);
  const unreadable = problems.filter(isUnreadable);
  if (unreadable.length > 0) throw new UsageError(errorLines(unreadable));
  writeNotes(sources.notes, out);
  const carrying = sources.files.filter((file) => file.result.documents.length > 0);
  reportSkipped(sources, carrying, out);
  const errors = [
    ...sources.errors,
    ...problems.filter((error) => !isUnreadable(error)),
    // each manifest's annotation is one VM's: held to the policy's limits as a call would be
    ...sources.files.flatMap((file) => policyGate(file.result.documents, policy) ?? []),
  ];
  if (errors.length > 0) return failWith(errors, out);
  const total = carrying.reduce((sum, file) => sum + file.result.documents.length, 0);
  // A CI gate that found nothing to check must not pass silently (a wrong path, a renamed folder).
  if (total === 0) {
    const location = { source: paths.join(' ') };
    return failWith([{ code: 'NO_MATCH', message: 'no hookpatch documents found', location }], out);
  }
  // warnings do not fail validation, unless --strict: they are on stderr, the report on stdout
  const warnings = documentWarnings(sources.documents);
  for (const warning of warnings) out.stderr(`${formatWarning(warning)}\n`);
  const call: CallContext = { vmi: vmi.vmi, context: 'Boot', policy };
  const samples = applySamples(sources.documents, call, values, warnings, out);
  const status = values.strict ? Math.max(samples, strictStatus(warnings.length, out)) : samples;
  if (status === 0) out.stdout(`valid: ${summary(total, carrying.length, warnings.length)}\n`);
  return status;
}

/** Skips are notes, on stderr: stdout stays the report (and empty on failure). */
function reportSkipped(
  sources: ValidationSources,
  carrying: readonly ValidatedFile[],
  out: Output,
): void {
  for (const file of sources.files) {
    const reason =
      file.kind.kind === 'skipped'
        ? file.kind.reason
        : sources.errors.length === 0 && !carrying.includes(file)
          ? `${carrier(file)} carrying no hookpatch documents`
          : undefined;
    if (reason !== undefined) out.stderr(`skipped ${file.path}: ${reason}\n`);
  }
}

/** With a sample domain or CloudInitData, the documents are applied to it as a call would apply them. */
function applySamples(
  documents: readonly PatchDocument[],
  call: CallContext,
  samples: { readonly domain?: string | undefined; readonly 'cloud-init'?: string | undefined },
  warnings: readonly PatchWarning[],
  out: Output,
): number {
  let status = 0;
  for (const [flag, apply] of [
    ['domain', (text: string) => applyDomain(text, documents, call)],
    ['cloud-init', (text: string) => applyCloudInit(text, documents, call)],
  ] as const) {
    const file = samples[flag];
    if (file === undefined) continue;
    const result = apply(readInput(file, flag));
    out.stdout(explainReport(result.documents, warnings));
    if (!result.ok) status = failWith([result.error], out);
  }
  return status;
}

function counted(count: number, noun: string): string {
  return `${count} ${noun}${count === 1 ? '' : 's'}`;
}

/** `3 documents in 2 files`, with `, 1 warning` when there are warnings. */
function summary(documents: number, files: number, warnings: number): string {
  const base = `${counted(documents, 'document')} in ${counted(files, 'file')}`;
  return warnings === 0 ? base : `${base}, ${counted(warnings, 'warning')}`;
}

function carrier(file: ValidatedFile): string {
  return file.kind.kind === 'manifest' ? `a ${file.kind.manifestKind}` : 'a file';
}
