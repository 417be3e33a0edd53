/**
 * Compile one `domain` operation: XPath or simple path, XML fragment, condition and `$(var)`
 * references, all checked at load time.
 */
import { fail, ok, type Location, type Outcome, type Problem } from '../errors.js';
import type { Expression } from '../expr/expression.js';
import type { AddPosition, Namespaces, XmlOperation } from '../model.js';
import { droppedByKubevirt } from '../kubevirt/dropped-by-kubevirt.js';
import type { WarningCode } from '../warnings.js';
import { compileXPath, resultKind } from '../xml/compile-xpath.js';
import { parseFragment } from '../xml/fragment.js';
import { compileSimplePath } from '../xml/simple-path.js';
import { checkReplaceWrite, checkSetWrite, invalidCharacter } from './check-written-values.js';
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
  readonly warn: (code: WarningCode, message: string, field: 'path' | 'value') => void;
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
    warn: (code, message, field) => scope.warn(code, message, [...here, field], extra),
  });
  return failed ? undefined : operation;
}

/** A check's problem as an outcome, for `use`. */
function refused(problem: Problem | undefined): Outcome<true> {
  return problem === undefined ? ok(true) : fail(problem.code, problem.message);
}

function compileByOp(op: string, written: Written): XmlOperation | undefined {
  const { fields, source, text, namespaces, base, use, warn } = written;
  const optional = booleanAt(fields, 'optional', false);
  switch (op) {
    case 'add': {
      const path = use(compileXPath(source, namespaces), 'path');
      const value = use(parseFragment(text, namespaces), 'value');
      if (path === undefined || value === undefined) return undefined;
      const position =
        POSITIONS.find((candidate) => candidate === stringAt(fields, 'position')) ?? 'append';
      const once = booleanAt(fields, 'once', true);
      const dropped = once ? droppedByKubevirt(path, position, value) : undefined;
      if (dropped !== undefined) warn('DROPPED_BY_KUBEVIRT', dropped, 'value');
      return {
        ...base,
        op,
        path,
        value,
        position,
        optional,
        once,
      };
    }
    case 'replace': {
      const path = use(compileXPath(source, namespaces), 'path');
      // An attribute or text node is set to the string value; anything else is replaced by a
      // fragment (docs/documents.md#format).
      const kind = path === undefined ? 'unknown' : resultKind(path);
      if (path !== undefined && (kind === 'attribute' || kind === 'text')) {
        const simple = compileSimplePath(source, namespaces);
        const mustMatch = !optional || base.count !== undefined;
        const checked = checkReplaceWrite(simple.ok ? simple.value : undefined, text, mustMatch);
        if (use(refused(checked), 'value') === undefined) return undefined;
        return { ...base, op, path, value: { text }, optional };
      }
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
      if (use(refused(invalidCharacter([text])), 'value') === undefined) return undefined;
      if (path === undefined || use(refused(checkSetWrite(path, text)), 'path') === undefined)
        return undefined;
      return { ...base, op, path, value: text, optional };
    }
    default:
      return undefined;
  }
}
