/** Test support: compiled PatchDocuments with JSON operations, written by hand as the loader would produce them. */
import assert from 'node:assert/strict';
import type { OperationList } from '../../../src/engine/errors.js';
import { compileExpression, type Expression } from '../../../src/engine/expr/expression.js';
import { parsePointer, type Pointer } from '../../../src/engine/json/pointer.js';
import type {
  FailurePolicy,
  JsonOperation,
  PatchDocument,
  XmlOperation,
} from '../../../src/engine/model.js';

export interface RawOperation {
  readonly op: 'add' | 'replace' | 'test' | 'remove' | 'move' | 'copy';
  readonly path: string;
  readonly value?: unknown;
  readonly from?: string;
  readonly when?: string;
}

export interface DocumentSpec {
  readonly when?: string;
  readonly failurePolicy?: FailurePolicy;
  readonly vars?: Readonly<Record<string, string>>;
  readonly cloudInit?: readonly RawOperation[];
  readonly userData?: readonly RawOperation[];
  readonly networkData?: readonly RawOperation[];
  readonly domain?: readonly XmlOperation[];
}

function expression(source: string): Expression {
  const compiled = compileExpression(source);
  assert.ok(compiled.ok, source);
  return compiled.value;
}

function pointer(source: string): Pointer {
  const parsed = parsePointer(source);
  assert.ok(parsed.ok, source);
  return parsed.value;
}

function operation(
  name: string,
  list: OperationList,
  raw: RawOperation,
  index: number,
): JsonOperation {
  const at = {
    source: 'test.yaml',
    line: index + 1,
    document: name,
    list,
    operation: index,
    op: raw.op,
    path: raw.path,
  };
  const base = {
    index,
    at,
    path: pointer(raw.path),
    ...(raw.when === undefined ? {} : { when: expression(raw.when) }),
  };
  switch (raw.op) {
    case 'add':
    case 'replace':
    case 'test':
      return { ...base, op: raw.op, value: raw.value };
    case 'remove':
      return { ...base, op: raw.op };
    case 'move':
    case 'copy':
      return { ...base, op: raw.op, from: pointer(raw.from ?? '') };
  }
}

export function jsonDocument(name: string, spec: DocumentSpec): PatchDocument {
  const list = (key: 'cloudInit' | 'userData' | 'networkData'): JsonOperation[] =>
    (spec[key] ?? []).map((raw, index) => operation(name, key, raw, index));
  return {
    name,
    origin: 'file',
    at: { source: 'test.yaml', line: 1, column: 1, document: name },
    bytes: 0,
    ...(spec.when === undefined ? {} : { when: expression(spec.when) }),
    failurePolicy: spec.failurePolicy ?? 'Fail',
    namespaces: {},
    vars: Object.entries(spec.vars ?? {}).map(([varName, source]) => ({
      name: varName,
      expression: expression(source),
      at: { document: name },
    })),
    domain: spec.domain ?? [],
    cloudInit: list('cloudInit'),
    userData: list('userData'),
    networkData: list('networkData'),
    warnings: [],
  };
}
