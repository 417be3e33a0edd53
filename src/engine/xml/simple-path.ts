/**
 * The simple location paths `set` accepts (docs/documents.md#how-operations-behave), e.g.
 * `/domain/sysinfo[@type='smbios']/baseBoard/entry[@name='manufacturer']/text()`.
 */
import { fail, ok, type Outcome } from '../errors.js';
import type { Namespaces } from './namespace-bindings.js';
import { readSimplePath, type SimplePath } from './xpath/read-simple-path.js';
import { parseWithNamespaces, withXmlPrefix } from './xpath/parse-expression.js';

export type {
  NameTest,
  SimplePath,
  SimplePredicate,
  SimpleStep,
  SimpleTarget,
} from './xpath/read-simple-path.js';

/** Errors: XPATH_SYNTAX, UNKNOWN_PREFIX, NOT_SIMPLE_PATH, LIMIT_EXCEEDED (more than 1,000 tokens). */
export function compileSimplePath(source: string, namespaces: Namespaces): Outcome<SimplePath> {
  const parsed = parseWithNamespaces(source, withXmlPrefix(namespaces));
  if (!parsed.ok) return { ok: false, problem: parsed.problem };
  const read = readSimplePath(parsed.expression);
  if (typeof read === 'string')
    return fail('NOT_SIMPLE_PATH', `not a simple path for set: ${read}`);
  return ok({ source, ...read });
}
