/**
 * A command line that cannot run as written (unknown flag, missing file): exit code 2, as opposed
 * to a patch error (1).
 */
export class UsageError extends Error {
  override readonly name = 'UsageError';
}

/** node:util parseArgs reports bad flags as TypeErrors with an ERR_PARSE_ARGS_* code. */
export function asUsageError(error: unknown): UsageError | undefined {
  if (error instanceof UsageError) return error;
  if (
    error instanceof TypeError &&
    'code' in error &&
    typeof error.code === 'string' &&
    error.code.startsWith('ERR_PARSE_ARGS')
  ) {
    return new UsageError(error.message);
  }
  return undefined;
}
