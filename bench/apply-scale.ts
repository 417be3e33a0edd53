/**
 * Apply time of the XML engine alone (parse + a 10-operation document + serialize), for KubeVirt's
 * 8 KB domain and synthetic domains with many disks. Run: `node --import tsx bench/apply-scale.ts [disks…]`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { applyDomain, installXmldomRegexpCache, loadDocuments } from '../src/engine/index.js';
import { parseDomainXml } from '../src/engine/xml/parse-xml.js';
import { serializeXml } from '../src/engine/xml/serialize-xml.js';
import { domainWithDisks, tenOperationDocument } from './synthetic-domain.js';

const template = readFileSync(
  new URL('../test/fixtures/domain/inputs/domain_x86_64.tabs.xml', import.meta.url),
  'utf8',
);
const call = { vmi: {}, context: 'Boot' as const };
// as the command line does at start-up
installXmldomRegexpCache();

function percentile(sorted: readonly number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * p))] ?? Number.NaN;
}

function timeIt(runs: number, work: () => void): { p50: number; p95: number } {
  for (let i = 0; i < Math.min(20, runs); i += 1) work();
  const samples: number[] = [];
  for (let i = 0; i < runs; i += 1) {
    const start = performance.now();
    work();
    samples.push(performance.now() - start);
  }
  samples.sort((a, b) => a - b);
  return { p50: percentile(samples, 0.5), p95: percentile(samples, 0.95) };
}

/** Operations that touch every disk: the engine's own cost per target must stay linear. */
const EVERY_DISK = `
domain:
  - {op: set, path: /domain/devices/disk/driver/@cache, value: none}
  - {op: add, path: /domain/devices/disk, position: after, value: "<!-- checked -->"}
  - {op: add, path: /domain/devices/disk, value: <boot order="1"/>, once: false}
  - {op: replace, path: /domain/devices/disk/target, value: <target bus="scsi"/>}
  - {op: remove, path: /domain/devices/disk/alias}
`;

function measure(
  label: string,
  xml: string,
  disks: number,
  patch = tenOperationDocument(disks),
): void {
  const loaded = loadDocuments(patch, { source: 'bench.yaml', origin: 'file' });
  if (loaded.errors.length > 0) throw new Error(JSON.stringify(loaded.errors));
  const check = applyDomain(xml, loaded.documents, call);
  if (!check.ok) throw new Error(`${check.error.code}: ${check.error.message}`);
  const matched = check.documents
    .flatMap((document) => document.operations.map((op) => op.matches))
    .join(',')
    .slice(0, 40);
  const runs = disks >= 500 ? 20 : 200;
  const apply = timeIt(runs, () => applyDomain(xml, loaded.documents, call));
  const parse = timeIt(runs, () => parseDomainXml(xml));
  const parsed = parseDomainXml(xml);
  if (!parsed.ok) throw new Error(parsed.problem.message);
  const serialize = timeIt(runs, () => serializeXml(parsed.value));
  const ms = (value: number): string => value.toFixed(2).padStart(8);
  console.log(
    `${label.padEnd(22)} ${String(xml.length).padStart(8)} B  apply p50 ${ms(apply.p50)} ms p95 ${ms(apply.p95)} ms | parse p50 ${ms(parse.p50)} ms | serialize p50 ${ms(serialize.p50)} ms | matches ${matched}`,
  );
}

const sizes = process.argv
  .slice(2)
  .map(Number)
  .filter((n) => n > 0);
console.log(`node ${process.version}; times per call (warmed up)`);
measure('KubeVirt domain (12 disks)', domainWithDisks(template, 12), 12);
for (const disks of sizes.length > 0 ? sizes : [100, 1000])
  measure(`synthetic ${disks} disks`, domainWithDisks(template, disks), disks);
for (const disks of sizes.length > 0 ? sizes : [100, 1000])
  measure(`every disk, ${disks}`, domainWithDisks(template, disks), disks, EVERY_DISK);
