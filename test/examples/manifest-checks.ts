/** Field-by-field checks of what KubeVirt reads from the examples: hookSidecars entries, Kustomizations, Plugins (KUBEVIRT.md, KubeVirt's Plugin types). */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { basename, dirname, join, posix } from 'node:path';

export interface Manifest {
  readonly file: string;
  readonly value: Readonly<Record<string, unknown>>;
}

const SIDECAR_FIELDS = ['image', 'imagePullPolicy', 'command', 'args', 'configMap', 'pvc'];
const PLUGIN_SPEC_FIELDS = [
  'condition',
  'failureStrategy',
  'domainHooks',
  'nodeHooks',
  'mutatingAdmissionPolicies',
  'validatingAdmissionPolicies',
  'mutatingAdmissionWebhooks',
  'validatingAdmissionWebhooks',
];
const DOMAIN_HOOK_FIELDS = ['cel', 'sidecar', 'condition', 'failureStrategy', 'timeout'];

function record(value: unknown, what: string): Readonly<Record<string, unknown>> {
  assert.ok(
    typeof value === 'object' && value !== null && !Array.isArray(value),
    `${what} is a mapping`,
  );
  return { ...value };
}

function at(value: unknown, ...path: string[]): unknown {
  return path.reduce<unknown>(
    (node, key) => (typeof node === 'object' && node !== null ? Object(node)[key] : undefined),
    value,
  );
}

function fieldsWithin(
  value: Readonly<Record<string, unknown>>,
  allowed: readonly string[],
  what: string,
): void {
  for (const key of Object.keys(value))
    assert.ok(allowed.includes(key), `${what}: unknown field ${key}`);
}

function strings(value: unknown, what: string): asserts value is string[] {
  assert.ok(
    Array.isArray(value) && value.every((item) => typeof item === 'string'),
    `${what} is a list of strings`,
  );
}

/** The keys a ConfigMap of this name in the manifest's folder has: from a manifest, a kustomize generator, or `kubectl create configmap --from-file`. */
function configMapKeys(name: string, folder: string, all: readonly Manifest[]): readonly string[] {
  const local = all.filter((manifest) => dirname(manifest.file) === folder);
  const manifest = local.find(
    (candidate) =>
      candidate.value['kind'] === 'ConfigMap' && at(candidate.value, 'metadata', 'name') === name,
  );
  if (manifest !== undefined)
    return Object.keys(record(manifest.value['data'], `${manifest.file} data`));
  const generated = local
    .flatMap((candidate) =>
      candidate.value['kind'] === 'Kustomization'
        ? [at(candidate.value, 'configMapGenerator')]
        : [],
    )
    .flatMap((generators) => (Array.isArray(generators) ? generators : []))
    .find((generator) => at(generator, 'name') === name);
  if (generated === undefined) return [];
  const files = at(generated, 'files');
  strings(files, `${name} generator files`);
  return files.map((file) => basename(file));
}

/** KUBEVIRT.md: a JSON list of `{image, imagePullPolicy, command, args, configMap: {name, key, hookPath}, pvc}`. */
export function checkHookSidecars(manifest: Manifest, all: readonly Manifest[]): void {
  const annotations =
    manifest.value['kind'] === 'VirtualMachine'
      ? at(manifest.value, 'spec', 'template', 'metadata', 'annotations')
      : at(manifest.value, 'metadata', 'annotations');
  const text = at(annotations, 'hooks.kubevirt.io/hookSidecars');
  if (text === undefined) return;
  assert.equal(typeof text, 'string', manifest.file);
  const entries: unknown = JSON.parse(String(text));
  assert.ok(
    Array.isArray(entries) && entries.length > 0,
    `${manifest.file}: hookSidecars is a non-empty list`,
  );
  for (const [index, item] of entries.entries()) {
    const what = `${manifest.file} hookSidecars[${index}]`;
    const entry = record(item, what);
    fieldsWithin(entry, SIDECAR_FIELDS, what);
    assert.ok(typeof entry['image'] === 'string' && entry['image'] !== '', `${what}.image`);
    if ('imagePullPolicy' in entry)
      assert.ok(
        ['Always', 'IfNotPresent', 'Never'].includes(String(entry['imagePullPolicy'])),
        `${what}.imagePullPolicy`,
      );
    for (const list of ['command', 'args'])
      if (list in entry) strings(entry[list], `${what}.${list}`);
    if (!('configMap' in entry)) continue;
    const configMap = record(entry['configMap'], `${what}.configMap`);
    assert.deepEqual(
      Object.keys(configMap).sort(),
      ['hookPath', 'key', 'name'],
      `${what}.configMap`,
    );
    const { name, key, hookPath } = {
      name: String(configMap['name']),
      key: String(configMap['key']),
      hookPath: String(configMap['hookPath']),
    };
    // hookpatch serve reads /etc/hookpatch by default; the key is mounted as one file there.
    assert.equal(hookPath, `/etc/hookpatch/${key}`, `${what}.configMap.hookPath`);
    const keys = configMapKeys(name, dirname(manifest.file), all);
    const fromFile = existsSync(join(dirname(manifest.file), key));
    assert.ok(
      keys.includes(key) || (keys.length === 0 && fromFile),
      `${what}: ConfigMap ${name} has a key ${key}`,
    );
  }
}

