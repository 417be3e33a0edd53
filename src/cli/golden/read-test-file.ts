/**
 * A `hookpatch-test.yaml`: parsed, checked against schemas/test.schema.json, its paths resolved,
 * as a list of cases.
 */
import { dirname, isAbsolute, join } from 'node:path';
import { parse } from 'yaml';
import { INVOCATION_CONTEXTS, type InvocationContext, type NodeInfo } from '../../engine/index.js';
import { validate } from './test-schema-validator.generated.js';

export type CaseInput = { readonly kind: 'domain' | 'cloud-init'; readonly file: string };

export type CaseExpectation =
  | { readonly kind: 'output'; readonly file: string }
  | { readonly kind: 'error'; readonly code: string };

export interface GoldenCase {
  /** the test file's name for its cases: `metadata.name`, else the folder it lies in */
  readonly suite: string;
  readonly name: string;
  readonly patches: readonly string[];
  readonly input: CaseInput;
  readonly vmi: string | undefined;
  readonly context: InvocationContext;
  readonly node: NodeInfo;
  readonly expect: CaseExpectation;
}

export type TestFile =
  | { readonly ok: true; readonly cases: readonly GoldenCase[] }
  | { readonly ok: false; readonly suite: string; readonly problems: readonly string[] };

const runValidator: (data: unknown) => boolean = validate;

function schemaProblems(value: unknown): string[] {
  if (runValidator(value)) return [];
  const errors: unknown = Reflect.get(validate, 'errors');
  return (Array.isArray(errors) ? errors : []).map((error: unknown) => {
    const path = String(Reflect.get(Object(error), 'instancePath')) || '/';
    return `${path}: ${String(Reflect.get(Object(error), 'message'))}`;
  });
}

/** What the schema guarantees of one case, read without casts. */
function text(value: Readonly<Record<string, unknown>>, key: string): string | undefined {
  const field = value[key];
  return typeof field === 'string' ? field : undefined;
}

function toCase(item: unknown, suite: string, folder: string): GoldenCase {
  const value: Readonly<Record<string, unknown>> = Object(item);
  const at = (path: string): string => (isAbsolute(path) ? path : join(folder, path));
  const domain = text(value, 'domain');
  const cloudInit = text(value, 'cloudInit') ?? '';
  const expected = text(value, 'expected');
  const vmi = text(value, 'vmi');
  const patches = Array.isArray(value['patches']) ? value['patches'].map(String) : [];
  return {
    suite,
    name: text(value, 'name') ?? '',
    patches: patches.map(at),
    input:
      domain !== undefined
        ? { kind: 'domain', file: at(domain) }
        : { kind: 'cloud-init', file: at(cloudInit) },
    vmi: vmi === undefined ? undefined : at(vmi),
    context: INVOCATION_CONTEXTS.find((context) => context === value['context']) ?? 'Boot',
    node: { name: text(value, 'node') ?? '' },
    expect:
      expected !== undefined
        ? { kind: 'output', file: at(expected) }
        : { kind: 'error', code: text(value, 'error') ?? '' },
  };
}

/** `shown` is how the file is named in the output (its path as given, relative to the current directory). */
export function readTestFile(source: string, shown: string): TestFile {
  const folder = dirname(shown);
  let value: unknown;
  try {
    value = parse(source);
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return { ok: false, suite: folder, problems: [`not YAML: ${message}`] };
  }
  const problems = schemaProblems(value);
  const named: Readonly<Record<string, unknown>> = Object(Object(value)['metadata']);
  const suite = typeof named['name'] === 'string' ? named['name'] : folder;
  if (problems.length > 0) return { ok: false, suite, problems };
  const items: unknown[] = Object(value)['cases'];
  const cases = items.map((item) => toCase(item, suite, folder));
  const names = cases.map((golden) => golden.name);
  const repeated = names.filter((name, index) => names.indexOf(name) !== index);
  if (repeated.length > 0)
    return {
      ok: false,
      suite,
      problems: repeated.map((name) => `case name '${name}' is used twice`),
    };
  return { ok: true, cases };
}
