/** End to end over a real unix socket, per legacy version: discovery, Info, OnDefineDomain, PreCloudInitIso, stop. */
import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import { describe, test } from 'node:test';
import {
  baseBoardEntry,
  baseBoardPatch,
  CLOUD_INIT_PATCH,
  CLOUD_INIT_SAMPLES,
  DOMAIN,
  VMI,
  writePatch,
} from './fixtures.js';
import { logRecords, socketOf, startHook, tempDir } from './hook-process.js';
import { bytes, call, chooseVersion } from './virt-launcher-client.js';

interface Row {
  readonly args: readonly string[];
  readonly cloudInitFile: boolean;
  readonly versions: readonly string[];
  readonly hookPoints: readonly string[];
  readonly stop: 'Shutdown' | 'SIGTERM';
}

const rows: readonly Row[] = [
  {
    args: ['--version', 'v1alpha1'],
    cloudInitFile: true,
    versions: ['v1alpha1'],
    hookPoints: ['OnDefineDomain'],
    stop: 'SIGTERM',
  },
  {
    args: ['--version', 'v1alpha2'],
    cloudInitFile: true,
    versions: ['v1alpha2'],
    hookPoints: ['OnDefineDomain', 'PreCloudInitIso'],
    stop: 'SIGTERM',
  },
  {
    args: ['--version', 'v1alpha3'],
    cloudInitFile: true,
    versions: ['v1alpha3'],
    hookPoints: ['OnDefineDomain', 'PreCloudInitIso', 'Shutdown'],
    stop: 'Shutdown',
  },
  {
    args: [],
    cloudInitFile: false,
    versions: ['v1alpha3', 'v1alpha2', 'v1alpha1'],
    hookPoints: ['OnDefineDomain', 'Shutdown'],
    stop: 'Shutdown',
  },
];

// The rows are separate processes: run them side by side, as separate sidecars would.
describe('legacy hook per version', { concurrency: true }, () => {
  for (const row of rows) {
    test(`legacy hook ${row.args.join(' ') || '(all versions)'}: Info, calls, ${row.stop}`, async (t) => {
      const tmp = await tempDir();
      const patches = [await writePatch(tmp, 'baseboard.yaml', baseBoardPatch('e2e-maker'))];
      if (row.cloudInitFile)
        patches.push(await writePatch(tmp, 'cloud-init.yaml', CLOUD_INIT_PATCH));
      const hook = await startHook(
        t,
        [...row.args, ...patches.flatMap((path) => ['--patch', path])],
        { tmp },
      );
      const socket = await socketOf(hook);

      const info = await call(socket, 'kubevirt.hooks.info.Info', 'Info', {}, 1000);
      assert.ok(info.ok, 'Info answers within 1 s');
      assert.equal(info.message.name, 'hookpatch');
      assert.deepEqual(info.message.versions, row.versions);
      const points = info.message.hookPoints;
      assert.ok(Array.isArray(points));
      assert.deepEqual(
        points.map((point: { name: string }) => point.name),
        row.hookPoints,
      );
      const version = chooseVersion(info.message.versions);
      assert.equal(version, row.versions[0]);
      const callbacks = `kubevirt.hooks.${version ?? 'v1alpha1'}.Callbacks` as const;

      if (row.hookPoints.includes('PreCloudInitIso')) {
        for (const [cloudInitData, cloudInitNoCloudSource] of CLOUD_INIT_SAMPLES) {
          const reply = await call(socket, callbacks, 'PreCloudInitIso', {
            cloudInitData,
            cloudInitNoCloudSource,
            vmi: VMI,
          });
          const data = JSON.parse(bytes(reply, 'cloudInitData'));
          const sent = JSON.parse(cloudInitData.toString('utf8'));
          assert.equal(
            data.NoCloudMetaData?.['local-hostname'],
            sent.NoCloudMetaData === null ? undefined : 'patched-host',
          );
          assert.ok(String(data.UserData).includes('ops@example.com'));
          assert.equal(JSON.parse(bytes(reply, 'cloudInitNoCloudSource')).userData, data.UserData);
        }
      }

      const domain = await call(socket, callbacks, 'OnDefineDomain', {
        domainXML: DOMAIN,
        vmi: VMI,
      });
      const xml = bytes(domain, 'domainXML');
      assert.ok(xml.includes(baseBoardEntry('e2e-maker')), 'the patch was applied');
      assert.ok(
        xml.includes('\t\t<entry name="uuid">e4686d2c-6e8d-4335-b8fd-81bee22f4814</entry>'),
        'untouched parts keep their form',
      );

      if (row.stop === 'Shutdown') assert.ok((await call(socket, callbacks, 'Shutdown', {})).ok);
      else hook.child.kill('SIGTERM');
      assert.equal(await hook.exited, 0);
      assert.equal(existsSync(socket), false, 'the socket is removed');
      const calls = logRecords(hook).filter((record) => record.hook === 'OnDefineDomain');
      assert.equal(calls.length, 1);
      assert.equal(calls[0]?.name, 'vmi-with-sidecar-hook-configmap');
      assert.equal(calls[0]?.version, version);
    });
  }
});
