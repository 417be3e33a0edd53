/** The cloud-init judge's two halves on their own: pointers per operation, and user data as a YAML 1.1 reader reads it. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { loadAnnotationPolicy, loadDocuments } from '../../../src/engine/index.js';
import { judgeJson } from '../../../src/engine/policy/judge-json.js';
import { runSteps } from '../../../src/engine/steps.js';

function judge(policyText: string): ReturnType<typeof judgeJson> {
  const policy = loadAnnotationPolicy(policyText, 'policy.yaml');
  assert.ok(policy.ok);
  return judgeJson(policy.policy);
}

const userData = (text: string): { UserData: string } => ({ UserData: text });
const keys = judge('allow:\n  userData: [/ssh_authorized_keys]\n');

test('user data read as YAML 1.1: a raw line break that only YAML 1.1 sees makes a new key, and is refused', () => {
  const before = userData('#cloud-config\npassword: x\n');
  for (const character of ['\u2028', '\u2029', '\u0085']) {
    const after = userData(
      `#cloud-config\npassword: x\nssh_authorized_keys:\n- k${character}runcmd: [reboot]\n`,
    );
    assert.match(
      runSteps(keys.embedded(before, after)) ?? '',
      /^it changes \/runcmd of UserData/,
      JSON.stringify(character),
    );
  }
  const escaped = userData(
    '#cloud-config\npassword: x\nssh_authorized_keys: ["k\\Lruncmd: [reboot]"]\n',
  );
  assert.equal(runSteps(keys.embedded(before, escaped)), undefined);
});

test('user data a YAML 1.1 reader refuses (an unprintable character) is a change of all of it', () => {
  const before = userData('#cloud-config\npassword: x\n');
  const after = userData('#cloud-config\npassword: x\nssh_authorized_keys: [k\u0001]\n');
  assert.match(runSteps(keys.embedded(before, after)) ?? '', /^it changes \/ of UserData/);
});

/** [allowed prefixes, operation, the data it runs on, refused] */
const pointerRows: ReadonlyArray<readonly [string, string, unknown, boolean]> = [
  ['[/a/0]', '{op: replace, path: /a/0, value: x}', { a: ['y', 'z'] }, false],
  ['[/a/0]', '{op: add, path: /a/0, value: x}', { a: ['y', 'z'] }, true],
  ['[/a/0]', '{op: remove, path: /a/0}', { a: ['y', 'z'] }, true],
  ['[/a/0]', '{op: add, path: /a/-, value: x}', { a: ['y'] }, true],
  ['[/a]', '{op: add, path: /a/-, value: x}', { a: ['y'] }, false],
  ['[/m/k]', '{op: add, path: /m/k, value: x}', { m: {} }, false],
  ['[/m/k]', '{op: remove, path: /m/k}', { m: { k: 1 } }, false],
  ['[/m]', '{op: copy, from: /n, path: /m/k}', { m: {}, n: 1 }, true],
  ['[/m]', '{op: move, from: /m/a, path: /m/b}', { m: { a: 1 } }, false],
  ['[/m]', '{op: test, path: /n, value: 1}', { n: 1 }, true],
];

for (const [prefixes, operation, data, refused] of pointerRows) {
  test(`cloudInit ${prefixes}: ${operation} on ${JSON.stringify(data)} is ${refused ? 'refused' : 'allowed'}`, () => {
    const loaded = loadDocuments(`cloudInit:\n  - ${operation}\n`, {
      source: 'a',
      origin: 'annotation',
    });
    const op = loaded.documents[0]?.cloudInit[0];
    assert.ok(op !== undefined);
    const verdict = judge(`allow:\n  cloudInit: ${prefixes}\n`).operation('cloudInit', op, data);
    assert.equal(verdict !== undefined, refused, verdict);
  });
}
