/** Parse, validate and compile every patch document in one source text, reporting all of its errors at once. */
import type { PatchError } from '../errors.js';
import { celLimitsOf, DEFAULT_LIMITS, type Limits } from '../limits.js';
import type { Origin, PatchDocument } from '../model.js';
import { yamlBlockDeeperThan, yamlFlowDeeperThan } from '../nesting-depth.js';
import { isXmlPatchText, loadXmlPatch } from '../xml-patch/load-xml-patch.js';
import { checkSchema } from './check-schema.js';
import { compileDocument } from './compile-document.js';
import { findDuplicateNames } from './duplicate-names.js';
import { isFields } from './field-values.js';
import { fieldOffset, fieldPointer, type FieldPath } from './locate-field.js';
import { operationContext } from './operation-context.js';
import { parseSource } from './parse-source.js';

export interface SourceInfo {
  /** file path, `-`, or `annotation:hookpatch.io/patch`: used in names and errors */
  readonly source: string;
  readonly origin: Origin;
}

/** Every error of the text at once; documents only when there are no errors. */
export interface LoadResult {
  readonly documents: readonly PatchDocument[];
  readonly errors: readonly PatchError[];
}

/** Errors also LIMIT_EXCEEDED: a text longer than `limits.maxSourceLength`, more than `limits.maxOperations` operations. */
export function loadDocuments(
  text: string,
  info: SourceInfo,
  limits: Limits = DEFAULT_LIMITS,
): LoadResult {
  if (text.length > limits.maxSourceLength) {
    return {
      documents: [],
      errors: [
        {
          code: 'LIMIT_EXCEEDED',
          message: `the patch source is ${text.length} characters, more than ${limits.maxSourceLength}`,
          location: { source: info.source, line: 1, column: 1 },
        },
      ],
    };
  }
  const deep = yamlFlowDeeperThan(text, limits.maxDepth)
    ? '[ ] and { }'
    : !isXmlPatchText(text) && yamlBlockDeeperThan(text, limits.maxDepth)
      ? 'block collections'
      : undefined;
  if (deep !== undefined) {
    return {
      documents: [],
      errors: [
        {
          code: 'LIMIT_EXCEEDED',
          message: `the patch source nests ${deep} more than ${limits.maxDepth} deep`,
          location: { source: info.source, line: 1, column: 1 },
        },
      ],
    };
  }
  // RFC 5261 XML patch documents (`<diff>`) are the one alternative to YAML and JSON
  if (isXmlPatchText(text)) return loadXmlPatch(text, info, `${shortName(info)}#0`, limits);
  const parsed = parseSource(text, info.source);
  const errors: PatchError[] = [...parsed.errors];
  let operations = 0;
  const documents: PatchDocument[] = [];
  /** where each full-form document wrote its name, to place a DUPLICATE_NAME there */
  const namePlaces = new Map<PatchDocument, { line: number; column: number }>();
  for (const written of parsed.documents) {
    const derivedName = `${shortName(info)}#${written.index}`;
    // Counted before anything is compiled, so a huge list costs no more than its parse.
    operations += operationCount(written.value);
    if (operations > limits.maxOperations) {
      const place = parsed.position(written.node.range?.[0] ?? 0);
      errors.push({
        code: 'LIMIT_EXCEEDED',
        message: `more than ${limits.maxOperations} operations in one patch source`,
        location: { source: info.source, ...place, document: nameOf(written.value) ?? derivedName },
      });
      break;
    }
    const schemaProblems = checkSchema(written.value);
    if (schemaProblems.length > 0) {
      for (const { problem, field, key } of schemaProblems) {
        const position = parsed.position(fieldOffset(written.node, field, { key }));
        errors.push({
          code: problem.code,
          message: problem.message,
          location: {
            source: info.source,
            ...position,
            document: nameOf(written.value) ?? derivedName,
            ...operationContext(written.value, field),
            field: fieldPointer(field),
          },
        });
      }
    }
    // Operations the schema accepted are still compiled, so one run reports every error of the text.
    const skipOperation = schemaBlocked(
      written.value,
      schemaProblems.map((problem) => problem.field),
    );
    if (skipOperation === 'document') continue;
    const document = compileDocument(
      {
        ...written,
        derivedName,
        source: info.source,
        origin: info.origin,
        position: parsed.position,
        skipOperation,
        celLimits: celLimitsOf(limits),
      },
      errors,
    );
    if (document === undefined || schemaProblems.length > 0) continue;
    documents.push(document);
    namePlaces.set(document, parsed.position(fieldOffset(written.node, ['metadata', 'name'])));
  }
  errors.push(...findDuplicateNames(documents, (document) => namePlaces.get(document)));
  return errors.length > 0
    ? { documents: [], errors: errors.sort(byPlace) }
    : { documents, errors };
}

/** Which operations not to compile after schema problems: all (`document`) unless every problem lies inside an operation. */
function schemaBlocked(
  value: unknown,
  fields: readonly FieldPath[],
): 'document' | ((list: string, index: number) => boolean) {
  const depth = isFields(value) && 'apiVersion' in value ? 1 : 0;
  if (fields.some((field) => field.length < depth + 2 || (depth === 1 && field[0] !== 'spec')))
    return 'document';
  const blocked = new Set(
    fields.map((field) => `${String(field[depth])}/${String(field[depth + 1])}`),
  );
  return (list, index) => blocked.has(`${list}/${index}`);
}

/** The operations a document lists (full form under `spec`, short form at the top). */
function operationCount(value: unknown): number {
  const spec = isFields(value) && 'apiVersion' in value ? value.spec : value;
  if (!isFields(spec)) return 0;
  return (['domain', 'cloudInit', 'userData', 'networkData'] as const).reduce(
    (sum, list) => sum + (Array.isArray(spec[list]) ? spec[list].length : 0),
    0,
  );
}

/** Errors in the order of the text (the sort is stable, so errors at one place keep their order). */
function byPlace(a: PatchError, b: PatchError): number {
  return (
    (a.location.line ?? 0) - (b.location.line ?? 0) ||
    (a.location.column ?? 0) - (b.location.column ?? 0)
  );
}

/** Files name short-form documents by their base name (`smbios.yaml#1`); annotations by the whole source (`annotation:hookpatch.io/patch#0`). */
function shortName(info: SourceInfo): string {
  if (info.origin === 'annotation') return info.source;
  if (info.source === '-') return 'stdin';
  return (
    info.source
      .split('/')
      .filter((part) => part !== '')
      .at(-1) ?? info.source
  );
}

/** The name a full-form document gives itself, if it got that far. */
function nameOf(value: unknown): string | undefined {
  if (typeof value !== 'object' || value === null || !('metadata' in value)) return undefined;
  const metadata: unknown = value.metadata;
  if (typeof metadata !== 'object' || metadata === null || !('name' in metadata)) return undefined;
  return typeof metadata.name === 'string' ? metadata.name : undefined;
}
