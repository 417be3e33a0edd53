/** The unary gRPC server at the HTTP/2 level: each request a grpc client may send, and what it is answered. */
import assert from 'node:assert/strict';
import { mkdtemp } from 'node:fs/promises';
import { connect, type IncomingHttpHeaders, type OutgoingHttpHeaders } from 'node:http2';
import { connect as netConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { after, before, test } from 'node:test';
import { GRPC_CODE } from '../../src/hook/grpc-codes.js';
import { listen, stopGracefully, type HookServer } from '../../src/hook/hook-server.js';
import { encodeMessage } from '../../src/hook/protobuf-encode.js';
import { SERVICES } from '../../src/hook/protocols.js';
import type { UnaryHandler } from '../../src/hook/unary-handler.js';
import { call } from '../e2e/virt-launcher-client.js';

const PATH = '/kubevirt.hooks.v1alpha1.Callbacks/OnDefineDomain';
const MAX = 1024;
const onDefineDomain = SERVICES['kubevirt.hooks.v1alpha1.Callbacks'][0]!;

/** Echoes the domain; `slow` waits 300 ms; `fail` answers a multi-line, non-ASCII status. */
const handler: UnaryHandler = async (request) => {
  const domain = request['domainXML'] as Buffer;
  const text = domain.toString('utf8');
  if (text === 'slow') await new Promise((resolve) => setTimeout(resolve, 300));
  if (text === 'fail')
    return {
      ok: false,
      status: { code: GRPC_CODE.FAILED_PRECONDITION, details: 'línea 1\n100% línea 2' },
    };
  return { ok: true, message: { domainXML: domain } };
};

let socket = '';
let server: HookServer;
before(async () => {
  socket = join(await mkdtemp(join(tmpdir(), 'hookpatch-stream-')), 'hookpatch-test.sock');
  server = await listen(
    socket,
    [{ name: 'kubevirt.hooks.v1alpha1.Callbacks', implementation: { OnDefineDomain: handler } }],
    { maxReceiveBytes: MAX },
  );
});
after(() => stopGracefully(server, 1000));

function frame(message: Buffer, compressed = false): Buffer {
  const prefix = Buffer.alloc(5);
  prefix.writeUInt8(compressed ? 1 : 0, 0);
  prefix.writeUInt32BE(message.length, 1);
  return Buffer.concat([prefix, message]);
}

const request = (domain: string): Buffer =>
  frame(encodeMessage(onDefineDomain.request, { domainXML: Buffer.from(domain) }));

interface RawReply {
  readonly status: unknown;
  /** grpc-status from the headers (Trailers-Only) or the trailers */
  readonly grpcStatus: string | undefined;
  readonly grpcMessage: string | undefined;
  readonly body: Buffer;
}

/** One request on a raw HTTP/2 connection: what a client on the wire sees. */
function raw(headers: OutgoingHttpHeaders, body: Buffer): Promise<RawReply> {
  const session = connect(`http://localhost`, { createConnection: () => netConnect(socket) });
  return new Promise((resolve, reject) => {
    const stream = session.request(
      {
        ':method': 'POST',
        ':path': PATH,
        'content-type': 'application/grpc',
        te: 'trailers',
        ...headers,
      },
      { endStream: false },
    );
    let head: IncomingHttpHeaders = {};
    let trailers: IncomingHttpHeaders = {};
    const chunks: Buffer[] = [];
    stream.on('response', (response) => (head = response));
    stream.on('trailers', (received) => (trailers = received));
    stream.on('data', (chunk: Buffer) => chunks.push(chunk));
    stream.on('error', reject);
    stream.on('close', () => {
      session.close();
      const pick = (name: string): string | undefined =>
        (trailers[name] ?? head[name]) as string | undefined;
      resolve({
        status: head[':status'],
        grpcStatus: pick('grpc-status'),
        grpcMessage: pick('grpc-message'),
        body: Buffer.concat(chunks),
      });
    });
    stream.end(body);
  });
}

const rows: ReadonlyArray<[string, OutgoingHttpHeaders, Buffer, number, number | undefined]> = [
  ['a good call', {}, request('<domain/>'), 200, GRPC_CODE.OK],
  ['GET', { ':method': 'GET' }, Buffer.alloc(0), 405, undefined],
  ['not application/grpc', { 'content-type': 'text/plain' }, request('x'), 415, undefined],
  [
    'an unknown method',
    { ':path': '/kubevirt.hooks.v1alpha1.Callbacks/Nope' },
    request('x'),
    200,
    GRPC_CODE.UNIMPLEMENTED,
  ],
  ['no message', {}, Buffer.alloc(0), 200, GRPC_CODE.UNIMPLEMENTED],
  ['two messages', {}, Buffer.concat([request('a'), request('b')]), 200, GRPC_CODE.UNIMPLEMENTED],
  [
    'a compressed message',
    { 'grpc-encoding': 'gzip' },
    frame(Buffer.from('x'), true),
    200,
    GRPC_CODE.UNIMPLEMENTED,
  ],
  ['a message cut short', {}, request('<domain/>').subarray(0, 8), 200, GRPC_CODE.INTERNAL],
  [
    'bytes that are no message',
    {},
    frame(Buffer.from([0x0a, 0x09])),
    200,
    GRPC_CODE.INVALID_ARGUMENT,
  ],
  ['a message over the limit', {}, request('x'.repeat(MAX + 1)), 200, GRPC_CODE.RESOURCE_EXHAUSTED],
  [
    'a deadline that passes',
    { 'grpc-timeout': '50m' },
    request('slow'),
    200,
    GRPC_CODE.DEADLINE_EXCEEDED,
  ],
  [
    'a malformed grpc-timeout',
    { 'grpc-timeout': '5 seconds' },
    request('x'),
    200,
    GRPC_CODE.INTERNAL,
  ],
  ['a long deadline', { 'grpc-timeout': '99999999H' }, request('x'), 200, GRPC_CODE.OK],
];

for (const [name, headers, body, httpStatus, grpcStatus] of rows) {
  test(`on the wire: ${name}`, async () => {
    const reply = await raw(headers, body);
    assert.equal(reply.status, httpStatus);
    assert.equal(reply.grpcStatus, grpcStatus === undefined ? undefined : String(grpcStatus));
  });
}

test('a reply is headers, one length-prefixed message and grpc-status 0 in the trailers', async () => {
  const reply = await raw({}, request('<domain/>'));
  assert.deepEqual(reply.body, request('<domain/>'));
});

test('grpc-message is percent-encoded, and a grpc client reads the status back as sent', async () => {
  const reply = await raw({}, request('fail'));
  assert.equal(reply.grpcMessage, 'l%C3%ADnea 1%0A100%25 l%C3%ADnea 2');
  const viaClient = await call(socket, 'kubevirt.hooks.v1alpha1.Callbacks', 'OnDefineDomain', {
    domainXML: Buffer.from('fail'),
  });
  assert.ok(!viaClient.ok);
  assert.equal(viaClient.error.code, GRPC_CODE.FAILED_PRECONDITION);
  assert.equal(viaClient.error.details, 'línea 1\n100% línea 2');
});
