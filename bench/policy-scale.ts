/**
 * What judging an annotation document under `--annotation-policy` costs beside applying it: the
 * engine alone, the same documents with and without the policy, on KubeVirt's domain and on
 * domains with many disks. Run: `node --import tsx bench/policy-scale.ts`.
 */
import { readFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import {
  applyDomain,
  installXmldomRegexpCache,
  loadAnnotationPolicy,
  loadDocuments,
} from '../src/engine/index.js';
import { ANNOTATION_SOURCE } from '../src/engine/patch-annotation.js';
import { median } from './statistics.js';
import { domainWithDisks } from './synthetic-domain.js';

const template = readFileSync(
  new URL('../test/fixtures/domain/inputs/domain_x86_64.tabs.xml', import.meta.url),
  'utf8',
);
const policy = loadAnnotationPolicy(
  `allow:\n  domain: ["/domain/sysinfo[@type='smbios']", /domain/os/smbios]\n`,
  'policy.yaml',
);
installXmldomRegexpCache();

const adds = (count: number): string =>
  `domain:\n${Array.from({ length: count }, (_, i) => `  - {op: add, path: /domain/sysinfo/baseBoard, value: '<entry name="e${i}">v</entry>'}\n`).join('')}`;
const SET = `domain:\n  - {op: set, path: "/domain/sysinfo/system/entry[@name='serial']", value: S-1}\n`;

/** Medians of `a` and `b` run in turns, so a machine whose load drifts slows both alike. */
function timeBoth(runs: number, a: () => void, b: () => void): readonly [number, number] {
  a();
  b();
  const samples: [number[], number[]] = [[], []];
  const time = (work: () => void): number => {
    const start = performance.now();
    work();
    return performance.now() - start;
  };
  for (let i = 0; i < runs; i += 1) {
    samples[0].push(time(a));
    samples[1].push(time(b));
  }
  return [median(samples[0]), median(samples[1])];
}

const cases: ReadonlyArray<readonly [string, number, string]> = [
  ['1 add', 12, adds(1)],
  ['16 adds', 12, adds(16)],
  ['64 adds', 12, adds(64)],
  ['64 adds', 400, adds(64)],
  ['1 set', 1000, SET],
  ['64 adds', 1000, adds(64)],
];

console.log(`node ${process.version}; median ms per applyDomain, the annotation as one document`);
console.log('document   disks   without policy   with policy   ratio');
for (const [name, disks, text] of cases) {
  const xml = domainWithDisks(template, disks);
  const { documents, errors } = loadDocuments(text, {
    source: ANNOTATION_SOURCE,
    origin: 'annotation',
  });
  if (errors.length > 0) throw new Error(JSON.stringify(errors));
  const runs = disks >= 400 ? 41 : 201;
  const check = applyDomain(xml, documents, { vmi: {}, context: 'Boot', policy });
  if (!check.ok) throw new Error(`${check.error.code}: ${check.error.message}`);
  const [without, judged] = timeBoth(
    runs,
    () => applyDomain(xml, documents, { vmi: {}, context: 'Boot' }),
    () => applyDomain(xml, documents, { vmi: {}, context: 'Boot', policy }),
  );
  console.log(
    `${name.padEnd(9)} ${String(disks).padStart(6)} ${without.toFixed(2).padStart(16)} ${judged.toFixed(2).padStart(13)} ${(judged / without).toFixed(2).padStart(7)}`,
  );
}
