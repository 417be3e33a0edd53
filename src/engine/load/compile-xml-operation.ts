/** Compile one `domain` operation: XPath or simple path, XML fragment, condition and `$(var)` references, all checked at load time. */
import type { Location, Outcome } from '../errors.js';
import type { Expression } from '../expr/expression.js';
import type { AddPosition, Namespaces, XmlOperation } from '../model.js';
import { compileXPath, resultKind } from '../xml/compile-xpath.js';
import { parseFragment } from '../xml/fragment.js';
import { compileSimplePath } from '../xml/simple-path.js';
import { compileCondition } from './compile-condition.js';
import { checkTemplate, type DocumentScope } from './document-scope.js';
import { booleanAt, integerAt, stringAt, textAt, type Fields } from './field-values.js';

const POSITIONS: readonly AddPosition[] = ['append', 'prepend', 'before', 'after'];

/** What every op shares, and `use`, which reports a failed compile step at its field and yields `undefined`. */
interface Written {
  readonly fields: Fields;
  readonly source: string;
  readonly text: string;
  readonly namespaces: Namespaces;
  readonly base: {
    readonly index: number;
    readonly at: Location;
    readonly when?: Expression;
    readonly count?: number;
  };
  readonly use: <T>(outcome: Outcome<T>, field: 'path' | 'value') => T | undefined;
}

export function compileXmlOperation(
  fields: Fields,
  index: number,
  scope: DocumentScope,
): XmlOperation | undefined {
  const op = stringAt(fields, 'op') ?? '';
  const source = stringAt(fields, 'path') ?? '';
  const here = ['domain', index];
  const extra: Location = { list: 'domain', operation: index, op, path: source };
  let failed = false;
  const use = <T>(outcome: Outcome<T>, field: 'path' | 'value'): T | undefined => {
    if (outcome.ok) return outcome.value;
    scope.report(outcome.problem, [...here, field], extra);
    failed = true;
    return undefined;
  };
  const when = compileCondition(scope, stringAt(fields, 'when'), [...here, 'when'], extra);
  if (when === false) failed = true;
  const text = textAt(fields, 'value') ?? '';
  if (op !== 'remove') checkTemplate(scope, text, [...here, 'value'], extra);
  const count = integerAt(fields, 'count');
  const base = {
    index,
    at: scope.at(here, extra),
    ...(when === undefined || when === false ? {} : { when }),
    ...(count === undefined ? {} : { count }),
  };
  const operation = compileByOp(op, {
    fields,
    source,
    text,
    namespaces: scope.namespaces,
    base,
    use,
  });
  return failed ? undefined : operation;
}

function compileByOp(op: string, written: Written): XmlOperation | undefined {
  const { fields, source, text, namespaces, base, use } = written;
  const optional = booleanAt(fields, 'optional', false);
  switch (op) {
    case 'add': {
      const path = use(compileXPath(source, namespaces), 'path');
      const value = use(parseFragment(text, namespaces), 'value');
      if (path === undefined || value === undefined) return undefined;
      const position =
        POSITIONS.find((candidate) => candidate === stringAt(fields, 'position')) ?? 'append';
      return {
        ...base,
        op,
        path,
        value,
        position,
        optional,
        once: booleanAt(fields, 'once', true),
      };
    }
    case 'replace': {
      const path = use(compileXPath(source, namespaces), 'path');
      // SPEC §1.3: an attribute or text node is set to the string value; anything else is replaced by a fragment.
      const kind = path === undefined ? 'unknown' : resultKind(path);
      if (path !== undefined && (kind === 'attribute' || kind === 'text'))
        return { ...base, op, path, value: { text }, optional };
      const fragment = use(parseFragment(text, namespaces), 'value');
      if (path === undefined || fragment === undefined) return undefined;
      return { ...base, op, path, value: { text, fragment }, optional };
    }
    case 'remove': {
      const path = use(compileXPath(source, namespaces), 'path');
      return path === undefined ? undefined : { ...base, op, path };
    }
    case 'set': {
      const path = use(compileSimplePath(source, namespaces), 'path');
      return path === undefined ? undefined : { ...base, op, path, value: text, optional };
    }
    default:
      return undefined;
  }
}
