/**
 * One golden case, run as `hookpatch apply` would: the patches applied to the input, the output
 * compared with the expected file; a domain is then patched again from that output, which must
 * not change it (virt-launcher calls OnDefineDomain up to three times, each time with the earlier
 * result). CloudInitData is not: PreCloudInitIso is called once per start.
 */
import { readFileSync } from 'node:fs';
import {
  applyCloudInit,
  applyDomain,
  formatError,
  type CallContext,
  type PatchDocument,
  type PatchError,
} from '../../engine/index.js';
import { applyDocuments } from '../../sources/index.js';
import { errorLines, isUnreadable } from '../command-output.js';
import { readInput } from '../read-input.js';
import { readVmi } from '../read-vmi.js';
import { asUsageError } from '../usage-error.js';
import type { GoldenCase } from './read-test-file.js';

export type CaseOutcome =
  { readonly status: 'passed' } | { readonly status: 'failed'; readonly reason: string };

type Run =
  | { readonly ok: true; readonly output: string }
  | { readonly ok: false; readonly error: PatchError };

const failed = (reason: string): CaseOutcome => ({ status: 'failed', reason });

function applyOnce(
  golden: GoldenCase,
  input: string,
  documents: readonly PatchDocument[],
  call: CallContext,
): Run {
  if (golden.input.kind === 'domain') {
    const result = applyDomain(input, documents, call);
    return result.ok ? { ok: true, output: result.value } : { ok: false, error: result.error };
  }
  const result = applyCloudInit(input, documents, call);
  return result.ok
    ? { ok: true, output: result.value.cloudInitData }
    : { ok: false, error: result.error };
}

/** `line L, column C: expected "…", got "…"` at the first character where two texts differ. */
export function firstDifference(expected: string, actual: string): string {
  let at = 0;
  while (at < expected.length && expected[at] === actual[at]) at += 1;
  const before = expected.slice(0, at);
  const line = before.split('\n').length;
  const column = at - before.lastIndexOf('\n');
  const show = (text: string): string =>
    at >= text.length ? 'end of file' : JSON.stringify(text.slice(Math.max(0, at - 20), at + 40));
  return `line ${line}, column ${column}: expected ${show(expected)}, got ${show(actual)}`;
}

function judge(golden: GoldenCase, first: Run, again: () => Run): CaseOutcome {
  const expect = golden.expect;
  switch (expect.kind) {
    case 'error':
      if (first.ok) return failed(`expected error ${expect.code}, but the patches applied`);
      return first.error.code === expect.code
        ? { status: 'passed' }
        : failed(`expected error ${expect.code}, got ${formatError(first.error)}`);
    case 'output': {
      if (!first.ok) return failed(formatError(first.error));
      const expected = readFileSync(expect.file, 'utf8');
      if (first.output !== expected)
        return failed(
          `output differs from ${expect.file}, ${firstDifference(expected, first.output)}`,
        );
      if (golden.input.kind === 'cloud-init') return { status: 'passed' };
      const second = again();
      if (!second.ok) return failed(`applied again to its output: ${formatError(second.error)}`);
      return second.output === first.output
        ? { status: 'passed' }
        : failed(
            `not idempotent: applied again to its output, ${firstDifference(first.output, second.output)}`,
          );
    }
  }
}

async function runCaseOrThrow(golden: GoldenCase): Promise<CaseOutcome> {
  const vmi = readVmi(golden.vmi);
  if (!vmi.ok) return failed(formatError(vmi.error));
  const { sourced } = await applyDocuments(golden.patches, vmi.vmi, {
    stdin: () => readInput('-', 'patch'),
  });
  if (!sourced.ok) {
    if (sourced.errors.some(isUnreadable)) return failed(errorLines(sourced.errors));
    const [loadError] = sourced.errors;
    if (loadError === undefined) throw new Error('a failed load with no error');
    return judge(golden, { ok: false, error: loadError }, () => ({ ok: false, error: loadError }));
  }
  const call: CallContext = { vmi: vmi.vmi, context: golden.context, node: golden.node };
  const documents = sourced.documents;
  const input = readFileSync(golden.input.file, 'utf8');
  const first = applyOnce(golden, input, documents, call);
  return judge(golden, first, () =>
    applyOnce(golden, first.ok ? first.output : input, documents, call),
  );
}

/** A missing or unreadable file fails its case, not the run. */
export async function runCase(golden: GoldenCase): Promise<CaseOutcome> {
  try {
    return await runCaseOrThrow(golden);
  } catch (error) {
    const usage = asUsageError(error);
    if (usage !== undefined) return failed(usage.message);
    if (error instanceof Error && 'code' in error && typeof error.code === 'string')
      return failed(error.message);
    throw error;
  }
}
