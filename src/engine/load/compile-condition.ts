/** Compile a CEL expression written in a document (`when`, a var) once, at load time. */
import type { Location } from '../errors.js';
import { compileExpression, type Expression } from '../expr/expression.js';
import type { DocumentScope } from './document-scope.js';
import type { FieldPath } from './locate-field.js';

/** `undefined` when nothing is written; `false` when what is written does not compile (the error is reported). */
export function compileCondition(
  scope: DocumentScope,
  source: string | undefined,
  path: FieldPath,
  extra?: Location,
): Expression | undefined | false {
  if (source === undefined) return undefined;
  const compiled = compileExpression(source, scope.celLimits);
  if (compiled.ok) return compiled.value;
  scope.report(compiled.problem, path, extra);
  return false;
}
