/**
 * deploy/, offline: rendered by kustomize's rules (and equal to kustomize's own output), every
 * object checked against typed Kubernetes models, and the admission policy's CEL evaluated on a
 * virt-launcher pod, giving the pod deploy/README.md shows.
 */
import assert from 'node:assert/strict';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from 'node:test';
import { Environment } from '@marcbachmann/cel-js';
import * as k8s from '@kubevirt-ui-ext/kubevirt-api/kubernetes';
import { validate as validateConfigMap } from 'kubernetes-models/_schemas/IoK8sApiCoreV1ConfigMap';
import { validate as validatePolicy } from 'kubernetes-models/_schemas/IoK8sApiAdmissionregistrationV1MutatingAdmissionPolicy';
import { validate as validateBinding } from 'kubernetes-models/_schemas/IoK8sApiAdmissionregistrationV1MutatingAdmissionPolicyBinding';
import { validate as validatePod } from 'kubernetes-models/_schemas/IoK8sApiCoreV1Pod';
import { parse, parseAllDocuments } from 'yaml';
import { runCli } from '../cli/run-cli.js';
import { admit, rewriteConstruction } from './admission-cel.js';
import { objectKey, renderKustomization, type KubeObject } from './render-kustomization.js';

const FIXTURES = 'test/fixtures/deploy';
const RENDERINGS = [
  { dir: 'deploy', kustomize: `${FIXTURES}/kustomize-deploy.yaml` },
  { dir: 'examples/team-overlay', kustomize: `${FIXTURES}/kustomize-team-overlay.yaml` },
];

function yamlObjects(file: string): KubeObject[] {
  return parseAllDocuments(readFileSync(file, 'utf8')).map(
    (document) => document.toJS() as KubeObject,
  );
}

function byKey(objects: readonly KubeObject[]): Map<string, KubeObject> {
  return new Map(objects.map((object) => [objectKey(object), object]));
}

function ofKind(objects: readonly KubeObject[], kind: string): KubeObject {
  const found = objects.find((object) => object['kind'] === kind);
  assert.ok(found !== undefined, kind);
  return found;
}

const json = (value: unknown): unknown => JSON.parse(JSON.stringify(value));
const launcherPod = yamlObjects(`${FIXTURES}/virt-launcher-pod.yaml`)[0] as KubeObject;
const base = renderKustomization('deploy');
// eslint-disable-next-line @typescript-eslint/no-explicit-any -- a policy spec read from YAML, shape checked by the models test
const policySpec = (objects: readonly KubeObject[]): any =>
  ofKind(objects, 'MutatingAdmissionPolicy')['spec'];

for (const { dir, kustomize } of RENDERINGS) {
  test(`${dir}: the offline rendering gives the objects kustomize itself gives`, () => {
    const ours = byKey(renderKustomization(dir));
    const theirs = byKey(yamlObjects(kustomize));
    assert.deepEqual([...ours.keys()].sort(), [...theirs.keys()].sort());
    for (const [key, object] of ours) assert.deepEqual(json(object), theirs.get(key), key);
  });
}

test('the renderer refuses kustomize rules outside its subset instead of ignoring them', () => {
  const dir = mkdtempSync(join(tmpdir(), 'hookpatch-kustomize-'));
  try {
    writeFileSync(join(dir, 'kustomization.yaml'), 'resources: []\nnamespace: vms\n');
    assert.throws(() => renderKustomization(dir), /namespace is not in the subset/);
    writeFileSync(join(dir, 'kustomization.yaml'), 'configMapGenerator: [{name: a, files: []}]\n');
    assert.throws(() => renderKustomization(dir), /hashes are not in the subset/);
  } finally {
    rmSync(dir, { recursive: true });
  }
});

test('the base holds the Plugin, the policy and its binding, and the ConfigMap of patches', () => {
  assert.deepEqual(base.map((object) => object['kind']).sort(), [
    'ConfigMap',
    'MutatingAdmissionPolicy',
    'MutatingAdmissionPolicyBinding',
    'Plugin',
  ]);
  const binding = ofKind(base, 'MutatingAdmissionPolicyBinding');
  assert.deepEqual(binding['spec'], { policyName: 'hookpatch' });
  const plugin = ofKind(base, 'Plugin')['spec'] as Record<string, unknown>;
  assert.deepEqual(plugin['mutatingAdmissionPolicies'], [{ name: 'hookpatch' }]);
});

