/** Compile an XPath 1.0 expression once, at load time: syntax and namespace prefixes are checked here, never at apply time. */
import xpath from 'xpath';
import { fail, ok, type Outcome } from '../errors.js';
import type { Namespaces } from '../model.js';

export interface CompiledXPath {
  readonly source: string;
  readonly namespaces: Namespaces;
  readonly parsed: xpath.ParsedXPath;
}

/** Errors: XPATH_SYNTAX, UNKNOWN_PREFIX. */
export function compileXPath(source: string, namespaces: Namespaces): Outcome<CompiledXPath> {
  let parsed: xpath.ParsedXPath;
  try {
    parsed = xpath.parse(source);
  } catch (error) {
    return fail('XPATH_SYNTAX', `not an XPath 1.0 expression: ${error instanceof Error ? error.message : String(error)}`);
  }
  for (const prefix of prefixesIn(source)) {
    if (!Object.hasOwn(namespaces, prefix)) return fail('UNKNOWN_PREFIX', `namespace prefix '${prefix}' is not declared in namespaces`);
  }
  return ok({ source, namespaces, parsed });
}

/** The prefixes of QNames outside string literals (`qemu:arg`, `qemu:*`), not axis names (`child::`). */
function prefixesIn(source: string): string[] {
  const withoutLiterals = source.replace(/"[^"]*"|'[^']*'/g, '""');
  const found: string[] = [];
  for (const match of withoutLiterals.matchAll(/([A-Za-z_][\w.-]*):(?!:)(?=[A-Za-z_*])/g)) {
    const prefix = match[1];
    if (prefix !== undefined) found.push(prefix);
  }
  return found;
}
