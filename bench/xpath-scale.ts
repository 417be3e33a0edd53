/** How select time grows with the number of disks: the linear evaluator against the `xpath` package, median of repeated runs. */
import { performance } from 'node:perf_hooks';
import { DOMParser, type Document } from '@xmldom/xmldom';
import xpath from 'xpath';
import { QEMU_NAMESPACE } from '../src/engine/model.js';
import { compileXPath } from '../src/engine/xml/compile-xpath.js';
import { selectNodes } from '../src/engine/xml/select-nodes.js';

const namespaces = { qemu: QEMU_NAMESPACE };
const sizes = [10, 100, 1000];

/** vda, vdb, … vdz, vdaa, … : the disk's device name, as libvirt assigns them. */
function deviceName(index: number): string {
  let name = '';
  for (let rest = index; rest >= 0; rest = Math.floor(rest / 26) - 1)
    name = String.fromCharCode(97 + (rest % 26)) + name;
  return `vd${name}`;
}

function domainWithDisks(count: number): Document {
  const disks = Array.from(
    { length: count },
    (_unused, index) =>
      `<disk type="file" device="disk"><driver name="qemu" type="raw"/><source file="/var/run/kubevirt-private/vmi-disks/disk${index}/disk.img"/>` +
      `<target bus="virtio" dev="${deviceName(index)}"/><alias name="ua-disk${index}"/></disk>`,
  ).join('\n    ');
  const xml =
    `<domain type="kvm" xmlns:qemu="${QEMU_NAMESPACE}"><name>vm</name><devices>\n    ${disks}\n    <interface type="ethernet"><alias name="ua-default"/></interface></devices>` +
    '<qemu:commandline><qemu:arg value="-x"/></qemu:commandline></domain>';
  return new DOMParser().parseFromString(xml, 'text/xml');
}

function median(run: () => number, repeats: number): number {
  for (let warm = 0; warm < 3; warm += 1) run();
  const times: number[] = [];
  for (let index = 0; index < repeats; index += 1) {
    const start = performance.now();
    const selected = run();
    times.push(performance.now() - start);
    if (selected !== 1) throw new Error(`expected one node, got ${selected}`);
  }
  times.sort((a, b) => a - b);
  return times[Math.floor(times.length / 2)] ?? Number.NaN;
}

console.log(
  'disks  expression                                              linear ms   xpath pkg ms',
);
for (const count of sizes) {
  const document = domainWithDisks(count);
  const expressions = [
    `/domain/devices/disk[alias/@name='ua-disk${count - 1}']`,
    `//disk[target/@dev='${deviceName(count - 1)}']`,
    `/domain/devices/disk[last()]/source/@file`,
    `/domain/devices/disk[source/@file='/var/run/kubevirt-private/vmi-disks/disk${count - 1}/disk.img'][@device='disk']/driver`,
  ];
  for (const source of expressions) {
    const compiled = compileXPath(source, namespaces);
    if (!compiled.ok) throw new Error(compiled.problem.message);
    const reference = xpath.parse(source);
    const repeats = count >= 1000 ? 5 : 31;
    const linear = median(() => selectNodes(compiled.value, document).length, 101);
    const packaged = median(() => {
      const value = reference.evaluate({ node: document, namespaces });
      return value instanceof xpath.XNodeSet ? value.toArray().length : 0;
    }, repeats);
    console.log(
      `${String(count).padStart(5)}  ${source.slice(0, 54).padEnd(54)}  ${linear.toFixed(3).padStart(9)}  ${packaged.toFixed(3).padStart(12)}`,
    );
  }
}
