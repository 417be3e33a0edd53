#!/usr/bin/env python3
"""The status quo hookpatch replaces: the user guide's ElementTree hook script, run once per call.

KubeVirt's sidecar-shim runs the script with `--version V --vmi JSON --domain XML` and returns its
stdout as the new domain XML. This one puts the VMI annotation
`smbios.vm.kubevirt.io/baseBoardManufacturer` into the SMBIOS base board, like the
smbios-from-annotation example patch does.
"""
import argparse
import json
import sys
import xml.etree.ElementTree as ET

ANNOTATION = "smbios.vm.kubevirt.io/baseBoardManufacturer"


def on_define_domain(vmi_json: str, domain_xml: str) -> str:
    annotations = json.loads(vmi_json).get("metadata", {}).get("annotations", {})
    if ANNOTATION not in annotations:
        return domain_xml
    ET.register_namespace("qemu", "http://libvirt.org/schemas/domain/qemu/1.0")
    domain = ET.fromstring(domain_xml)
    smbios = domain.find("os/smbios")
    if smbios is None:
        smbios = ET.SubElement(domain.find("os"), "smbios")
    smbios.set("mode", "sysinfo")
    sysinfo = domain.find("sysinfo")
    if sysinfo is None:
        sysinfo = ET.SubElement(domain, "sysinfo", {"type": "smbios"})
    base_board = sysinfo.find("baseBoard")
    if base_board is None:
        base_board = ET.SubElement(sysinfo, "baseBoard")
    entry = ET.Element("entry", {"name": "manufacturer"})
    entry.text = annotations[ANNOTATION]
    base_board.insert(0, entry)
    return ET.tostring(domain, encoding="unicode")


def main() -> None:
    parser = argparse.ArgumentParser()
    parser.add_argument("--version", default="v1alpha2")
    parser.add_argument("--vmi", required=True)
    parser.add_argument("--domain", required=True)
    args = parser.parse_args()
    sys.stdout.write(on_define_domain(args.vmi, args.domain))


if __name__ == "__main__":
    main()
