/** The one translation of failures into gRPC statuses: input errors are INVALID_ARGUMENT, patch documents FAILED_PRECONDITION. */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { status } from '@grpc/grpc-js';
import type { ErrorCode, Location } from '../../src/engine/index.js';
import type { PatchError } from '../../src/engine/index.js';
import { grpcCode, internalStatus, toGrpcStatus } from '../../src/hook/grpc-status.js';

const patch = (code: ErrorCode, location: Location): PatchError[] => [
  { code, message: 'm', location },
];
const inDocument: Location = {
  source: '/etc/hookpatch/p.yaml',
  line: 3,
  column: 9,
  document: 'p',
  operation: 0,
  op: 'add',
  path: '/domain',
};

const rows: ReadonlyArray<[string, PatchError[], status]> = [
  [
    'malformed input XML',
    patch('XML_MALFORMED', { source: 'domainXML', line: 1, column: 2 }),
    status.INVALID_ARGUMENT,
  ],
  [
    'malformed input JSON',
    patch('JSON_MALFORMED', { source: 'cloudInitData' }),
    status.INVALID_ARGUMENT,
  ],
  ['DOCTYPE in the input', patch('DOCTYPE_REFUSED', {}), status.INVALID_ARGUMENT],
  ['DOCTYPE in a fragment', patch('DOCTYPE_REFUSED', inDocument), status.FAILED_PRECONDITION],
  [
    'an input domain nested too deep',
    patch('LIMIT_EXCEEDED', { source: 'domainXML' }),
    status.INVALID_ARGUMENT,
  ],
  [
    'an input CloudInitData too long',
    patch('LIMIT_EXCEEDED', { source: 'cloudInitData' }),
    status.INVALID_ARGUMENT,
  ],
  [
    'a patch source with too many operations',
    patch('LIMIT_EXCEEDED', { source: '/etc/hookpatch/p.yaml', line: 1, column: 1 }),
    status.FAILED_PRECONDITION,
  ],
  ['an operation that matches nothing', patch('NO_MATCH', inDocument), status.FAILED_PRECONDITION],
  ['a document that does not load', patch('UNKNOWN_OP', inDocument), status.FAILED_PRECONDITION],
  [
    'a bad request field',
    patch('REQUEST_INVALID', { source: 'domain_type' }),
    status.INVALID_ARGUMENT,
  ],
  ['a VMI that is not JSON', patch('JSON_MALFORMED', { source: 'vmi' }), status.INVALID_ARGUMENT],
  ['a VMI nested too deep', patch('LIMIT_EXCEEDED', { source: 'vmi' }), status.INVALID_ARGUMENT],
  [
    'an unreadable patch file',
    patch('SOURCE_UNREADABLE', { source: '/etc/hookpatch/p.yaml' }),
    status.FAILED_PRECONDITION,
  ],
];

for (const [name, errors, expected] of rows) {
  test(`status for ${name}`, () => assert.equal(grpcCode(errors), expected));
}

test('status for a bug', () =>
  assert.equal(internalStatus('Info', new Error('boom')).code, status.INTERNAL));

test('the status message is the formatted error, one line per error, location first', () => {
  const error = toGrpcStatus([
    { code: 'NO_MATCH', message: 'm', location: inDocument },
    { code: 'UNKNOWN_OP', message: 'm', location: { ...inDocument, line: 9 } },
  ]);
  assert.equal(error.code, status.FAILED_PRECONDITION);
  const lines = error.details.split('\n');
  assert.equal(lines.length, 2);
  assert.ok(lines[0]?.startsWith('/etc/hookpatch/p.yaml:3:9: document p, operation 0'));
  assert.ok(lines[1]?.startsWith('/etc/hookpatch/p.yaml:9:9:'));
});
