/** Read YAML as cloud-init does: PyYAML's safe_load (a YAML 1.1 reader), run by python3 with python3-yaml. */
import { spawnSync } from 'node:child_process';

const SCRIPT = `
import json, sys, yaml
try:
    data = yaml.safe_load(sys.stdin.buffer.read().decode('utf-8'))
    print(json.dumps({'data': data}, default=str))
except yaml.YAMLError as error:
    print(json.dumps({'error': str(error)}))
`;

export type PyYamlReading = { readonly data: unknown } | { readonly error: string };

export function readWithPyYaml(text: string): PyYamlReading {
  const run = spawnSync('python3', ['-c', SCRIPT], { input: Buffer.from(text, 'utf8') });
  if (run.status !== 0)
    throw new Error(`python3 with python3-yaml is needed: ${run.stderr.toString('utf8')}`);
  return JSON.parse(run.stdout.toString('utf8')) as PyYamlReading;
}
