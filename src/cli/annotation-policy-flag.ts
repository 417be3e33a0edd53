/** `--annotation-policy FILE` for `apply` and `validate`: read as `serve` reads it, so they judge as it does. */
import { formatError, type PolicyLoad } from '../engine/index.js';
import { readPolicyFile } from '../sources/index.js';
import { UsageError } from './usage-error.js';

/**
 * A policy that does not load is handed on as it is: like `serve`, the engine then refuses every
 * annotation document, naming the policy's error. A file that cannot be read is a usage error here
 * (`serve` fails closed instead: it cannot stop to ask).
 */
export async function annotationPolicyFlag(
  path: string | undefined,
): Promise<PolicyLoad | undefined> {
  if (path === undefined) return undefined;
  const file = await readPolicyFile(path);
  if (!file.ok) throw new UsageError(`--annotation-policy ${formatError(file.error)}`);
  return file.policy;
}
