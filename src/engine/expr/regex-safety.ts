/**
 * `matches()` runs on JavaScript's backtracking RegExp, not RE2 as CEL specifies, so a pattern
 * like `(a+)+$` could take exponential time. Patterns must therefore be literals without a
 * repeated group that itself repeats or alternates, and without back-references.
 */
import type { ASTNode } from '@marcbachmann/cel-js';

const REPEAT = new Set(['*', '+', '{']);
const QUANTIFIER = new Set(['*', '+', '?', '{']);

/** Why the pattern could backtrack without bound, or undefined when it cannot. */
export function patternRisk(pattern: string): string | undefined {
  const groups: boolean[] = [false];
  let inClass = false;
  for (let at = 0; at < pattern.length; at += 1) {
    const char = pattern[at];
    if (char === '\\') {
      if (/[1-9k]/.test(pattern[at + 1] ?? '')) return 'a back-reference';
      at += 1;
    } else if (inClass) {
      inClass = char !== ']';
    } else if (char === '[') {
      inClass = true;
    } else if (char === '(') {
      groups.push(false);
      if (pattern[at + 1] === '?') at += 1;
    } else if (char === ')') {
      const risky = groups.pop() ?? false;
      if (groups.length === 0) return 'an unbalanced parenthesis';
      if (risky && REPEAT.has(pattern[at + 1] ?? '')) return 'a repeated group that repeats or alternates inside';
      if (risky) groups[groups.length - 1] = true;
    } else if (char === '|' || (char !== undefined && QUANTIFIER.has(char))) {
      groups[groups.length - 1] = true;
    }
  }
  return undefined;
}

function children(node: ASTNode): ASTNode[] {
  switch (node.op) {
    case 'value':
    case 'id':
      return [];
    case '.':
    case '.?':
      return [node.args[0]];
    case '!_':
    case '-_':
      return [node.args];
    case 'list':
      return node.args;
    case 'map':
      return node.args.flat();
    case 'call':
      return node.args[1];
    case 'rcall':
      return [node.args[1], ...node.args[2]];
    default:
      return [...node.args];
  }
}

/** The first `matches()` in the expression whose pattern is not a safe literal, as a message. */
export function unsafeMatches(node: ASTNode): string | undefined {
  if (node.op === 'rcall' && node.args[0] === 'matches') {
    const pattern = node.args[2][0];
    if (pattern?.op !== 'value' || typeof pattern.args !== 'string') {
      return 'matches() needs a string literal pattern';
    }
    const risk = patternRisk(pattern.args);
    if (risk !== undefined) return `matches() pattern ${JSON.stringify(pattern.args)} has ${risk}, which may backtrack without bound`;
  }
  for (const child of children(node)) {
    const problem = unsafeMatches(child);
    if (problem !== undefined) return problem;
  }
  return undefined;
}
