/** Conditions users write, on VMIs as KubeVirt sends them: right results, and well under the cost limit. */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { describe, it } from 'node:test';
import { compileExpression, evaluateCondition } from '../../../src/engine/expr/expression.js';

function fixture(name: string): unknown {
  return JSON.parse(readFileSync(new URL(`../../fixtures/expr/${name}`, import.meta.url), 'utf8'));
}

const sidecarVmi = fixture('vmi-with-sidecar-hook.vmi.json');
const fullVmi = fixture('apitesting__kubevirt.io.v1.VirtualMachineInstance.json');

/** expression, its value on the sidecar-hook example VMI */
const rows: ReadonlyArray<readonly [string, boolean]> = [
  ["'smbios.vm.kubevirt.io/baseBoardManufacturer' in vmi.metadata.annotations", true],
  [
    "vmi.metadata.annotations['smbios.vm.kubevirt.io/baseBoardManufacturer'].startsWith('Radical')",
    true,
  ],
  ["has(vmi.metadata.labels) && vmi.metadata.labels['special'] == 'vmi-with-sidecar-hook'", true],
  [
    "vmi.spec.domain.devices.disks.exists(d, d.name == 'cloudinitdisk' && d.disk.bus == 'virtio')",
    true,
  ],
  ['size(vmi.spec.domain.devices.disks) > 2', false],
  [
    "vmi.spec.volumes.exists(v, has(v.cloudInitNoCloud) && v.cloudInitNoCloud.userData.contains('password'))",
    true,
  ],
  ['vmi.spec.volumes.all(v, vmi.spec.domain.devices.disks.exists(d, d.name == v.name))', true],
  ["vmi.spec.domain.memory.guest.matches('^[0-9]+[MG]i?$')", true],
  ['vmi.metadata.generation == 1 && vmi.spec.terminationGracePeriodSeconds == 0', true],
  ['has(vmi.spec.domain.cpu) && vmi.spec.domain.cpu.cores >= 2', false],
  ["vmi.metadata.finalizers.exists(f, f.endsWith('Finalize'))", true],
];

describe('conditions on the sidecar-hook example VMI', () => {
  for (const [source, expected] of rows) {
    it(source, () => {
      const expression = compileExpression(source);
      assert.ok(expression.ok);
      assert.deepEqual(evaluateCondition(expression.value, { vmi: sidecarVmi, context: 'Boot' }), {
        ok: true,
        value: expected,
      });
    });
  }
});

describe('the same conditions on a VMI with every field populated', () => {
  for (const [source] of rows) {
    it(source, () => {
      const expression = compileExpression(source);
      assert.ok(expression.ok);
      const result = evaluateCondition(expression.value, {
        vmi: fullVmi,
        context: 'MigrationTarget',
      });
      // missing keys are allowed to fail; the cost limit must never be what stops these
      assert.notEqual(result.ok ? 'ok' : result.problem.code, 'LIMIT_EXCEEDED');
    });
  }
});
