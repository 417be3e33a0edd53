/**
 * xmldom 0.9 (sax.js) builds the same Unicode RegExp anew for every end tag it reads, by joining
 * pattern sources: on an 8 KB domain that was a seventh of a call's CPU and much of its garbage.
 * Its parts are the grammar's own constants, so one RegExp per distinct list of parts is enough;
 * the RegExps carry no `g`/`y` flag, so sharing one keeps no state between uses.
 *
 * Written for @xmldom/xmldom 0.9.12 (pinned exactly in package.json): the command line installs
 * it once at start-up; test/perf/xmldom-regexp-cache.test.ts fails when a release changes the
 * wrapped function, and src/engine/xml/xpath/README.md says how to take such a release.
 */
import grammar from '@xmldom/xmldom/lib/grammar.js';

type Part = string | RegExp;

interface Branch {
  readonly next: Map<Part, Branch>;
  regexp?: RegExp;
}

/** Far more than the handful of part lists sax.js uses: past it, RegExps are built and not kept. */
const MAX_CACHED = 64;

const root: Branch = { next: new Map() };
let cached = 0;
const build = grammar.reg;

function branchOf(parts: readonly Part[]): Branch {
  let branch = root;
  for (const part of parts) {
    let next = branch.next.get(part);
    if (next === undefined) {
      next = { next: new Map() };
      branch.next.set(part, next);
    }
    branch = next;
  }
  return branch;
}

function cachedReg(this: unknown, ...parts: Part[]): RegExp {
  if (cached >= MAX_CACHED) return build.apply(this, parts);
  const branch = branchOf(parts);
  if (branch.regexp === undefined) {
    branch.regexp = build.apply(this, parts);
    cached += 1;
  }
  return branch.regexp;
}

/**
 * Replace xmldom's `grammar.reg` with the caching one; a second call changes nothing. Parsing is
 * the same without it, only slower: the engine's functions do not depend on it being installed.
 */
export function installXmldomRegexpCache(): void {
  grammar.reg = cachedReg;
}
