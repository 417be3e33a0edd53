/**
 * Compile an XPath 1.0 expression once, at load time: syntax, prefixes, functions and arity are
 * checked here, never at apply time.
 */
import { ok, type Outcome } from '../errors.js';
import type { Namespaces } from './namespace-bindings.js';
import { checkExpression, staticType } from './xpath/check-expression.js';
import { optimizePaths } from './xpath/optimize-paths.js';
import { parseWithNamespaces, withXmlPrefix } from './xpath/parse-expression.js';
import { resultKindOf, type ResultKind } from './xpath/result-kind.js';
import type { Expression } from './xpath/syntax-tree.js';

export type { ResultKind } from './xpath/result-kind.js';

/** Opaque to everyone but the evaluator, apart from `source`. */
export interface CompiledXPath {
  readonly source: string;
  readonly expression: Expression;
}

/** Errors: XPATH_SYNTAX, UNKNOWN_PREFIX, LIMIT_EXCEEDED (more than 1,000 tokens). */
export function compileXPath(source: string, namespaces: Namespaces): Outcome<CompiledXPath> {
  const parsed = parseWithNamespaces(source, withXmlPrefix(namespaces));
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const problem = checkExpression(parsed.expression);
  if (problem !== undefined) return { ok: false, problem };
  return ok({
    source,
    expression: optimizePaths(parsed.expression),
  });
}

/** Whether the path statically ends in an attribute step, a text() step, an element name step, or cannot be told. */
export function resultKind(path: CompiledXPath): ResultKind {
  return resultKindOf(path.expression);
}

/** False when the expression can only yield a string, number or boolean (`count(//disk)`), which selects nothing. */
export function selectsNodes(path: CompiledXPath): boolean {
  return staticType(path.expression) === 'node-set';
}
