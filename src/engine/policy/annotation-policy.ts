/** The administrator's annotation policy, compiled: what annotation documents may touch, and how much. */
import type { PatchError } from '../errors.js';
import type { CompiledXPath } from '../xml/compile-xpath.js';

/** The lists whose operations are judged by JSON pointer prefixes. */
export type JsonList = 'cloudInit' | 'userData' | 'networkData';
export const JSON_LISTS: readonly JsonList[] = ['cloudInit', 'userData', 'networkData'];

export const POLICY_LIMITS = ['documents', 'operations', 'bytes'] as const;
export type PolicyLimit = (typeof POLICY_LIMITS)[number];

export interface AnnotationPolicy {
  /** the policy file, named in refusals */
  readonly source: string;
  /** nodes inside which annotation documents may change the domain; empty: none */
  readonly domain: readonly CompiledXPath[];
  /** JSON pointer prefixes as tokens, per list; an empty token list is everything */
  readonly json: Readonly<Record<JsonList, readonly (readonly string[])[]>>;
  readonly limits: Readonly<Partial<Record<PolicyLimit, number>>>;
}

/** A policy, or why it does not load: then every annotation document is refused (fail closed). */
export type PolicyLoad =
  | { readonly ok: true; readonly policy: AnnotationPolicy }
  | { readonly ok: false; readonly error: PatchError };
