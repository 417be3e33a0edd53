/**
 * Turn one schema-valid document (full or short form) into a compiled PatchDocument, reporting
 * every problem it has.
 */
import { isRecord } from '../is-record.js';
import type { Node } from 'yaml';
import type { PatchError } from '../errors.js';
import { kubevirtWarnings } from '../kubevirt-checks/index.js';
import type { PatchWarning } from '../warnings.js';
import type { CelLimits } from '../expr/cel-limits.js';
import {
  QEMU_NAMESPACE,
  type FailurePolicy,
  type JsonOperation,
  type Origin,
  type PatchDocument,
  type VarDefinition,
  type XmlOperation,
} from '../model.js';
import { compileCondition } from './compile-condition.js';
import { compileJsonOperation } from './compile-json-operation.js';
import { compileXmlOperation } from './compile-xml-operation.js';
import { documentScope, type DocumentScope } from './document-scope.js';
import { fieldsAt, listAt, stringAt, stringEntries, type Fields } from './field-values.js';

export interface DocumentInput {
  readonly value: unknown;
  readonly node: Node;
  /** the name a short-form document gets from where it came from */
  readonly derivedName: string;
  readonly source: string;
  readonly origin: Origin;
  readonly line: number;
  readonly column: number;
  readonly bytes: number;
  readonly position: (offset: number) => { readonly line: number; readonly column: number };
  /** operations not to compile (the schema already rejected them) */
  readonly skipOperation?: (list: string, index: number) => boolean;
  /** the CEL bounds expressions are compiled against */
  readonly celLimits?: CelLimits | undefined;
}

/** `undefined` when the document has errors (pushed onto `errors`). */
export function compileDocument(
  input: DocumentInput,
  errors: PatchError[],
): PatchDocument | undefined {
  const root: Fields = isRecord(input.value) ? input.value : {};
  const full = 'spec' in root && 'apiVersion' in root;
  const spec = full ? fieldsAt(root, 'spec') : root;
  const name =
    (full ? stringAt(fieldsAt(root, 'metadata'), 'name') : undefined) ?? input.derivedName;
  const before = errors.length;
  const warnings: PatchWarning[] = [];
  const scope = documentScope({
    source: input.source,
    document: name,
    node: input.node,
    base: full ? ['spec'] : [],
    namespaces: { qemu: QEMU_NAMESPACE, ...Object.fromEntries(stringEntries(spec, 'namespaces')) },
    varNames: new Set(Object.keys(fieldsAt(spec, 'vars'))),
    position: input.position,
    errors,
    warnings,
    celLimits: input.celLimits,
  });
  const vars = compileVars(spec, scope);
  const when = compileCondition(scope, stringAt(spec, 'when'), ['when']);
  const skip = input.skipOperation ?? (() => false);
  const domain = compileList(spec, 'domain', (fields, index) =>
    skip('domain', index) ? undefined : compileXmlOperation(fields, index, scope),
  );
  const json = (list: 'cloudInit' | 'userData' | 'networkData'): JsonOperation[] =>
    compileList(spec, list, (fields, index) =>
      skip(list, index) ? undefined : compileJsonOperation(fields, list, index, scope),
    );
  const cloudInit = json('cloudInit');
  const userData = json('userData');
  const networkData = json('networkData');
  if (errors.length > before || when === false) return undefined;
  const failurePolicy: FailurePolicy =
    stringAt(spec, 'failurePolicy') === 'Ignore' ? 'Ignore' : 'Fail';
  const document: PatchDocument = {
    name,
    origin: input.origin,
    at: { source: input.source, line: input.line, column: input.column, document: name },
    bytes: input.bytes,
    ...(when === undefined ? {} : { when }),
    failurePolicy,
    namespaces: scope.namespaces,
    vars,
    domain,
    cloudInit,
    userData,
    networkData,
    warnings,
  };
  return { ...document, warnings: [...warnings, ...kubevirtWarnings(document)] };
}

function compileVars(spec: Fields, scope: DocumentScope): VarDefinition[] {
  const vars: VarDefinition[] = [];
  for (const [name, source] of stringEntries(spec, 'vars')) {
    const expression = compileCondition(scope, source, ['vars', name]);
    if (expression !== undefined && expression !== false)
      vars.push({ name, expression, at: scope.at(['vars', name]) });
  }
  return vars;
}

function compileList<T extends XmlOperation | JsonOperation>(
  spec: Fields,
  key: string,
  compile: (fields: Fields, index: number) => T | undefined,
): T[] {
  const compiled: T[] = [];
  listAt(spec, key).forEach((item, index) => {
    const operation = isRecord(item) ? compile(item, index) : undefined;
    if (operation !== undefined) compiled.push(operation);
  });
  return compiled;
}
