/** `npm run bench`: hookpatch serve against the transport floor and the fork-per-call status quo, plus the engine table. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { judgeBudgets } from './budgets.js';
import { ensureDist } from './build-dist.js';
import type { CallInput } from './call-runs.js';
import { compileServers } from './compile-servers.js';
import { measureEngineTable } from './engine-table.js';
import { parseOptions, USAGE, type BenchOptions } from './options.js';
import { budgetTable, engineTable, serverTable } from './report-table.js';
import { serverChoice, type ServerPaths } from './server-commands.js';
import { measureServers } from './measure-servers.js';
import { domainWithDisks } from './synthetic-domain.js';
import { loadWire } from './wire.js';
import { measureWorkBudgets, workBudgetTable } from './work-budgets.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'bench');
const resultsDir = join(benchDir, 'results');

function inputs(): { small: CallInput; large: CallInput; template: string } {
  const template = readFileSync(join(benchDir, 'fixtures', 'domain-8k.xml'), 'utf8');
  const vmi = readFileSync(join(benchDir, 'fixtures', 'vmi-smbios.json'));
  const largeXml = Buffer.from(domainWithDisks(template, 1000));
  return {
    template,
    small: {
      label: `8 KB domain (${Buffer.byteLength(template)} B)`,
      domainXML: Buffer.from(template),
      vmi,
    },
    large: { label: `1,000-disk domain (${largeXml.length} B)`, domainXML: largeXml, vmi },
  };
}

/** The commit measured, `+dirty` when the work tree differs: results are only comparable with it. */
function gitCommit(): string {
  try {
    const head = execFileSync('git', ['rev-parse', '--short', 'HEAD'], {
      cwd: root,
      encoding: 'utf8',
    }).trim();
    const dirty =
      execFileSync('git', ['status', '--porcelain', '--untracked-files=no'], {
        cwd: root,
        encoding: 'utf8',
      }).trim() !== '';
    return dirty ? `${head}+dirty` : head;
  } catch {
    return 'unknown';
  }
}

function hookpatchEntry(options: BenchOptions): { entry?: string; build: unknown } {
  try {
    const dist = ensureDist(root, options.rebuild);
    if (dist.warnings !== undefined)
      process.stderr.write(
        `bench: the build reported errors (dist/ was still emitted):\n${dist.warnings.slice(0, 2000)}\n`,
      );
    return { entry: dist.entry, build: dist };
  } catch (error) {
    return { build: { error: error instanceof Error ? error.message : String(error) } };
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  const loadBefore = loadavg();
  const { small, large, template } = inputs();
  const { entry, build } = hookpatchEntry(options);
  const paths: ServerPaths = {
    root,
    hookpatchEntry: entry ?? join(root, 'dist', 'cli', 'main.js'),
    compiledServers: compileServers(
      benchDir,
      join(root, 'node_modules', '.cache', 'hookpatch-bench'),
    ),
    ...(options.hookpatchFlags === undefined ? {} : { hookpatchFlags: options.hookpatchFlags }),
  };
  const unavailable = { unavailable: 'dist/cli/main.js could not be built' };
  const choices = options.servers.map((name) => ({
    name,
    ...serverChoice(name, paths),
    ...(name === 'hookpatch' && entry === undefined ? unavailable : {}),
  }));
  const servers = await measureServers(choices, loadWire(join(root, 'proto')), options, {
    small,
    large,
  });
  const engine = options.engine
    ? measureEngineTable(template, [10, 100, 1000], options.engineIterations)
    : [];
  const budgets = judgeBudgets(servers, engine);
  const workBudgets =
    entry === undefined ? undefined : await measureWorkBudgets(root, loadWire(join(root, 'proto')));

  const machine = {
    commit: gitCommit(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    node: process.version,
    loadavgBefore: loadBefore,
    loadavgAfter: loadavg(),
  };
  process.stdout.write(
    `\nhookpatch benchmark ${startedAt.toISOString()} — ${machine.cpus} CPUs (${machine.cpuModel}), Node ${machine.node}, commit ${machine.commit}, load ${loadBefore.map((l) => l.toFixed(1)).join(' ')}\n`,
  );
  process.stdout.write(
    `calls: ${small.label} + ${small.vmi.length} B VMI, dial per call; mixed run 9:1 with the ${large.label}\n\n`,
  );
  process.stdout.write(`${serverTable(servers)}\n\n`);
  if (engine.length > 0)
    process.stdout.write(
      `engine in process (applyDomain, 10 operations by alias):\n${engineTable(engine)}\n\n`,
    );
  process.stdout.write(`${budgetTable(budgets)}\n`);
  if (workBudgets !== undefined) process.stdout.write(`\n${workBudgetTable(workBudgets)}\n`);

  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  writeFileSync(
    file,
    `${JSON.stringify({ startedAt: startedAt.toISOString(), machine, options, build, inputs: { smallBytes: small.domainXML.length, largeBytes: large.domainXML.length, vmiBytes: small.vmi.length }, servers, engine, budgets, workBudgets }, null, 2)}\n`,
  );
  process.stdout.write(`\nwritten: ${file}\n`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`,
  );
  process.exitCode = 1;
});