test('every object passes the typed Kubernetes models and loses no field through them', () => {
  for (const objects of [base, renderKustomization('examples/team-overlay')]) {
    const configMap = ofKind(objects, 'ConfigMap');
    assert.equal(validateConfigMap(configMap), true);
    assert.deepEqual(
      json(k8s.IoK8sApiCoreV1ConfigMapToJSON(k8s.IoK8sApiCoreV1ConfigMapFromJSON(configMap))),
      json(configMap),
    );
    const policy = ofKind(objects, 'MutatingAdmissionPolicy');
    assert.equal(validatePolicy(policy), true);
    // the models package has the v1alpha1 shape of the policy, whose fields v1 kept
    const spec = k8s.IoK8sApiAdmissionregistrationV1alpha1MutatingAdmissionPolicySpecFromJSON(
      policy['spec'],
    );
    assert.deepEqual(
      json(k8s.IoK8sApiAdmissionregistrationV1alpha1MutatingAdmissionPolicySpecToJSON(spec)),
      json(policy['spec']),
    );
    assert.equal(validateBinding(ofKind(objects, 'MutatingAdmissionPolicyBinding')), true);
  }
  assert.equal(
    validatePolicy({ ...ofKind(base, 'MutatingAdmissionPolicy'), spec: { failurePolicy: 1 } }),
    false,
  );
});

test('the policy adds exactly the container and volume deploy/README.md shows to a virt-launcher pod', () => {
  const admitted = admit(policySpec(base), launcherPod);
  assert.equal(admitted.matched, true);
  const readme = readFileSync('deploy/README.md', 'utf8');
  const block = /## The container the policy adds[\s\S]*?```yaml\n([\s\S]*?)```/.exec(readme)?.[1];
  assert.ok(block !== undefined);
  const shown = parse(block) as { spec: { containers: unknown[]; volumes: unknown[] } };
  const spec = json(launcherPod['spec']) as { containers: unknown[]; volumes: unknown[] };
  const expected = {
    ...launcherPod,
    spec: {
      ...spec,
      containers: [...spec.containers, ...shown.spec.containers],
      volumes: [...spec.volumes, ...shown.spec.volumes],
    },
  };
  assert.deepEqual(admitted.object, json(expected));
});

test('the admitted pod is a valid Pod with no field the Pod model does not know', () => {
  const { object } = admit(policySpec(base), launcherPod);
  assert.equal(validatePod(object), true);
  assert.deepEqual(
    json(k8s.IoK8sApiCoreV1PodToJSON(k8s.IoK8sApiCoreV1PodFromJSON(object))),
    object,
  );
  const mistyped = json(object) as { spec: { containers: Record<string, unknown>[] } };
  mistyped.spec.containers.at(-1)!['volumeMount'] = [];
  assert.notDeepEqual(
    json(k8s.IoK8sApiCoreV1PodToJSON(k8s.IoK8sApiCoreV1PodFromJSON(mistyped))),
    mistyped,
  );
  const built = rewriteConstruction(policySpec(base).mutations[0].jsonPatch.expression).types;
  assert.ok(
    built.every((type) => type === 'JSONPatch' || type.startsWith('Object.spec.')),
    built.join(),
  );
});

test("KubeVirt's rule holds: every container but compute mounts kubevirt-plugin-sockets with a subPath", () => {
  const { object } = admit(policySpec(base), launcherPod);
  const containers = (
    object as {
      spec: { containers: { name: string; volumeMounts?: { name: string; subPath?: string }[] }[] };
    }
  ).spec.containers;
  const mounts = containers
    .filter((c) => c.name !== 'compute')
    .flatMap((c) => c.volumeMounts ?? [])
    .filter((m) => m.name === 'kubevirt-plugin-sockets');
  assert.equal(mounts.length, 1);
  assert.ok(mounts.every((mount) => (mount.subPath ?? '') !== ''));
});

