/**
 * CEL's `matches()` is specified with RE2 syntax and linear-time matching; the CEL library's own
 * uses JavaScript's backtracking RegExp, where `'aaaa…b'.matches('^(a+)+$')` runs for minutes.
 * Its overload cannot be replaced, so compiled expressions call `matchRE` (same length, so
 * positions in messages stay right), backed by re2js.
 */
import type { ASTNode } from '@marcbachmann/cel-js';
import { RE2JS } from 're2js';

export const RE2_FUNCTION = 'matchRE';

/** Compiled patterns by source; literal patterns repeat on every call. Bounded for computed ones. */
const patterns = new Map<string, RE2JS>();
const MAX_CACHED_PATTERNS = 256;

function compiledPattern(pattern: string): RE2JS {
  const known = patterns.get(pattern);
  if (known !== undefined) return known;
  const compiled = RE2JS.compile(pattern);
  if (patterns.size < MAX_CACHED_PATTERNS) patterns.set(pattern, compiled);
  return compiled;
}

/** RE2 partial match, as CEL's `matches`; throws on an invalid pattern. */
export function re2Matches(subject: string, pattern: string): boolean {
  return compiledPattern(pattern).matcher(subject).find();
}

/** Why a pattern is not valid RE2, or undefined. */
export function re2PatternError(pattern: string): string | undefined {
  try {
    compiledPattern(pattern);
    return undefined;
  } catch (error) {
    return error instanceof Error ? error.message : String(error);
  }
}

export interface MatchesCall {
  /** offset of the name `matches` in the source */
  readonly at: number;
  /** the pattern argument when it is a string literal */
  readonly literal: string | undefined;
}

/** Every `s.matches(p)` and `matches(s, p)` in the expression. */
export function matchesCalls(node: ASTNode, source: string): MatchesCall[] {
  const found: MatchesCall[] = [];
  const visit = (current: ASTNode): void => {
    if (current.op === 'rcall' || current.op === 'call') {
      const [name] = current.args;
      const args = current.op === 'rcall' ? current.args[2] : current.args[1];
      if (name === 'matches') {
        const from = current.op === 'rcall' ? current.args[1].range.end : current.range.start;
        const pattern = args[args.length - 1];
        const literal =
          pattern?.op === 'value' && typeof pattern.args === 'string' ? pattern.args : undefined;
        found.push({ at: source.indexOf('matches', from), literal });
      }
      if (current.op === 'rcall') visit(current.args[1]);
      args.forEach(visit);
      return;
    }
    switch (current.op) {
      case 'value':
      case 'id':
        return;
      case '.':
      case '.?':
        return visit(current.args[0]);
      case '!_':
      case '-_':
        return visit(current.args);
      case 'list':
        return current.args.forEach(visit);
      case 'map':
        return current.args.flat().forEach(visit);
      default:
        return current.args.forEach(visit);
    }
  };
  visit(node);
  return found;
}

/** The source with each `matches` call renamed to the RE2-backed function. */
export function withRe2Matches(source: string, calls: readonly MatchesCall[]): string {
  let rewritten = source;
  for (const call of calls) {
    if (call.at < 0) continue;
    rewritten =
      rewritten.slice(0, call.at) + RE2_FUNCTION + rewritten.slice(call.at + RE2_FUNCTION.length);
  }
  return rewritten;
}
