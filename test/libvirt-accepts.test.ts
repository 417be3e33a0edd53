/**
 * libvirt's own domain parser (virsh with the in-process test driver, as shared/tools/validate-domain.sh
 * runs it) still accepts what we write: every golden output whose input it accepted, and a
 * many-operation patch on each accepted KubeVirt domain. virsh is required (.ci/run installs it).
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { test } from 'node:test';
import { applyDomain, loadDocuments } from '../src/engine/index.js';
import { virshDefine } from './libvirt-define.js';

const fixtures = new URL('fixtures/', import.meta.url);

/** Fixture path (relative to test/fixtures/) -> whether libvirt 9.0.0's parser accepts it, from the corpus manifests. */
function acceptedInputs(): Map<string, boolean> {
  const accepted = new Map<string, boolean>();
  const manifests: [string, string][] = [
    ['domain/inputs/kubevirt-domains.MANIFEST.json', 'domain/inputs/'],
    ['libvirt-domains/MANIFEST.json', 'libvirt-domains/'],
  ];
  for (const [manifest, prefix] of manifests) {
    const files: Record<string, { libvirt_parser_accepts?: boolean }> = JSON.parse(
      readFileSync(new URL(manifest, fixtures), 'utf8'),
    ).files;
    for (const [file, result] of Object.entries(files))
      accepted.set(prefix + file, result.libvirt_parser_accepts === true);
  }
  // derived from the x86_64 converter domain (re-indented with tabs), see domain/inputs/SOURCES.md
  accepted.set(
    'domain/inputs/domain_x86_64.tabs.xml',
    accepted.get('domain/inputs/virt-launcher_virtwrap_converter__domain_x86_64.xml') === true,
  );
  return accepted;
}

const accepted = acceptedInputs();

test("the checker can fail: libvirt rejects KubeVirt's domain without a <name>", () => {
  const rejected = readFileSync(
    new URL('domain/inputs/virt-launcher_virtwrap__migration_domain.xml', fixtures),
    'utf8',
  );
  assert.equal(virshDefine(rejected).ok, false);
});

const golden = new URL('domain/', fixtures);
for (const caseName of readdirSync(golden).sort()) {
  const named = new URL(`${caseName}/input`, golden);
  const expected = new URL(`${caseName}/expected.xml`, golden);
  if (!existsSync(named) || !existsSync(expected)) continue;
  const input = readFileSync(named, 'utf8').trim();
  if (accepted.get(input) !== true) continue;
  test(`libvirt accepts the golden output: ${caseName}`, () => {
    const result = virshDefine(readFileSync(expected, 'utf8'));
    assert.ok(result.ok, result.output);
  });
}

const PATCH = `
domain:
  - {op: set, path: /domain/os/smbios/@mode, value: sysinfo}
  - {op: set, path: "/domain/sysinfo[@type='smbios']/system/entry[@name='serial']", value: "S&N <1>"}
  - {op: add, path: /domain/sysinfo/baseBoard, value: '<entry name="manufacturer">Radical Edward</entry>'}
  - {op: add, path: "/domain[not(qemu:commandline)]", optional: true, value: <qemu:commandline/>}
  - {op: add, path: /domain/qemu:commandline, value: '<qemu:arg value="-fw_cfg"/><qemu:arg value="name=opt/x,string=1"/>'}
  - {op: set, path: "/domain/devices/disk[alias/@name='ua-myvolume']/driver/@cache", value: none}
  - {op: remove, path: /domain/devices/memballoon}
  - {op: set, path: /domain/cpu/@mode, value: host-passthrough}
  - {op: add, path: /domain/name, position: after, value: <title>patched by hookpatch</title>}
  - {op: replace, path: /domain/memory, value: '<memory unit="KiB">4194304</memory>'}
`;

for (const [input, ok] of accepted) {
  if (!ok || !input.startsWith('domain/inputs/')) continue;
  test(`libvirt accepts a ten-operation patch of ${input}`, () => {
    const loaded = loadDocuments(PATCH, { source: 'libvirt-accepts.yaml', origin: 'file' });
    assert.deepEqual(loaded.errors, []);
    const text = readFileSync(new URL(input, fixtures), 'utf8');
    assert.ok(virshDefine(text).ok, 'precondition: libvirt accepts the input');
    const result = applyDomain(text, loaded.documents, { vmi: {}, context: 'Boot' });
    assert.ok(result.ok, result.ok ? '' : result.error.message);
    assert.notEqual(result.value, text);
    const defined = virshDefine(result.value);
    assert.ok(defined.ok, defined.output);
  });
}
