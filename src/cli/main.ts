#!/usr/bin/env node
/** `hookpatch <serve|apply|validate|test|call|schema>`: the one entry point, binding runCommand to the process. */
import { readFileSync } from 'node:fs';
import { INTERNAL_ERROR_STATUS, internalErrorLine } from './internal-error.js';
import { runCommand } from './run-command.js';

/** A bug: one line and a code on stderr, never Node's report (which quotes the bundled source). */
function failInternally(error: unknown): void {
  process.stderr.write(internalErrorLine(error));
  process.exit(INTERNAL_ERROR_STATUS);
}

const argv = process.argv.slice(2);
// `serve` logs its own crashes as JSON lines; every other command is a terminal's
if (argv[0] !== 'serve') {
  process.on('uncaughtException', failInternally);
  process.on('unhandledRejection', failInternally);
}
try {
  process.exitCode = await runCommand(argv, {
    stdout: (text) => void process.stdout.write(text),
    stderr: (text) => void process.stderr.write(text),
    stdin: () => readFileSync(0, 'utf8'),
    env: process.env,
  });
} catch (error) {
  failInternally(error);
}
