/**
 * Turn the comparison servers into plain JavaScript before they run, so that they start and use
 * memory like the built hookpatch (running them through tsx would add its loader to every figure).
 */
import { mkdirSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import ts from 'typescript';

/** Files relative to `bench/`, transpiled to the same relative places under `outDir`. */
function sources(benchDir: string): string[] {
  const servers = readdirSync(join(benchDir, 'servers')).filter((name) => name.endsWith('.ts'));
  return ['wire.ts', ...servers.map((name) => join('servers', name))];
}

/** Returns the directory that holds `servers/<name>.js`. */
export function compileServers(benchDir: string, outDir: string): string {
  for (const file of sources(benchDir)) {
    const output = ts.transpileModule(readFileSync(join(benchDir, file), 'utf8'), {
      compilerOptions: {
        module: ts.ModuleKind.ESNext,
        target: ts.ScriptTarget.ES2022,
        verbatimModuleSyntax: true,
      },
      fileName: file,
    });
    const target = join(outDir, file.replace(/\.ts$/, '.js'));
    mkdirSync(dirname(target), { recursive: true });
    writeFileSync(target, output.outputText);
  }
  // The output lies under node_modules/ (out of the lint's and git's way), where no package.json says ESM.
  writeFileSync(join(outDir, 'package.json'), '{ "type": "module" }\n');
  return outDir;
}
