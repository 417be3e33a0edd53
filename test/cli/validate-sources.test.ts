/** `validate DIR` on what GitOps repositories hold: patch files and carrier manifests are validated, input data is skipped, broken patches fail. */
import assert from 'node:assert/strict';
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { test } from 'node:test';
import { runCli } from './run-cli.js';

const FULL =
  'apiVersion: hookpatch.io/v1alpha1\nkind: Patch\nmetadata: {name: full}\nspec:\n  domain:\n    - {op: remove, path: /domain/devices/watchdog}\n';
const SHORT = 'domain:\n  - {op: remove, path: /domain/devices/memballoon}\n';
const JSON_LIST =
  '[{"domain": [{"op": "remove", "path": "/domain/devices/rng"}]}, {"userData": [{"op": "add", "path": "/packages", "value": ["vim"]}]}]';
const CONFIG_MAP =
  'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: patches}\ndata:\n  a.yaml: |\n    domain:\n      - {op: remove, path: /domain/devices/sound}\n  notes.txt: hello\n';
const ANNOTATED_VM =
  'apiVersion: kubevirt.io/v1\nkind: VirtualMachine\nmetadata: {name: vm}\nspec:\n  template:\n    metadata:\n      annotations:\n        hookpatch.io/patch: |\n          domain:\n            - {op: remove, path: /domain/devices/tpm}\n';
const PLAIN_VMI =
  'apiVersion: kubevirt.io/v1\nkind: VirtualMachineInstance\nmetadata: {name: vmi}\nspec: {}\n';
const KUSTOMIZATION =
  'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [vm.yaml]\n';
const CLOUD_INIT_DATA =
  '{"DataSource": "noCloud", "UserData": "#cloud-config\\n", "NetworkData": ""}';

function indent(text: string): string {
  return text.replace(/^/gm, '    ').replace(/ +$/, '');
}

interface Case {
  readonly name: string;
  readonly files: Readonly<Record<string, string>>;
  readonly code: number;
  readonly stdout?: string;
  readonly skipped?: readonly string[];
  readonly errors?: readonly string[];
}

const CASES: readonly Case[] = [
  {
    name: 'a GitOps tree: full, short and JSON-list patch files, a ConfigMap and an annotated VM count; data, other kinds and a plain VMI are skipped',
    files: {
      'patches/full.yaml': FULL,
      'patches/short.yml': SHORT,
      'patches/list.json': JSON_LIST,
      'deploy/configmap.yaml': CONFIG_MAP,
      'deploy/vm.yaml': ANNOTATED_VM,
      'deploy/vmi.yaml': PLAIN_VMI,
      'deploy/kustomization.yaml': KUSTOMIZATION,
      'samples/cloud-init-data.json': CLOUD_INIT_DATA,
      'samples/domain.xml': '<domain/>',
      'samples/empty.yaml': '# nothing yet\n',
    },
    code: 0,
    stdout: 'valid: 6 documents in 5 files\n',
    skipped: [
      'deploy/kustomization.yaml',
      'deploy/vmi.yaml',
      'samples/cloud-init-data.json',
      'samples/domain.xml',
      'samples/empty.yaml',
    ],
  },
  {
    name: 'an RFC 5261 <diff> beside sample domains: the diff is a patch, the domains are skipped',
    files: {
      'patches/rng.xml': '<diff>\n  <remove sel="/domain/devices/rng"/>\n</diff>\n',
      'samples/domain.xml': '<domain><devices/></domain>',
      'samples/expected.xml': '<domain/>',
    },
    code: 0,
    stdout: 'valid: 1 document in 1 file\n',
    skipped: ['samples/domain.xml', 'samples/expected.xml'],
  },
  {
    name: 'a broken RFC 5261 patch is reported at its line',
    files: { 'p.xml': '<diff>\n  <remove sel="/domain["/>\n</diff>\n' },
    code: 1,
    errors: ['p.xml:2:', 'XPATH_SYNTAX'],
  },
  {
    name: 'one document name in two directories: each directory is served on its own',
    files: { 'a/p.yaml': FULL, 'b/p.yaml': FULL },
    code: 0,
    stdout: 'valid: 2 documents in 2 files\n',
  },
  {
    name: 'one document name twice in one directory is DUPLICATE_NAME',
    files: { 'a/p.yaml': FULL, 'a/q.yaml': FULL },
    code: 1,
    errors: ['q.yaml:1:1', 'DUPLICATE_NAME'],
  },
  {
    name: 'one document name in two keys of one ConfigMap is DUPLICATE_NAME, placed in the manifest',
    files: {
      'cm.yaml': `apiVersion: v1\nkind: ConfigMap\nmetadata: {name: twice}\ndata:\n  a.yaml: |\n${indent(FULL)}  b.yaml: |\n${indent(FULL)}`,
    },
    code: 1,
    errors: ['cm.yaml (key b.yaml):1:1', 'DUPLICATE_NAME'],
  },
  {
    name: 'a short-form key beside a typo is a broken patch, not data',
    files: { 'p.yaml': 'when: "true"\ndomian: []\n' },
    code: 1,
    errors: ['p.yaml:2:1', 'UNKNOWN_FIELD'],
  },
  {
    name: 'kind Patch without metadata is a broken patch',
    files: { 'p.yaml': 'kind: Patch\nspec: {}\n' },
    code: 1,
    errors: ['p.yaml:', 'MISSING_FIELD'],
  },
  {
    name: 'a .yaml file that is not YAML is reported, not skipped',
    files: { 'p.yaml': 'domain: [\n' },
    code: 1,
    errors: ['p.yaml:', 'YAML_SYNTAX'],
  },
  {
    name: 'an unknown op in a JSON list',
    files: { 'p.json': '[{"domain": [{"op": "frob", "path": "/domain"}]}]' },
    code: 1,
    errors: ['p.json:1:', 'UNKNOWN_OP'],
  },
  {
    name: 'a tree with no document at all fails: a CI gate must not pass on nothing',
    files: { 'data.json': CLOUD_INIT_DATA, 'vmi.yaml': PLAIN_VMI },
    code: 1,
    errors: ['NO_MATCH'],
    skipped: ['data.json', 'vmi.yaml'],
  },
];

for (const { name, files, code, stdout, skipped = [], errors = [] } of CASES) {
  test(`validate DIR: ${name}`, async () => {
    const dir = await mkdtemp(join(tmpdir(), 'hookpatch-validate-'));
    for (const [file, text] of Object.entries(files)) {
      await mkdir(dirname(join(dir, file)), { recursive: true });
      await writeFile(join(dir, file), text);
    }
    const run = await runCli(['validate', dir]);
    assert.equal(run.code, code, run.stderr);
    if (stdout !== undefined) assert.equal(run.stdout, stdout);
    if (code !== 0) assert.equal(run.stdout, '');
    const skipLines = run.stderr.split('\n').filter((line) => line.startsWith('skipped '));
    assert.deepEqual(
      skipLines.map((line) =>
        line.slice('skipped '.length, line.indexOf(': ')).slice(dir.length + 1),
      ),
      skipped,
    );
    for (const part of errors) assert.ok(run.stderr.includes(part), `${part} in ${run.stderr}`);
  });
}

test('validate examples/ passes: every example folder is patch files, carriers and skipped input data', async () => {
  const run = await runCli(['validate', 'examples/']);
  assert.equal(run.code, 0, run.stderr);
  assert.match(run.stdout, /^valid: \d+ documents in \d+ files\n$/);
  assert.ok(
    run.stderr.split('\n').every((line) => line === '' || line.startsWith('skipped ')),
    run.stderr,
  );
});
