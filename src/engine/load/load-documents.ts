/** Parse, validate and compile every patch document in one source text, reporting all of its errors at once. */
import { isRecord } from '../is-record.js';
import type { PatchError } from '../errors.js';
import { celLimitsOf, DEFAULT_LIMITS, type Limits } from '../limits.js';
import type { LoadResult, PatchDocument, SourceInfo } from '../model.js';
import { isXmlPatchText, loadXmlPatch } from '../xml-patch/load-xml-patch.js';
import { checkSchema } from './check-schema.js';
import { compileDocument } from './compile-document.js';
import { derivedName, writtenName } from './document-names.js';
import { findDuplicateNames } from './duplicate-names.js';
import { fieldOffset, fieldPointer, type FieldPath } from './locate-field.js';
import { operationContext } from './operation-context.js';
import { parseSource, type ParsedSource, type SourceDocument } from './parse-source.js';
import { operationCount, sourceOverLimits } from './source-limits.js';

/**
 * Errors also LIMIT_EXCEEDED: a text longer than `limits.maxSourceLength`, more than
 * `limits.maxOperations` operations.
 */
export function loadDocuments(
  text: string,
  info: SourceInfo,
  limits: Limits = DEFAULT_LIMITS,
): LoadResult {
  const refused = sourceOverLimits(text, info.source, limits);
  if (refused !== undefined) return { documents: [], errors: [refused] };
  // RFC 5261 XML patch documents (`<diff>`) are the one alternative to YAML and JSON
  if (isXmlPatchText(text)) return loadXmlPatch(text, info, derivedName(info, 0), limits);
  const parsed = parseSource(text, info.source);
  const errors: PatchError[] = [...parsed.errors];
  let operations = 0;
  const documents: PatchDocument[] = [];
  /** where each full-form document wrote its name, to place a DUPLICATE_NAME there */
  const namePlaces = new Map<PatchDocument, { line: number; column: number }>();
  for (const written of parsed.documents) {
    const name = writtenName(written.value) ?? derivedName(info, written.index);
    // Counted before anything is compiled, so a huge list costs no more than its parse.
    operations += operationCount(written.value);
    if (operations > limits.maxOperations) {
      const place = parsed.position(written.node.range?.[0] ?? 0);
      errors.push({
        code: 'LIMIT_EXCEEDED',
        message: `more than ${limits.maxOperations} operations in one patch source`,
        location: { source: info.source, ...place, document: name },
      });
      break;
    }
    const document = loadDocument(written, { info, limits, parsed, name }, errors);
    if (document === undefined) continue;
    documents.push(document);
    namePlaces.set(document, parsed.position(fieldOffset(written.node, ['metadata', 'name'])));
  }
  errors.push(...findDuplicateNames(documents, (document) => namePlaces.get(document)));
  return errors.length > 0
    ? { documents: [], errors: errors.sort(byPlace) }
    : { documents, errors };
}

interface DocumentContext {
  readonly info: SourceInfo;
  readonly limits: Limits;
  readonly parsed: ParsedSource;
  /** the document's own name, or the one derived from its source */
  readonly name: string;
}

/**
 * One written document checked against the schema and compiled; operations the schema accepted
 * are still compiled, so one run reports every error of the text. `undefined` when it has errors.
 */
function loadDocument(
  written: SourceDocument,
  context: DocumentContext,
  errors: PatchError[],
): PatchDocument | undefined {
  const { info, parsed } = context;
  const schemaProblems = checkSchema(written.value);
  for (const { problem, field, key } of schemaProblems) {
    errors.push({
      ...problem,
      location: {
        source: info.source,
        ...parsed.position(fieldOffset(written.node, field, { key })),
        document: context.name,
        ...operationContext(written.value, field),
        field: fieldPointer(field),
      },
    });
  }
  const skipOperation = schemaBlocked(
    written.value,
    schemaProblems.map((problem) => problem.field),
  );
  if (skipOperation === 'document') return undefined;
  const document = compileDocument(
    {
      ...written,
      derivedName: derivedName(info, written.index),
      source: info.source,
      origin: info.origin,
      position: parsed.position,
      skipOperation,
      celLimits: celLimitsOf(context.limits),
    },
    errors,
  );
  return schemaProblems.length > 0 ? undefined : document;
}

/**
 * Which operations not to compile after schema problems: all (`document`) unless every problem
 * lies inside an operation.
 */
function schemaBlocked(
  value: unknown,
  fields: readonly FieldPath[],
): 'document' | ((list: string, index: number) => boolean) {
  const depth = isRecord(value) && 'apiVersion' in value ? 1 : 0;
  if (fields.some((field) => field.length < depth + 2 || (depth === 1 && field[0] !== 'spec')))
    return 'document';
  const blocked = new Set(
    fields.map((field) => `${String(field[depth])}/${String(field[depth + 1])}`),
  );
  return (list, index) => blocked.has(`${list}/${index}`);
}

/** Errors in the order of the text (the sort is stable, so errors at one place keep their order). */
function byPlace(a: PatchError, b: PatchError): number {
  return (
    (a.location.line ?? 0) - (b.location.line ?? 0) ||
    (a.location.column ?? 0) - (b.location.column ?? 0)
  );
}
