// No import rings in src/: each module's imports (type-only ones too), read with the TypeScript
// compiler's own pre-processor, form a graph whose strongly connected components are single files.
import assert from 'node:assert/strict';
import { readdirSync, readFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import ts from 'typescript';

const root = fileURLToPath(new URL('../../', import.meta.url));

/**
 * The XPath grammar is recursive: a path's predicates are expressions and an expression may be a
 * path, so the two evaluators call each other. Nothing else may form a ring.
 */
const ALLOWED = new Set([
  ['src/engine/xml/xpath/evaluate-expression.ts', 'src/engine/xml/xpath/evaluate-path.ts'].join(
    ' ',
  ),
]);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') ? [path] : [];
  });
}

function importGraph(files: readonly string[]): Map<string, string[]> {
  const known = new Set(files);
  return new Map(
    files.map((file) => {
      const info = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
      const targets = info.importedFiles
        .map((imported) => imported.fileName)
        .filter((name) => name.startsWith('.'))
        .map((name) => resolve(dirname(file), name.replace(/\.js$/, '.ts')))
        .filter((target) => known.has(target));
      return [file, targets];
    }),
  );
}

/** Tarjan's strongly connected components with more than one file. */
function rings(graph: ReadonlyMap<string, readonly string[]>): string[][] {
  const index = new Map<string, number>();
  const low = new Map<string, number>();
  const stack: string[] = [];
  const onStack = new Set<string>();
  const found: string[][] = [];
  const visit = (file: string): void => {
    index.set(file, index.size);
    low.set(file, index.get(file) ?? 0);
    stack.push(file);
    onStack.add(file);
    for (const target of graph.get(file) ?? []) {
      if (!index.has(target)) visit(target);
      if (onStack.has(target))
        low.set(file, Math.min(low.get(file) ?? 0, low.get(target) ?? 0, index.get(target) ?? 0));
    }
    if (low.get(file) !== index.get(file)) return;
    const ring: string[] = [];
    let member: string | undefined;
    do {
      member = stack.pop();
      if (member === undefined) break;
      onStack.delete(member);
      ring.push(relative(root, member));
    } while (member !== file);
    if (ring.length > 1) found.push(ring.sort());
  };
  for (const file of graph.keys()) if (!index.has(file)) visit(file);
  return found;
}

test('src/ has no import ring but the XPath evaluators’ recursion', () => {
  const found = rings(importGraph(sourceFiles(join(root, 'src'))));
  assert.deepEqual(
    found.map((ring) => ring.join(' ')).filter((ring) => !ALLOWED.has(ring)),
    [],
  );
});

test('the ring finder finds a ring', () => {
  const graph = new Map([
    ['/a.ts', ['/b.ts']],
    ['/b.ts', ['/c.ts']],
    ['/c.ts', ['/a.ts']],
    ['/d.ts', ['/a.ts']],
  ]);
  assert.equal(rings(graph).length, 1);
  assert.equal(rings(graph)[0]?.length, 3);
});
