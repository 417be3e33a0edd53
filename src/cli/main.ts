#!/usr/bin/env node
/** `hookpatch <serve|apply|validate|test|call|schema>`: one entry point; each command is loaded only when asked for, so the offline commands never load gRPC. */
import { USAGE } from './usage-text.js';
import { asUsageError } from './usage-error.js';

const out = {
  stdout: (text: string): void => void process.stdout.write(text),
  stderr: (text: string): void => void process.stderr.write(text),
};

/**
 * Start-up for the commands that parse XML: xmldom's RegExp cache, installed here rather than as a
 * side effect of importing the engine (see src/engine/xml/xmldom-regexp-cache.ts). Loaded with the
 * command, so `help` and `schema` do not load the engine.
 */
async function installXmlParser(): Promise<void> {
  (await import('../engine/index.js')).installXmldomRegexpCache();
}

async function run(argv: readonly string[]): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve':
      await installXmlParser();
      return (await import('./serve.js')).runServe(rest);
    case 'apply':
      await installXmlParser();
      return (await import('./apply-command.js')).runApply(rest, out, process.env);
    case 'validate':
      await installXmlParser();
      return (await import('./validate-command.js')).runValidate(rest, out);
    case 'test':
      await installXmlParser();
      return (await import('./test-command.js')).runTest(rest, out);
    case 'call':
      return (await import('./call-command.js')).runCall(rest, out);
    case 'schema':
      return (await import('./schema-command.js')).runSchema(rest, out);
    case 'help':
    case '--help':
    case '-h':
      out.stdout(USAGE);
      return 0;
    default:
      out.stderr(
        `hookpatch: ${command === undefined ? 'a command is needed' : `unknown command '${command}'`}\n\n${USAGE}`,
      );
      return 2;
  }
}

async function main(): Promise<void> {
  try {
    process.exitCode = await run(process.argv.slice(2));
  } catch (error) {
    const usage = asUsageError(error);
    if (usage === undefined) throw error;
    process.stderr.write(`hookpatch: ${usage.message}\nrun 'hookpatch --help' for usage\n`);
    process.exitCode = 2;
  }
}

await main();
