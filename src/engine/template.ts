/**
 * `$(name)` references in values (docs/documents.md#conditions-and-values): found at load time, expanded at call time.
 * `$$(` stands for a literal `$(`.
 */

const REFERENCE = /\$\$\(|\$\(([A-Za-z_][A-Za-z0-9_]*)\)/g;

/** The var names a value refers to, in order of appearance (duplicates kept). */
export function templateNames(text: string): string[] {
  const names: string[] = [];
  for (const match of text.matchAll(REFERENCE)) {
    if (match[1] !== undefined) names.push(match[1]);
  }
  return names;
}

/** Replace every `$(name)` by its value and every `$$(` by `$(`; unknown names are left as written. */
export function expandTemplate(text: string, vars: ReadonlyMap<string, string>): string {
  if (!text.includes('$')) return text;
  return text.replace(REFERENCE, (whole, name: string | undefined) => {
    if (name === undefined) return '$(';
    return vars.get(name) ?? whole;
  });
}