interface PodJson {
  metadata: { labels: Record<string, string> };
  spec: { volumes: { name: string }[] };
}

const unchanged: readonly [string, (pod: PodJson) => void][] = [
  [
    'a VM without the hookpatch.io/plugin label',
    (pod) => delete pod.metadata.labels['hookpatch.io/plugin'],
  ],
  [
    'a VM with the label set to false',
    (pod) => (pod.metadata.labels['hookpatch.io/plugin'] = 'false'),
  ],
  [
    'a cluster without the Plugins gate (no plugin socket volume)',
    (pod) =>
      (pod.spec.volumes = pod.spec.volumes.filter(
        (v: { name: string }) => v.name !== 'kubevirt-plugin-sockets',
      )),
  ],
  [
    'a pod that is not a virt-launcher',
    (pod) => (pod.metadata.labels['kubevirt.io'] = 'virt-handler'),
  ],
  ['a pod without labels', (pod) => Reflect.deleteProperty(pod.metadata, 'labels')],
];

for (const [what, change] of unchanged) {
  test(`the policy leaves alone ${what}`, () => {
    const pod = json(launcherPod) as PodJson;
    change(pod);
    const admitted = admit(policySpec(base), pod);
    assert.equal(admitted.matched, false);
    assert.deepEqual(admitted.object, pod);
  });
}

test("the Plugin's condition, in KubeVirt's CEL over Go field names, selects the VMIs whose pods get the container", () => {
  const environment = new Environment({ unlistedVariablesAreDyn: false })
    .registerType('VirtualMachineInstance', {
      fields: {
        Labels: 'map<string, string>',
        Annotations: 'map<string, string>',
        Name: 'string',
        Namespace: 'string',
      },
    })
    .registerVariable('vmi', 'VirtualMachineInstance');
  const condition = String(
    (ofKind(base, 'Plugin')['spec'] as Record<string, unknown>)['condition'],
  );
  assert.equal(environment.check(condition).valid, true, condition);
  assert.equal(environment.check("'x' in vmi.metadata.labels").valid, false);
  for (const [what, change] of unchanged.slice(0, 2)) {
    const pod = json(launcherPod) as PodJson;
    change(pod);
    const vmi = {
      Labels: new Map(Object.entries(pod.metadata.labels)),
      Annotations: new Map(),
      Name: 'vmi-plugin',
      Namespace: 'default',
    };
    assert.equal(
      environment.evaluate(condition, { vmi }),
      admit(policySpec(base), pod).matched,
      what,
    );
  }
});

test('the Plugin calls the socket the added container serves, under its own directory', () => {
  const plugin = json(ofKind(base, 'Plugin')) as {
    metadata: { name: string };
    spec: { domainHooks: { sidecar: { socketPath: string } }[] };
  };
  const { object } = admit(policySpec(base), launcherPod);
  const container = (object as { spec: { containers: { args: string[] }[] } }).spec.containers.at(
    -1,
  )!;
  const socket = plugin.spec.domainHooks[0]!.sidecar.socketPath;
  assert.equal(container.args[container.args.indexOf('--plugin-socket') + 1], socket);
  assert.ok(socket.startsWith(`/var/run/kubevirt-plugin/${plugin.metadata.name}/`));
});

test('the overlay runs its own image and adds its patch files to the base ones', () => {
  const overlay = renderKustomization('examples/team-overlay');
  const { object } = admit(policySpec(overlay), launcherPod);
  const container = (object as { spec: { containers: { image: string }[] } }).spec.containers.at(
    -1,
  )!;
  assert.equal(container.image, 'registry.example.com/team-a/hookpatch:0.1.0');
  const keys = Object.keys(ofKind(overlay, 'ConfigMap')['data'] as object);
  assert.deepEqual(keys, [
    ...Object.keys(ofKind(base, 'ConfigMap')['data'] as object),
    ...keys.slice(1),
  ]);
  assert.ok(keys.length > 1);
});

test('hookpatch validate accepts the patch documents of both renderings', async () => {
  for (const { kustomize } of RENDERINGS) {
    const run = await runCli(['validate', kustomize]);
    assert.equal(run.code, 0, run.stderr);
  }
});
