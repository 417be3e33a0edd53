/**
 * The built bundle (the image's flags, in the sidecar cgroup) against the client virt-launcher
 * really uses: grpc-go, a connection per call with authority `localhost`, Info under a 1 s
 * deadline, the legacy callbacks, Shutdown, and MutateDomain on the plugin socket. A reply
 * grpc-go would refuse as too large must be hookpatch's own LIMIT_EXCEEDED, never the client's
 * ResourceExhausted.
 */
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { startBundle } from '../../hostile/bundle-server.js';
import { FAMILIES } from '../../hostile/hostile-families.js';
import { CLOUD_INIT_DATA, DOMAIN, NO_CLOUD, vmiWith } from '../fixtures.js';
import { call } from '../virt-launcher-client.js';
import { goCall, goClient, replyBytes, type GoCall } from './grpc-go-client.js';
import { LARGEST_DOMAIN_REPLY, paddedVmi, replySizePatch } from './reply-at-the-limit.js';

/** The hostile tests' file documents, except on the calls whose reply size is measured. */
const SERVER_PATCH = readFileSync(
  fileURLToPath(new URL('../../fixtures/hostile/server-patch.yaml', import.meta.url)),
  'utf8',
).replace(/^domain:/m, `when: "!vmi.metadata.name.startsWith('limit-')"\ndomain:`);
const MAKER = '<entry name="manufacturer">hostile-tests</entry>';
const V1ALPHA3 = '/kubevirt.hooks.v1alpha3.Callbacks';
/** One call of a hostile family, as its annotation. */
const familyAnnotation = (name: string): string => {
  const family = FAMILIES.find((candidate) => candidate.name.startsWith(name));
  const annotation = family?.make(1)[0]?.annotation;
  assert.ok(annotation !== undefined, name);
  return annotation;
};

