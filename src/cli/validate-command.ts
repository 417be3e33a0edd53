/** `hookpatch validate`: load every document (schema, XPath, CEL, `$(var)`) of the patch files and manifests given, report all errors; with a sample domain also apply them for match counts. */
import { parseArgs } from 'node:util';
import {
  applyCloudInit,
  applyDomain,
  documentWarnings,
  formatWarning,
  type CallContext,
} from '../engine/index.js';
import { failWith, type Output } from './apply-command.js';
import { explainReport } from './explain-report.js';
import { loadServingUnits } from './load-serving-units.js';
import { patchFiles } from './patch-files.js';
import { patchSourceKind } from './patch-source-kind.js';
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
  if (paths.length === 0)
    throw new UsageError('validate needs at least one patch file or directory');
  const vmi = readVmi(values.vmi);
  if (!vmi.ok) return failWith([vmi.error], out);
  const candidates = patchFiles(paths, { recursive: true });
  const sources = classify(candidates);
  const loaded = loadServingUnits(sources.files, new Set(sources.manifests.keys()));
  const carrying = sources.files.filter((file) => (loaded.counts.get(file) ?? 0) > 0);
  // Skips are notes, on stderr: stdout stays the report (and empty on failure).
  for (const file of candidates) {
    const reason =
      sources.skipped.get(file) ??
      (loaded.errors.length === 0 && !carrying.includes(file)
        ? `${sources.manifests.get(file) ?? 'a file'} carrying no hookpatch documents`
        : undefined);
    if (reason !== undefined) out.stderr(`skipped ${file}: ${reason}\n`);
  }
  if (loaded.errors.length > 0) return failWith(loaded.errors, out);
  const total = [...loaded.counts.values()].reduce((sum, count) => sum + count, 0);
  // A CI gate that found nothing to check must not pass silently (a wrong path, a renamed folder).
  if (total === 0)
    return failWith(
      [
        {
          code: 'NO_MATCH',
          message: 'no hookpatch documents found',
          location: { source: paths.join(' ') },
        },
      ],
      out,
    );
  // warnings do not fail validation: they are on stderr, the report stays on stdout
  const warnings = documentWarnings(loaded.documents);
  for (const warning of warnings) out.stderr(`${formatWarning(warning)}\n`);
  const call: CallContext = { vmi: vmi.vmi, context: 'Boot' };
  let status = 0;
  for (const [flag, apply] of [
    ['domain', (text: string) => applyDomain(text, loaded.documents, call)],
    ['cloud-init', (text: string) => applyCloudInit(text, loaded.documents, call)],
  ] as const) {
    const file = values[flag];
    if (file === undefined) continue;
    const result = apply(readInput(file, flag));
    out.stdout(explainReport(result.documents, warnings));
    if (!result.ok) status = failWith([result.error], out);
  }
  if (status === 0) out.stdout(`valid: ${summary(total, carrying.length, warnings.length)}\n`);
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

interface Sources {
  readonly files: readonly string[];
  /** the manifest kind of each file read as a manifest, for the skip message */
  readonly manifests: ReadonlyMap<string, string>;
  /** file → why it is not a patch source */
  readonly skipped: ReadonlyMap<string, string>;
}

/** stdin is read once, by the loader, and is always a patch source. */
function classify(candidates: readonly string[]): Sources {
  const files: string[] = [];
  const manifests = new Map<string, string>();
  const skipped = new Map<string, string>();
  for (const file of candidates) {
    const kind =
      file === '-' ? { kind: 'patch' as const } : patchSourceKind(readInput(file, 'patch'));
    if (kind.kind === 'skipped') skipped.set(file, kind.reason);
    else files.push(file);
    if (kind.kind === 'manifest') manifests.set(file, `a ${kind.manifestKind}`);
  }
  return { files, manifests, skipped };
}
