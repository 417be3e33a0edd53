/** `hookpatch test [PATH]... [--junit FILE]`: run the golden cases of every hookpatch-test.yaml, one line per case. */
import { readFileSync, writeFileSync } from 'node:fs';
import { performance } from 'node:perf_hooks';
import { parseArgs } from 'node:util';
import type { Output } from './command-output.js';
import { findTestFiles, TEST_FILE_NAME } from './golden/find-test-files.js';
import { junitReport, type CaseRecord } from './golden/junit-report.js';
import { readTestFile } from './golden/read-test-file.js';
import { runCase } from './golden/run-case.js';

async function recordsOf(file: string): Promise<CaseRecord[]> {
  const read = readTestFile(readFileSync(file, 'utf8'), file);
  if (!read.ok) {
    // an invalid test file is one failed case named after the file, so CI sees it
    const reason = `${file}: ${read.problems.join('; ')}`;
    return [{ suite: read.suite, name: file, seconds: 0, outcome: { status: 'failed', reason } }];
  }
  const records: CaseRecord[] = [];
  for (const golden of read.cases) {
    const started = performance.now();
    const outcome = await runCase(golden);
    const seconds = (performance.now() - started) / 1000;
    records.push({ suite: golden.suite, name: golden.name, seconds, outcome });
  }
  return records;
}

function line(record: CaseRecord): string {
  const name = `${record.suite}: ${record.name}`;
  return record.outcome.status === 'passed'
    ? `ok   ${name}\n`
    : `FAIL ${name}: ${record.outcome.reason}\n`;
}

/** 0 when every case passed, 1 when one failed (or none was found). */
export async function runTest(argv: readonly string[], out: Output): Promise<number> {
  const { values, positionals } = parseArgs({
    args: [...argv],
    allowPositionals: true,
    options: { junit: { type: 'string' } },
  });
  const files = findTestFiles(positionals.length === 0 ? ['.'] : positionals);
  const records: CaseRecord[] = [];
  for (const file of files) {
    for (const record of await recordsOf(file)) {
      records.push(record);
      out.stdout(line(record));
    }
  }
  if (values.junit !== undefined) writeFileSync(values.junit, junitReport(records));
  const failed = records.filter((record) => record.outcome.status === 'failed').length;
  if (records.length === 0) {
    // a CI gate that found nothing to run must not pass silently
    out.stderr(`hookpatch test: no ${TEST_FILE_NAME} found in ${positionals.join(' ') || '.'}\n`);
    return 1;
  }
  out.stdout(`${records.length - failed} passed, ${failed} failed\n`);
  return failed === 0 ? 0 : 1;
}
