/** `--vmi FILE`: a VirtualMachineInstance or VirtualMachine, in JSON or YAML, as the VMI object a call would carry. */
import { parse } from 'yaml';
import { locate, type PatchError, vmiFromManifest } from '../engine/index.js';
import { readInput } from './read-input.js';

export type VmiInput =
  { readonly ok: true; readonly vmi: unknown } | { readonly ok: false; readonly error: PatchError };

/** Without `--vmi` a call knows no VMI: `{}`, as the engine's CallContext says. */
export function readVmi(path: string | undefined): VmiInput {
  if (path === undefined) return { ok: true, vmi: {} };
  const text = readInput(path, 'VMI');
  let manifest: unknown;
  try {
    // JSON is YAML 1.2: one parser reads both.
    manifest = parse(text);
  } catch (error) {
    const message = error instanceof Error ? (error.message.split('\n')[0] ?? '') : String(error);
    return {
      ok: false,
      error: {
        code: 'JSON_MALFORMED',
        message: `the VMI is neither JSON nor YAML: ${message}`,
        location: { source: path },
      },
    };
  }
  const vmi = vmiFromManifest(manifest);
  return vmi.ok
    ? { ok: true, vmi: vmi.value }
    : { ok: false, error: locate(vmi.problem, { source: path }) };
}
