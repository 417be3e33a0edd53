/** Runs `hookpatch serve` in a child process for the end-to-end tests, as the image's entry point would. */
import { runServe } from '../../src/cli/serve.js';

process.exitCode = await runServe(process.argv.slice(2));
