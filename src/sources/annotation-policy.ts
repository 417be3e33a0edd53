/** The administrator's `--annotation-policy FILE`: what annotation documents may touch, and how much of them there may be. */
import { parse } from 'yaml';
import { QEMU_NAMESPACE } from '../engine/index.js';
import { parsePointer } from '../engine/json/pointer.js';
import { compileXPath, type CompiledXPath } from '../engine/xml/compile-xpath.js';

export type JsonList = 'cloudInit' | 'userData' | 'networkData';
const JSON_LISTS: readonly JsonList[] = ['cloudInit', 'userData', 'networkData'];
const LIMITS = ['documents', 'operations', 'bytes'] as const;
type LimitName = (typeof LIMITS)[number];

export interface AnnotationPolicy {
  readonly source: string;
  /** nodes inside which annotation documents may change the domain; absent = none */
  readonly domain: readonly CompiledXPath[];
  /** JSON pointer prefixes as tokens, per list; `/` alone (or ``) = everything */
  readonly json: Readonly<Record<JsonList, readonly (readonly string[])[]>>;
  readonly limits: Readonly<Partial<Record<LimitName, number>>>;
}

export type PolicyLoad =
  | { readonly ok: true; readonly policy: AnnotationPolicy }
  | { readonly ok: false; readonly message: string };

function record(value: unknown): Record<string, unknown> | undefined {
  return typeof value === 'object' && value !== null && !Array.isArray(value)
    ? (value as Record<string, unknown>)
    : undefined;
}

function strings(value: unknown, where: string): readonly string[] | string {
  if (value === undefined || value === null) return [];
  if (!Array.isArray(value) || !value.every((item) => typeof item === 'string'))
    return `${where} must be a list of strings`;
  return value;
}

/** SPEC §2's policy file; every problem is reported, and a policy that does not load allows nothing. */
export function loadAnnotationPolicy(text: string, source: string): PolicyLoad {
  let root: unknown;
  try {
    root = parse(text);
  } catch (error) {
    return {
      ok: false,
      message: `${source}: not YAML: ${error instanceof Error ? error.message : String(error)}`,
    };
  }
  const top = record(root ?? {});
  const allow = record(top?.allow ?? {});
  const limits = record(top?.limits ?? {});
  if (top === undefined || allow === undefined || limits === undefined)
    return { ok: false, message: `${source}: expected a mapping with allow and limits` };
  const unknown = [
    ...Object.keys(top).filter((key) => key !== 'allow' && key !== 'limits'),
    ...Object.keys(allow).filter(
      (key) => key !== 'domain' && !JSON_LISTS.some((list) => list === key),
    ),
    ...Object.keys(limits).filter((key) => !LIMITS.some((limit) => limit === key)),
  ];
  if (unknown.length > 0)
    return { ok: false, message: `${source}: unknown field(s) ${unknown.join(', ')}` };

  const domainPaths = strings(allow.domain, 'allow.domain');
  if (typeof domainPaths === 'string') return { ok: false, message: `${source}: ${domainPaths}` };
  const domain: CompiledXPath[] = [];
  for (const path of domainPaths) {
    const compiled = compileXPath(path, { qemu: QEMU_NAMESPACE });
    if (!compiled.ok)
      return { ok: false, message: `${source}: allow.domain ${path}: ${compiled.problem.message}` };
    domain.push(compiled.value);
  }
  const json: Record<JsonList, (readonly string[])[]> = {
    cloudInit: [],
    userData: [],
    networkData: [],
  };
  for (const list of JSON_LISTS) {
    const pointers = strings(allow[list], `allow.${list}`);
    if (typeof pointers === 'string') return { ok: false, message: `${source}: ${pointers}` };
    for (const text of pointers) {
      const pointer = parsePointer(text === '/' ? '' : text);
      if (!pointer.ok)
        return { ok: false, message: `${source}: allow.${list}: ${pointer.problem.message}` };
      json[list].push(pointer.value.tokens);
    }
  }
  const limitValues: Partial<Record<LimitName, number>> = {};
  for (const name of LIMITS) {
    const value = limits[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
      return { ok: false, message: `${source}: limits.${name} must be a whole number` };
    limitValues[name] = value;
  }
  return { ok: true, policy: { source, domain, json, limits: limitValues } };
}
