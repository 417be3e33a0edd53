/**
 * The status quo: like KubeVirt's sidecar-shim, fork the hook script for every OnDefineDomain with
 * `--version V --vmi JSON --domain XML` as arguments and answer with its stdout.
 */
import { execFile } from 'node:child_process';
import { serveHook } from './hook-server.js';

const script = process.env['HOOK_SCRIPT'];
if (script === undefined) throw new Error('HOOK_SCRIPT names the script to run per call');

serveHook(
  'fork-script',
  ['v1alpha2', 'v1alpha1'],
  (domainXml, vmi) =>
    new Promise((resolve, reject) => {
      const args = [
        '--version',
        'v1alpha2',
        '--vmi',
        vmi.toString('utf8'),
        '--domain',
        domainXml.toString('utf8'),
      ];
      execFile(
        script,
        args,
        { encoding: 'buffer', maxBuffer: 64 * 1024 * 1024 },
        (error, stdout) => {
          if (error !== null) reject(error);
          else resolve(stdout);
        },
      );
    }),
);
