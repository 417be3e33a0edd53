/**
 * The image's V8 flags, set so that start-up takes Node's code cache. V8 checks a hash of its
 * flags before it takes any code cache, and Node's cache of its own built-in modules was made
 * without flags: with the image's flags left set, `node:http2` and what it loads compile from
 * source, ≈ 20 ms more CPU before the first Info answer (docs/performance.md). The heap's sizes
 * and `gc()` act once, when Node makes the isolate, so they go back to their defaults before
 * `serve` compiles anything (the heap keeps the sizes it was made with); `--no-sparkplug` acts
 * on every call, so it is off while the start-up's modules load and set again once the server
 * listens.
 */

/** Flags V8 reads only when the isolate is made, each with the flag that restores its default. */
const READ_AT_ISOLATE_CREATION: Readonly<Record<string, string>> = {
  '--max-old-space-size': '--max-old-space-size=0',
  '--max-semi-space-size': '--max-semi-space-size=0',
  '--expose-gc': '--no-expose-gc',
};

/** Flags V8 reads as code runs, each with the flag that restores its default. */
const READ_WHILE_RUNNING: Readonly<Record<string, string>> = {
  '--no-sparkplug': '--sparkplug',
};

export interface StartupV8Flags {
  /** every flag above at its default: before the bundle is compiled, and before its code cache is made */
  atStart(): void;
  /** the command line's flags that act while code runs, once the start-up's modules are loaded */
  serving(): void;
}

/** `--max_old_space_size=32` → `--max-old-space-size`: V8 takes either spelling. */
function flagName(arg: string): string {
  return (arg.split('=')[0] ?? arg).replace(/_/g, '-');
}

/**
 * `execArgv` is node's own arguments (`process.execArgv`); `set` is `v8.setFlagsFromString`.
 * Flags not named above are left as they are: V8 then refuses the caches, as before, and
 * nothing else changes.
 */
export function startupV8Flags(
  execArgv: readonly string[],
  set: (flags: string) => void,
): StartupV8Flags {
  const given = execArgv.filter((arg) => arg.startsWith('--'));
  const defaults = given
    .map((arg) => READ_AT_ISOLATE_CREATION[flagName(arg)] ?? READ_WHILE_RUNNING[flagName(arg)])
    .filter((flag) => flag !== undefined);
  const running = given.filter((arg) => READ_WHILE_RUNNING[flagName(arg)] !== undefined);
  return {
    atStart: () => {
      if (defaults.length > 0) set(defaults.join(' '));
    },
    serving: () => {
      if (running.length > 0) set(running.join(' '));
    },
  };
}
