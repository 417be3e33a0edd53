/** What the README and docs/ tell users, run: the two commands, and every YAML snippet they show (annotations applied, the Plugin equal to the example's, Patch documents validated, policies loaded). */
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { applyDomain, loadAnnotationPolicy, loadDocuments } from '../../src/engine/index.js';
import { runCli } from '../cli/run-cli.js';

const README = readFileSync('README.md', 'utf8');
const PAGES = [
  'README.md',
  ...readdirSync('docs')
    .filter((name) => name.endsWith('.md'))
    .map((name) => `docs/${name}`),
];
const DOMAIN = 'examples/kubevirt-domain.xml';

interface Snippet {
  readonly page: string;
  readonly text: string;
  readonly value: unknown;
}

function blocks(language: string, within: string): string[] {
  const fence = new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm');
  return [...within.matchAll(fence)].map((match) => match[1] ?? '');
}

/** Every YAML snippet of the README and of docs/*.md, parsed. */
const YAML: readonly Snippet[] = PAGES.flatMap((page) =>
  blocks('yaml', readFileSync(page, 'utf8')).map((text) => ({ page, text, value: parse(text) })),
);

function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, title);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** Every value under a key of this name, at any depth. */
function valuesOf(value: unknown, key: string): unknown[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([name, child]) => [
    ...(name === key ? [child] : []),
    ...valuesOf(child, key),
  ]);
}

test('the docs pages are found: the README and more than one page under docs/', () => {
  assert.ok(PAGES.length > 2, PAGES.join(', '));
  assert.ok(YAML.some(({ page }) => page.startsWith('docs/')));
});

test('the two commands: the first is npm ci && npm run demo, the second runs the tests', () => {
  const commands = blocks('sh', section('On your machine: the two commands')).slice(0, 2);
  assert.deepEqual(commands, ['npm ci && npm run demo\n', 'npm test\n']);
});

test('every hookpatch.io/patch annotation shown loads and changes the example domain', async () => {
  const annotations = YAML.flatMap(({ value }) => valuesOf(value, 'hookpatch.io/patch'));
  assert.ok(annotations.length >= 2);
  for (const annotation of annotations) {
    assert.equal(typeof annotation, 'string');
    const metadata = {
      name: 'vm',
      namespace: 'default',
      annotations: { 'hookpatch.io/patch': annotation },
    };
    const vmi = JSON.stringify({
      apiVersion: 'kubevirt.io/v1',
      kind: 'VirtualMachineInstance',
      metadata,
    });
    const args = ['apply', '--domain', DOMAIN, '--vmi', '-', '--diff'];
    const run = await runCli(args, vmi);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^\+.*rack-42/m);
  }
});

test('every hookSidecars annotation shown is a JSON list of sidecars by image, ConfigMap keys under /etc/hookpatch/', () => {
  const lists = YAML.flatMap(({ value }) => valuesOf(value, 'hooks.kubevirt.io/hookSidecars'));
  assert.ok(lists.length >= 2);
  for (const list of lists) {
    const entries: unknown = JSON.parse(String(list));
    assert.ok(Array.isArray(entries) && entries.length > 0);
    for (const entry of entries) {
      assert.match(String(Object(entry).image), /hookpatch:0\.1\.0$/);
      const configMap: unknown = Object(entry).configMap;
      if (configMap !== undefined)
        assert.equal(Object(configMap).hookPath, `/etc/hookpatch/${String(Object(configMap).key)}`);
    }
  }
});

test('every Plugin shown is the one the project tests', () => {
  const plugins = YAML.filter(({ value }) => Object(value).kind === 'Plugin');
  assert.ok(plugins.length >= 1);
  const example: unknown = parse(readFileSync('examples/plugin-sidecar/plugin.yaml', 'utf8'));
  for (const { page, value } of plugins) assert.deepEqual(value, example, page);
});

test('every full-form Patch document shown validates', async () => {
  const patches = YAML.filter(({ value }) => Object(value).kind === 'Patch');
  assert.ok(patches.length >= 1);
  for (const { page, text } of patches) {
    const run = await runCli(['validate', '-'], text);
    assert.equal(run.code, 0, `${page}: ${run.stderr}`);
  }
});

test('every annotation policy shown loads', () => {
  const policies = YAML.filter(({ value }) => Object(value).allow !== undefined);
  assert.ok(policies.length >= 1);
  for (const { page, text } of policies) {
    const load = loadAnnotationPolicy(text, page);
    assert.ok(load.ok, `${page}: ${JSON.stringify(load)}`);
  }
});

/** What "SMBIOS data and nothing else" must mean, as annotations: [what, annotation, allowed]. */
const SMBIOS_MEANING: ReadonlyArray<readonly [string, string, boolean]> = [
  [
    'an SMBIOS entry changed',
    'domain:\n  - {op: set, path: "/domain/sysinfo/system/entry[@name=\'serial\']", value: S}\n',
    true,
  ],
  [
    'a second, fw_cfg sysinfo',
    `domain:\n  - {op: add, path: /domain/sysinfo, position: after, value: '<sysinfo type="fwcfg"><entry name="opt/x" file="/etc/passwd"/></sysinfo>'}\n`,
    false,
  ],
  [
    'the sysinfo retyped to fw_cfg',
    'domain:\n  - {op: set, path: /domain/sysinfo/@type, value: fwcfg}\n',
    false,
  ],
  [
    'qemu:commandline',
    "domain:\n  - {op: add, path: /domain, value: '<qemu:commandline/>'}\n",
    false,
  ],
];

test('every policy shown that allows the sysinfo means "SMBIOS data and nothing else"', () => {
  const policies = YAML.filter(({ value }) =>
    valuesOf(Object(value).allow, 'domain').some((paths) => String(paths).includes('sysinfo')),
  );
  assert.ok(policies.length >= 1);
  const domain = readFileSync(DOMAIN, 'utf8');
  for (const { page, text } of policies) {
    const policy = loadAnnotationPolicy(text, page);
    for (const [what, annotation, allowed] of SMBIOS_MEANING) {
      const { documents } = loadDocuments(annotation, {
        source: 'annotation:hookpatch.io/patch',
        origin: 'annotation',
      });
      const result = applyDomain(domain, documents, { vmi: {}, context: 'Boot', policy });
      assert.equal(result.ok, allowed, `${page}: ${what}`);
    }
  }
});

test('the CI snippet gates on hookpatch validate', () => {
  const workflow = blocks('yaml', section('GitOps: validate in CI'))
    .map((text) => parse(text))
    .find((value) => valuesOf(value, 'steps').length > 0);
  const commands = valuesOf(workflow, 'run').map(String);
  assert.ok(
    commands.length >= 2 && commands.every((command) => / validate /.test(command)),
    commands.join('\n'),
  );
});
