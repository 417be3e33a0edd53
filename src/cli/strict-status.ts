/** `--strict` (for CI): any warning fails `validate` and `apply` as an error would (exit 1). */
import { formatWarning, type PatchWarning } from '../engine/index.js';
import type { Output } from './command-output.js';

/** For warnings already printed: 1 and a line saying why, when there are any. */
export function strictStatus(warnings: number, out: Output): number {
  if (warnings === 0) return 0;
  const noun = warnings === 1 ? 'warning' : 'warnings';
  out.stderr(`hookpatch: ${warnings} ${noun}, which --strict makes errors\n`);
  return 1;
}

/** Prints the warnings, then as strictStatus. */
export function failStrict(warnings: readonly PatchWarning[], out: Output): number {
  for (const warning of warnings) out.stderr(`${formatWarning(warning)}\n`);
  return strictStatus(warnings.length, out);
}
