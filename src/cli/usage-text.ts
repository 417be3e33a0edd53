/** The `hookpatch --help` text: the commands docs/command-line.md describes. */
export const USAGE = `usage: hookpatch <command> [options]

commands:
  serve [--patch P]... [--socket-dir D] [--plugin-socket S] [--version V] [--name N]
        [--annotations=true|false] [--annotation-policy FILE] [--cloud-init]
      serve the KubeVirt hooks (the image's default command); with --plugin-socket the
      annotation is read only with --annotations=true
  apply [--patch P]... --domain FILE [--vmi FILE] [--context C] [--annotation-policy FILE]
        [--diff] [--explain] [--strict]
      print the patched domain XML (or, with --diff, a unified diff)
  apply [--patch P]... --cloud-init FILE [--vmi FILE] [--context C] [--annotation-policy FILE]
        [--diff] [--explain]
      print the patched CloudInitData JSON
  validate P... [--domain FILE] [--cloud-init FILE] [--vmi FILE] [--annotation-policy FILE]
        [--strict]
      check documents (schema, XPath, CEL, $(var)); with a sample domain also match counts;
      warnings (KubeVirt drops part of an add, a device KubeVirt owns, memory it does not
      count) are errors with --strict, for CI
  call [--socket S] info | shutdown
  call [--socket S] [--version V] define --domain FILE [--vmi FILE] [--diff]
  call [--socket S] [--version V] cloud-init --cloud-init FILE [--vmi FILE] [--diff]
  call [--socket S] mutate --domain FILE [--vmi FILE] [--context C] [--diff]
      call a hook socket as virt-launcher does (S: a socket, or a directory holding one;
      default /var/run/kubevirt-hooks); the VMI is sent as compact JSON
  test [PATH]... [--junit FILE]
      run the golden cases of every hookpatch-test.yaml under PATH (default .): each case
      applies patches to an input and expects an output file (then applies them again to it,
      which must change nothing) or an error code; one line per case, JUnit XML with --junit
  schema [patch|test]
      print the patch document JSON Schema (or the hookpatch-test.yaml one)

P is a patch file or a directory (*.yaml, *.yml, *.json, *.xml by name; validate also
descends into sub-directories and reads ConfigMaps and VMs/VMIs carrying the hookpatch.io/patch annotation).
FILE may be - for stdin. --vmi takes a VirtualMachineInstance or VirtualMachine, JSON or YAML;
its hookpatch.io/patch annotation is applied after the files, and --annotation-policy judges it
exactly as serve does.
--context is Boot (default), MigrationSource or MigrationTarget. --explain writes every
operation's match count to stderr. NODE_NAME (serve, apply) is CEL's node.name.

exit status: 0 ok, 1 patch or validation error, 2 usage error, 70 internal error (a bug)
`;
