/**
 * What hookpatch writes into user data means to cloud-init's reader (PyYAML's safe_load, YAML 1.1)
 * exactly the JSON value the operation carried: strings YAML 1.1 would read as something else
 * (booleans, octal, sexagesimal, merge and value keys, its extra line breaks) come back as strings.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { applyCloudInit } from '../../../src/engine/apply-cloud-init.js';
import { formatGoJson } from '../../../src/engine/json/cloud-init-data.js';
import { readWithPyYaml } from '../policy/read-with-pyyaml.js';
import { jsonDocument } from './patch-document-builder.js';

const STRINGS = [
  '<<',
  '=',
  'yes',
  'off',
  'y',
  '~',
  'null',
  '0644',
  '1:20',
  '0b101',
  '1_000',
  '.inf',
  '2001-12-14',
  '!!binary aGk=',
  'a\u2028runcmd: [reboot]',
  'a\u0085b',
  '- item',
  '#comment',
];

for (const text of STRINGS) {
  test(`user data: ${JSON.stringify(text)} written as a key and as a value reads back as that string`, () => {
    const value = { [text]: text, list: [text] };
    const input = formatGoJson({
      DataSource: 'noCloud',
      UserData: '#cloud-config\nhostname: vm\n',
      NetworkData: '',
    });
    const result = applyCloudInit(
      input,
      [jsonDocument('p', { userData: [{ op: 'add', path: '/written', value }] })],
      { vmi: {}, context: 'Boot' },
    );
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    const data: unknown = JSON.parse(result.value.cloudInitData);
    assert.ok(typeof data === 'object' && data !== null && 'UserData' in data);
    assert.deepEqual(readWithPyYaml(String(data.UserData)), {
      data: { hostname: 'vm', written: value },
    });
  });
}
