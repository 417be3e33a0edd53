/** The text of an `--annotation-policy FILE`: every field checked, XPaths and pointers compiled, problems located. */
import { LineCounter, parseDocument, type Document } from 'yaml';
import type { PatchError } from '../errors.js';
import { parsePointer } from '../json/pointer.js';
import { fieldOffset, type FieldPath } from '../load/locate-field.js';
import { isRecord } from '../is-record.js';
import { QEMU_NAMESPACE } from '../model.js';
import { compileXPath, type CompiledXPath } from '../xml/compile-xpath.js';
import {
  JSON_LISTS,
  POLICY_LIMITS,
  type AnnotationPolicy,
  type JsonList,
  type PolicyLimit,
  type PolicyLoad,
} from './annotation-policy.js';

function record(value: unknown): Record<string, unknown> | undefined {
  return isRecord(value) ? value : undefined;
}

/** A POLICY_INVALID error at `path` of the file (its line and column when the YAML has them). */
type Refuse = (path: FieldPath, message: string) => PolicyLoad;

function refusal(source: string, document: Document, lines: LineCounter): Refuse {
  return (path, message) => {
    const contents = document.contents;
    const offset = contents === undefined || contents === null ? 0 : fieldOffset(contents, path);
    const { line, col } = lines.linePos(offset);
    const field = path.map((part) => `/${part}`).join('');
    const error: PatchError = {
      code: 'POLICY_INVALID',
      message,
      location: { source, line, column: col, ...(field === '' ? {} : { field }) },
    };
    return { ok: false, error };
  };
}

function strings(value: unknown): readonly string[] | undefined {
  if (value === undefined || value === null) return [];
  return Array.isArray(value) && value.every((item) => typeof item === 'string')
    ? value
    : undefined;
}

/**
 * The policy file (docs/security.md#the-annotation-policy): `allow` (domain XPaths, JSON pointer prefixes
 * per list) and `limits`.
 */
export function loadAnnotationPolicy(text: string, source: string): PolicyLoad {
  const lines = new LineCounter();
  const document = parseDocument(text, { prettyErrors: false, lineCounter: lines });
  const refuse = refusal(source, document, lines);
  const [syntax] = document.errors;
  if (syntax !== undefined) return refuse([], `not YAML: ${syntax.message}`);
  const top = record(document.toJS() ?? {});
  if (top === undefined) return refuse([], 'expected a mapping with allow and limits');
  const allow = record(top.allow ?? {});
  const limits = record(top.limits ?? {});
  if (allow === undefined) return refuse(['allow'], 'allow must be a mapping');
  if (limits === undefined) return refuse(['limits'], 'limits must be a mapping');
  const unknown: FieldPath[] = [
    ...Object.keys(top)
      .filter((key) => key !== 'allow' && key !== 'limits')
      .map((key) => [key]),
    ...Object.keys(allow)
      .filter((key) => key !== 'domain' && !JSON_LISTS.some((list) => list === key))
      .map((key) => ['allow', key]),
    ...Object.keys(limits)
      .filter((key) => !POLICY_LIMITS.some((limit) => limit === key))
      .map((key) => ['limits', key]),
  ];
  const [first] = unknown;
  if (first !== undefined) return refuse(first, `unknown field ${String(first.at(-1))}`);
  const domain = compileDomain(allow.domain, refuse);
  if (!Array.isArray(domain)) return domain;
  const json = compileJson(allow, refuse);
  if (!('cloudInit' in json)) return json;
  const limitValues: Partial<Record<PolicyLimit, number>> = {};
  for (const name of POLICY_LIMITS) {
    const value = limits[name];
    if (value === undefined) continue;
    if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0)
      return refuse(['limits', name], `limits.${name} must be a whole number`);
    limitValues[name] = value;
  }
  const policy: AnnotationPolicy = { source, domain, json, limits: limitValues };
  return { ok: true, policy };
}

function compileDomain(value: unknown, refuse: Refuse): CompiledXPath[] | PolicyLoad {
  const paths = strings(value);
  if (paths === undefined)
    return refuse(['allow', 'domain'], 'allow.domain must be a list of strings');
  const compiled: CompiledXPath[] = [];
  for (const [index, path] of paths.entries()) {
    const xpath = compileXPath(path, { qemu: QEMU_NAMESPACE });
    if (!xpath.ok) return refuse(['allow', 'domain', index], xpath.problem.message);
    compiled.push(xpath.value);
  }
  return compiled;
}

function compileJson(
  allow: Record<string, unknown>,
  refuse: Refuse,
): Record<JsonList, (readonly string[])[]> | PolicyLoad {
  const json: Record<JsonList, (readonly string[])[]> = {
    cloudInit: [],
    userData: [],
    networkData: [],
  };
  for (const list of JSON_LISTS) {
    const pointers = strings(allow[list]);
    if (pointers === undefined)
      return refuse(['allow', list], `allow.${list} must be a list of strings`);
    for (const [index, text] of pointers.entries()) {
      // `/` alone is written for "all of it"; as RFC 6901 it would be the key ""
      const pointer = parsePointer(text === '/' ? '' : text);
      if (!pointer.ok) return refuse(['allow', list, index], pointer.problem.message);
      json[list].push(pointer.value.tokens);
    }
  }
  return json;
}
