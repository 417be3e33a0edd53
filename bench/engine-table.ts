/** In-process engine figures for synthetic domains of 10, 100 and 1,000 disks: parse, apply a 10-operation document, serialize. */
import {
  applyDomain,
  installXmldomRegexpCache,
  loadDocuments,
  type PatchDocument,
} from '../src/engine/index.js';
import { parseDomainXml } from '../src/engine/xml/parse-xml.js';
import { serializeXml } from '../src/engine/xml/serialize-xml.js';
import { domainWithDisks, tenOperationDocument } from './synthetic-domain.js';
import { median } from './statistics.js';

export interface EngineRow {
  readonly disks: number;
  readonly bytes: number;
  readonly loadMs: number;
  readonly parseMs: number;
  readonly serializeMs: number;
  /** `applyDomain` end to end: parse, the ten operations, serialize */
  readonly applyMs: number;
  /** apply minus parse and serialize: the operations alone */
  readonly operationsMs: number;
  /** operations that matched at least one node, of 10 */
  readonly matched: number;
  /** why the row could not be measured (the engine returned an error or no documents) */
  readonly problem?: string;
}

/** Median wall time of `iterations` runs of `work`, after one unmeasured run. */
function timeIt(iterations: number, work: () => void): number {
  work();
  const samples: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const started = performance.now();
    work();
    samples.push(performance.now() - started);
  }
  return median(samples);
}

function load(disks: number): {
  documents: readonly PatchDocument[];
  loadMs: number;
  problem?: string;
} {
  const text = tenOperationDocument(disks);
  const started = performance.now();
  const loaded = loadDocuments(text, { source: 'bench-ten-operations.yaml', origin: 'file' });
  const loadMs = performance.now() - started;
  const first = loaded.errors[0];
  if (first !== undefined)
    return { documents: [], loadMs, problem: `load: ${first.code} ${first.message}` };
  if (loaded.documents.length === 0)
    return { documents: [], loadMs, problem: 'load: the loader returned no documents' };
  return { documents: loaded.documents, loadMs };
}

export function measureEngineRow(template: string, disks: number, iterations: number): EngineRow {
  const xml = domainWithDisks(template, disks);
  const { documents, loadMs, problem } = load(disks);
  const parsed = parseDomainXml(xml);
  if (!parsed.ok) throw new Error(`the synthetic domain does not parse: ${parsed.problem.message}`);
  const parseMs = timeIt(iterations, () => void parseDomainXml(xml));
  const serializeMs = timeIt(iterations, () => void serializeXml(parsed.value));
  const call = { vmi: {}, context: 'Boot' } as const;
  const outcome = applyDomain(xml, documents, call);
  const applyMs = timeIt(iterations, () => void applyDomain(xml, documents, call));
  const operations = outcome.documents.flatMap((document) => document.operations);
  const matched = operations.filter((operation) => operation.matches > 0).length;
  const failure = outcome.ok ? problem : `apply: ${outcome.error.code} ${outcome.error.message}`;
  return {
    disks,
    bytes: Buffer.byteLength(xml),
    loadMs,
    parseMs,
    serializeMs,
    applyMs,
    operationsMs: Math.max(0, applyMs - parseMs - serializeMs),
    matched,
    ...(failure === undefined ? {} : { problem: failure }),
  };
}

/** Fewer iterations for the larger domains keep the table quick. */
export function measureEngineTable(
  template: string,
  sizes: readonly number[],
  iterations: number,
): EngineRow[] {
  // as the command line does at start-up
  installXmldomRegexpCache();
  return sizes.map((disks) =>
    measureEngineRow(
      template,
      disks,
      Math.max(3, Math.round((iterations * 10) / Math.max(10, disks))),
    ),
  );
}
