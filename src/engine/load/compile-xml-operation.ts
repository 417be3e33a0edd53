/** Compile one `domain` operation: XPath or simple path, XML fragment, condition and `$(var)` references, all checked at load time. */
import type { Location, Outcome } from '../errors.js';
import type { AddPosition, XmlOperation } from '../model.js';
import { compileXPath, resultKind } from '../xml/compile-xpath.js';
import { parseFragment } from '../xml/fragment.js';
import { compileSimplePath } from '../xml/simple-path.js';
import { compileCondition } from './compile-condition.js';
import { checkTemplate, type DocumentScope } from './document-scope.js';
import { booleanAt, integerAt, stringAt, textAt, type Fields } from './field-values.js';

const POSITIONS: readonly AddPosition[] = ['append', 'prepend', 'before', 'after'];

export function compileXmlOperation(fields: Fields, index: number, scope: DocumentScope): XmlOperation | undefined {
  const op = stringAt(fields, 'op') ?? '';
  const source = stringAt(fields, 'path') ?? '';
  const here = ['domain', index];
  const extra: Location = { list: 'domain', operation: index, op, path: source };
  let failed = false;
  const use = <T>(outcome: Outcome<T>, field: string): T | undefined => {
    if (outcome.ok) return outcome.value;
    scope.report(outcome.problem, [...here, field], extra);
    failed = true;
    return undefined;
  };
  const when = compileCondition(scope, stringAt(fields, 'when'), [...here, 'when'], extra);
  if (when === false) failed = true;
  const text = textAt(fields, 'value') ?? '';
  if (op !== 'remove') checkTemplate(scope, text, [...here, 'value'], extra);
  const base = {
    index,
    at: scope.at(here, extra),
    ...(when === undefined || when === false ? {} : { when }),
    ...countOf(fields),
  };
  const optional = booleanAt(fields, 'optional', false);
  const operation = ((): XmlOperation | undefined => {
    switch (op) {
      case 'add': {
        const path = use(compileXPath(source, scope.namespaces), 'path');
        const value = use(parseFragment(text, scope.namespaces), 'value');
        if (path === undefined || value === undefined) return undefined;
        const position = POSITIONS.find((candidate) => candidate === stringAt(fields, 'position')) ?? 'append';
        return { ...base, op, path, value, position, optional, once: booleanAt(fields, 'once', true) };
      }
      case 'replace': {
        const path = use(compileXPath(source, scope.namespaces), 'path');
        // An attribute or text node takes the value as a string; anything else is replaced by a fragment.
        const kind = path === undefined ? 'unknown' : resultKind(path);
        if (kind === 'attribute' || kind === 'text') return path === undefined ? undefined : { ...base, op, path, value: { text }, optional };
        const fragment = use(parseFragment(text, scope.namespaces), 'value');
        if (path === undefined || fragment === undefined) return undefined;
        return { ...base, op, path, value: { text, fragment }, optional };
      }
      case 'remove': {
        const path = use(compileXPath(source, scope.namespaces), 'path');
        return path === undefined ? undefined : { ...base, op, path };
      }
      case 'set': {
        const path = use(compileSimplePath(source, scope.namespaces), 'path');
        return path === undefined ? undefined : { ...base, op, path, value: text, optional };
      }
      default:
        return undefined;
    }
  })();
  return failed ? undefined : operation;
}

function countOf(fields: Fields): { count?: number } {
  const count = integerAt(fields, 'count');
  return count === undefined ? {} : { count };
}

