import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { applyCloudInit } from '../../src/engine/apply-cloud-init.js';
import { formatGoJson } from '../../src/engine/json/cloud-init-data.js';
import { loadDocuments } from '../../src/engine/load/load-documents.js';
import type { CallContext, PatchDocument } from '../../src/engine/model.js';
import { jsonDocument } from './json/patch-document-builder.js';

const folder = new URL('../fixtures/cloud-init/', import.meta.url);
const samples = readdirSync(folder)
  .filter((file) => file.endsWith('.cloudInitData.json'))
  .sort()
  .map((file) => {
    const stem = file.replace('.cloudInitData.json', '');
    return {
      stem,
      data: readFileSync(new URL(file, folder), 'utf8'),
      noCloud: readFileSync(new URL(`${stem}.cloudInitNoCloudSource.json`, folder), 'utf8'),
    };
  });
const call: CallContext = {
  vmi: { metadata: { name: 'vm1', namespace: 'ns1', annotations: {} } },
  context: 'Boot',
};

/** Document sets that must not change anything in any sample. */
const noChange: [string, PatchDocument[]][] = [
  ['no documents', []],
  ['a document without cloud-init operations', [jsonDocument('domain-only', {})]],
  [
    'a document whose when is false',
    [
      jsonDocument('not-this-vm', {
        when: "context == 'MigrationTarget'",
        cloudInit: [{ op: 'remove', path: '/UserData' }],
      }),
    ],
  ],
  [
    'operations whose when is false',
    [
      jsonDocument('op-when', {
        userData: [{ op: 'add', path: '/x', value: 1, when: 'false' }],
        cloudInit: [{ op: 'remove', path: '/VolumeName', when: 'has(vmi.metadata.labels)' }],
      }),
    ],
  ],
  [
    'a test that holds',
    [
      jsonDocument('tests', {
        cloudInit: [{ op: 'test', path: '/VolumeName', value: 'cloudinitdisk' }],
      }),
    ],
  ],
  [
    'a change undone',
    [
      jsonDocument('undo', {
        cloudInit: [
          { op: 'copy', from: '/VolumeName', path: '/Copy' },
          { op: 'remove', path: '/Copy' },
        ],
      }),
    ],
  ],
  [
    'a failing document under Ignore',
    [
      jsonDocument('ignored', {
        failurePolicy: 'Ignore',
        cloudInit: [
          { op: 'replace', path: '/VolumeName', value: 'x' },
          { op: 'remove', path: '/Missing' },
        ],
      }),
    ],
  ],
];

test('the samples are exactly what formatGoJson writes (Go escaping, member order)', () => {
  assert.equal(samples.length, 6);
  for (const { stem, data } of samples) assert.equal(formatGoJson(JSON.parse(data)), data, stem);
});

for (const [what, documents] of noChange) {
  test(`samples round-trip unchanged through ${what}`, () => {
    for (const { stem, data, noCloud } of samples) {
      const result = applyCloudInit(data, documents, call);
      assert.ok(result.ok, stem);
      assert.equal(result.value.cloudInitData, data, stem);
      assert.equal(result.value.cloudInitNoCloudSource, noCloud, stem);
      assert.equal(
        result.documents.filter(
          (d) =>
            d.status === 'applied' && d.operations.some((o) => o.op !== 'test' && o.matches > 0),
        ).length,
        what === 'a change undone' ? 1 : 0,
      );
    }
  });
}

test('cloudInit sets /NoCloudMetaData/local-hostname; the rest keeps its bytes and Go escapes', () => {
  const sample = samples.find((s) => s.stem.startsWith('06-'));
  assert.ok(sample);
  const document = jsonDocument('hostname', {
    vars: { host: "vmi.metadata.name + '.' + vmi.metadata.namespace" },
    cloudInit: [{ op: 'replace', path: '/NoCloudMetaData/local-hostname', value: '$(host) <&>' }],
  });
  const result = applyCloudInit(sample.data, [document], call);
  assert.ok(result.ok);
  const expected = sample.data.replace(
    '"local-hostname":"escape-test"',
    '"local-hostname":"vm1.ns1 \\u003c\\u0026\\u003e"',
  );
  assert.notEqual(expected, sample.data);
  assert.equal(result.value.cloudInitData, expected);
  assert.equal(result.value.cloudInitNoCloudSource, sample.noCloud);
  assert.deepEqual(result.documents, [
    {
      name: 'hostname',
      status: 'applied',
      operations: [
        {
          list: 'cloudInit',
          index: 0,
          op: 'replace',
          path: '/NoCloudMetaData/local-hostname',
          matches: 1,
        },
      ],
    },
  ]);
});

test('cloudInitNoCloudSource follows changed user and network data, omitting empty fields', () => {
  const sample = samples.find((s) => s.stem.startsWith('02-'));
  assert.ok(sample);
  const result = applyCloudInit(
    sample.data,
    [
      jsonDocument('move', {
        cloudInit: [
          { op: 'move', from: '/NetworkData', path: '/UserData' },
          { op: 'add', path: '/NetworkData', value: '' },
        ],
      }),
    ],
    call,
  );
  assert.ok(result.ok);
  const input: unknown = JSON.parse(sample.data);
  assert.ok(typeof input === 'object' && input !== null && 'NetworkData' in input);
  assert.equal(result.value.cloudInitNoCloudSource, formatGoJson({ userData: input.NetworkData }));
  assert.deepEqual(Object.keys(JSON.parse(result.value.cloudInitData)), [
    'DataSource',
    'NoCloudMetaData',
    'ConfigDriveMetaData',
    'UserData',
    'DevicesData',
    'VolumeName',
    'NetworkData',
  ]);
});

