#!/usr/bin/env node
/** `hookpatch <serve|apply|validate|test|call|schema>`: the one entry point, binding runCommand to the process. */
import { readFileSync } from 'node:fs';
import { runCommand } from './run-command.js';

process.exitCode = await runCommand(process.argv.slice(2), {
  stdout: (text) => void process.stdout.write(text),
  stderr: (text) => void process.stderr.write(text),
  stdin: () => readFileSync(0, 'utf8'),
  env: process.env,
});
