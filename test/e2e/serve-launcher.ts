/** Runs `hookpatch serve …` in a child process for the end-to-end tests, as the CLI's entry point dispatches it. */
import { runServe } from '../../src/cli/serve.js';

const [command, ...args] = process.argv.slice(2);
process.exitCode = command === 'serve' ? await runServe(args) : 2;
