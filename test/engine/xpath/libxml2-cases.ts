/** Read libxml2's XPath regression data: expressions (test/XPath/…) paired with the results libxml2 printed (result/XPath/…). */
import { readdirSync, readFileSync } from 'node:fs';

export const LIBXML2_FOLDER = new URL('../../fixtures/xpath-tests/libxml2/', import.meta.url);

/** A node as libxml2's debug dump names it: `ELEMENT title`, `TEXT`, `ATTRIBUTE prop1`, `PI target`, `/` for the document. */
export type Expected =
  | { readonly kind: 'node-set'; readonly nodes: readonly string[] }
  | { readonly kind: 'number'; readonly text: string }
  | { readonly kind: 'string'; readonly value: string }
  | { readonly kind: 'boolean'; readonly value: boolean }
  | { readonly kind: 'error' };

export interface Libxml2Case {
  /** `expr/<file>` or `tests/<file>` */
  readonly suite: string;
  /** the document under test/XPath/docs/, for `tests/` cases */
  readonly document: string | undefined;
  readonly expression: string;
  readonly expected: Expected;
}

/** libxml2 escapes non-ASCII name bytes as `#E6#96#87`. */
function decodeName(name: string): string {
  const bytes: number[] = [];
  for (let at = 0; at < name.length;) {
    const escaped = /^#([0-9A-F]{2})/.exec(name.slice(at));
    bytes.push(escaped?.[1] === undefined ? name.charCodeAt(at) : Number.parseInt(escaped[1], 16));
    at += escaped === null ? 1 : 3;
  }
  return Buffer.from(bytes).toString('utf8');
}

function readExpected(lines: readonly string[]): Expected {
  const head = lines[0] ?? '';
  const scalar = /^Object is a (number|string|Boolean) : ?(.*)$/.exec(head);
  if (scalar !== null) {
    const value = scalar[2] ?? '';
    if (scalar[1] === 'number') return { kind: 'number', text: value };
    if (scalar[1] === 'string') return { kind: 'string', value };
    return { kind: 'boolean', value: value === 'true' };
  }
  if (!head.startsWith('Object is a Node Set')) return { kind: 'error' };
  const nodes = lines
    .map((line) => /^\d+ {2}(\S+)(?: (\S+))?/.exec(line) ?? /^\d+ {3}(\/)/.exec(line))
    .filter((match) => match !== null)
    .map((match) =>
      match[2] === undefined ||
      (match[1] !== 'ELEMENT' && match[1] !== 'ATTRIBUTE' && match[1] !== 'PI')
        ? (match[1] ?? '')
        : `${match[1]} ${decodeName(match[2])}`,
    );
  return { kind: 'node-set', nodes };
}

function readSuite(
  kind: 'expr' | 'tests',
  file: string,
  documents: readonly string[],
): Libxml2Case[] {
  const results = readFileSync(
    new URL(`result/XPath/${kind}/${file}`, LIBXML2_FOLDER),
    'utf8',
  ).split('========================\n');
  const document =
    kind === 'tests'
      ? documents.filter((name) => file.startsWith(name)).sort((a, b) => b.length - a.length)[0]
      : undefined;
  return results
    .map((block) => block.split('\n'))
    .filter((lines) => lines[0]?.startsWith('Expression: ') === true)
    .map((lines) => ({
      suite: `${kind}/${file}`,
      document,
      expression: (lines[0] ?? '').slice('Expression: '.length),
      expected: readExpected(lines.slice(1)),
    }));
}

export function loadLibxml2Cases(): Libxml2Case[] {
  const documents = readdirSync(new URL('test/XPath/docs/', LIBXML2_FOLDER));
  return (['expr', 'tests'] as const).flatMap((kind) =>
    readdirSync(new URL(`result/XPath/${kind}/`, LIBXML2_FOLDER))
      .sort()
      .flatMap((file) => readSuite(kind, file, documents)),
  );
}
