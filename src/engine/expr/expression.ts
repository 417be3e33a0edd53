/** STUB (owner: conditions): CEL expressions, compiled once at load time. */
import { fail, type Outcome } from '../errors.js';
import type { InvocationContext, VarDefinition } from '../model.js';

export interface Expression {
  readonly source: string;
}

export interface Scope {
  readonly vmi: unknown;
  readonly context: InvocationContext;
}

/** Errors: CEL_SYNTAX (also for a reference to an unknown identifier). */
export function compileExpression(source: string): Outcome<Expression> {
  return fail('CEL_SYNTAX', `not implemented: ${source}`);
}

/** Errors: CEL_EVAL (including a non-bool result and the cost limit). */
export function evaluateCondition(expression: Expression, _scope: Scope): Outcome<boolean> {
  return fail('CEL_EVAL', `not implemented: ${expression.source}`);
}

/** Each var's value as a string, evaluated once per call. Errors: CEL_EVAL. */
export function evaluateVars(vars: readonly VarDefinition[], _scope: Scope): Outcome<ReadonlyMap<string, string>> {
  if (vars.length === 0) return { ok: true, value: new Map() };
  return fail('CEL_EVAL', 'not implemented');
}
