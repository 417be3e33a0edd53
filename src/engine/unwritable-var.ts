/**
 * `$(name)` values go into the domain as text (docs/documents.md#how-operations-behave, "Always
 * XML"): a value holding a character XML 1.0 cannot carry must fail the document, not break the
 * reply.
 */
import type { Problem } from './errors.js';
import type { XmlOperation } from './model.js';
import { templateNames } from './template.js';
import { characterName, firstNonXmlCharacter } from './xml/xml-characters.js';

/** The text of an operation's value, where its `$(name)` references are. */
function valueText(op: XmlOperation): string {
  switch (op.op) {
    case 'add':
      return op.value.source;
    case 'replace':
      return op.value.text;
    case 'set':
      return op.value;
    case 'remove':
      return '';
    case 'xml-patch':
      // RFC 5261 content is written as it stands: it expands no `$(name)`
      return '';
  }
}

/**
 * INVALID_CHARACTER naming the first var whose value `op` would write and XML 1.0 cannot carry
 * (e.g. U+0001 from a VMI annotation). Vars are scanned once per call; an operation's references
 * only when some var is unwritable.
 */
export function unwritableVar(
  op: XmlOperation,
  unwritable: ReadonlyMap<string, string>,
): Problem | undefined {
  if (unwritable.size === 0) return undefined;
  const name = templateNames(valueText(op)).find((used) => unwritable.has(used));
  if (name === undefined) return undefined;
  return {
    code: 'INVALID_CHARACTER',
    message:
      `the var ${name} holds ${unwritable.get(name) ?? 'a character'}, which XML 1.0 cannot carry: ` +
      'the domain would not be XML',
  };
}

/** Var name -> the first character of its value XML 1.0 cannot carry, for the vars that have one. */
export function unwritableVars(vars: ReadonlyMap<string, string>): ReadonlyMap<string, string> {
  const found = new Map<string, string>();
  for (const [name, value] of vars) {
    const at = firstNonXmlCharacter(value);
    if (at >= 0) found.set(name, characterName(value, at));
  }
  return found;
}
