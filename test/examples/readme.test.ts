/** What the README tells users, run: its two quick-start commands, and every YAML snippet it shows (annotations applied, the Plugin equal to the example's). */
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { parse } from 'yaml';
import { runCli } from '../cli/run-cli.js';

const README = readFileSync('README.md', 'utf8');
const DOMAIN = 'examples/kubevirt-domain.xml';

function blocks(language: string, within = README): string[] {
  return [...within.matchAll(new RegExp('^```' + language + '\\n([\\s\\S]*?)^```$', 'gm'))].map((match) => match[1] ?? '');
}

function section(title: string): string {
  const start = README.indexOf(`\n## ${title}\n`);
  assert.ok(start >= 0, title);
  const end = README.indexOf('\n## ', start + 1);
  return README.slice(start, end < 0 ? undefined : end);
}

/** Every value under a key of this name, at any depth. */
function valuesOf(value: unknown, key: string): unknown[] {
  if (typeof value !== 'object' || value === null) return [];
  return Object.entries(value).flatMap(([name, child]) => [...(name === key ? [child] : []), ...valuesOf(child, key)]);
}

test('the quick start: the first command is npm ci && npm run demo, the second runs the tests', () => {
  assert.deepEqual(blocks('sh', section('Quick start')).slice(0, 2), ['npm ci && npm run demo\n', 'npm test\n']);
});

test('every hookpatch.io/patch annotation the README shows loads and changes the example domain', async () => {
  const annotations = blocks('yaml').flatMap((text) => valuesOf(parse(text), 'hookpatch.io/patch'));
  assert.ok(annotations.length >= 2);
  for (const annotation of annotations) {
    assert.equal(typeof annotation, 'string');
    const vmi = JSON.stringify({ apiVersion: 'kubevirt.io/v1', kind: 'VirtualMachineInstance', metadata: { name: 'vm', namespace: 'default', annotations: { 'hookpatch.io/patch': annotation } } });
    const run = await runCli(['apply', '--patch', '/dev/null', '--domain', DOMAIN, '--vmi', '-', '--diff'], vmi);
    assert.equal(run.code, 0, run.stderr);
    assert.match(run.stdout, /^\+.*rack-42/m);
  }
});

test('every hookSidecars annotation the README shows is a JSON list of sidecars by image, ConfigMap keys under /etc/hookpatch/', () => {
  const lists = blocks('yaml').flatMap((text) => valuesOf(parse(text), 'hooks.kubevirt.io/hookSidecars'));
  assert.ok(lists.length >= 2);
  for (const list of lists) {
    const entries: unknown = JSON.parse(String(list));
    assert.ok(Array.isArray(entries) && entries.length > 0);
    for (const entry of entries) {
      assert.match(String(Object(entry).image), /hookpatch:0\.1\.0$/);
      const configMap: unknown = Object(entry).configMap;
      if (configMap !== undefined) assert.equal(Object(configMap).hookPath, `/etc/hookpatch/${String(Object(configMap).key)}`);
    }
  }
});

test('the README\'s full-form document and Plugin are the ones the project tests', async () => {
  const yaml = blocks('yaml').map((text) => ({ text, value: parse(text) }));
  const plugin = yaml.find(({ value }) => Object(value).kind === 'Plugin');
  assert.deepEqual(plugin?.value, parse(readFileSync('examples/plugin-sidecar/plugin.yaml', 'utf8')));
  const full = yaml.find(({ value }) => Object(value).kind === 'Patch');
  assert.ok(full !== undefined);
  const run = await runCli(['validate', '-'], full.text);
  assert.equal(run.code, 0, run.stderr);
});

test('the CI snippet gates on hookpatch validate', () => {
  const workflow = blocks('yaml', section('GitOps: validate in CI')).map((text) => parse(text)).find((value) => valuesOf(value, 'steps').length > 0);
  const commands = valuesOf(workflow, 'run').map(String);
  assert.ok(commands.length >= 2 && commands.every((command) => / validate /.test(command)), commands.join('\n'));
});
