/** Domains with N disks in KubeVirt's own output style, and a 10-operation patch document that selects disks by alias. */

/** libvirt's target names: vda … vdz, vdaa … */
function deviceName(index: number): string {
  let name = '';
  for (let n = index; n >= 0; n = Math.floor(n / 26) - 1)
    name = String.fromCharCode(97 + (n % 26)) + name;
  return `vd${name}`;
}

function disk(index: number): string {
  return [
    '\t\t<disk device="disk" type="file">',
    `\t\t\t<source file="/var/run/kubevirt-private/vmi-disks/disk${index}/disk.img"></source>`,
    `\t\t\t<target bus="virtio" dev="${deviceName(index)}"></target>`,
    '\t\t\t<driver error_policy="stop" name="qemu" type="raw"></driver>',
    `\t\t\t<alias name="ua-disk${index}"></alias>`,
    '\t\t</disk>',
    '',
  ].join('\n');
}

/** The template's own disks are replaced by `disks` generated ones named `ua-disk0` … (tab-indented, `<x></x>`). */
export function domainWithDisks(template: string, disks: number): string {
  const withoutDisks = template.replace(/\t\t<disk [\s\S]*?<\/disk>\n/g, '');
  const generated = Array.from({ length: disks }, (_, index) => disk(index)).join('');
  const result = withoutDisks.replace('<devices>\n', `<devices>\n${generated}`);
  if (result === withoutDisks) throw new Error('the template has no <devices> element');
  return result;
}

/** Ten operations (set, add, replace, remove) on the first, middle and last disk, by alias. */
export function tenOperationDocument(disks: number): string {
  const first = 'ua-disk0';
  const middle = `ua-disk${Math.floor(disks / 2)}`;
  const last = `ua-disk${disks - 1}`;
  const diskPath = (alias: string): string => `/domain/devices/disk[alias/@name='${alias}']`;
  return `apiVersion: hookpatch.io/v1alpha1
kind: Patch
metadata:
  name: bench-ten-operations
spec:
  domain:
    - op: set
      path: ${diskPath(first)}/driver/@cache
      value: none
    - op: set
      path: ${diskPath(middle)}/driver/@io
      value: native
    - op: set
      path: ${diskPath(last)}/serial
      value: bench-serial
    - op: replace
      path: ${diskPath(middle)}/target/@bus
      value: scsi
    - op: replace
      path: ${diskPath(first)}/source
      value: <source file="/var/run/kubevirt-private/vmi-disks/replaced/disk.img"/>
    - op: add
      path: ${diskPath(last)}
      value: <iotune><total_iops_sec>1000</total_iops_sec></iotune>
    - op: add
      path: /domain/devices
      value: <disk type="file" device="cdrom"><target dev="sdz" bus="sata"/><alias name="ua-bench-cdrom"/></disk>
    - op: remove
      path: ${diskPath(middle)}/driver/@error_policy
    - op: remove
      path: ${diskPath(last)}/target/@bus
    - op: set
      path: /domain/sysinfo/baseBoard/entry[@name='manufacturer']
      value: bench
`;
}
