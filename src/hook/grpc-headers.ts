/** The gRPC-specific HTTP/2 headers a unary server reads and writes: `grpc-timeout` and `grpc-message`. */

const TIMEOUT_UNIT_MS: Readonly<Record<string, number>> = {
  H: 3_600_000,
  M: 60_000,
  S: 1000,
  m: 1,
  u: 0.001,
  n: 0.000001,
};

/**
 * `grpc-timeout`: at most eight digits and a unit (PROTOCOL-HTTP2.md); milliseconds, undefined
 * when absent, NaN when not of that form.
 */
export function timeoutMs(header: string | string[] | undefined): number | undefined {
  if (header === undefined) return undefined;
  const match = /^(\d{1,8})([HMSmun])$/.exec(Array.isArray(header) ? (header[0] ?? '') : header);
  if (match === null) return Number.NaN;
  return Number(match[1]) * (TIMEOUT_UNIT_MS[match[2] ?? ''] ?? Number.NaN);
}

/**
 * `grpc-message` is percent-encoded UTF-8: bytes outside printable ASCII, and `%` itself, are
 * written as `%XX` (PROTOCOL-HTTP2.md), so a multi-line error survives as one header value.
 */
export function percentEncoded(text: string): string {
  let encoded = '';
  for (const byte of Buffer.from(text, 'utf8')) {
    encoded +=
      byte >= 0x20 && byte <= 0x7e && byte !== 0x25
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return encoded;
}
