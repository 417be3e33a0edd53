/** `npm run bench`: hookpatch as the image runs it against bare node and the transport floors, with and without KubeVirt's sidecar limits, then its sections' budgets. */
import { execFileSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { imageNodeMajor, readImageRuntime } from '../packaging/image-runtime.js';
import type { BudgetVerdict } from './budgets.js';
import { ensureDist, makeCodeCache } from './build-dist.js';
import { compileServers } from './compile-servers.js';
import { benchConditions } from './conditions.js';
import { engineSection } from './engine-section.js';
import { buildGoServer } from './go-server.js';
import { largeDomainSection } from './large-domain-section.js';
import type { Inputs } from './measure-servers.js';
import { parseOptions, USAGE } from './options.js';
import { budgetTable } from './report-table.js';
import type { BenchContext, BenchSection } from './sections.js';
import { serverNode } from './server-node.js';
import { serversSection } from './servers-section.js';
import { domainWithDisks } from './synthetic-domain.js';
import { loadWire } from './wire.js';
import { workBudgetsSection } from './work-budgets-section.js';

const root = fileURLToPath(new URL('..', import.meta.url));
const benchDir = join(root, 'bench');
const cacheDir = join(root, 'node_modules', '.cache', 'hookpatch-bench');
const resultsDir = join(benchDir, 'results');

/** In order; a section of figures of its own is one more entry here. */
const SECTIONS: readonly BenchSection[] = [
  serversSection,
  largeDomainSection,
  workBudgetsSection,
  engineSection,
];

function inputs(): Inputs & { template: string } {
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
    const git = (...args: string[]): string =>
      execFileSync('git', args, { cwd: root, encoding: 'utf8' }).trim();
    const head = git('rev-parse', '--short', 'HEAD');
    return git('status', '--porcelain', '--untracked-files=no') === '' ? head : `${head}+dirty`;
  } catch {
    return 'unknown';
  }
}

async function main(): Promise<void> {
  const options = parseOptions(process.argv.slice(2));
  const startedAt = new Date();
  const loadBefore = loadavg();
  const build = ensureDist(root, options.rebuild);
  if (build.warnings !== undefined)
    process.stderr.write(
      `bench: the build reported errors (dist/ was still emitted):\n${build.warnings.slice(0, 2000)}\n`,
    );
  const runtime = readImageRuntime(root);
  const node = serverNode(options.node, imageNodeMajor(runtime), cacheDir);
  const codeCacheProblem = makeCodeCache(root, node.path, options.hookpatchFlags);
  if (codeCacheProblem !== undefined)
    process.stderr.write(`bench: no code cache for dist/cli/serve.cjs:\n${codeCacheProblem}\n`);
  const { conditions, note: conditionNote } = benchConditions(options.cgroups);
  const { template, ...callInputs } = inputs();
  const context: BenchContext = {
    options,
    root,
    wire: loadWire(join(root, 'proto')),
    inputs: callInputs,
    template,
    conditions,
    paths: {
      root,
      runtime,
      node,
      compiledServers: compileServers(benchDir, cacheDir),
      goServer: options.servers.includes('grpc-go')
        ? buildGoServer(benchDir, cacheDir)
        : { reason: 'not asked for' },
      ...(options.hookpatchFlags === undefined ? {} : { hookpatchFlags: options.hookpatchFlags }),
    },
  };
  const machine = {
    commit: gitCommit(),
    cpus: cpus().length,
    cpuModel: cpus()[0]?.model ?? 'unknown',
    benchNode: process.version,
    serverNode: node.version,
    loadavgBefore: loadBefore,
  };
  const out = (text: string): void => void process.stdout.write(`${text}\n`);
  out(
    `\nhookpatch benchmark ${startedAt.toISOString()} — ${machine.cpus} CPUs (${machine.cpuModel}), commit ${machine.commit}, load ${loadBefore.map((l) => l.toFixed(1)).join(' ')}`,
  );
  out(
    `servers run on Node ${node.version}${node.note === undefined ? '' : ` (${node.note})`}; conditions: ${conditions.map((c) => c.label).join(' | ')}${conditionNote === undefined ? '' : ` (${conditionNote})`}`,
  );
  out(
    `calls: ${callInputs.small.label} + ${callInputs.small.vmi.length} B VMI, dial per call; mixed run 9:1 with the ${callInputs.large.label}\n`,
  );
  const sections: Record<string, unknown> = {};
  const verdicts: BudgetVerdict[] = [];
  for (const section of SECTIONS.filter((candidate) => candidate.enabled(options))) {
    const report = await section.run(context);
    sections[section.key] = report.figures;
    verdicts.push(...report.verdicts);
    out(`== ${report.title}\n${report.text}\n`);
  }
  out(budgetTable(verdicts));
  mkdirSync(resultsDir, { recursive: true });
  const file = join(resultsDir, `${startedAt.toISOString().replace(/[:.]/g, '-')}.json`);
  const record = {
    startedAt: startedAt.toISOString(),
    machine: { ...machine, loadavgAfter: loadavg() },
    options,
    build,
    runtime,
    conditions,
    sections,
    budgets: verdicts,
  };
  writeFileSync(file, `${JSON.stringify(record, null, 2)}\n`);
  out(`\nwritten: ${file}`);
}

main().catch((error: unknown) => {
  process.stderr.write(
    `bench: ${error instanceof Error ? error.message : String(error)}\n${USAGE}\n`,
  );
  process.exitCode = 1;
});
