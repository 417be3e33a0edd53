/** Run the `hookpatch` command line: in process through runCommand (fast, for behaviour), or as the built binary (for the process itself). */
import { spawn } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { imageCommand, readImageRuntime } from '../../packaging/image-runtime.js';
import { runCommand } from '../../src/cli/run-command.js';
import { builtBundle } from '../built-bundle.js';

export const ROOT = fileURLToPath(new URL('../../', import.meta.url));

export interface CliResult {
  readonly code: number | null;
  readonly stdout: string;
  readonly stderr: string;
}

// Paths in the tests are relative to the repository root, as for a user who runs hookpatch there.
process.chdir(ROOT);

/** Runs never overlap: stdin and the streams belong to one run at a time, as in a process. */
let previous: Promise<unknown> = Promise.resolve();

/** main.ts's runCommand with captured streams; `stdin` is what `-` reads, `env` the environment. */
export function runCli(
  args: readonly string[],
  stdin = '',
  env: NodeJS.ProcessEnv = process.env,
): Promise<CliResult> {
  const run = previous.then(async () => {
    let stdout = '';
    let stderr = '';
    const code = await runCommand(args, {
      stdout: (text) => void (stdout += text),
      stderr: (text) => void (stderr += text),
      stdin: () => stdin,
      env,
    });
    return { code, stdout, stderr };
  });
  previous = run.catch(() => undefined);
  return run;
}

/** The built bundle as the image runs it (the Dockerfile's node flags and ENV), in ROOT. */
export function runBuiltCli(args: readonly string[], stdin = ''): Promise<CliResult> {
  builtBundle();
  const image = imageCommand(readImageRuntime(ROOT), ROOT, process.execPath, process.env);
  return new Promise((resolve, reject) => {
    const child = spawn(image.command, [...image.args, ...args], { cwd: ROOT, env: image.env });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(stdin);
  });
}
