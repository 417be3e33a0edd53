/**
 * CEL conditions (`when`) and values (`vars`), compiled once at load time
 * (docs/documents.md#conditions-and-values).
 */
import { fail, ok, type Outcome } from '../errors.js';
import type { Location } from '../errors.js';
import { UNKNOWN_NODE, type InvocationContext, type NodeInfo } from './cel-variables.js';
import { activationFor } from './cel-activation.js';
import { DEFAULT_CEL_LIMITS, type CelLimits } from './cel-limits.js';
import { compileCel, describeCelError, type CelProgram } from './cel-program.js';
import { celTypeName, scalarText } from './cel-value.js';
import { estimateCost } from './estimate-cost.js';

/** One entry of a document's `vars`: its name and the expression that gives its value. */
export interface VarDefinition {
  readonly name: string;
  readonly expression: Expression;
  readonly at: Location;
}

export { DEFAULT_CEL_LIMITS, type CelLimits } from './cel-limits.js';

export interface Expression {
  readonly source: string;
}

export interface Scope {
  readonly vmi: unknown;
  readonly context: InvocationContext;
  /** UNKNOWN_NODE when absent */
  readonly node?: NodeInfo;
  /** the call's CEL bounds (`--max-cel-cost`); DEFAULT_CEL_LIMITS when absent */
  readonly celLimits?: CelLimits;
}

/** The compiled form stays private to this module; an Expression is plain data to everyone else. */
const programs = new WeakMap<Expression, CelProgram>();

/**
 * Errors: CEL_SYNTAX (a parse or type error, a reference to an unknown identifier — only `vmi`,
 * `context` and `node` exist, and `node` has only `name` — or an unsafe `matches()` pattern);
 * LIMIT_EXCEEDED (the source is too
 * long, or the expression is over the cost limit even with an empty VMI).
 */
export function compileExpression(
  source: string,
  limits: CelLimits = DEFAULT_CEL_LIMITS,
): Outcome<Expression> {
  const compiled = compileCel(source, limits);
  if (!compiled.ok) return compiled;
  const cost = estimateCost(compiled.value.ast, {}, '');
  if (cost > limits.maxCost) {
    return fail(
      'LIMIT_EXCEEDED',
      `CEL expression may cost ${cost} units, more than the limit ${limits.maxCost}`,
    );
  }
  const expression: Expression = { source };
  programs.set(expression, compiled.value);
  return ok(expression);
}

function programOf(expression: Expression, limits: CelLimits): Outcome<CelProgram> {
  const known = programs.get(expression);
  return known === undefined ? compileCel(expression.source, limits) : ok(known);
}

/**
 * Errors: CEL_EVAL (missing key, no such overload, …); LIMIT_EXCEEDED before running an expression
 * over the cost limit.
 */
function evaluate(expression: Expression, scope: Scope, limits: CelLimits): Outcome<unknown> {
  const program = programOf(expression, limits);
  if (!program.ok) return program;
  const activation = activationFor(scope.vmi);
  const node = { name: (scope.node ?? UNKNOWN_NODE).name };
  const cost = estimateCost(program.value.ast, activation.vmi, node.name);
  if (cost > limits.maxCost) {
    return fail(
      'LIMIT_EXCEEDED',
      `CEL expression may cost ${cost} units with this VMI, more than the limit ${limits.maxCost}`,
    );
  }
  try {
    return ok(program.value.run({ vmi: activation.vmi, context: scope.context, node }));
  } catch (error) {
    return fail('CEL_EVAL', describeCelError(error, expression.source));
  }
}

/** Errors: CEL_EVAL (including a non-bool result); LIMIT_EXCEEDED (the cost limit). */
export function evaluateCondition(
  expression: Expression,
  scope: Scope,
  limits: CelLimits = scope.celLimits ?? DEFAULT_CEL_LIMITS,
): Outcome<boolean> {
  const result = evaluate(expression, scope, limits);
  if (!result.ok) return result;
  if (typeof result.value !== 'boolean') {
    return fail('CEL_EVAL', `condition returned ${celTypeName(result.value)}, not bool`);
  }
  return ok(result.value);
}

/**
 * Each var's value as a string, evaluated once per call in declaration order. A var may not
 * refer to another: only `vmi`, `context` and `node` exist in its expression.
 * Errors: CEL_EVAL (including a value that is not a string, int, uint, double or bool); LIMIT_EXCEEDED.
 */
export function evaluateVars(
  vars: readonly VarDefinition[],
  scope: Scope,
  limits: CelLimits = scope.celLimits ?? DEFAULT_CEL_LIMITS,
): Outcome<ReadonlyMap<string, string>> {
  const values = new Map<string, string>();
  for (const definition of vars) {
    const result = evaluate(definition.expression, scope, limits);
    if (!result.ok)
      return fail(result.problem.code, `var ${definition.name}: ${result.problem.message}`);
    const text = scalarText(result.value);
    if (text === undefined) {
      return fail(
        'CEL_EVAL',
        `var ${definition.name} is a ${celTypeName(result.value)}; a var must be a string, int, uint, double or bool`,
      );
    }
    values.set(definition.name, text);
  }
  return ok(values);
}
