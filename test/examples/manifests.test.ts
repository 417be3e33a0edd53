/**
 * The examples' YAML, checked offline: every manifest parses, KubeVirt manifests round-trip through KubeVirt's
 * typed API models unchanged (an unknown or misplaced field would be dropped), Kubernetes objects pass the
 * kubernetes-models schemas, and each `hooks.kubevirt.io/hookSidecars` entry, Kustomization and Plugin is checked field by field.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { test } from 'node:test';
import { isDeepStrictEqual } from 'node:util';
import {
  V1VirtualMachineFromJSON,
  V1VirtualMachineInstanceFromJSON,
  V1VirtualMachineInstanceToJSON,
  V1VirtualMachineToJSON,
} from '@kubevirt-ui-ext/kubevirt-api/kubevirt';
import { validate as validateConfigMap } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMap';
import { validate as validateContainer } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Container';
import { parseAllDocuments } from 'yaml';
import {
  checkHookSidecars,
  checkKustomization,
  checkPlugin,
  type Manifest,
} from './manifest-checks.js';

const EXAMPLES = 'examples';
const folders = readdirSync(EXAMPLES, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => join(EXAMPLES, entry.name));

function yamlFiles(dir: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => /\.ya?ml$/.test(file))
    .sort()
    .map((file) => join(dir, file));
}

function manifestsIn(file: string): Manifest[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).flatMap((document) => {
    assert.deepEqual(document.errors, [], file);
    const value: unknown = document.toJS();
    return typeof value === 'object' && value !== null && !Array.isArray(value)
      ? [{ file, value: { ...value } }]
      : [];
  });
}

const manifests = folders.flatMap((dir) => yamlFiles(dir).flatMap(manifestsIn));
const ofKind = (kind: string): Manifest[] =>
  manifests.filter((manifest) => manifest.value['kind'] === kind);

/** JSON → typed model → JSON loses nothing only when every field is one KubeVirt's API knows, at its place. */
const ROUND_TRIPS: Readonly<Record<string, (json: unknown) => unknown>> = {
  VirtualMachine: (json) => V1VirtualMachineToJSON(V1VirtualMachineFromJSON(json)),
  VirtualMachineInstance: (json) =>
    V1VirtualMachineInstanceToJSON(V1VirtualMachineInstanceFromJSON(json)),
};

test('the examples hold VMs, VMIs, ConfigMaps, a Kustomization and a Plugin', () => {
  for (const kind of [
    'VirtualMachine',
    'VirtualMachineInstance',
    'ConfigMap',
    'Kustomization',
    'Plugin',
  ])
    assert.ok(ofKind(kind).length > 0, kind);
});

for (const [kind, roundTrip] of Object.entries(ROUND_TRIPS)) {
  test(`every ${kind} matches KubeVirt's typed model (@kubevirt-ui-ext/kubevirt-api) and its hookSidecars annotation is well-formed`, () => {
    for (const manifest of ofKind(kind)) {
      assert.equal(manifest.value['apiVersion'], 'kubevirt.io/v1', manifest.file);
      const back: unknown = JSON.parse(JSON.stringify(roundTrip(manifest.value)));
      assert.ok(
        isDeepStrictEqual(back, manifest.value),
        `${manifest.file}: a field KubeVirt's API does not know`,
      );
      checkHookSidecars(manifest, manifests);
    }
  });
}

test('the model check can fail: a misspelt field does not survive the round trip', () => {
  const vm = ofKind('VirtualMachine')[0];
  assert.ok(vm !== undefined);
  const typo = { ...vm.value, spec: { ...Object(vm.value['spec']), runStrategyy: 'Always' } };
  assert.ok(
    !isDeepStrictEqual(JSON.parse(JSON.stringify(ROUND_TRIPS['VirtualMachine']?.(typo))), typo),
  );
});

test('every ConfigMap passes the Kubernetes schema, and a key that is also a file in its folder holds that file verbatim', () => {
  for (const manifest of ofKind('ConfigMap')) {
    assert.equal(validateConfigMap(manifest.value), true, manifest.file);
    const data = Object.entries(Object(manifest.value['data']));
    assert.ok(data.length > 0, manifest.file);
    for (const [key, text] of data) {
      const sibling = join(manifest.file, '..', key);
      if (existsSync(sibling))
        assert.equal(text, readFileSync(sibling, 'utf8'), `${manifest.file} key ${key}`);
    }
  }
  assert.equal(
    validateConfigMap({ apiVersion: 'v1', kind: 'ConfigMap', data: { 'a.yaml': 1 } }),
    false,
  );
});

test('every sidecar container passes the Kubernetes Container schema and listens where its Plugin says', () => {
  const containers = manifests.filter(
    (manifest) => basename(manifest.file) === 'sidecar-container.yaml',
  );
  assert.ok(containers.length > 0);
  for (const container of containers) {
    assert.equal(validateContainer(container.value), true, container.file);
    assert.equal(validateContainer({ ...container.value, args: 'serve' }), false);
  }
  for (const plugin of ofKind('Plugin')) checkPlugin(plugin, containers);
});

test('every Kustomization generates the ConfigMaps its VMs mount, from files that exist', () => {
  for (const kustomization of ofKind('Kustomization')) checkKustomization(kustomization, manifests);
});