describe("virt-launcher's grpc-go client against the served bundle", () => {
  test('every hook, the reply limit, errors with details, deadlines, Shutdown', async (t) => {
    goClient();
    const dir = await mkdtemp(join(tmpdir(), 'hookpatch-grpc-go-'));
    t.after(() => rm(dir, { recursive: true, force: true }));
    const patch = join(dir, 'patch.yaml');
    const replies = {
      'limit-at': LARGEST_DOMAIN_REPLY,
      'limit-over': LARGEST_DOMAIN_REPLY + 1,
    };
    await writeFile(patch, `${replySizePatch(replies)}---\n${SERVER_PATCH}`);
    const pluginSocket = join(dir, 'plugin', 'hook.sock');
    const server = await startBundle(
      t,
      ['--patch', patch, '--plugin-socket', pluginSocket, '--annotations=true'],
      { cpu: false, name: 'grpc-go' },
    );
    /** A v1alpha3 callback under virt-launcher's minute, or `deadlineMs` when given. */
    const legacy = (
      method: string,
      fields: Omit<GoCall, 'socket' | 'method' | 'deadlineMs'> & { readonly deadlineMs?: number },
    ) =>
      goCall({
        socket: server.socket,
        method: `${V1ALPHA3}/${method}` as GoCall['method'],
        deadlineMs: 60_000,
        ...fields,
      });

    await t.test('Info under a 1 s deadline, dialled with authority localhost', async () => {
      const info = await goCall({
        socket: server.socket,
        method: '/kubevirt.hooks.info.Info/Info',
        deadlineMs: 1000,
      });
      assert.equal(info.code, 'OK', info.message);
      assert.equal(info.reply?.['name'], 'hookpatch');
      assert.deepEqual(info.reply?.['versions'], ['v1alpha3', 'v1alpha2', 'v1alpha1']);
      const points = info.reply?.['hookPoints'] as { name: string }[];
      assert.deepEqual(
        points.map((point) => point.name),
        ['OnDefineDomain', 'PreCloudInitIso', 'Shutdown'],
      );
    });

    await t.test('OnDefineDomain of every version: the bytes grpc-js gets, patched', async () => {
      const vmi = vmiWith('grpc-go');
      const js = await call(server.socket, 'kubevirt.hooks.v1alpha3.Callbacks', 'OnDefineDomain', {
        domainXML: DOMAIN,
        vmi,
      });
      assert.ok(js.ok);
      for (const version of ['v1alpha1', 'v1alpha2', 'v1alpha3'] as const) {
        const reply = await goCall({
          socket: server.socket,
          method: `/kubevirt.hooks.${version}.Callbacks/OnDefineDomain`,
          deadlineMs: 60_000,
          domainXML: DOMAIN,
          vmi,
        });
        assert.equal(reply.code, 'OK', reply.message);
        const xml = replyBytes(reply, 'domainXML');
        assert.ok(xml.toString('utf8').includes(MAKER), version);
        assert.deepEqual(xml, js.message['domainXML']);
      }
    });

    await t.test('PreCloudInitIso: both fields of the reply', async () => {
      const reply = await legacy('PreCloudInitIso', {
        cloudInitData: CLOUD_INIT_DATA,
        cloudInitNoCloudSource: NO_CLOUD,
        vmi: vmiWith('grpc-go'),
      });
      assert.equal(reply.code, 'OK', reply.message);
      assert.match(replyBytes(reply, 'cloudInitData').toString('utf8'), /patched-host/);
      assert.match(replyBytes(reply, 'cloudInitNoCloudSource').toString('utf8'), /ops@example/);
    });

    await t.test(
      'MutateDomain on the plugin socket, with and without a sidecar context',
      async () => {
        for (const invocationContext of ['MigrationTarget', undefined]) {
          const reply = await goCall({
            socket: pluginSocket,
            method: '/kubevirt.hooks.plugins.v1alpha1.DomainHookService/MutateDomain',
            deadlineMs: 30_000,
            domainType: 'libvirt',
            domain: DOMAIN,
            vmi: vmiWith('grpc-go-plugin'),
            ...(invocationContext === undefined ? {} : { invocationContext }),
          });
          assert.equal(reply.code, 'OK', reply.message);
          assert.ok(replyBytes(reply, 'domain').toString('utf8').includes(MAKER));
        }
      },
    );

    await t.test('a reply of exactly the largest message grpc-go accepts is sent', async () => {
      const reply = await legacy('OnDefineDomain', {
        domainXML: DOMAIN,
        vmi: paddedVmi('limit-at'),
      });
      assert.equal(reply.code, 'OK', reply.message);
      const logged = server.logLines().find((line) => line.includes('"name":"limit-at"'));

      assert.equal(replyBytes(reply, 'domainXML').length, LARGEST_DOMAIN_REPLY, logged);
    });

    await t.test(
      'one byte more, and a reply far over 4 MiB: LIMIT_EXCEEDED from hookpatch',
      async () => {
        const over = await legacy('OnDefineDomain', {
          domainXML: DOMAIN,
          vmi: paddedVmi('limit-over'),
        });
        const far = await legacy('OnDefineDomain', {
          domainXML: DOMAIN,
          vmi: vmiWith('far-over', familyAnnotation('a reply over 4 MiB')),
        });
        for (const reply of [over, far]) {
          assert.equal(reply.code, 'FailedPrecondition', reply.message);
          assert.match(reply.message, /\[LIMIT_EXCEEDED\]$/);
        }
      },
    );

    await t.test(
      'an error with several lines and non-ASCII text arrives as the log has it',
      async () => {
        const annotation = [
          'domain:',
          '  - {op: bogus, path: /domain/é}',
          '  - {op: add, path: "//[", value: <x/>}',
          '',
        ].join('\n');
        const vmi = vmiWith('grpc-go-error', annotation);
        const reply = await legacy('OnDefineDomain', { domainXML: DOMAIN, vmi });
        const js = await call(
          server.socket,
          'kubevirt.hooks.v1alpha3.Callbacks',
          'OnDefineDomain',
          {
            domainXML: DOMAIN,
            vmi,
          },
        );
        assert.equal(reply.code, 'FailedPrecondition');
        const lines = reply.message.split('\n');
        assert.equal(lines.length, 2, reply.message);
        assert.ok(
          lines.every((line) => /\[[A-Z_]+\]$/.test(line)),
          reply.message,
        );
        assert.ok(reply.message.includes('é'), reply.message);
        assert.ok(!js.ok);
        assert.equal(reply.message, js.error.details);
        const logged = server
          .logLines()
          .map((line) => JSON.parse(line) as { name?: string; error?: string })
          .find((line) => line.name === 'grpc-go-error');
        assert.equal(reply.message, logged?.error);
      },
    );

    await t.test(
      'the deadline grpc-go sets: a slow call ends at it, the next call is served',
      async () => {
        const slow = await legacy('OnDefineDomain', {
          domainXML: DOMAIN,
          vmi: vmiWith('slow', familyAnnotation('a node-set comparison')),
          deadlineMs: 50,
        });
        assert.equal(slow.code, 'DeadlineExceeded', slow.message);
        assert.ok(slow.elapsedMs < 1000, `${slow.elapsedMs} ms`);
        const next = await legacy('OnDefineDomain', { domainXML: DOMAIN, vmi: vmiWith('next') });
        assert.equal(next.code, 'OK', next.message);
      },
    );

    await t.test('Shutdown: answered, then the server exits 0 and removes its socket', async () => {
      const reply = await legacy('Shutdown', {});
      assert.equal(reply.code, 'OK', reply.message);
      assert.equal(await server.exited, 0);
      assert.equal(existsSync(server.socket), false);
      assert.equal(server.cgroup?.oomKills() ?? 0, 0, 'no OOM kill in the sidecar cgroup');
    });
  });
});
