/**
 * The command line as a function: arguments, streams and environment in, the exit code out (0 ok, 1
 * patch error, 2 usage).
 */
import type { Output } from './command-output.js';
import { readStdinFrom } from './read-input.js';
import { asUsageError } from './usage-error.js';
import { USAGE } from './usage-text.js';

/** What a command gets from the process that runs it. */
export interface CommandProcess extends Output {
  /** all of stdin, read when an argument is `-` */
  readonly stdin: () => string;
  readonly env: NodeJS.ProcessEnv;
}

/**
 * Start-up for the commands that parse XML: xmldom's RegExp cache, installed here rather than as a
 * side effect of importing the engine (see src/engine/xml/xmldom-regexp-cache.ts). Loaded with the
 * command, so `help` and `schema` do not load the engine.
 */
async function installXmlParser(): Promise<void> {
  (await import('../engine/index.js')).installXmldomRegexpCache();
}

/** Each command is loaded only when asked for, so the offline commands never load gRPC. */
async function dispatch(argv: readonly string[], io: CommandProcess): Promise<number> {
  const [command, ...rest] = argv;
  switch (command) {
    case 'serve': {
      // serve's own bundle carries its own engine: the cache goes into that copy of xmldom
      const { entry, codeCache } = await (await import('./load-serve.js')).loadServe();
      entry.installXmldomRegexpCache();
      return entry.runServe(rest, { codeCache });
    }
    case 'apply':
      await installXmlParser();
      return (await import('./apply-command.js')).runApply(rest, io, io.env);
    case 'validate':
      await installXmlParser();
      return (await import('./validate-command.js')).runValidate(rest, io);
    case 'test':
      await installXmlParser();
      return (await import('./test-command.js')).runTest(rest, io);
    case 'call':
      return (await import('./call-command.js')).runCall(rest, io);
    case 'schema':
      return (await import('./schema-command.js')).runSchema(rest, io);
    case 'help':
    case '--help':
    case '-h':
      io.stdout(USAGE);
      return 0;
    default:
      io.stderr(
        `hookpatch: ${command === undefined ? 'a command is needed' : `unknown command '${command}'`}\n\n${USAGE}`,
      );
      return 2;
  }
}

/** A usage error becomes exit code 2 with a line on stderr; any other throw is a bug and is rethrown. */
export async function runCommand(argv: readonly string[], io: CommandProcess): Promise<number> {
  readStdinFrom(io.stdin);
  try {
    return await dispatch(argv, io);
  } catch (error) {
    const usage = asUsageError(error);
    if (usage === undefined) throw error;
    io.stderr(`hookpatch: ${usage.message}\nrun 'hookpatch --help' for usage\n`);
    return 2;
  }
}
