/** The served process's resident memory, read from /proc as an operator would see it. */
import { readFile } from 'node:fs/promises';

/** VmRSS of a process, in MiB. */
export async function rssMiB(pid: number): Promise<number> {
  const statusText = await readFile(`/proc/${pid}/status`, 'utf8');
  const kib = /^VmRSS:\s+(\d+) kB$/m.exec(statusText)?.[1];
  if (kib === undefined) throw new Error(`no VmRSS for process ${pid}`);
  return Number(kib) / 1024;
}
