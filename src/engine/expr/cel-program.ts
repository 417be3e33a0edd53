/** Parses and type-checks CEL once, in an environment that declares only `vmi`, `context` and `node`. */
import { Environment, type ASTNode } from '@marcbachmann/cel-js';
import { fail, ok, type Outcome } from '../errors.js';
import type { CelLimits } from './cel-limits.js';
import {
  matchesCalls,
  re2Matches,
  re2PatternError,
  RE2_FUNCTION,
  withRe2Matches,
} from './re2-matches.js';

export interface CelProgram {
  readonly ast: ASTNode;
  /** evaluates with the activation; throws the library's EvaluationError on failure */
  readonly run: (activation: Readonly<Record<string, unknown>>) => unknown;
}

/** One environment per set of limits: building one registers the whole standard library. */
const environments = new Map<string, Environment>();

function environmentFor(limits: CelLimits): Environment {
  const key = `${limits.maxAstNodes}/${limits.maxDepth}`;
  const known = environments.get(key);
  if (known !== undefined) return known;
  const environment = new Environment({
    unlistedVariablesAreDyn: false,
    limits: { maxAstNodes: limits.maxAstNodes, maxDepth: limits.maxDepth },
  })
    .registerVariable('vmi', 'dyn')
    .registerVariable('context', 'string')
    // a type, not a map: `node.nmae` is an error when the document loads, not on some node later
    .registerType('Node', { fields: { name: 'string' } })
    .registerVariable('node', 'Node')
    .registerFunction(`string.${RE2_FUNCTION}(string): bool`, re2Matches)
    .registerFunction(`${RE2_FUNCTION}(string, string): bool`, re2Matches);
  environments.set(key, environment);
  return environment;
}

/** "at line:column" of an offset into the source, both 1-based. */
export function positionIn(source: string, offset: number): string {
  const before = source.slice(0, offset).split('\n');
  const column = (before[before.length - 1]?.length ?? 0) + 1;
  return `at ${before.length}:${column}`;
}

/** The library's one-line summary and its position, without its multi-line excerpt. */
export function describeCelError(error: unknown, source: string): string {
  if (!(error instanceof Error)) return String(error);
  const reported =
    'summary' in error && typeof error.summary === 'string' ? error.summary : error.message;
  // name the function the user wrote, not the one it was compiled to
  const summary = reported.replaceAll(RE2_FUNCTION, 'matches');
  const range = 'range' in error ? error.range : undefined;
  const start =
    range !== null && typeof range === 'object' && 'start' in range ? range.start : undefined;
  return typeof start === 'number' ? `${summary} (${positionIn(source, start)})` : summary;
}

function parse(
  environment: Environment,
  source: string,
): Outcome<ReturnType<Environment['parse']>> {
  try {
    return ok(environment.parse(source));
  } catch (error) {
    return fail('CEL_SYNTAX', describeCelError(error, source));
  }
}

/** Errors: CEL_SYNTAX for a parse or type error, an unknown name, or an invalid literal RE2 pattern. */
export function compileCel(source: string, limits: CelLimits): Outcome<CelProgram> {
  if (source.length > limits.maxSourceLength) {
    return fail(
      'LIMIT_EXCEEDED',
      `CEL expression is ${source.length} characters, more than ${limits.maxSourceLength}`,
    );
  }
  const environment = environmentFor(limits);
  const first = parse(environment, source);
  if (!first.ok) return first;
  const calls = matchesCalls(first.value.ast, source);
  for (const call of calls) {
    const invalid = call.literal === undefined ? undefined : re2PatternError(call.literal);
    if (invalid !== undefined)
      return fail('CEL_SYNTAX', `matches(): ${invalid} (${positionIn(source, call.at)})`);
  }
  const parsed = calls.length === 0 ? first : parse(environment, withRe2Matches(source, calls));
  if (!parsed.ok) return parsed;
  const checked = parsed.value.check();
  if (!checked.valid) return fail('CEL_SYNTAX', describeCelError(checked.error, source));
  const program = parsed.value;
  return ok({ ast: program.ast, run: (activation): unknown => program(activation) });
}
