/**
 * The part of kustomize's rules that deploy/ and its overlays use, for rendering them offline
 * (Debian ships no kustomize): `resources` (files and directories), `configMapGenerator` with
 * `files` and `behavior` create/merge, `generatorOptions.disableNameSuffixHash`, and `patches`
 * with a `target` and an inline RFC 6902 patch. Any other field is refused, so a kustomization
 * that needs more fails here instead of rendering wrongly. The result is compared with the output
 * of kustomize itself in test/fixtures/deploy/ (deploy.test.ts).
 */
import { readFileSync, statSync } from 'node:fs';
import { basename, join } from 'node:path';
import { parseAllDocuments, parse } from 'yaml';
import { applyOperation, type JsonPatchOperation } from '../../src/engine/json/apply-operation.js';
import { parsePointer } from '../../src/engine/json/pointer.js';

export type KubeObject = Readonly<Record<string, unknown>>;

const KNOWN_FIELDS = [
  'apiVersion',
  'kind',
  'resources',
  'configMapGenerator',
  'generatorOptions',
  'patches',
];

function record(value: unknown, what: string): Record<string, unknown> {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    throw new Error(`${what} is not a mapping`);
  return { ...value };
}

function list(value: unknown, what: string): unknown[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) throw new Error(`${what} is not a list`);
  return value;
}

function metadataOf(object: KubeObject): Record<string, unknown> {
  return record(object['metadata'], `${String(object['kind'])} metadata`);
}

/** kustomize's resource identity: group/kind/namespace/name. */
export function objectKey(object: KubeObject): string {
  const metadata = metadataOf(object);
  const group = String(object['apiVersion']).split('/').slice(0, -1).join('/');
  return `${group}/${String(object['kind'])}/${String(metadata['namespace'] ?? '')}/${String(metadata['name'])}`;
}

function readObjects(file: string): KubeObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map((document) => {
    if (document.errors.length > 0) throw new Error(`${file}: ${document.errors[0]?.message}`);
    return record(document.toJS(), file);
  });
}

/** One generator: a ConfigMap whose keys are the files' names and whose values their text. */
function generate(
  generator: Record<string, unknown>,
  dir: string,
  hashless: boolean,
  objects: KubeObject[],
): KubeObject[] {
  const { name, namespace, behavior = 'create', files } = generator;
  for (const key of Object.keys(generator))
    if (!['name', 'namespace', 'behavior', 'files'].includes(key))
      throw new Error(`configMapGenerator.${key} is not in the subset`);
  const data = Object.fromEntries(
    list(files, 'files').map((file) => [
      basename(String(file)),
      readFileSync(join(dir, String(file)), 'utf8'),
    ]),
  );
  const metadata = { name, ...(namespace === undefined ? {} : { namespace }) };
  const generated: KubeObject = { apiVersion: 'v1', kind: 'ConfigMap', metadata, data };
  const key = objectKey(generated);
  const index = objects.findIndex((object) => objectKey(object) === key);
  if (behavior === 'create') {
    if (index >= 0) throw new Error(`${key} exists already`);
    if (!hashless) throw new Error('name suffix hashes are not in the subset');
    return [...objects, generated];
  }
  const existing = objects[index];
  if (behavior !== 'merge' || existing === undefined)
    throw new Error(`behavior ${String(behavior)} of ${key} is not in the subset or has no base`);
  const merged = { ...existing, data: { ...record(existing['data'] ?? {}, key), ...data } };
  return objects.map((object, at) => (at === index ? merged : object));
}

function matchesTarget(object: KubeObject, target: Record<string, unknown>): boolean {
  const [group, version] = String(object['apiVersion']).includes('/')
    ? String(object['apiVersion']).split('/')
    : ['', String(object['apiVersion'])];
  const actual: Record<string, unknown> = {
    group,
    version,
    kind: object['kind'],
    ...metadataOf(object),
  };
  return Object.entries(target).every(([field, value]) => actual[field] === value);
}

function patch(objects: KubeObject[], entry: Record<string, unknown>): KubeObject[] {
  const target = record(entry['target'], 'patches[].target');
  const operations = list(parse(String(entry['patch'])), 'patch').map((item) => {
    const { op, path, value } = record(item, 'patch operation');
    const pointer = parsePointer(String(path));
    if (!pointer.ok || (op !== 'replace' && op !== 'add'))
      throw new Error(`patch operation ${String(op)} ${String(path)} is not in the subset`);
    return { op, path: pointer.value, value } satisfies JsonPatchOperation;
  });
  const matched = objects.filter((object) => matchesTarget(object, target));
  if (matched.length === 0) throw new Error(`no resource matches ${JSON.stringify(target)}`);
  return objects.map((object) => {
    if (!matched.includes(object)) return object;
    return operations.reduce<KubeObject>((current, operation) => {
      const applied = applyOperation(current, operation);
      if (!applied.ok) throw new Error(applied.problem.message);
      return record(applied.value, 'patched resource');
    }, object);
  });
}

/** The objects `kustomize build DIR` outputs, in no particular order. */
export function renderKustomization(dir: string): KubeObject[] {
  const kustomization = record(parse(readFileSync(join(dir, 'kustomization.yaml'), 'utf8')), dir);
  for (const key of Object.keys(kustomization))
    if (!KNOWN_FIELDS.includes(key)) throw new Error(`${dir}: ${key} is not in the subset`);
  let objects = list(kustomization['resources'], 'resources').flatMap((resource) => {
    const path = join(dir, String(resource));
    return statSync(path).isDirectory() ? renderKustomization(path) : readObjects(path);
  });
  const options = record(kustomization['generatorOptions'] ?? {}, 'generatorOptions');
  for (const generator of list(kustomization['configMapGenerator'], 'configMapGenerator'))
    objects = generate(
      record(generator, 'generator'),
      dir,
      options['disableNameSuffixHash'] === true,
      objects,
    );
  for (const entry of list(kustomization['patches'], 'patches'))
    objects = patch(objects, record(entry, 'patches[]'));
  return objects;
}