export function checkKustomization(kustomization: Manifest, all: readonly Manifest[]): void {
  const folder = dirname(kustomization.file);
  // an overlay of deploy/ is rendered and compared with kustomize's output by test/deploy/
  const listed = kustomization.value['resources'];
  if (Array.isArray(listed) && listed.includes('../../deploy')) return;
  assert.equal(kustomization.value['apiVersion'], 'kustomize.config.k8s.io/v1beta1');
  fieldsWithin(
    kustomization.value,
    ['apiVersion', 'kind', 'namespace', 'resources', 'configMapGenerator', 'generatorOptions'],
    kustomization.file,
  );
  const resources = kustomization.value['resources'];
  strings(resources, 'resources');
  for (const resource of resources) assert.ok(existsSync(join(folder, resource)), resource);
  const generators = kustomization.value['configMapGenerator'];
  assert.ok(Array.isArray(generators) && generators.length > 0);
  for (const generator of generators) {
    fieldsWithin(record(generator, 'configMapGenerator[]'), ['name', 'files'], kustomization.file);
    const files = at(generator, 'files');
    strings(files, 'files');
    for (const file of files) assert.ok(existsSync(join(folder, file)), file);
  }
  // The VMs name the ConfigMap inside a JSON string, which kustomize does not rewrite: no hash suffix.
  assert.equal(at(kustomization.value, 'generatorOptions', 'disableNameSuffixHash'), true);
  const users = all.filter(
    (manifest) =>
      dirname(manifest.file) === folder &&
      String(
        at(
          manifest.value,
          'spec',
          'template',
          'metadata',
          'annotations',
          'hooks.kubevirt.io/hookSidecars',
        ) ?? '',
      ).includes('"configMap"'),
  );
  assert.ok(users.length > 0, `${folder}: a VM mounts the generated ConfigMap`);
}

/** KubeVirt's plugin.kubevirt.io/v1alpha1 Plugin: exactly one of cel/sidecar per hook, socketPath under /var/run/kubevirt-plugin/<name>/. */
export function checkPlugin(plugin: Manifest, containers: readonly Manifest[]): void {
  assert.equal(plugin.value['apiVersion'], 'plugin.kubevirt.io/v1alpha1');
  fieldsWithin(plugin.value, ['apiVersion', 'kind', 'metadata', 'spec'], plugin.file);
  const name = String(at(plugin.value, 'metadata', 'name'));
  assert.equal(at(plugin.value, 'metadata', 'namespace'), undefined, 'a Plugin is cluster-scoped');
  const spec = record(plugin.value['spec'], 'spec');
  fieldsWithin(spec, PLUGIN_SPEC_FIELDS, `${plugin.file} spec`);
  if ('failureStrategy' in spec)
    assert.ok(['Fail', 'Ignore'].includes(String(spec['failureStrategy'])));
  const hooks = spec['domainHooks'];
  assert.ok(Array.isArray(hooks) && hooks.length > 0);
  for (const item of hooks) {
    const hook = record(item, 'domainHooks[]');
    fieldsWithin(hook, DOMAIN_HOOK_FIELDS, `${plugin.file} domainHooks[]`);
    assert.equal(
      ['cel', 'sidecar'].filter((key) => key in hook).length,
      1,
      'exactly one of cel or sidecar',
    );
    if ('timeout' in hook) assert.match(String(hook['timeout']), /^\d+(ms|s|m|h)$/);
    const sidecar = record(hook['sidecar'], 'sidecar');
    assert.deepEqual(Object.keys(sidecar), ['socketPath']);
    const socketPath = String(sidecar['socketPath']);
    assert.ok(
      socketPath.startsWith(`/var/run/kubevirt-plugin/${name}/`) &&
        socketPath.endsWith('.sock') &&
        socketPath.length <= 108,
      socketPath,
    );
    assert.equal(posix.normalize(socketPath), socketPath, 'a clean path');
    const served = containers.filter(
      (container) => dirname(container.file) === dirname(plugin.file),
    );
    assert.ok(
      served.some((container) => {
        const args = container.value['args'];
        return Array.isArray(args) && args[args.indexOf('--plugin-socket') + 1] === socketPath;
      }),
      `a sidecar container serves ${socketPath}`,
    );
    assert.ok(
      served.some((container) =>
        JSON.stringify(container.value['volumeMounts']).includes(
          `"mountPath":"/var/run/kubevirt-plugin/${name}/","subPath":"${name}"`,
        ),
      ),
      'the socket directory is mounted with subPath = the plugin name',
    );
  }
}
