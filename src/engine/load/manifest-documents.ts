/**
 * Patch documents kept inside Kubernetes manifests (`validate`,
 * docs/command-line.md#what-validate-reads): a ConfigMap whose data keys hold documents (each key
 * is the file it becomes when mounted), or a VM/VMI whose `hookpatch.io/patch` annotation holds
 * them.
 */
import { isMap, isScalar, LineCounter, parseAllDocuments, Scalar, type Node } from 'yaml';
import type { Location, PatchError } from '../errors.js';
import type { LoadResult, PatchDocument, SourceInfo } from '../model.js';
import { loadDocuments } from './load-documents.js';
import { fieldOffset } from './locate-field.js';
import { isPatchFileName } from './patch-file-name.js';
import { ANNOTATION_SOURCE, PATCH_ANNOTATION } from '../patch-annotation.js';

/** `undefined` when the text is not a Kubernetes manifest (then it is a patch file). */
export function loadManifestDocuments(text: string, source: string): LoadResult | undefined {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter });
  if (!Array.isArray(parsed)) return undefined;
  const manifests = parsed.flatMap((doc) =>
    doc.errors.length === 0 && isMap(doc.contents) ? [doc.contents] : [],
  );
  const isManifest = manifests.some((node) => {
    const apiVersion: unknown = node.get('apiVersion');
    const kind: unknown = node.get('kind');
    return (
      typeof apiVersion === 'string' &&
      !apiVersion.startsWith('hookpatch.io/') &&
      typeof kind === 'string'
    );
  });
  if (!isManifest) return undefined;
  const documents: PatchDocument[] = [];
  const errors: PatchError[] = [];
  for (const manifest of manifests) {
    for (const { node, info } of embeddedTexts(manifest)) {
      const result = loadDocuments(String(node.value), info);
      documents.push(...result.documents);
      const place = placeIn(text, node, lineCounter);
      errors.push(
        ...result.errors.map((error) => ({
          ...error,
          location: { ...error.location, source, ...place(error.location) },
        })),
      );
    }
  }
  return errors.length > 0 ? { documents: [], errors } : { documents, errors };
}

function embeddedTexts(manifest: Node): { node: Scalar; info: SourceInfo }[] {
  if (!isMap(manifest)) return [];
  const kind: unknown = manifest.get('kind');
  const found: { node: Scalar; info: SourceInfo }[] = [];
  const scalarAt = (path: readonly string[]): Scalar | undefined => {
    const node: unknown = manifest.getIn(path, true);
    return isScalar(node) && typeof node.value === 'string' ? node : undefined;
  };
  if (kind === 'ConfigMap') {
    const data: unknown = manifest.get('data', true);
    if (!isMap(data)) return [];
    for (const pair of data.items) {
      const key = isScalar(pair.key) ? String(pair.key.value) : '';
      const node = scalarAt(['data', key]);
      if (node !== undefined && isPatchFileName(key))
        found.push({ node, info: { source: key, origin: 'file' } });
    }
  }
  const annotationPath =
    kind === 'VirtualMachine'
      ? ['spec', 'template', 'metadata', 'annotations', PATCH_ANNOTATION]
      : kind === 'VirtualMachineInstance'
        ? ['metadata', 'annotations', PATCH_ANNOTATION]
        : undefined;
  const annotation = annotationPath === undefined ? undefined : scalarAt(annotationPath);
  if (annotation !== undefined)
    found.push({ node: annotation, info: { source: ANNOTATION_SOURCE, origin: 'annotation' } });
  return found;
}

/** A literal block (`|`) maps line for line onto the manifest; any other scalar style is placed at its start. */
function placeIn(
  text: string,
  node: Scalar,
  lineCounter: LineCounter,
): (at: Location) => { line: number; column: number } {
  const start = fieldOffset(node, []);
  const { line, col } = lineCounter.linePos(start);
  if (node.type !== Scalar.BLOCK_LITERAL) return () => ({ line, column: col });
  const firstContent = text.slice(text.indexOf('\n', start) + 1);
  const indent = /^(?:[ \t]*\n)*( *)/.exec(firstContent)?.[1]?.length ?? 0;
  return (at) =>
    at.line === undefined
      ? { line, column: col }
      : { line: line + at.line, column: (at.column ?? 1) + indent };
}
