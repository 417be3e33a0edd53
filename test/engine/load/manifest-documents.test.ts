/** Documents kept in Kubernetes manifests: ConfigMap data keys, VM/VMI annotations; errors placed in the manifest. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadManifestDocuments } from '../../../src/engine/load/manifest-documents.js';

const CONFIGMAP = `apiVersion: v1
kind: ConfigMap
metadata: {name: patches}
data:
  a.yaml: |
    domain:
      - {op: remove, path: /domain/devices/watchdog}
  b.json: '{"domain": [{"op": "remove", "path": "/domain/devices/rng"}]}'
  notes.txt: "domain: [{op: nonsense}]"
`;

test('a ConfigMap: each patch-named data key is a file of documents, named after the key', () => {
  const result = loadManifestDocuments(CONFIGMAP, 'cm.yaml');
  assert.deepEqual(result?.errors, []);
  assert.deepEqual(
    result?.documents.map((document) => [document.name, document.origin]),
    [
      ['a.yaml#0', 'file'],
      ['b.json#0', 'file'],
    ],
  );
});

const PLACES: readonly {
  name: string;
  text: string;
  code: string;
  line: number;
  column: number;
}[] = [
  {
    name: 'a literal block maps line for line',
    text: 'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata:\n  annotations:\n    hookpatch.io/patch: |\n      domain:\n        - op: take\n',
    code: 'UNKNOWN_OP',
    line: 7,
    column: 15,
  },
  {
    name: 'a quoted string is placed at its start',
    text: '{"apiVersion": "kubevirt.io/v1", "kind": "VirtualMachineInstance",\n "metadata": {"annotations": {"hookpatch.io/patch": "domain: [{op: take}]"}}}\n',
    code: 'UNKNOWN_OP',
    line: 2,
    column: 53,
  },
  {
    name: "a VirtualMachine's template annotation",
    text: 'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nspec:\n  template:\n    metadata:\n      annotations:\n        hookpatch.io/patch: |\n          domain: [{op: remove, path: "/x["}]\n',
    code: 'XPATH_SYNTAX',
    line: 8,
    column: 39,
  },
];

for (const row of PLACES) {
  test(`${row.name}: ${row.code} at ${row.line}:${row.column} of the manifest`, () => {
    const [error, ...more] = loadManifestDocuments(row.text, 'vm.yaml')?.errors ?? [];
    assert.deepEqual(more, []);
    assert.deepEqual(
      [error?.code, error?.location.source, error?.location.line, error?.location.column],
      [row.code, 'vm.yaml', row.line, row.column],
    );
  });
}

test('a patch document, even a full-form one, is not a manifest', () => {
  assert.equal(loadManifestDocuments('domain: []\n', 'p.yaml'), undefined);
  assert.equal(
    loadManifestDocuments(
      'apiVersion: hookpatch.io/v1alpha1\nkind: Patch\nmetadata: {name: x}\nspec: {}\n',
      'p.yaml',
    ),
    undefined,
  );
});
