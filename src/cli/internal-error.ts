/** A bug reaches the terminal as one line with a code, never as a stack trace quoting the bundled source. */

/** Exit status of a command that failed by a bug (sysexits' EX_SOFTWARE). */
export const INTERNAL_ERROR_STATUS = 70;

/** `hookpatch: internal error: MESSAGE [INTERNAL]`, the message cut to its first line and 200 characters. */
export function internalErrorLine(error: unknown): string {
  const text = error instanceof Error ? `${error.name}: ${error.message}` : String(error);
  const first = text.split('\n', 1)[0] ?? '';
  const message = first.length > 200 ? `${first.slice(0, 200)}…` : first;
  return `hookpatch: internal error: ${message} [INTERNAL]\n`;
}
