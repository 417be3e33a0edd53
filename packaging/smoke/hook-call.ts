/** A tiny KubeVirt-side client for the image smoke test: one hook call over a unix socket, through the product's client (`src/client/`), result on stdout. */
import { readFileSync } from 'node:fs';
import {
  callInfo,
  callOnDefineDomain,
  callShutdown,
  type CallOutcome,
} from '../../src/client/hook-calls.js';

const USAGE =
  'usage: hook-call.ts info SOCKET | define SOCKET DOMAIN.xml VMI.json | shutdown SOCKET';

function value<T>(outcome: CallOutcome<T>): T {
  if (!outcome.ok) throw new Error(outcome.error.details);
  return outcome.value;
}

async function main(args: string[]): Promise<string> {
  const [command, socket, domainFile, vmiFile] = args;
  if (socket === undefined) throw new Error(USAGE);
  if (command === 'info') {
    const info = value(await callInfo(socket));
    return `name=${info.name}\nversions=${info.versions.join(',')}\nhookPoints=${info.hookPoints.map((point) => point.name).join(',')}\n`;
  }
  if (command === 'define' && domainFile !== undefined && vmiFile !== undefined) {
    return value(
      await callOnDefineDomain(
        socket,
        'v1alpha3',
        readFileSync(domainFile, 'utf8'),
        readFileSync(vmiFile, 'utf8'),
      ),
    );
  }
  if (command === 'shutdown') {
    value(await callShutdown(socket));
    return 'shutdown answered\n';
  }
  throw new Error(USAGE);
}

main(process.argv.slice(2)).then(
  (output) => process.stdout.write(output),
  (error: unknown) => {
    process.stderr.write(`hook-call: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 1;
  },
);
