/**
 * Which files `validate` reads as patch sources: a directory kept in git also holds input data (sample
 * domains, CloudInitData, expected outputs, manifests of other kinds), which is skipped, not an error.
 */
import { isMap, isSeq, parseAllDocuments, type YAMLMap } from 'yaml';
import { isXmlPatchText, xmlTextKind } from '../engine/index.js';

export type PatchSourceKind =
  | { readonly kind: 'patch' }
  | { readonly kind: 'manifest'; readonly manifestKind: string }
  | { readonly kind: 'skipped'; readonly reason: string };

/** The keys of a short-form document, the body of `spec` (docs/documents.md#format). */
const SHORT_FORM_KEYS = [
  'when',
  'failurePolicy',
  'namespaces',
  'vars',
  'domain',
  'cloudInit',
  'userData',
  'networkData',
];
/**
 * The manifests (docs/command-line.md#what-validate-reads) whose data keys or `hookpatch.io/patch`
 * annotation hold documents.
 */
const CARRIERS = ['ConfigMap', 'VirtualMachine', 'VirtualMachineInstance'];

/**
 * A patch file: a mapping with a `hookpatch.io/` apiVersion or `kind: Patch` (full form) or with any short-form
 * key, alone or in a top-level list; a text that is not YAML at all is read as a broken patch file, so its error shows.
 * A carrier: a ConfigMap, VirtualMachine or VirtualMachineInstance manifest. XML: see xmlSourceKind. Anything else is
 * skipped, with the reason.
 */
export function patchSourceKind(text: string): PatchSourceKind {
  if (isXmlPatchText(text)) return xmlSourceKind(text);
  const documents = parseAllDocuments(text);
  if (!Array.isArray(documents)) return { kind: 'skipped', reason: 'empty' };
  if (documents.some((document) => document.errors.length > 0)) return { kind: 'patch' };
  const mappings = documents.flatMap((document) => {
    const contents = document.contents;
    if (isSeq(contents)) return contents.items.filter((item) => isMap(item));
    return isMap(contents) ? [contents] : [];
  });
  // `hookpatch test`'s own files (hookpatch-test.yaml) sit beside the patches they test
  if (mappings.length > 0 && mappings.every(isTestFile))
    return { kind: 'skipped', reason: 'a hookpatch test file (hookpatch test runs it)' };
  if (mappings.some(isPatchDocument)) return { kind: 'patch' };
  const kinds = mappings.flatMap((mapping) =>
    isManifest(mapping) ? [String(mapping.get('kind'))] : [],
  );
  const carrier = kinds.find((kind) => CARRIERS.includes(kind));
  if (carrier !== undefined) return { kind: 'manifest', manifestKind: carrier };
  if (kinds[0] !== undefined)
    return { kind: 'skipped', reason: `a ${kinds[0]} manifest, not a ${CARRIERS.join(', ')}` };
  return {
    kind: 'skipped',
    reason:
      mappings.length === 0
        ? 'no mapping in it'
        : 'not a patch document (no apiVersion hookpatch.io/…, kind Patch or short-form key)',
  };
}

function isPatchDocument(mapping: YAMLMap): boolean {
  const apiVersion: unknown = mapping.get('apiVersion');
  if (typeof apiVersion === 'string' && apiVersion.startsWith('hookpatch.io/')) return true;
  if (mapping.get('kind') === 'Patch') return true;
  return SHORT_FORM_KEYS.some((key) => mapping.has(key));
}

function isTestFile(mapping: YAMLMap): boolean {
  const apiVersion: unknown = mapping.get('apiVersion');
  return (
    typeof apiVersion === 'string' &&
    apiVersion.startsWith('hookpatch.io/') &&
    mapping.get('kind') === 'Test'
  );
}

function isManifest(mapping: YAMLMap): boolean {
  return typeof mapping.get('apiVersion') === 'string' && typeof mapping.get('kind') === 'string';
}

/** XML that is not an RFC 5261 patch (sample domains, expected outputs) is skipped. */
function xmlSourceKind(text: string): PatchSourceKind {
  const kind = xmlTextKind(text);
  return kind.kind === 'patch'
    ? { kind: 'patch' }
    : { kind: 'skipped', reason: `XML whose root <${kind.root}> is not an RFC 5261 <diff>` };
}
