/** fast-check arbitraries for patch documents that are idempotent by construction: each operation owns its element name `hp-N`, and none undoes another. */
import fc from 'fast-check';

type Operation = Record<string, unknown>;

/** Text with the characters that need escaping in XML and YAML, and some that do not. */
export const awkwardText = fc.string({
  unit: fc.constantFrom('a', 'b', ' ', '<', '>', '&', '"', "'", 'é', '\t', '\n', ']]>', '$$(x)'),
  maxLength: 6,
});

function escapeXml(text: string): string {
  return text
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/\$\$\(/g, '$$$$(');
}

const CONTAINERS = [
  '/domain',
  '/domain/devices',
  '/domain/os',
  '/domain/features',
  '/domain/sysinfo',
];

/** One operation on element `hp-<n>` or on attributes named after it, optional where it may match nothing; `set` creates nothing another operation selects. */
function operation(n: number): fc.Arbitrary<Operation> {
  const name = `hp-${n}`;
  return fc.oneof(
    fc.record({
      op: fc.constant('add'),
      path: fc.constantFrom(...CONTAINERS),
      position: fc.constantFrom('append', 'prepend'),
      value: awkwardText.map((t) => `<${name} a="${escapeXml(t)}">${escapeXml(t)}</${name}>`),
      optional: fc.constant(true),
    }),
    fc.record({
      op: fc.constant('add'),
      path: fc.constantFrom('/domain/name', '/domain/devices/emulator'),
      position: fc.constantFrom('before', 'after'),
      value: fc.constant(`<${name}/>`),
      optional: fc.constant(true),
    }),
    fc.record({
      op: fc.constant('set'),
      path: fc.constantFrom(
        `/domain/${name}/sub/@a`,
        `/domain/${name}`,
        `/domain/@${name}`,
        `/domain/${name}[@k='v']/text()`,
      ),
      value: awkwardText.map(escapeDollar),
    }),
    fc.record({
      op: fc.constant('replace'),
      path: fc.constantFrom('/domain/name/text()', '/domain/@type'),
      value: fc.constantFrom('kvm', 'qemu', 'renamed-vm'),
      optional: fc.constant(true),
    }),
    // removes only what no other operation creates, so no operation undoes another's
    fc.record({
      op: fc.constant('remove'),
      path: fc.constantFrom(
        '/domain/description',
        '/domain/devices/memballoon',
        '//interface/mac/@address',
        '/domain/features/acpi',
      ),
    }),
  );
}

/** `$(` in a value is a var reference; generated text means it literally. */
function escapeDollar(text: string): string {
  return text.replace(/\$\(/g, '$$$$(');
}

/** A short-form document of 1–6 operations, as JSON text (JSON is YAML). */
export const generatedDocument: fc.Arbitrary<string> = fc
  .integer({ min: 1, max: 6 })
  .chain((size) => fc.tuple(...Array.from({ length: size }, (_, n) => operation(n))))
  .map((domain) => JSON.stringify({ failurePolicy: 'Fail', domain }));
