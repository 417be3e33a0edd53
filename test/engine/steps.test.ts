/** The engine's steps (src/engine/steps.ts): a call pauses between its pieces, and stepping changes nothing in its result. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  applyCloudInitSteps,
  applyDomainSteps,
  loadAnnotationPolicy,
  loadDocuments,
  runSteps,
  type Steps,
} from '../../src/engine/index.js';
import { DEFAULT_LIMITS, workBudgetsOf } from '../../src/engine/limits.js';
import { activeMeter, createMeter, WorkAborted } from '../../src/engine/meter.js';
import { meteredSteps } from '../../src/engine/steps.js';
import { CLOUD_INIT_DATA, DOMAIN } from '../e2e/fixtures.js';

const domainText = DOMAIN.toString('utf8');

function documents(patch: string) {
  const loaded = loadDocuments(patch, { source: 'steps.yaml', origin: 'annotation' });
  assert.deepEqual(loaded.errors, []);
  return loaded.documents;
}

/** Every step, counted: the result and how many pauses it took. */
function stepped<T>(steps: Steps<T>): { readonly value: T; readonly pauses: number } {
  let pauses = 0;
  for (;;) {
    const next = steps.next();
    if (next.done === true) return { value: next.value, pauses };
    pauses += 1;
  }
}

const OPERATIONS = 20;
const MANY = `domain:\n${Array.from(
  { length: OPERATIONS },
  (_, i) => `  - {op: set, path: /domain/metadata/@n${i}, value: "v${i}"}\n`,
).join('')}`;

test('a domain call pauses at least once per operation and gives what running it at once gives', () => {
  const call = { vmi: {}, context: 'Boot' } as const;
  const { value, pauses } = stepped(applyDomainSteps(domainText, documents(MANY), call));
  assert.ok(pauses >= OPERATIONS, `${pauses} pauses`);
  assert.deepEqual(value, runSteps(applyDomainSteps(domainText, documents(MANY), call)));
  assert.ok(value.ok && value.value.includes('n19="v19"'));
});

test('a cloud-init call pauses at least once per operation', () => {
  const patch = `cloudInit:\n${Array.from(
    { length: OPERATIONS },
    (_, i) => `  - {op: add, path: /NoCloudMetaData/k${i}, value: v${i}}\n`,
  ).join('')}`;
  const call = { vmi: {}, context: 'Boot' } as const;
  const input = CLOUD_INIT_DATA.toString('utf8');
  const { value, pauses } = stepped(applyCloudInitSteps(input, documents(patch), call));
  assert.ok(pauses >= OPERATIONS, `${pauses} pauses`);
  assert.ok(value.ok && value.value.cloudInitData.includes('"k19":"v19"'));
});

test('the policy judge pauses once per allow path, before and after the document', () => {
  const paths = ['/domain/metadata', ...Array.from({ length: 9 }, (_, i) => `/domain/x${i}`)]
    .map((path) => `    - ${path}`)
    .join('\n');
  const policy = loadAnnotationPolicy(`allow:\n  domain:\n${paths}\n`, 'policy.yaml');
  const patch = 'domain:\n  - {op: add, path: /domain/metadata, value: <x0/>}\n';
  const call = { vmi: {}, context: 'Boot', policy } as const;
  const judged = stepped(applyDomainSteps(domainText, documents(patch), call));
  const unjudged = stepped(
    applyDomainSteps(domainText, documents(patch), { ...call, policy: undefined }),
  );
  assert.ok(judged.pauses >= unjudged.pauses + 20, `${judged.pauses} against ${unjudged.pauses}`);
  assert.ok(judged.value.ok, 'the document is allowed');
});

test('an abort in a step ends the steps with the call error, and the meter is no longer active after it', () => {
  const meter = createMeter(workBudgetsOf(DEFAULT_LIMITS));
  function* aborting(): Steps<string> {
    yield;
    throw new WorkAborted({ code: 'DEADLINE_EXCEEDED', message: 'late' }, true);
  }
  const ended = runSteps(meteredSteps(meter, aborting(), (abort) => abort.problem.code));
  assert.equal(ended, 'DEADLINE_EXCEEDED');
  assert.equal(activeMeter(), undefined);
});

test('one add of a fragment of many siblings pauses inside the operation, and a replace between targets', () => {
  const call = { vmi: {}, context: 'Boot' } as const;
  const add = `domain:\n  - {op: add, path: /domain/devices, value: "${'<p/>'.repeat(1000)}"}\n`;
  const added = stepped(applyDomainSteps(domainText, documents(add), call));
  assert.ok(added.value.ok);
  assert.ok(added.pauses >= 1000 / 64, `${added.pauses} pauses`);
  const replace = 'domain:\n  - {op: replace, path: /domain/devices/disk, value: <disk/>}\n';
  const disks = (domainText.match(/<disk /g) ?? []).length;
  const replaced = stepped(applyDomainSteps(domainText, documents(replace), call));
  assert.ok(replaced.value.ok);
  assert.ok(replaced.pauses >= disks + 3, `${replaced.pauses} pauses for ${disks} disks`);
});
