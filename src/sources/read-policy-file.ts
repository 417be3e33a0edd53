/** The administrator's `--annotation-policy FILE`: a regular file, read to the source limit, compiled by the engine. */
import {
  DEFAULT_LIMITS,
  loadAnnotationPolicy,
  type PatchError,
  type PolicyLoad,
} from '../engine/index.js';
import type { SourceFileSystem } from './file-system.js';
import { nodeFileSystem } from './node-file-system.js';
import { readSourceText } from './read-source-text.js';
import { sourceError } from './source-problem.js';

/** The policy, or the file's problem when it cannot be read at all (missing, not a regular file, too large). */
export type PolicyFile =
  | { readonly ok: true; readonly policy: PolicyLoad }
  | { readonly ok: false; readonly error: PatchError };

export async function readPolicyFile(
  path: string,
  fs: SourceFileSystem = nodeFileSystem,
): Promise<PolicyFile> {
  const text = await readSourceText(
    fs,
    { path, from: path, version: '' },
    DEFAULT_LIMITS.maxSourceLength,
  );
  if (!text.ok) return { ok: false, error: sourceError(text.problem) };
  return { ok: true, policy: loadAnnotationPolicy(text.value, path) };
}

/** A policy file that cannot be read allows no annotation document (fail closed), like one that does not load. */
export function policyOrRefusal(file: PolicyFile, path: string): PolicyLoad {
  if (file.ok) return file.policy;
  return {
    ok: false,
    error: { ...file.error, code: 'POLICY_INVALID', location: { source: path } },
  };
}
