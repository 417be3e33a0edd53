/**
 * KubeVirt calls OnDefineDomain up to three times per VM start, each later call with the previous
 * reply re-marshalled through its DomainSpec (remarshal.ts). A patch survives that when the
 * struct's view stops changing after the first call and the last two replies are the same text.
 */
import type { ApplyOutcome, PatchError } from '../../src/engine/index.js';
import { remarshal } from './remarshal.js';

export type CallChain =
  | {
      readonly ok: true;
      /** the replies of calls 1, 2 and 3 */
      readonly replies: readonly [string, string, string];
      /** the inputs of calls 2 and 3 */
      readonly remarshalled: readonly [string, string];
    }
  | { readonly ok: false; readonly call: number; readonly error: PatchError };

/** Calls 1–3: the first on `input`, each later one on the previous reply re-marshalled. */
export function threeCalls(input: string, call: (xml: string) => ApplyOutcome<string>): CallChain {
  const first = call(input);
  if (!first.ok) return { ok: false, call: 1, error: first.error };
  const second = remarshal(first.value);
  const two = call(second);
  if (!two.ok) return { ok: false, call: 2, error: two.error };
  const third = remarshal(two.value);
  const three = call(third);
  if (!three.ok) return { ok: false, call: 3, error: three.error };
  return {
    ok: true,
    replies: [first.value, two.value, three.value],
    remarshalled: [second, third],
  };
}

/** Why the chain did not converge, or undefined when it did: the struct's view after calls 1 and 2 is the same, and so are replies 2 and 3. */
export function divergence(chain: CallChain): string | undefined {
  if (!chain.ok) return `call ${chain.call} failed: ${chain.error.code}: ${chain.error.message}`;
  const [, second, third] = chain.replies;
  if (chain.remarshalled[0] !== chain.remarshalled[1])
    return `KubeVirt's view changed between calls 1 and 2:\n${firstDifference(chain.remarshalled[0], chain.remarshalled[1])}`;
  if (second !== third) return `replies 2 and 3 differ:\n${firstDifference(second, third)}`;
  return undefined;
}

function firstDifference(a: string, b: string): string {
  const left = a.split('\n');
  const right = b.split('\n');
  const index = left.findIndex((line, i) => line !== right[i]);
  const at = index < 0 ? left.length : index;
  return `line ${at + 1}:\n- ${left[at] ?? '(end)'}\n+ ${right[at] ?? '(end)'}`;
}