test('errors: located at the operation, failurePolicy Fail stops the call, Ignore skips the document whole', () => {
  const sample = samples[0];
  assert.ok(sample);
  const cases: [string, PatchDocument, string, Record<string, unknown>][] = [
    [
      'missing member',
      jsonDocument('a', { cloudInit: [{ op: 'remove', path: '/NoCloudMetaData/public-keys' }] }),
      'POINTER_NOT_FOUND',
      { list: 'cloudInit', operation: 0 },
    ],
    [
      'null metadata',
      jsonDocument('b', {
        cloudInit: [{ op: 'add', path: '/ConfigDriveMetaData/hostname', value: 'x' }],
      }),
      'POINTER_NOT_FOUND',
      { list: 'cloudInit', operation: 0 },
    ],
    [
      'test',
      jsonDocument('c', {
        cloudInit: [
          { op: 'add', path: '/VolumeName', value: 'x' },
          { op: 'test', path: '/DataSource', value: 'configDrive' },
        ],
      }),
      'TEST_FAILED',
      { list: 'cloudInit', operation: 1 },
    ],
    [
      'not an object any more',
      jsonDocument('d', { cloudInit: [{ op: 'replace', path: '', value: [] }] }),
      'WRONG_NODE_TYPE',
      { list: 'cloudInit', operation: 0 },
    ],
    [
      'after cloudInit, userData fails',
      jsonDocument('e', {
        cloudInit: [{ op: 'add', path: '/VolumeName', value: 'x' }],
        userData: [{ op: 'remove', path: '/packages' }],
      }),
      'POINTER_NOT_FOUND',
      { list: 'userData', operation: 0 },
    ],
    [
      'document when fails',
      jsonDocument('f', {
        when: 'vmi.spec.missing == 1',
        cloudInit: [{ op: 'add', path: '/X', value: 1 }],
      }),
      'CEL_EVAL',
      { line: 1, column: 1 },
    ],
    [
      'operation when fails',
      jsonDocument('g', {
        networkData: [{ op: 'add', path: '/X', value: 1, when: 'vmi.spec.missing == 1' }],
      }),
      'CEL_EVAL',
      { list: 'networkData', operation: 0 },
    ],
  ];
  const later = jsonDocument('later', {
    cloudInit: [{ op: 'add', path: '/VolumeName', value: 'later' }],
  });
  for (const [what, failing, code, at] of cases) {
    const failed = applyCloudInit(sample.data, [failing, later], call);
    assert.equal(failed.ok, false, what);
    assert.ok(!failed.ok);
    assert.equal(failed.error.code, code, what);
    assert.deepEqual({ ...failed.error.location, ...at }, failed.error.location, what);
    assert.equal(failed.error.location.document, failing.name, what);

    const ignored = applyCloudInit(
      sample.data,
      [{ ...failing, failurePolicy: 'Ignore' }, later],
      call,
    );
    assert.ok(ignored.ok, what);
    assert.deepEqual(
      JSON.parse(ignored.value.cloudInitData),
      { ...JSON.parse(sample.data), VolumeName: 'later' },
      what,
    );
    assert.deepEqual(
      ignored.documents.map((d) => [d.name, d.status, d.error?.code]),
      [
        [failing.name, 'ignored', code],
        ['later', 'applied', undefined],
      ],
      what,
    );
  }
});

test('input that is not a CloudInitData object is JSON_MALFORMED', () => {
  for (const input of ['', '{', 'null', '[]', '"x"']) {
    const result = applyCloudInit(input, [], call);
    assert.equal(result.ok ? 'ok' : result.error.code, 'JSON_MALFORMED', input);
  }
});

test('documents from the loader: pointers, vars and when as written in YAML', () => {
  const sample = samples.find((s) => s.stem.startsWith('01-'));
  assert.ok(sample);
  const source = `
apiVersion: hookpatch.io/v1alpha1
kind: Patch
metadata:
  name: platform
spec:
  vars:
    host: "vmi.metadata.name + '.example.com'"
  cloudInit:
    - op: add
      path: /NoCloudMetaData/local-hostname
      value: $(host)
  userData:
    - op: add
      path: /ssh_authorized_keys
      value: [ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPlatform ops@example.com]
    - op: add
      path: /a~1b
      value: 1
      when: "context == 'Boot'"
`;
  const loaded = loadDocuments(source, { source: 'platform.yaml', origin: 'file' });
  assert.deepEqual(loaded.errors, []);
  const result = applyCloudInit(sample.data, loaded.documents, call);
  assert.ok(result.ok);
  const input: unknown = JSON.parse(sample.data);
  assert.ok(typeof input === 'object' && input !== null && 'UserData' in input);
  assert.deepEqual(JSON.parse(result.value.cloudInitData), {
    ...input,
    NoCloudMetaData: {
      'instance-id': '0b8a1f57-6f2c-4c43-9d2e-5a1b7e3c9f10',
      'local-hostname': 'vm1.example.com',
    },
    UserData: `${String(input.UserData)}\nssh_authorized_keys:\n  - ssh-ed25519 AAAAC3NzaC1lZDI1NTE5AAAAIPlatform ops@example.com\na/b: 1`,
  });
});
