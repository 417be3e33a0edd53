/**
 * Makes the V8 code cache for dist/cli/serve.cjs (after `npm run build`): a node with exactly the
 * Dockerfile's ENTRYPOINT flags (V8 refuses a cache made under other flags) compiles the bundle,
 * serves a few calls of every kind on a temporary socket, so that what a call runs is compiled,
 * and writes the cache next to the bundle. The image's build stage runs it with the image's own
 * node; `npm run bench` with the node it measures.
 *
 *   node --import tsx scripts/code-cache.ts [--node PATH] [--flags "V8 flags instead of the image's"]
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { flagsForNode, imageEnvironment, readImageRuntime } from '../packaging/image-runtime.js';
import {
  callInfo,
  callMutateDomain,
  callOnDefineDomain,
  callPreCloudInitIso,
  callShutdown,
  type CallOutcome,
} from '../src/client/hook-calls.js';
import { codeCachePath, compileServeBundle } from '../src/cli/serve-bundle.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const bundle = join(root, 'dist', 'cli', 'serve.cjs');

/** A file document and an annotation document that reach YAML, CEL, XPath and JSON patching. */
const FILE_DOCUMENT = `apiVersion: hookpatch.io/v1alpha1
kind: Patch
metadata:
  name: warm-up
spec:
  when: "has(vmi.metadata.annotations) && vmi.metadata.namespace != ''"
  vars:
    owner: "vmi.metadata.namespace + '/' + vmi.metadata.name"
  domain:
    - op: set
      path: /domain/sysinfo/@type
      value: smbios
    - op: add
      path: /domain/sysinfo
      value: <baseBoard><entry name="manufacturer">$(owner)</entry></baseBoard>
    - op: remove
      path: /domain/devices/disk[alias/@name='ua-warm-up-absent']
  userData:
    - op: add
      path: /packages/-
      value: qemu-guest-agent
  cloudInit:
    - op: replace
      path: /NoCloudMetaData/local-hostname
      value: $(owner)
`;
const ANNOTATION_DOCUMENT = `domain:
  - op: set
    path: /domain/devices/memballoon/stats/@period
    value: 5
`;
const CLOUD_INIT_DATA = JSON.stringify({
  DataSource: 'noCloud',
  NoCloudMetaData: { 'instance-id': 'warm-up', 'local-hostname': 'warm-up' },
  ConfigDriveMetaData: null,
  UserData: '#cloud-config\npackages:\n  - vim\n',
  NetworkData: '',
  DevicesData: null,
  VolumeName: 'cloudinitdisk',
});

function expectOk<T>(what: string, outcome: CallOutcome<T>): T {
  if (!outcome.ok) throw new Error(`${what}: ${outcome.error.details}`);
  return outcome.value;
}

async function warmUp(socket: string): Promise<void> {
  const domain = readFileSync(
    join(root, 'packaging', 'fixtures', 'domain_x86_64.tabs.xml'),
    'utf8',
  );
  const vmi = JSON.parse(readFileSync(join(root, 'packaging', 'fixtures', 'vmi.json'), 'utf8'));
  vmi.metadata.annotations['hookpatch.io/patch'] = ANNOTATION_DOCUMENT;
  const vmiJson = JSON.stringify(vmi);
  for (let round = 0; round < 2; round++) {
    expectOk('Info', await callInfo(socket));
    expectOk('OnDefineDomain', await callOnDefineDomain(socket, 'v1alpha3', domain, vmiJson));
    expectOk('OnDefineDomain', await callOnDefineDomain(socket, 'v1alpha2', domain, vmiJson));
    expectOk(
      'PreCloudInitIso',
      await callPreCloudInitIso(socket, 'v1alpha3', CLOUD_INIT_DATA, vmiJson),
    );
    expectOk('MutateDomain', await callMutateDomain(socket, domain, vmiJson, 'Boot'));
  }
  expectOk('Shutdown', await callShutdown(socket));
}

async function socketIn(dir: string): Promise<string> {
  for (let attempt = 0; attempt < 1000; attempt++) {
    const name = readdirSync(dir).find((entry) => entry.endsWith('.sock'));
    if (name !== undefined) return join(dir, name);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
  throw new Error(`no socket in ${dir}`);
}

/** In the node with the image's flags: compile, serve the warm-up calls, write the cache. */
async function child(): Promise<void> {
  const compiled = compileServeBundle(bundle, false);
  const work = mkdtempSync(join(tmpdir(), 'hookpatch-code-cache-'));
  writeFileSync(join(work, 'warm-up.yaml'), FILE_DOCUMENT);
  compiled.exports.installXmldomRegexpCache();
  const serving = compiled.exports.runServe(
    ['--socket-dir', work, '--patch', join(work, 'warm-up.yaml'), '--name', 'code-cache'],
    { codeCache: 'absent' },
  );
  await warmUp(await socketIn(work));
  if ((await serving) !== 0) throw new Error('the warm-up server did not stop cleanly');
  rmSync(work, { recursive: true, force: true });
  const target = codeCachePath(bundle, readFileSync(bundle, 'utf8'));
  if (target === undefined) throw new Error(`${bundle} has no build id: run npm run build`);
  const cache = compiled.script.createCachedData();
  writeFileSync(target, cache);
  process.stdout.write(`code cache: ${target} (${cache.length} bytes)\n`);
  process.exit(0);
}

/** The image's flags that this node accepts (`--disable-sigusr1` needs Node 22), or the given ones. */
function flagsFor(nodePath: string, flags: readonly string[] | undefined): readonly string[] {
  if (flags !== undefined) return flags;
  const version = execFileSync(nodePath, ['-p', 'process.versions.node'], { encoding: 'utf8' });
  return flagsForNode(readImageRuntime(root).nodeFlags, Number(version.split('.')[0]));
}

function parent(nodePath: string, flags: readonly string[] | undefined): void {
  const runtime = readImageRuntime(root);
  const run = spawnSync(
    nodePath,
    [...flagsFor(nodePath, flags), '--import', 'tsx', fileURLToPath(import.meta.url), '--child'],
    {
      cwd: root,
      env: imageEnvironment(runtime, process.env),
      stdio: ['ignore', 'inherit', 'pipe'],
      encoding: 'utf8',
    },
  );
  if (run.status !== 0)
    throw new Error(
      `the code cache was not made (exit ${run.status ?? run.signal}):\n${run.stderr.slice(-3000)}`,
    );
}

const { values } = parseArgs({
  options: { child: { type: 'boolean' }, node: { type: 'string' }, flags: { type: 'string' } },
});
if (values.child === true) await child();
else
  parent(
    values.node ?? process.execPath,
    values.flags?.split(/\s+/).filter((flag) => flag !== ''),
  );
