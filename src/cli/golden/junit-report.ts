/**
 * JUnit XML for CI systems: one testsuite per test file, one testcase per case, a failure element
 * for each failed one.
 */
import type { CaseOutcome } from './run-case.js';

export interface CaseRecord {
  readonly suite: string;
  readonly name: string;
  readonly seconds: number;
  readonly outcome: CaseOutcome;
}

const ENTITIES: Readonly<Record<string, string>> = {
  '&': '&amp;',
  '<': '&lt;',
  '>': '&gt;',
  '"': '&quot;',
  "'": '&apos;',
};

/** Characters XML 1.0 cannot hold at all (controls but tab, newline and return; U+FFFE, U+FFFF). */
function xmlCharacter(char: string): boolean {
  const code = char.charCodeAt(0);
  return code === 0x9 || code === 0xa || code === 0xd || (code >= 0x20 && code < 0xfffe);
}

/** Attribute and text escaping; a character XML cannot hold becomes U+FFFD. */
function escape(text: string): string {
  return [...text.replace(/[&<>"']/g, (char) => ENTITIES[char] ?? char)]
    .map((char) => (char.length > 1 || xmlCharacter(char) ? char : '\ufffd'))
    .join('');
}

function testcase(record: CaseRecord): string {
  const open =
    `    <testcase classname="${escape(record.suite)}" name="${escape(record.name)}" ` +
    `time="${record.seconds.toFixed(3)}"`;
  if (record.outcome.status === 'passed') return `${open}/>`;
  const reason = escape(record.outcome.reason);
  return `${open}>\n      <failure message="${reason}">${reason}</failure>\n    </testcase>`;
}

export function junitReport(records: readonly CaseRecord[]): string {
  const suites = [...new Set(records.map((record) => record.suite))].map((suite) => {
    const cases = records.filter((record) => record.suite === suite);
    const failures = cases.filter((record) => record.outcome.status === 'failed').length;
    const seconds = cases.reduce((sum, record) => sum + record.seconds, 0);
    return [
      `  <testsuite name="${escape(suite)}" tests="${cases.length}" failures="${failures}" ` +
        `errors="0" time="${seconds.toFixed(3)}">`,
      ...cases.map(testcase),
      '  </testsuite>',
    ].join('\n');
  });
  const failures = records.filter((record) => record.outcome.status === 'failed').length;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="hookpatch test" tests="${records.length}" failures="${failures}">`,
    ...suites,
    '</testsuites>',
    '',
  ].join('\n');
}
